/**
 * Fault injection, switchable per test: each rule matches requests by method and path and applies
 * one fault, for a number of times or with a probability. In-process: `sandbox.faults.add(rule)` /
 * `sandbox.faults.set(rules, seed)`; over HTTP: `PUT /__sandbox/faults` with `{ rules, seed }`.
 */
export type FaultKind =
	| 'latency' // answer normally, `latencyMs` later (past the node's timeout: a slow response)
	| 'status' // answer `status` (e.g. 429 with `retryAfter`, 500-504; `body` to choose the answer) without handling the request
	| 'reset-before' // destroy the socket before the request is handled (Hero never saw it)
	| 'reset-after' // handle the request (state changes), then destroy the socket without answering
	| 'hang' // never answer (the client's timeout fires); the request is not handled
	| 'status-after' // handle the request (state changes: an SMS is recorded), then answer `status` (e.g. 502) instead of the route's answer
	| 'empty-after' // handle the request, then answer `status` (a 2xx, default 204) with no body, as a server may on a write
	| 'mix'; // one of `variants`, picked at random (seeded) each time the rule fires

export const FAULT_KINDS: readonly FaultKind[] = [
	'latency',
	'status',
	'reset-before',
	'reset-after',
	'hang',
	'status-after',
	'empty-after',
	'mix',
];

/** What a fault does, without the matching. */
export interface FaultVariant {
	kind: Exclude<FaultKind, 'mix'>;
	status?: number;
	retryAfter?: number | string;
	latencyMs?: number;
	/** For `status`: the JSON body to answer, e.g. Hero's 400 `{ error, statusCode, message: [{ code, expected, path }] }`. Default: `{ error: true, statusCode, message }` with a generic message. Test fault injection: `{{request.body}}` in one of its strings is replaced by the raw request body (a server quoting what it was sent; not a claim about Hero). */
	body?: unknown;
}

/** `{{request.body}}` in a fault body's strings, replaced by the raw request body (see `FaultVariant.body`). */
export const QUOTE_REQUEST_BODY = '{{request.body}}';

/** A status fault's body with `{{request.body}}` replaced by the request it answers. */
export function quoteRequest(body: unknown, rawBody: string): unknown {
	const json = JSON.stringify(body);
	if (!json.includes(QUOTE_REQUEST_BODY)) return body;
	return JSON.parse(json.split(QUOTE_REQUEST_BODY).join(JSON.stringify(rawBody).slice(1, -1)));
}

export interface FaultRule {
	kind: FaultKind;
	method?: string;
	/** Exact path or a regular expression source, e.g. `^/v1/messages/send$`. */
	path?: string;
	status?: number;
	retryAfter?: number | string;
	latencyMs?: number;
	/** For `status`: the JSON body to answer (see `FaultVariant.body`). */
	body?: unknown;
	/** For `mix`: the faults to pick from, with equal chance. */
	variants?: FaultVariant[];
	/** Apply to this many matching requests, then stop. Default: unlimited. */
	times?: number;
	/** Chance per matching request (0..1). Default: 1. */
	probability?: number;
}

interface ActiveRule extends FaultRule {
	hits: number;
	pattern?: RegExp;
}

const DEFAULT_SEED = 42;

/** A short name for an applied fault, e.g. `status 429` or `reset-after`. */
export function faultLabel(fault: FaultRule | FaultVariant): string {
	if (fault.kind === 'status') return `status ${fault.status ?? 503}`;
	if (fault.kind === 'status-after') return `status-after ${fault.status ?? 503}`;
	if (fault.kind === 'empty-after') return `empty-after ${fault.status ?? 204}`;
	return fault.kind;
}

