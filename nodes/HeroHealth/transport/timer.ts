import * as n8nWorkflow from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

type SleepWithAbort = (ms: number, signal: AbortSignal) => Promise<void>;

/**
 * Waits `ms`, or rejects as soon as `signal` aborts. n8n-workflow 1.x exports `sleepWithAbort`
 * (its timer is cleared on abort); n8n-workflow 2.x exports only `sleep`, so there the wait ends on
 * abort while its timer runs out by itself. Nodes may not call setTimeout themselves.
 */
export function abortableSleep(
	ms: number,
	signal: AbortSignal,
	native: unknown = (n8nWorkflow as Record<string, unknown>).sleepWithAbort,
): Promise<void> {
	if (typeof native === 'function') return (native as SleepWithAbort)(ms, signal);
	return new Promise((resolve, reject) => {
		if (signal.aborted) return reject(new Error('aborted'));
		const onAbort = () => reject(new Error('aborted'));
		signal.addEventListener('abort', onAbort, { once: true });
		void sleep(ms).then(() => {
			signal.removeEventListener('abort', onAbort);
			resolve();
		});
	});
}

/** How often the deadline clock looks at the time: a deadline fires at most this late. */
export const DEADLINE_TICK_MS = 20;

export interface Deadline {
	/** The deadline is no longer needed (the attempt ended first). */
	cancel(): void;
}

interface Entry extends Deadline {
	at: number;
	expire: () => void;
}

/**
 * Milliseconds on a monotonic clock. Deadlines are not measured on the wall clock (`Date.now`): a
 * clock step (NTP, a VM or laptop resuming) would expire every pending request at once, or none.
 */
const monotonicNow = (): number => performance.now();

const pending = new Set<Entry>();
let ticking = false;

/**
 * Calls `expire` once `ms` have passed, unless cancelled first. Every deadline of the process shares
 * one clock, a loop of n8n's `sleep` that runs only while one is pending: a request's deadline is a
 * set entry, not a timer of its own. (With `sleepWithAbort` each cleared deadline also built an
 * error with a stack trace; with n8n-workflow 2.x's `sleep` each left a 30 s timer behind.)
 */
export function startDeadline(ms: number, expire: () => void): Deadline {
	const entry: Entry = {
		at: monotonicNow() + ms,
		expire,
		cancel: () => void pending.delete(entry),
	};
	pending.add(entry);
	if (!ticking) void tick();
	return entry;
}

async function tick(): Promise<void> {
	ticking = true;
	try {
		while (pending.size) {
			let soonest = Infinity;
			for (const entry of pending) soonest = Math.min(soonest, entry.at);
			await sleep(Math.max(1, Math.min(DEADLINE_TICK_MS, soonest - monotonicNow())));
			const now = monotonicNow();
			for (const entry of pending) {
				if (entry.at > now) continue;
				pending.delete(entry);
				try {
					entry.expire();
				} catch {
					// One attempt's failing clean-up must not stop the clock for the others.
				}
			}
		}
	} finally {
		ticking = false;
	}
}
