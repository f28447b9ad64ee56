/**
 * Fault injection, switchable per test: each rule matches requests by method and path and applies
 * one fault, for a number of times or with a probability.
 */
export type FaultKind =
	| 'latency' // answer normally, `latencyMs` later
	| 'status' // answer `status` (e.g. 429 with `retryAfter`, 500-504) without handling the request
	| 'reset-before' // destroy the socket before the request is handled (Hero never saw it)
	| 'reset-after' // handle the request (state changes), then destroy the socket without answering
	| 'hang'; // never answer (the client's timeout fires)

export interface FaultRule {
	kind: FaultKind;
	method?: string;
	/** Exact path or a regular expression source, e.g. `^/v1/messages/send$`. */
	path?: string;
	status?: number;
	retryAfter?: number | string;
	latencyMs?: number;
	/** Apply to this many matching requests, then stop. Default: unlimited. */
	times?: number;
	/** Chance per matching request (0..1). Default: 1. */
	probability?: number;
}

interface ActiveRule extends FaultRule {
	hits: number;
}

export class Faults {
	private rules: ActiveRule[] = [];
	/** A seeded generator keeps "10% faults" runs repeatable. */
	private seed = 42;

	add(rule: FaultRule): void {
		this.rules.push({ ...rule, hits: 0 });
	}

	set(rules: FaultRule[], seed = 42): void {
		this.rules = rules.map((rule) => ({ ...rule, hits: 0 }));
		this.seed = seed;
	}

	clear(): void {
		this.rules = [];
	}

	list(): FaultRule[] {
		return this.rules.map(({ hits: _hits, ...rule }) => rule);
	}

	private random(): number {
		// mulberry32
		this.seed |= 0;
		this.seed = (this.seed + 0x6d2b79f5) | 0;
		let t = Math.imul(this.seed ^ (this.seed >>> 15), 1 | this.seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** The faults that apply to this request, in rule order. */
	match(method: string, path: string): FaultRule[] {
		const applied: FaultRule[] = [];
		for (const rule of this.rules) {
			if (rule.method && rule.method.toUpperCase() !== method) continue;
			if (rule.path && rule.path !== path && !new RegExp(rule.path).test(path)) continue;
			if (rule.times !== undefined && rule.hits >= rule.times) continue;
			if (rule.probability !== undefined && this.random() >= rule.probability) continue;
			rule.hits++;
			applied.push(rule);
			// Latency adds up; any other fault ends the request, so later rules stay unspent.
			if (rule.kind !== 'latency') break;
		}
		return applied;
	}
}
