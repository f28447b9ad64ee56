import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The item's row as a person counts rows in n8n's output table: row 1 is n8n's first item
 * (`itemIndex` 0). n8n itself numbers items from 0 (its editor appends `[item 0]` to an error whose
 * message does not name that item), so a label names both and n8n adds nothing.
 */
export function rowNumber(itemIndex: number): number {
	return itemIndex + 1;
}

/** `row 2`: how a text names an item. */
export function rowName(itemIndex: number): string {
	return `row ${rowNumber(itemIndex)}`;
}

/** `[row 2 (n8n item 1)]`: the end of every error message about one item. */
export function itemLabel(itemIndex: number): string {
	return `[${rowName(itemIndex)} (n8n item ${itemIndex})]`;
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
		description: `Row ${rowNumber(itemIndex)} was not sent to Hero. Correct "${field}" and run again.`,
	});
}
