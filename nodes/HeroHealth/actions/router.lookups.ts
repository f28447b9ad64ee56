/**
 * Reads an item needs before it can be checked (e.g. the patient an NHS number names), made once per
 * execution, concurrently, before anything is sent. The check pass gathers them (an item that needs an
 * unknown one stops with `NEEDS_LOOKUP`), the router resolves them all at once, and the item is checked
 * again with the answer; the run pass reads the same answers from memory, so Hero is asked once.
 */

/** Thrown in the check pass by an item whose lookup is not answered yet. One instance for the run. */
export const NEEDS_LOOKUP = new Error('waiting for a lookup (check pass)');

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

export class Lookups {
	/** True in the check pass: an unknown lookup is noted, not made. */
	gathering = true;
	private readonly settled = new Map<string, Settled>();
	private readonly wanted = new Map<string, () => Promise<unknown>>();

	/** The lookups noted and not yet made. */
	get waiting(): number {
		return this.wanted.size;
	}

	/**
	 * The answer to the lookup `key` (the same key, the same answer: identical lookups are made once).
	 * In the check pass an unknown one is noted and `NEEDS_LOOKUP` thrown; in the run pass it is made.
	 */
	async get<T>(key: string, fetch: () => Promise<T>): Promise<T> {
		const done = this.settled.get(key);
		if (done) {
			if (done.ok) return done.value as T;
			throw done.error;
		}
		if (this.gathering) {
			if (!this.wanted.has(key)) this.wanted.set(key, fetch);
			throw NEEDS_LOOKUP;
		}
		return (await this.settle(key, fetch)) as T;
	}

	/** Makes every noted lookup, at most `inFlight` at a time; each answer or failure is remembered. */
	async resolve(inFlight: number): Promise<void> {
		const queue = [...this.wanted];
		this.wanted.clear();
		const worker = async () => {
			for (let next = queue.shift(); next; next = queue.shift()) {
				const [key, fetch] = next;
				await this.settle(key, fetch).catch(() => undefined);
			}
		};
		await Promise.all(Array.from({ length: Math.min(inFlight, queue.length) }, worker));
	}

	private async settle(key: string, fetch: () => Promise<unknown>): Promise<unknown> {
		const outcome: Settled = await fetch().then(
			(value) => ({ ok: true as const, value }),
			(error: unknown) => ({ ok: false as const, error }),
		);
		this.settled.set(key, outcome);
		if (!outcome.ok) throw outcome.error;
		return outcome.value;
	}
}

/** An execute context that carries the router's lookups. */
export interface LookupContext {
	readonly heroLookups: Lookups;
}

/** The lookups of `context`, where the router gave it some. */
export function lookupsOf(context: object): Lookups | undefined {
	return (context as Partial<LookupContext>).heroLookups;
}
