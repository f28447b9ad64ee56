import {
	abortableSleep,
	DEADLINE_TICK_MS,
	startDeadline,
} from '../../../nodes/HeroHealth/transport/timer';

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

describe('startDeadline: one clock for every request deadline', () => {
	const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
	const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

	it('expires after its time, within one tick, and never when cancelled first', async () => {
		const started = Date.now();
		const expired: string[] = [];
		const at: Record<string, number> = {};
		startDeadline(60, () => ((at.short = Date.now() - started), expired.push('short')));
		startDeadline(120, () => ((at.long = Date.now() - started), expired.push('long')));
		startDeadline(80, () => expired.push('cancelled')).cancel();
		await wait(200);
		expect(expired).toEqual(['short', 'long']);
		expect(at.short).toBeGreaterThanOrEqual(60);
		expect(at.short).toBeLessThan(60 + DEADLINE_TICK_MS + 40);
		expect(at.long).toBeGreaterThanOrEqual(120);
		expect(at.long).toBeLessThan(120 + DEADLINE_TICK_MS + 40);
	});

	it('holds one timer however many deadlines are pending, and none once they are done', async () => {
		const before = timers();
		const deadlines = Array.from({ length: 500 }, () => startDeadline(30_000, () => undefined));
		expect(timers() - before).toBeLessThanOrEqual(1);
		for (const deadline of deadlines) deadline.cancel();
		await wait(3 * DEADLINE_TICK_MS);
		// Nothing keeps n8n's process alive after the last request. At most `before`: a timer an earlier
		// test file left behind may run out meanwhile (seen once: 29 where 30 were counted before).
		expect(timers()).toBeLessThanOrEqual(before);
	});

	it('a failing expiry does not stop the clock for the others', async () => {
		const expired: number[] = [];
		startDeadline(10, () => {
			throw new Error('clean-up failed');
		});
		startDeadline(30, () => expired.push(30));
		await wait(100);
		expect(expired).toEqual([30]);
	});

	it('a wall-clock jump does not expire pending deadlines at once, nor hold them back: they run on a monotonic clock', async () => {
		const realNow = Date.now.bind(Date);
		const expired: string[] = [];
		const started = performance.now();
		let firedAfter = 0;
		const long = [
			startDeadline(30_000, () => expired.push('30 s')),
			startDeadline(30_000, () => expired.push('30 s too')),
		];
		startDeadline(80, () => ((firedAfter = performance.now() - started), expired.push('80 ms')));
		// The wall clock jumps an hour ahead (NTP step, a laptop waking), then an hour back.
		const jump = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 3_600_000);
		try {
			await wait(40);
			expect(expired).toEqual([]);
			jump.mockImplementation(() => realNow() - 3_600_000);
			await wait(100);
			expect(expired).toEqual(['80 ms']);
			expect(firedAfter).toBeGreaterThanOrEqual(79);
		} finally {
			jump.mockRestore();
			for (const deadline of long) deadline.cancel();
		}
	});
});
