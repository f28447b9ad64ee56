import { createHash } from 'crypto';

import { INFERRED } from '../transport/inferred';

/**
 * Deliveries this process accepted, remembered until their timestamp leaves the signature window
 * (after that a repeat is refused as stale anyway). A repeat of an accepted delivery, same
 * timestamp and same signed body, is answered 200 and starts nothing.
 *
 * The memory is per process: with several webhook processes (queue mode's webhook processors,
 * several mains) a repeat that reaches another process is not recognised. It is bounded: at most
 * `capacity` entries; past that the oldest are forgotten first.
 */
export class DeliveryMemory {
	/** Delivery key → when it can be forgotten (epoch ms). Insertion order: oldest first. */
	private entries = new Map<string, number>();
	private lastSweepMs = -Infinity;

	constructor(
		readonly capacity: number,
		readonly windowMs: number,
	) {}

	get size(): number {
		return this.entries.size;
	}

	/**
	 * True if `delivery` (a key naming it) was accepted before and is still inside the window;
	 * otherwise remembers it and answers false. Check and remember happen together, so repeats arriving at once count once.
	 */
	isRepeat(delivery: string, timestampMs: number, nowMs = Date.now()): boolean {
		// A short flat string per entry (about 120 bytes in memory, measured), whatever `delivery` is.
		const key = createHash('sha256').update(delivery).digest('base64');
		this.forgetExpired(nowMs);
		const until = this.entries.get(key);
		if (until !== undefined && until >= nowMs) return true;
		// A full sweep costs one pass over the memory: at most once a second.
		if (this.entries.size >= this.capacity && nowMs - this.lastSweepMs >= 1_000) this.sweep(nowMs);
		while (this.entries.size >= this.capacity)
			this.entries.delete(this.entries.keys().next().value as string);
		this.entries.set(key, timestampMs + this.windowMs);
		return false;
	}

	/** Drops expired entries from the oldest end (cheap; most entries expire in insertion order). */
	private forgetExpired(nowMs: number): void {
		for (const [key, until] of this.entries) {
			if (until >= nowMs) return;
			this.entries.delete(key);
		}
	}

	/** Drops every expired entry, wherever it is. */
	private sweep(nowMs: number): void {
		this.lastSweepMs = nowMs;
		for (const [key, until] of this.entries) if (until < nowMs) this.entries.delete(key);
	}
}

/** Most deliveries one process remembers (about 120 bytes each: 1.2 MB when full). */
export const REPLAY_MEMORY_CAPACITY = 10_000;

/** The process's memory of accepted deliveries, shared by every Hero Health Trigger it runs. */
export const acceptedDeliveries = new DeliveryMemory(
	REPLAY_MEMORY_CAPACITY,
	INFERRED.signatureToleranceSeconds * 1000,
);