function checkVariant(fault: FaultVariant | FaultRule, where: string): void {
	if (!FAULT_KINDS.includes(fault.kind))
		throw new Error(
			`${where}: unknown fault kind "${String(fault.kind)}" (one of ${FAULT_KINDS.join(', ')})`,
		);
	if (
		(fault.kind === 'status' || fault.kind === 'status-after') &&
		fault.status !== undefined &&
		!(Number.isInteger(fault.status) && fault.status >= 400 && fault.status <= 599)
	) {
		throw new Error(`${where}: status must be an HTTP error status (400-599)`);
	}
	if (
		fault.kind === 'empty-after' &&
		fault.status !== undefined &&
		!(Number.isInteger(fault.status) && fault.status >= 200 && fault.status <= 299)
	) {
		throw new Error(`${where}: empty-after needs a 2xx status`);
	}
	if (fault.kind === 'latency' && !(typeof fault.latencyMs === 'number' && fault.latencyMs >= 0)) {
		throw new Error(`${where}: latency needs latencyMs >= 0`);
	}
	if (fault.body !== undefined && fault.kind !== 'status' && fault.kind !== 'status-after')
		throw new Error(`${where}: body applies only to a status fault`);
}

function activate(rule: FaultRule, index: number): ActiveRule {
	const where = `fault rule ${index}`;
	if (!rule || typeof rule !== 'object') throw new Error(`${where}: expected an object`);
	checkVariant(rule, where);
	if (rule.kind === 'mix') {
		if (!Array.isArray(rule.variants) || rule.variants.length === 0)
			throw new Error(`${where}: mix needs a non-empty variants list`);
		rule.variants.forEach((variant, i) => {
			if ((variant.kind as FaultKind) === 'mix')
				throw new Error(`${where}: variant ${i} cannot be a mix`);
			checkVariant(variant, `${where}, variant ${i}`);
		});
	}
	if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1))
		throw new Error(`${where}: probability must be between 0 and 1`);
	if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 0))
		throw new Error(`${where}: times must be a whole number`);
	let pattern: RegExp | undefined;
	if (rule.path) {
		try {
			pattern = new RegExp(rule.path);
		} catch {
			throw new Error(`${where}: path is neither an exact path nor a valid regular expression`);
		}
	}
	return { ...rule, hits: 0, pattern };
}

export class Faults {
	private rules: ActiveRule[] = [];
	/** A seeded generator keeps "10% faults" runs repeatable. */
	private seed = DEFAULT_SEED;
	private counts = new Map<string, number>();

	add(rule: FaultRule): void {
		this.rules.push(activate(rule, this.rules.length));
	}

	/** Replace every rule and restart the random sequence from `seed`. */
	set(rules: FaultRule[], seed = DEFAULT_SEED): void {
		if (!Array.isArray(rules)) throw new Error('fault rules: expected a list');
		this.rules = rules.map(activate);
		this.seed = seed;
		this.counts.clear();
	}

	/** No rules, the seed back at its default, the injected counts at zero. */
	clear(): void {
		this.rules = [];
		this.seed = DEFAULT_SEED;
		this.counts.clear();
	}

	list(): FaultRule[] {
		return this.rules.map(({ hits: _hits, pattern: _pattern, ...rule }) => rule);
	}

	/** How many faults were applied since the last `set`/`clear`, by label (`status 503`, `reset-after`...). */
	injected(): Record<string, number> {
		return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
	}

	private random(): number {
		// mulberry32
		this.seed |= 0;
		this.seed = (this.seed + 0x6d2b79f5) | 0;
		let t = Math.imul(this.seed ^ (this.seed >>> 15), 1 | this.seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** The faults that apply to this request, in rule order (a `mix` rule yields the variant it picked). */
	match(method: string, path: string): FaultRule[] {
		const applied: FaultRule[] = [];
		for (const rule of this.rules) {
			if (rule.method && rule.method.toUpperCase() !== method) continue;
			if (rule.path && rule.path !== path && !rule.pattern?.test(path)) continue;
			if (rule.times !== undefined && rule.hits >= rule.times) continue;
			if (rule.probability !== undefined && this.random() >= rule.probability) continue;
			rule.hits++;
			const { hits: _hits, pattern: _pattern, variants, ...plain } = rule;
			const fault: FaultRule =
				rule.kind === 'mix' && variants
					? { ...plain, ...variants[Math.floor(this.random() * variants.length)] }
					: plain;
			this.counts.set(faultLabel(fault), (this.counts.get(faultLabel(fault)) ?? 0) + 1);
			applied.push(fault);
			// Latency adds up; any other fault ends the request, so later rules stay unspent.
			if (fault.kind !== 'latency') break;
		}
		return applied;
	}
}
