import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { HeroRequest, RequestSupervisor, SupervisedContext } from '../transport';
import { Lookups, NEEDS_LOOKUP } from './router.lookups';
import {
	itemError,
	notSentError,
	noteDone,
	patientsNamedBy,
	type ItemError,
} from './router.outcomes';
import type { HeroOperation } from './types';

/**
 * Thrown by the supervisor during the check pass: the item got as far as its first request. One
 * instance for every item (the router tells it by `reachedRequest`), so no stack trace is taken per item.
 */
const WOULD_SEND = new Error('stopped before the first request (check pass)');

/** A request that can change data at Hero: every method but GET and HEAD, unless marked as a read. */
const changesData = (request: HeroRequest) =>
	request.method !== 'GET' && request.method !== 'HEAD' && request.readOnly !== true;

/**
 * The router's side of the router–transport contract for one execution. In the check pass it stops
 * every request (the item is then pending), except the GETs of the lookups the check pass needs
 * (router.lookups.ts), let through while the router resolves them; in the run pass it notes the items
 * with a write that left n8n and that Hero did not refuse (the transport tells, per attempt).
 */
export class PassSupervisor implements RequestSupervisor {
	checking = true;
	/** True while the check pass's lookups are made: only GETs go through then. */
	resolving = false;
	reachedRequest = false;
	readonly wrote = new Set<number>();
	/**
	 * By item whose request named patients (check and run pass): the one it named, for its output
	 * item; `undefined` when it named two (a merge).
	 */
	readonly patients = new Map<number, string | undefined>();
	readonly lookups = new Lookups();

	constructor(readonly timeoutMs: number | undefined) {}

	beforeRequest(request: HeroRequest): (() => void) | undefined {
		const named = request.itemIndex === undefined ? [] : patientsNamedBy(request);
		if (named.length)
			this.patients.set(request.itemIndex as number, named.length === 1 ? named[0] : undefined);
		if (this.checking) {
			if (this.resolving && request.method === 'GET') return undefined;
			this.reachedRequest = true;
			throw WOULD_SEND;
		}
		const { itemIndex } = request;
		if (itemIndex === undefined || !changesData(request)) return undefined;
		return () => this.wrote.add(itemIndex);
	}
}

/** One execution of the router, as both passes see it. */
export interface Passes {
	/** The node's own execute context (errors, Stop). */
	execution: IExecuteFunctions;
	/** The context the operations run with: parameters remembered, the supervisor on it. */
	ctx: IExecuteFunctions & SupervisedContext;
	supervisor: PassSupervisor;
	operation: HeroOperation;
	itemCount: number;
	continueOnFail: boolean;
	/** The outputs, by input item; filled by the passes. */
	outputs: INodeExecutionData[][];
	toOutput(result: IDataObject | IDataObject[], itemIndex: number): INodeExecutionData[];
	/** The output item of a failed item under Continue On Fail (router.outcomes.ts `errorItem`). */
	toErrorItem(error: Error, itemIndex: number): INodeExecutionData;
}

/**
 * Check pass: one item at a time (no request is made, so this is quick). Runs every item's `execute` up
 * to its first request to Hero, so an invalid item is found before any item is sent. An item that needs
 * a lookup first (router.lookups.ts) waits: once every item is checked, the lookups are made together
 * (at most `lookupsInFlight` at a time, each once) and the waiting items checked again. Returns the
 * items left for the run pass, in input order.
 */
export async function checkPass(passes: Passes, lookupsInFlight = 1): Promise<number[]> {
	const { supervisor } = passes;
	const pending: number[] = [];
	let items = Array.from({ length: passes.itemCount }, (_, index) => index);
	while (items.length) {
		const waiting = await checkItems(passes, items, pending);
		if (!waiting.length) break;
		supervisor.resolving = true;
		try {
			await supervisor.lookups.resolve(lookupsInFlight);
		} finally {
			supervisor.resolving = false;
		}
		items = waiting;
	}
	supervisor.lookups.gathering = false;
	supervisor.checking = false;
	return pending.sort((a, b) => a - b);
}

/** Checks `items` in turn: adds those that reached a request to `pending`; returns those waiting on a lookup. */
async function checkItems(passes: Passes, items: number[], pending: number[]): Promise<number[]> {
	const { supervisor, operation, ctx, outputs } = passes;
	const waiting: number[] = [];
	for (const itemIndex of items) {
		supervisor.reachedRequest = false;
		try {
			const result = await operation.execute.call(ctx, itemIndex);
			// An operation that needs no request (e.g. an access token made locally) is done already.
			if (supervisor.reachedRequest) pending.push(itemIndex);
			else outputs[itemIndex] = passes.toOutput(result, itemIndex);
		} catch (error) {
			if (error === NEEDS_LOOKUP) {
				waiting.push(itemIndex);
				continue;
			}
			// Whatever happens once the first request is reached is the run pass's business.
			if (supervisor.reachedRequest) {
				pending.push(itemIndex);
				continue;
			}
			if (passes.continueOnFail) {
				outputs[itemIndex] = [passes.toErrorItem(error as Error, itemIndex)];
				continue;
			}
			throw itemError(passes.execution, error, itemIndex);
		}
	}
	return waiting;
}

/**
 * Run pass, at most `inFlight` items at a time. Workers take the next item until none is left; after a
 * failure no new item starts, and the ones already in flight finish before the error is raised, so no
 * started send goes unreported. The error then says what was already done at Hero.
 */
export async function runPass(passes: Passes, pending: number[], inFlight: number): Promise<void> {
	const { execution: node, supervisor, operation, ctx, outputs, continueOnFail } = passes;
	let next = 0;
	let stopError: ItemError | undefined;
	const failedAfterWrite: number[] = [];
	// n8n aborts it when the user presses Stop: no item starts after that.
	const cancel = node.getExecutionCancelSignal?.();
	const worker = async () => {
		while (next < pending.length && !stopError && !cancel?.aborted) {
			const itemIndex = pending[next++];
			try {
				outputs[itemIndex] = passes.toOutput(
					await operation.execute.call(ctx, itemIndex),
					itemIndex,
				);
			} catch (error) {
				if (continueOnFail) {
					outputs[itemIndex] = [passes.toErrorItem(error as Error, itemIndex)];
				} else if (stopError) {
					if (supervisor.wrote.has(itemIndex)) failedAfterWrite.push(itemIndex);
				} else {
					stopError = itemError(node, error, itemIndex);
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(inFlight, pending.length) }, worker));
	const notSent = cancel?.aborted ? pending.slice(next) : [];
	if (continueOnFail) {
		for (const index of notSent)
			outputs[index] = [passes.toErrorItem(notSentError(node, index), index)];
	} else if (notSent.length) {
		stopError ??= notSentError(node, notSent[0]);
	}
	if (stopError) {
		const done = pending.filter(
			(index) => outputs[index] !== undefined && supervisor.wrote.has(index),
		);
		throw noteDone(stopError, done, failedAfterWrite, outputs, notSent);
	}
}
