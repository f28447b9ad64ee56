/**
 * Stop. When the user presses Stop, n8n aborts the execution's cancel signal; the
 * node stops waiting and starts nothing more, and an item whose request never left n8n is reported
 * as not sent (never as "may or may not have been carried out"). Run through n8n's engine with the
 * harness pressing Stop mid-run.
 */
import { sendFromItems } from '../../harness/parameters';
import { runHeroNode } from '../../harness/runNode';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const OUTCOME_UNKNOWN = 'may or may not have been carried out';
const item = (n: number) => ({ n, patient: '2001', phone: '07700900123' });

describe('Stop', () => {
	it('Stop during a run of sends: items never started are reported as not sent, and only the send in flight is reported as outcome unknown', async () => {
		// One at a time, each send answered after 400 ms: Stop at 600 ms finds item 0 done and item 1 with Hero.
		sandbox.faults.add({
			kind: 'latency',
			latencyMs: 400,
			method: 'POST',
			path: '^/v1/messages/send$',
		});
		const started = performance.now();
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: 1 }),
			items: [0, 1, 2, 3, 4, 5].map(item),
			continueOnFail: true,
			stopAfterMs: 600,
		});
		const elapsed = performance.now() - started;
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(2);
		expect(result.json).toHaveLength(6);
		expect(result.json[0].content).toBe('Hello 0');
		// Item 1 was with Hero when Stop came: it may have been carried out.
		expect(String(result.json[1].error)).toContain(OUTCOME_UNKNOWN);
		for (const json of result.json.slice(2)) {
			expect(String(json.error)).toMatch(/^Not sent: the execution was stopped/);
			expect(String(json.error)).not.toContain(OUTCOME_UNKNOWN);
		}
		expect(result.items.map((i) => i.pairedItem)).toEqual(
			[0, 1, 2, 3, 4, 5].map((index) => ({ item: index })),
		);
		expect(elapsed).toBeLessThan(2_000);
	});

	it('Stop during a retry wait (Hero asked to wait 20 s): the node stops at once and the send is reported as not sent', async () => {
		// A 429 is taken as not acted on (INFERRED), so the send waits to retry: Stop comes during the wait.
		sandbox.faults.add({
			kind: 'status',
			status: 429,
			retryAfter: 20,
			method: 'POST',
			path: '^/v1/messages/send$',
		});
		const started = performance.now();
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems(),
			items: [item(0)],
			continueOnFail: true,
			stopAfterMs: 300,
		});
		const elapsed = performance.now() - started;
		expect(elapsed).toBeLessThan(3_000);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(1);
		expect(result.json).toHaveLength(1);
		expect(String(result.json[0].error)).toMatch(/^Not sent: the execution was stopped/);
		expect(String(result.json[0].error)).not.toContain(OUTCOME_UNKNOWN);
	}, 30_000);

	it('Stop during the retry wait of an update Hero may have carried out (503) says so, not "Not sent"', async () => {
		// Task → Update is repeatable: retried after a 503, which Hero may have acted on before failing.
		sandbox.faults.add({
			kind: 'status',
			status: 503,
			retryAfter: 20,
			method: 'PATCH',
			path: '^/v1/tasks/8001$',
		});
		const started = performance.now();
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'task',
				operation: 'update',
				taskId: '8001',
				updateFields: { status: 'closed' },
			},
			continueOnFail: true,
			stopAfterMs: 300,
		});
		expect(performance.now() - started).toBeLessThan(3_000);
		expect(sandbox.received('PATCH', '/v1/tasks/8001')).toHaveLength(1);
		expect(String(result.json[0].error)).toBe(
			'The execution was stopped while this request was being retried; an earlier attempt may have been carried out by Hero',
		);
	}, 30_000);

	it('Stop without Continue On Fail: the error names what was already sent and what was not sent', async () => {
		sandbox.faults.add({
			kind: 'latency',
			latencyMs: 400,
			method: 'POST',
			path: '^/v1/messages/send$',
		});
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: 1 }),
			items: [0, 1, 2, 3].map(item),
			stopAfterMs: 600,
		});
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(2);
		const text = `${result.error?.message}\n${result.error?.description}`;
		expect(text).toMatch(
			/Already sent to Hero before the run stopped \(1\): row 1 \(message_id \d+\)/,
		);
		expect(text).toContain('Not sent (the execution was stopped first): row 3, row 4.');
	});
});
