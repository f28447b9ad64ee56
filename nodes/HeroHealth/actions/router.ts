import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { setRequestTimeout } from '../transport';
import { DEFAULT_REQUESTS_IN_FLIGHT } from './common.descriptions';
import { resources } from './resources';

interface RequestOptions {
	requestsInFlight?: number;
	timeout?: number;
}

function errorJson(error: Error): IDataObject {
	const json: IDataObject = { error: error.message };
	const description = (error as NodeApiError).description;
	if (description) json.description = description;
	const httpCode = (error as NodeApiError).httpCode;
	if (httpCode) json.httpCode = httpCode;
	return json;
}

/**
 * True when an AI Agent called this node as its tool and n8n's engine runs the call (the input item
 * carries the agent's `toolCallId`). There a thrown error stops the whole workflow and the model never
 * learns why; answered as the tool's result instead, the model can correct its input or tell the user.
 * (Over MCP the tool is called directly, and n8n already turns a thrown error into an error result.)
 */
function calledByAgent(ctx: IExecuteFunctions, items: INodeExecutionData[]): boolean {
	return ctx.getNode().type.endsWith('Tool') && items.length > 0 && typeof items[0].json.toolCallId === 'string';
}

/**
 * Runs the chosen operation once per input item, at most `Requests in Flight` items at a time,
 * and returns the outputs in input order, each paired with its input item.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not known for "${resource}"`);
	}

	const options = this.getNodeParameter('requestOptions', 0, {}) as RequestOptions;
	setRequestTimeout(this, options.timeout);
	const inFlight = operation.parallel === false ? 1 : Math.max(1, Math.floor(options.requestsInFlight ?? DEFAULT_REQUESTS_IN_FLIGHT));

	const outputs: INodeExecutionData[][] = new Array(items.length);
	const continueOnFail = this.continueOnFail() || calledByAgent(this, items);
	let next = 0;
	let stopError: NodeApiError | NodeOperationError | undefined;

	const runItem = async (itemIndex: number): Promise<INodeExecutionData[]> => {
		try {
			const result = await operation.execute.call(this, itemIndex);
			return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), { itemData: { item: itemIndex } });
		} catch (error) {
			if (continueOnFail) return [{ json: errorJson(error as Error), pairedItem: { item: itemIndex } }];
			if (error instanceof NodeApiError) {
				error.context.itemIndex ??= itemIndex;
				// The constructor hands back the same instance: the error keeps its message and code.
				throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
			}
			const wrapped = new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			wrapped.context.itemIndex ??= itemIndex;
			throw wrapped;
		}
	};

	// Workers take the next item until none is left; after a failure no new item starts, and the
	// ones already in flight finish before the error is raised, so no started send goes unreported.
	const worker = async () => {
		while (next < items.length && !stopError) {
			const itemIndex = next++;
			try {
				outputs[itemIndex] = await runItem(itemIndex);
			} catch (error) {
				stopError ??= error as NodeApiError | NodeOperationError;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, worker));
	if (stopError) throw stopError;
	return [outputs.flat()];
}
