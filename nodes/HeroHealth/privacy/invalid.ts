import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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
	return new NodeOperationError(ctx.getNode(), `${field}: ${expectation} [item ${itemIndex}]`, {
		itemIndex,
		description: `Item ${itemIndex} was not sent to Hero. Correct "${field}" and run again.`,
	});
}
