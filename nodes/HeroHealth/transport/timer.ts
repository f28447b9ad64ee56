import * as n8nWorkflow from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

type SleepWithAbort = (ms: number, signal: AbortSignal) => Promise<void>;

/**
 * Waits `ms`, or rejects as soon as `signal` aborts. n8n-workflow 1.x exports `sleepWithAbort`
 * (its timer is cleared on abort); n8n-workflow 2.x exports only `sleep`, so there the wait ends on
 * abort while its timer runs out by itself. Nodes may not call setTimeout themselves.
 */
export function abortableSleep(ms: number, signal: AbortSignal, native: unknown = (n8nWorkflow as Record<string, unknown>).sleepWithAbort): Promise<void> {
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
