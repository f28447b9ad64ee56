import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { withoutCredentials } from '../privacy/toolAnswer';
import { setRequestGate, setRequestTimeout, type HeroRequest } from '../transport';
import { DEFAULT_REQUESTS_IN_FLIGHT, MAX_REQUESTS_IN_FLIGHT } from './common.descriptions';
import { resources } from './resources';

type ItemError = NodeApiError | NodeOperationError;

/**
 * Thrown by the request gate during the check pass: the item got as far as its first request. One
 * instance for every item (the router tells it by `reachedRequest`), so no stack trace is taken per item.
 */
const WOULD_SEND = new Error('stopped before the first request (check pass)');

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

/** The item's error as n8n shows it: tied to the item, Hero's errors kept as they are. */
function itemError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): ItemError {
	if (error instanceof NodeApiError) {
		error.context.itemIndex ??= itemIndex;
		// The constructor hands back the same instance: the error keeps its message and code.
		return new NodeApiError(ctx.getNode(), error as unknown as JsonObject);
	}
	const wrapped = new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	wrapped.context.itemIndex ??= itemIndex;
	return wrapped;
}

function requestsInFlight(ctx: IExecuteFunctions, value: unknown): number {
	if (value === undefined || value === null || value === '') return DEFAULT_REQUESTS_IN_FLIGHT;
	const count = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_REQUESTS_IN_FLIGHT) {
		throw new NodeOperationError(ctx.getNode(), `Requests in Flight: expected a whole number from 1 to ${MAX_REQUESTS_IN_FLIGHT}`, {
			description: 'Set Request Options → Requests in Flight (typed or from an expression) to a whole number in that range. Nothing was sent to Hero.',
		});
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
		throw new NodeOperationError(ctx.getNode(), `Timeout (Milliseconds): expected a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`, {
			description: 'Set Request Options → Timeout (typed or from an expression) to a whole number of milliseconds in that range, e.g. 30000. Nothing was sent to Hero.',
		});
	}
	return ms;
}

/** A copy of plain objects and lists, so an operation that changes what it read cannot change the memo. */
function copyPlain<T>(value: T): T {
	if (Array.isArray(value)) return value.map(copyPlain) as T;
	if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, copyPlain(entry)])) as T;
	}
	return value;
}

/** Whether a parameter's stored value holds an expression anywhere (`={{ … }}`, `$fromAI` included). */
function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * The execute context with `getNodeParameter` remembered: the check pass and the run pass read the
 * same parameters, and each read of an expression costs an evaluation (about 1 ms). A parameter that
 * holds no expression has the same value for every item, so it is read from n8n once per execution,
 * not once per item (each read deep-copies and walks it).
 */
function rememberingParameters(ctx: IExecuteFunctions): IExecuteFunctions {
	const memo = new Map<string, unknown>();
	const stored = ctx.getNode().parameters;
	const perItem = new Map<string, boolean>();
	const readsPerItem = (name: string) => {
		let answer = perItem.get(name);
		if (answer === undefined) {
			let value: unknown = stored;
			for (const part of name.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
			answer = holdsExpression(value);
			perItem.set(name, answer);
		}
		return answer;
	};
	const getNodeParameter = (...args: Parameters<IExecuteFunctions['getNodeParameter']>) => {
		const [name, , ...rest] = args;
		const key = JSON.stringify(readsPerItem(name) ? args : [name, rest]);
		if (!memo.has(key)) memo.set(key, (ctx.getNodeParameter as (...a: unknown[]) => unknown)(...args));
		return copyPlain(memo.get(key));
	};
	// Bound once: the operations reach the context's helpers on every item.
	const bound = new Map<PropertyKey, unknown>();
	return new Proxy(ctx, {
		get(target, property) {
			if (property === 'getNodeParameter') return getNodeParameter;
			if (bound.has(property)) return bound.get(property);
			const value: unknown = Reflect.get(target, property, target);
			if (typeof value !== 'function') return value;
			const method = value.bind(target);
			bound.set(property, method);
			return method;
		},
	});
}

/** `message_id 123`, `appointment_id 45`, `id 6`: how the output of a done item is found at Hero. */
function referenceOf(output: INodeExecutionData[] | undefined): string | undefined {
	const json = output?.[0]?.json;
	for (const key of ['message_id', 'appointment_id', 'id']) {
		const value = json?.[key];
		if (typeof value === 'string' || typeof value === 'number') return `${key} ${value}`;
	}
	return undefined;
}

const LISTED = 50;

/** A request that can change data at Hero: every method but GET and HEAD, unless marked as a read. */
const changesData = (request: HeroRequest) => request.method !== 'GET' && request.method !== 'HEAD' && request.readOnly !== true;

/** An item the run pass never started because the user pressed Stop. */
function notSentError(ctx: IExecuteFunctions, itemIndex: number): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), 'Not sent: the execution was stopped before this item was sent to Hero', {
		itemIndex,
		description: 'Nothing of this item left n8n, so Hero did nothing with it. Run it again when ready.',
	});
}

