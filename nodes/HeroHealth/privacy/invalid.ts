import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The item's row number as a person counts rows in n8n's output table: 1 for n8n's first item
 * (`itemIndex` 0). Every text the package shows a person numbers items this way; n8n's own
 * `itemIndex` option on an error stays 0-based (n8n uses it to link the error to its item).
 */
export function itemNumber(itemIndex: number): number {
	return itemIndex + 1;
}

/** `[item 1]` for n8n's first item: the end of every error message about one item. */
export function itemLabel(itemIndex: number): string {
	return `[item ${itemNumber(itemIndex)}]`;
}

/**
 * A validation failure: names the field and the item, and **never repeats the rejected value** (it
 * may be a patient's phone, email or NHS number). Takes no value, so none can reach the message.
 */
export function invalid(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	expectation: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${field}: ${expectation} ${itemLabel(itemIndex)}`, {
		itemIndex,
		description: `Item ${itemNumber(itemIndex)} was not sent to Hero. Correct "${field}" and run again.`,
	});
}
