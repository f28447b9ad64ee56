import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withoutCredentials } from '../privacy/toolAnswer';
import type { SupervisedContext } from '../transport';
import { DEFAULT_REQUESTS_IN_FLIGHT, MAX_REQUESTS_IN_FLIGHT } from './common.descriptions';
import { resources } from './resources';
import type { LookupContext } from './router.lookups';
import { rememberingParameters } from './router.parameters';
import { errorItem, patientOfItem, withPatient } from './router.outcomes';
import { PassSupervisor, checkPass, runPass } from './router.passes';
import { toolResult } from './toolResults';

/**
 * True when an AI Agent called this node as its tool and n8n's engine runs the call (the input item
 * carries the agent's `toolCallId`). There a thrown error stops the whole workflow and the model never
 * learns why; answered as the tool's result instead, the model can correct its input or tell the user.
 * (Over MCP the tool is called directly, and n8n already turns a thrown error into an error result.)
 */
function calledByAgent(ctx: IExecuteFunctions, items: INodeExecutionData[]): boolean {
	return (
		ctx.getNode().type.endsWith('Tool') &&
		items.length > 0 &&
		typeof items[0].json.toolCallId === 'string'
	);
}

function requestsInFlight(ctx: IExecuteFunctions, value: unknown): number {
	if (value === undefined || value === null || value === '') return DEFAULT_REQUESTS_IN_FLIGHT;
	const count = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (
		typeof count !== 'number' ||
		!Number.isInteger(count) ||
		count < 1 ||
		count > MAX_REQUESTS_IN_FLIGHT
	) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Requests in Flight: expected a whole number from 1 to ${MAX_REQUESTS_IN_FLIGHT}`,
			{
				description:
					'Set Request Options → Requests in Flight (typed or from an expression) to a whole number in that range. Nothing was sent to Hero.',
			},
		);
	}
	return count;
}

/** Largest timeout Node's timers honour: above it n8n's own request timer fires at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * Request Options → Timeout, checked as Requests in Flight is. From an expression it may be text:
 * a string deadline (`now + "30000"`) once never fired, so it is read as a number or refused.
 */
function requestTimeout(ctx: IExecuteFunctions, value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const ms = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 1 || ms > MAX_TIMEOUT_MS) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Timeout (Milliseconds): expected a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`,
			{
				description:
					'Set Request Options → Timeout (typed or from an expression) to a whole number of milliseconds in that range, e.g. 30000. Nothing was sent to Hero.',
			},
		);
	}
	return ms;
}

/**
 * Runs the chosen operation once per input item, at most `Requests in Flight` items at a time,
 * and returns the outputs in input order, each paired with its input item.
 *
 * Two passes (router.passes.ts). The check pass runs every item's `execute` up to its first request to
 * Hero (the supervisor stops it there), so an invalid item is found before any item is sent; the reads
 * it needs first (a patient found by NHS number) are made together, once each (router.lookups.ts). The run
 * pass then runs the items for real; parameters are read once for both passes (router.parameters.ts).
 * The transport learns of the passes through the `RequestSupervisor` handed over on the context.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" is not known for "${resource}"`,
		);
	}

	const options = this.getNodeParameter('requestOptions', 0, {}) as IDataObject;
	const requested = requestsInFlight(this, options.requestsInFlight);
	const timeout = requestTimeout(this, options.timeout);
	const inFlight = operation.parallel === false ? 1 : requested;
	const supervisor = new PassSupervisor(timeout);
	const own: SupervisedContext & LookupContext = {
		heroRequestSupervisor: supervisor,
		heroLookups: supervisor.lookups,
	};
	const ctx = rememberingParameters(this, own);

	const outputs: INodeExecutionData[][] = new Array(items.length);
	const continueOnFail = this.continueOnFail() || calledByAgent(this, items);
	// A tool's answer goes to the model: in the operation's tool shape if it has one (toolResults.ts),
	// and no bearer tokens in it (privacy/toolAnswer.ts).
	const forModel = this.getNode().type.endsWith('Tool');
	const forTheModel = (result: IDataObject | IDataObject[], itemIndex: number) => {
		const answer = toolResult(ctx, `${resource}:${operationName}`, itemIndex, result);
		return Array.isArray(answer) ? answer.map(withoutCredentials) : withoutCredentials(answer);
	};
	// The patient an item is about goes on its output item, done or failed (router.outcomes.ts).
	const patientOf = (itemIndex: number) =>
		supervisor.patients.has(itemIndex)
			? supervisor.patients.get(itemIndex)
			: patientOfItem(ctx, itemIndex);
	// Patient → Get outputs the patient itself (Raw is Hero's record as it came): nothing is added.
	const isPatientRecord = `${resource}:${operationName}` === 'patient:get';
	const toOutput = (result: IDataObject | IDataObject[], itemIndex: number) =>
		this.helpers.constructExecutionMetaData(
			this.helpers.returnJsonArray(
				forModel
					? forTheModel(result, itemIndex)
					: isPatientRecord
						? result
						: withPatient(result, patientOf(itemIndex)),
			),
			{ itemData: { item: itemIndex } },
		);
	const toErrorItem = (error: Error, itemIndex: number) =>
		errorItem(error, itemIndex, patientOf(itemIndex), forModel);

	const passes = {
		execution: this,
		ctx,
		supervisor,
		operation,
		itemCount: items.length,
		continueOnFail,
		outputs,
		toOutput,
		toErrorItem,
	};
	// Lookups are reads: they may run `requested` at a time even where the operation runs one by one.
	const pending = await checkPass(passes, requested);
	await runPass(passes, pending, inFlight);
	return [outputs.flat()];
}