/** Adds to a run-stopping error what had already been done at Hero, so nobody re-runs blindly. */
function noteDone(error: ItemError, done: number[], unknown: number[], outputs: INodeExecutionData[][], notSent: number[] = []): ItemError {
	if (notSent.length) error.description = [error.description, `Not sent (the execution was stopped first): ${notSent.map((i) => `item ${i}`).join(', ')}.`].filter(Boolean).join('\n');
	if (done.length === 0 && unknown.length === 0) return error;
	const lines: string[] = [];
	if (done.length) {
		const listed = done.slice(0, LISTED).map((index) => {
			const reference = referenceOf(outputs[index]);
			return reference ? `item ${index} (${reference})` : `item ${index}`;
		});
		if (done.length > LISTED) listed.push(`and ${done.length - LISTED} more`);
		lines.push(`Already sent to Hero before the run stopped (${done.length}): ${listed.join(', ')}.`);
	}
	if (unknown.length) {
		lines.push(`Also failed after a request that changes data was sent (check them in Hero: it may have been carried out): ${unknown.map((i) => `item ${i}`).join(', ')}.`);
	}
	lines.push(
		done.length
			? 'Running this execution again (or Retry On Fail) will send them again: take those items out, or check Hero, first.'
			: 'Check these items in Hero before running this execution again (or using Retry On Fail).',
	);
	error.description = [error.description, ...lines].filter(Boolean).join('\n');
	error.message = done.length
		? `${error.message} (${done.length} other item${done.length === 1 ? ' was' : 's were'} already sent: running the execution again will send them again; see the details)`
		: `${error.message} (other items may have been sent: see the details before running again)`;
	return error;
}

/**
 * Runs the chosen operation once per input item, at most `Requests in Flight` items at a time,
 * and returns the outputs in input order, each paired with its input item.
 *
 * Two passes. The check pass runs every item's `execute` up to its first request to Hero (the
 * request gate stops it there), so an invalid item is found before any item is sent. The run pass
 * then runs the items for real; parameters are read once for both passes.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not known for "${resource}"`);
	}

	const options = this.getNodeParameter('requestOptions', 0, {}) as IDataObject;
	const requested = requestsInFlight(this, options.requestsInFlight);
	const timeout = requestTimeout(this, options.timeout);
	const inFlight = operation.parallel === false ? 1 : requested;
	const ctx = rememberingParameters(this);
	setRequestTimeout(ctx, timeout);

	const outputs: INodeExecutionData[][] = new Array(items.length);
	const continueOnFail = this.continueOnFail() || calledByAgent(this, items);
	// A tool's answer goes to the model: no bearer tokens in it (privacy/toolAnswer.ts).
	const forModel = this.getNode().type.endsWith('Tool');
	const toOutput = (result: IDataObject | IDataObject[], itemIndex: number) =>
		this.helpers.constructExecutionMetaData(
			this.helpers.returnJsonArray(forModel ? (Array.isArray(result) ? result.map(withoutCredentials) : withoutCredentials(result)) : result),
			{ itemData: { item: itemIndex } },
		);

	// Check pass: one item at a time (no request is made, so this is quick).
	let checking = true;
	let reachedRequest = false;
	// Items with a write that left n8n and that Hero did not refuse (the transport tells, per attempt).
	const wrote = new Set<number>();
	setRequestGate(ctx, (request) => {
		if (checking) {
			reachedRequest = true;
			throw WOULD_SEND;
		}
		const { itemIndex } = request;
		if (itemIndex === undefined || !changesData(request)) return undefined;
		return () => wrote.add(itemIndex);
	});
	const pending: number[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		reachedRequest = false;
		try {
			const result = await operation.execute.call(ctx, itemIndex);
			// An operation that needs no request (e.g. an access token made locally) is done already.
			if (reachedRequest) pending.push(itemIndex);
			else outputs[itemIndex] = toOutput(result, itemIndex);
		} catch (error) {
			// Whatever happens once the first request is reached is the run pass's business.
			if (reachedRequest) {
				pending.push(itemIndex);
				continue;
			}
			if (continueOnFail) {
				outputs[itemIndex] = [{ json: errorJson(error as Error), pairedItem: { item: itemIndex } }];
				continue;
			}
			throw itemError(this, error, itemIndex);
		}
	}
	checking = false;

	// Run pass. Workers take the next item until none is left; after a failure no new item starts, and
	// the ones already in flight finish before the error is raised, so no started send goes unreported.
	let next = 0;
	let stopError: ItemError | undefined;
	const failedAfterWrite: number[] = [];
	// n8n aborts it when the user presses Stop: no item starts after that.
	const cancel = this.getExecutionCancelSignal?.();
	const worker = async () => {
		while (next < pending.length && !stopError && !cancel?.aborted) {
			const itemIndex = pending[next++];
			try {
				outputs[itemIndex] = toOutput(await operation.execute.call(ctx, itemIndex), itemIndex);
			} catch (error) {
				if (continueOnFail) {
					outputs[itemIndex] = [{ json: errorJson(error as Error), pairedItem: { item: itemIndex } }];
				} else if (stopError) {
					if (wrote.has(itemIndex)) failedAfterWrite.push(itemIndex);
				} else {
					stopError = itemError(this, error, itemIndex);
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(inFlight, pending.length) }, worker));
	const notSent = cancel?.aborted ? pending.slice(next) : [];
	if (continueOnFail) {
		for (const index of notSent) outputs[index] = [{ json: errorJson(notSentError(this, index)), pairedItem: { item: index } }];
	} else if (notSent.length) {
		stopError ??= notSentError(this, notSent[0]);
	}
	if (stopError) {
		const done = pending.filter((index) => outputs[index] !== undefined && wrote.has(index));
		throw noteDone(stopError, done, failedAfterWrite, outputs, notSent);
	}
	return [outputs.flat()];
}
