import { EventEmitter } from 'node:events';

/** A sandbox event, recorded when state changes (the trigger issue delivers them as webhooks). */
export interface SandboxEvent {
	event: string;
	object: string;
	id: string;
	practice_group_id: string;
	at: string;
}

/**
 * In-memory state. Each route module keeps its own slice (`state.slice('appointments', init)`),
 * so resources grow without touching each other's files.
 */
export class SandboxState {
	readonly events: SandboxEvent[] = [];
	readonly emitter = new EventEmitter();
	private slices = new Map<string, unknown>();
	private counter = 1000;

	constructor(readonly practiceGroupId: string) {}

	/** Forget every slice and event (route modules then seed again). Listeners stay. */
	clear(): void {
		this.events.length = 0;
		this.slices.clear();
	}

	/** Numeric string ids, unique across the sandbox. */
	nextId(): string {
		return String(++this.counter);
	}

	slice<T>(name: string, init: () => T): T {
		if (!this.slices.has(name)) this.slices.set(name, init());
		return this.slices.get(name) as T;
	}

	/** Record an event and notify listeners (webhook delivery). */
	emit(event: string, object: string, id: string): SandboxEvent {
		const record = {
			event,
			object,
			id,
			practice_group_id: this.practiceGroupId,
			at: new Date().toISOString(),
		};
		this.events.push(record);
		this.emitter.emit('event', record);
		return record;
	}

	/** A JSON view of every slice, for tests and `GET /__sandbox/state`. */
	snapshot(): Record<string, unknown> {
		const out: Record<string, unknown> = { events: this.events };
		for (const [name, value] of this.slices) {
			out[name] = value instanceof Map ? [...value.values()] : value;
		}
		return out;
	}
}

/** A `{ data, count }` page, as Hero's lists answer; `count` is the total. */
export function page<T>(
	records: T[],
	query: Record<string, unknown>,
	firstPageIndex: number,
	defaultSize = 20,
): { data: T[]; count: number } {
	const size = query.page_size !== undefined ? Number(query.page_size) : defaultSize;
	const index = query.page_index !== undefined ? Number(query.page_index) - firstPageIndex : 0;
	if (size <= 0) return { data: records, count: records.length };
	return { data: records.slice(index * size, index * size + size), count: records.length };
}
