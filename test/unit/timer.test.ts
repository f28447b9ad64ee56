import { abortableSleep } from '../../nodes/HeroHealth/transport/timer';

describe('abortableSleep (n8n-workflow 2.x has no sleepWithAbort)', () => {
	it('without a native sleepWithAbort: resolves after the time, and rejects at once when aborted', async () => {
		const started = Date.now();
		await abortableSleep(50, new AbortController().signal, null);
		expect(Date.now() - started).toBeGreaterThanOrEqual(45);

		const stop = new AbortController();
		const waiting = abortableSleep(60_000, stop.signal, null);
		const abortedAt = Date.now();
		stop.abort();
		await expect(waiting).rejects.toThrow('aborted');
		expect(Date.now() - abortedAt).toBeLessThan(1_000);
		await expect(abortableSleep(10, stop.signal, null)).rejects.toThrow('aborted');
	});

	it("uses n8n-workflow's own sleepWithAbort where it exists (1.x)", async () => {
		const native = jest.fn(async () => undefined);
		const signal = new AbortController().signal;
		await abortableSleep(5, signal, native);
		expect(native).toHaveBeenCalledWith(5, signal);
	});
});
