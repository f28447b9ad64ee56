/**
 * Faults: the sandbox injects them, the transport's retry policy answers them.
 * Figures: 1,000 sends with 10% injected faults; Return All over many pages with intermittent 503s;
 * the policy under each kind of fault.
 */
import { captured, figure, runAndCapture, scanCapturedData, usesPatientData } from './capture';
import { bigBatch, bigBatchIds, BIG_BATCH_ID, BIG_BATCH_SIZE } from './bigBatch';
import { sandboxClient } from '../harness/sandboxClient';
import { startSandbox, type Sandbox } from '../sandbox/server';
import type { FaultRule } from '../sandbox/faults';
import type { SandboxMessage } from '../sandbox/routes/messages';
import { INFERRED } from '../../nodes/HeroHealth/transport/inferred';
import { RETRY_POLICY } from '../../nodes/HeroHealth/transport/retry';

const MAY_OR_MAY_NOT = 'may or may not have been carried out by Hero: check before resending';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ modules: [bigBatch] });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const sendParameters = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'send',
	patientId: '2001',
	messageType: 'sms',
	message: 'Reliability: your appointment is confirmed.',
	additionalFields: {},
	...extra,
});
const storedMessages = () => sandbox.state.snapshot().messages as SandboxMessage[] | undefined;

/** Waits until the sandbox has finished every request it accepted (a slow one may still be running). */
async function settled(): Promise<void> {
	for (let i = 0; i < 200 && sandbox.inFlight > 0; i++)
		await new Promise((resolve) => setTimeout(resolve, 10));
}

const { control } = sandboxClient(() => sandbox);

describe('fault injection in the sandbox, switchable per test', () => {
	it('is switched on and off over HTTP (PUT/GET/DELETE /__sandbox/faults) and reaches only matching requests', async () => {
		const rules: FaultRule[] = [
			{ kind: 'status', status: 504, method: 'GET', path: '^/v1/messages/\\d+$', times: 1 },
		];
		expect(await control('PUT', '/__sandbox/faults', { rules, seed: 3 })).toEqual({
			status: 200,
			body: { ok: true },
		});
		expect((await control('GET', '/__sandbox/faults')).body).toEqual(rules);
		const sent = await runAndCapture(sandbox, { parameters: sendParameters() });
		expect(sent.error).toBeUndefined(); // POST does not match the GET rule
		const id = String(sent.json[0].message_id);
		const read = await runAndCapture(sandbox, {
			parameters: { resource: 'message', operation: 'get', messageId: id },
		});
		expect(read.error).toBeUndefined();
		expect(sandbox.received('GET', `/v1/messages/${id}`).map((r) => r.status)).toEqual([504, 200]);
		expect(sandbox.faults.injected()).toEqual({ 'status 504': 1 });
		expect(await control('DELETE', '/__sandbox/faults')).toEqual({
			status: 200,
			body: { ok: true },
		});
		expect((await control('GET', '/__sandbox/faults')).body).toEqual([]);
	});

	it.each([
		[{ kind: 'explode' }, 'unknown fault kind'],
		[{ kind: 'status', status: 200 }, 'status must be an HTTP error status'],
		[{ kind: 'latency' }, 'latency needs latencyMs'],
		[{ kind: 'mix', variants: [] }, 'mix needs a non-empty variants list'],
		[{ kind: 'status', probability: 2 }, 'probability must be between 0 and 1'],
		[{ kind: 'hang', path: '([' }, 'path is neither an exact path nor a valid regular expression'],
	])('rejects a malformed rule %j with a clear message', async (rule, message) => {
		const answer = await control('PUT', '/__sandbox/faults', { rules: [rule] });
		expect(answer.status).toBe(500);
		expect(String((answer.body as { error: string }).error)).toContain(message);
		expect(() => sandbox.faults.add(rule as FaultRule)).toThrow(message);
	});

	it('is repeatable: the same seed injects the same faults into the same sequence of requests', () => {
		const rule: FaultRule = {
			kind: 'mix',
			probability: 0.5,
			variants: [
				{ kind: 'status', status: 503 },
				{ kind: 'reset-before' },
				{ kind: 'status', status: 429, retryAfter: 0 },
			],
		};
		const sequence = (seed: number) => {
			sandbox.faults.set([rule], seed);
			return Array.from(
				{ length: 200 },
				() =>
					sandbox.faults
						.match('POST', '/v1/messages/send')
						.map((f) => `${f.kind}${f.status ?? ''}`)
						.join() || '-',
			);
		};
		const first = sequence(11);
		expect(sequence(11)).toEqual(first);
		expect(sequence(12)).not.toEqual(first);
		const faulted = first.filter((f) => f !== '-').length;
		expect(faulted).toBeGreaterThan(70);
		expect(faulted).toBeLessThan(130);
		expect(new Set(first)).toEqual(new Set(['-', 'status503', 'reset-before', 'status429']));
	});
});

type Expect = { ok: true; requests: number } | { error: string; requests: number };

/** Each kind of fault, once, against a read (Message → Get) and a send (Message → Send). */
const matrix: {
	name: string;
	fault: FaultRule;
	timeout?: number;
	read: Expect;
	send: Expect;
	stored: number;
}[] = [
	{
		name: 'latency 100 ms (within the timeout)',
		fault: { kind: 'latency', latencyMs: 100, times: 1 },
		read: { ok: true, requests: 1 },
		send: { ok: true, requests: 1 },
		stored: 1,
	},
	{
		name: 'latency 900 ms past a 300 ms timeout',
		fault: { kind: 'latency', latencyMs: 900, times: 1 },
		timeout: 300,
		read: { ok: true, requests: 2 },
		send: { error: `The request to Hero timed out; the request ${MAY_OR_MAY_NOT}`, requests: 1 },
		stored: 1,
	},
	{
		name: 'hang, 300 ms timeout',
		fault: { kind: 'hang', times: 1 },
		timeout: 300,
		read: { ok: true, requests: 2 },
		send: { error: `The request to Hero timed out; the request ${MAY_OR_MAY_NOT}`, requests: 1 },
		stored: 0,
	},
	{
		name: '429 with Retry-After: 0',
		fault: { kind: 'status', status: 429, retryAfter: 0, times: 1 },
		read: { ok: true, requests: 2 },
		send: { ok: true, requests: 2 },
		stored: 1,
	},
	{
		name: '429 with Retry-After: 1',
		fault: { kind: 'status', status: 429, retryAfter: 1, times: 1 },
		read: { ok: true, requests: 2 },
		send: { ok: true, requests: 2 },
		stored: 1,
	},
	{
		name: 'status 500',
		fault: { kind: 'status', status: 500, times: 1 },
		read: { error: 'Hero had a server error', requests: 1 },
		send: { error: `Hero had a server error; the request ${MAY_OR_MAY_NOT}`, requests: 1 },
		stored: 0,
	},
	{
		name: 'status 502',
		fault: { kind: 'status', status: 502, times: 1 },
		read: { ok: true, requests: 2 },
		send: { error: `Hero had a server error; the request ${MAY_OR_MAY_NOT}`, requests: 1 },
		stored: 0,
	},
	{
		name: 'status 503',
		fault: { kind: 'status', status: 503, times: 1 },
		read: { ok: true, requests: 2 },
		send: { error: `Hero had a server error; the request ${MAY_OR_MAY_NOT}`, requests: 1 },
		stored: 0,
	},
	{
		name: 'status 504',
		fault: { kind: 'status', status: 504, times: 1 },
		read: { ok: true, requests: 2 },
		send: { error: `Hero had a server error; the request ${MAY_OR_MAY_NOT}`, requests: 1 },
		stored: 0,
	},
	{
		name: 'reset before the request is handled',
		fault: { kind: 'reset-before', times: 1 },
		read: { ok: true, requests: 2 },
		send: { error: `The connection to Hero was reset; the request ${MAY_OR_MAY_NOT}`, requests: 1 },
		stored: 0,
	},
	{
		name: 'reset after the request is handled',
		fault: { kind: 'reset-after', times: 1 },
		read: { ok: true, requests: 2 },
		send: { error: `The connection to Hero was reset; the request ${MAY_OR_MAY_NOT}`, requests: 1 },
		stored: 1,
	},
];

const describeOutcome = (e: Expect) =>
	'ok' in e
		? e.requests > 1
			? `ok after ${e.requests - 1} retry`
			: 'ok'
		: `fails: "${e.error.replace(`; the request ${MAY_OR_MAY_NOT}`, '; may or may not…')}"`;

describe('retry policy under each kind of fault', () => {
	it.each(matrix)(
		'$name: read → $read, send → $send, messages stored $stored',
		async ({ name, fault, timeout, read, send, stored }) => {
			const requestOptions = timeout ? { timeout } : {};
			// The read: Message → Get of a message sent before the fault is switched on.
			const sent = await runAndCapture(sandbox, { parameters: sendParameters() });
			const id = String(sent.json[0].message_id);
			sandbox.faults.add({ ...fault, method: 'GET', path: `/v1/messages/${id}` });
			const got = await runAndCapture(sandbox, {
				parameters: { resource: 'message', operation: 'get', messageId: id, requestOptions },
			});
			if ('ok' in read) {
				expect(got.error).toBeUndefined();
				expect(got.json[0].id).toBe(id);
			} else {
				expect(got.error?.message).toBe(read.error);
			}
			expect(sandbox.received('GET', `/v1/messages/${id}`)).toHaveLength(read.requests);

			// The send: a fresh sandbox, the same fault on POST /v1/messages/send.
			sandbox.reset();
			sandbox.faults.add({ ...fault, method: 'POST', path: '/v1/messages/send' });
			const result = await runAndCapture(sandbox, {
				parameters: sendParameters({ requestOptions }),
			});
			await settled();
			if ('ok' in send) {
				expect(result.error).toBeUndefined();
				expect(result.json[0].message_id).toEqual(expect.any(String));
			} else {
				expect(result.error?.message).toBe(send.error);
				if (send.error.includes(MAY_OR_MAY_NOT))
					expect(result.error?.description).toContain('Look it up in Hero');
			}
			expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(send.requests);
			expect(storedMessages() ?? []).toHaveLength(stored);
			figure('Retry policy under each fault (read = Message → Get, send = Message → Send)', {
				[name]: `read ${describeOutcome(read)} | send ${describeOutcome(send)} | stored by Hero: ${stored}`,
			});
		},
		20_000,
	);

	it('connection refused: a read and a send are both retried (nothing reached Hero), then fail clearly', async () => {
		const closed = await startSandbox();
		const baseUrl = closed.url;
		await closed.close();
		for (const parameters of [
			{ resource: 'message', operation: 'get', messageId: '1' },
			sendParameters(),
		]) {
			const started = Date.now();
			const result = await runAndCapture(sandbox, { parameters, credentials: { baseUrl } });
			expect(result.error?.message).toBe(
				'Hero refused the connection: the API is unreachable from n8n',
			);
			// 4 retries: at least 125 + 250 + 500 + 1000 ms of backoff.
			expect(Date.now() - started).toBeGreaterThanOrEqual(1_875);
		}
		figure('Retry policy under each fault (read = Message → Get, send = Message → Send)', {
			'connection refused': `read and send both retried ${RETRY_POLICY.maxRetries} times, then "Hero refused the connection"`,
		});
	}, 30_000);
});

describe('1,000 sends with 10% injected faults', () => {
	const COUNT = 1_000;
	const IN_FLIGHT = 10;
	const items = Array.from({ length: COUNT }, (_, i) => ({
		patientId: String(2001 + (i % 5)),
		text: `Reliability send ${String(i).padStart(4, '0')}: your appointment is confirmed.`,
		phone: `07700 900${String(i % 1000).padStart(3, '0')}`,
	}));
	usesPatientData(...items.map((item) => item.phone));

	it('delivers each message at most once, and every item ends with a result or a clear error', async () => {
		sandbox.faults.set(
			[
				{
					kind: 'mix',
					method: 'POST',
					path: '/v1/messages/send',
					probability: 0.1,
					variants: [
						{ kind: 'status', status: 429, retryAfter: 0 },
						{ kind: 'status', status: 503 },
						{ kind: 'reset-before' },
						{ kind: 'reset-after' },
					],
				},
			],
			2026,
		);
		const started = Date.now();
		const result = await runAndCapture(sandbox, {
			items,
			continueOnFail: true,
			parameters: sendParameters({
				patientId: '={{ $json.patientId }}',
				message: '={{ $json.text }}',
				additionalFields: { recipientContactDetail: '={{ $json.phone }}' },
				requestOptions: { requestsInFlight: IN_FLIGHT },
			}),
		});
		const seconds = (Date.now() - started) / 1000;
		await settled();
		expect(result.error).toBeUndefined();

		// Every input item has exactly one output item, with a result or an error.
		const byItem = new Map<number, Record<string, unknown>>();
		result.items.forEach((item) => {
			const index = (item.pairedItem as { item: number }).item;
			expect(byItem.has(index)).toBe(false);
			byItem.set(index, item.json);
		});
		const withoutResultOrError = items.filter((_, i) => {
			const json = byItem.get(i);
			return !json || (json.message_id === undefined && json.error === undefined);
		}).length;

		const stored = storedMessages() ?? [];
		const storedByText = new Map<string, SandboxMessage[]>();
		for (const message of stored)
			storedByText.set(message.message, [...(storedByText.get(message.message) ?? []), message]);
		const duplicates = [...storedByText.values()].reduce((n, list) => n + list.length - 1, 0);

		const succeeded = items.filter((_, i) => byItem.get(i)?.message_id !== undefined);
		const failed = items
			.map((item, i) => ({ item, json: byItem.get(i)! }))
			.filter(({ json }) => json?.error !== undefined);
		const ambiguous = failed.filter(({ json }) => String(json.error).includes(MAY_OR_MAY_NOT));
		const deliveredThoughReportedFailed = failed.filter(({ item }) =>
			storedByText.has(item.text),
		).length;
		const injected = sandbox.faults.injected();
		const sendRequests = sandbox.received('POST', '/v1/messages/send').length;

		// Each success is in Hero once, with its own text, under the id the node returned.
		for (const [i, item] of items.entries()) {
			const json = byItem.get(i);
			if (json?.message_id === undefined) continue;
			expect(storedByText.get(item.text)?.map((m) => m.id)).toEqual([json.message_id]);
		}
		expect(result.items).toHaveLength(COUNT);
		expect(withoutResultOrError).toBe(0);
		expect(duplicates).toBe(0);
		// Exact accounting: a 429 is retried; a 503 or reset fails its item as "may or may not";
		// a reset after Hero handled the send leaves the message delivered, and only then.
		expect(ambiguous).toHaveLength(failed.length);
		expect(failed).toHaveLength(
			(injected['status 503'] ?? 0) +
				(injected['reset-before'] ?? 0) +
				(injected['reset-after'] ?? 0),
		);
		expect(deliveredThoughReportedFailed).toBe(injected['reset-after'] ?? 0);
		expect(stored).toHaveLength(succeeded.length + deliveredThoughReportedFailed);
		expect(sendRequests).toBe(COUNT + (injected['status 429'] ?? 0));
		const faults = Object.values(injected).reduce((a, b) => a + b, 0);
		expect(faults / sendRequests).toBeGreaterThan(0.07);
		expect(faults / sendRequests).toBeLessThan(0.13);

		figure('1,000 sends with 10% injected faults (Continue On Fail, 10 Requests in Flight)', {
			'input items': COUNT,
			'send requests reaching the sandbox': sendRequests,
			'faults injected': injected,
			'delivered (messages stored by the sandbox)': stored.length,
			'succeeded (output with message_id)': succeeded.length,
			'failed "may or may not … check before resending"': ambiguous.length,
			'  of which Hero had delivered (reset after)': deliveredThoughReportedFailed,
			'duplicates (messages per unique text - 1)': duplicates,
			'items without a result or an error': withoutResultOrError,
			'run time (s)': Number(seconds.toFixed(1)),
		});
	}, 180_000);
});

describe('Return All over many pages with intermittent faults', () => {
	const parameters = (extra: Record<string, unknown> = {}) => ({
		resource: 'message',
		operation: 'getManyInBatch',
		batchId: BIG_BATCH_ID,
		returnAll: true,
		filters: {},
		...extra,
	});
	const pages = Math.ceil(BIG_BATCH_SIZE / INFERRED.pageSize);
	const pagePath = `^/v1/batch_message/${BIG_BATCH_ID}/messages$`;

	it(`reads all ${BIG_BATCH_SIZE.toLocaleString('en-GB')} records exactly once, in order, while 30% of page requests get a 503`, async () => {
		sandbox.faults.set(
			[{ kind: 'status', status: 503, method: 'GET', path: pagePath, probability: 0.3 }],
			7,
		);
		const started = Date.now();
		const result = await runAndCapture(sandbox, { parameters: parameters() });
		const seconds = (Date.now() - started) / 1000;
		expect(result.error).toBeUndefined();
		const ids = result.json.map((record) => String(record.id));
		expect(ids).toEqual(bigBatchIds());
		const requests = sandbox.received('GET', `/v1/batch_message/${BIG_BATCH_ID}/messages`);
		const served = requests.filter((r) => r.status === 200);
		expect(served.map((r) => Number(r.query.page_index))).toEqual(
			Array.from({ length: pages }, (_, i) => INFERRED.firstPageIndex + i),
		);
		const injected = sandbox.faults.injected()['status 503'] ?? 0;
		expect(injected).toBeGreaterThan(pages * 0.15);
		expect(requests).toHaveLength(pages + injected);
		figure('Return All over many pages with intermittent 503s', {
			'records in the batch': BIG_BATCH_SIZE,
			pages,
			'page requests (incl. retried)': requests.length,
			'503s injected (30% of page requests)': injected,
			'records returned': ids.length,
			'distinct records returned': new Set(ids).size,
			'records missing': bigBatchIds().filter((id) => !new Set(ids).has(id)).length,
			'run time (s)': Number(seconds.toFixed(1)),
		});
	}, 60_000);

	it('three Return All items in flight at once, under 502/503/504/resets/429s on 25% of page requests: each item gets every record once', async () => {
		sandbox.faults.set(
			[
				{
					kind: 'mix',
					method: 'GET',
					path: pagePath,
					probability: 0.25,
					variants: [
						{ kind: 'status', status: 502 },
						{ kind: 'status', status: 503 },
						{ kind: 'status', status: 504 },
						{ kind: 'status', status: 429, retryAfter: 0 },
						{ kind: 'reset-before' },
						{ kind: 'reset-after' },
					],
				},
			],
			99,
		);
		const result = await runAndCapture(sandbox, {
			items: [{}, {}, {}],
			parameters: parameters({ requestOptions: { requestsInFlight: 3 } }),
		});
		expect(result.error).toBeUndefined();
		const perItem = [0, 1, 2].map((index) =>
			result.items
				.filter((item) => (item.pairedItem as { item: number }).item === index)
				.map((item) => String(item.json.id)),
		);
		for (const ids of perItem) expect(ids).toEqual(bigBatchIds());
		const injected = sandbox.faults.injected();
		expect(Object.keys(injected).length).toBeGreaterThanOrEqual(5);
		figure('Return All over many pages with intermittent 503s', {
			'3 items in flight, mixed faults on 25% of page requests': `${perItem.map((ids) => ids.length).join(' + ')} records, each item complete and duplicate-free; faults ${Object.entries(
				injected,
			)
				.map(([k, v]) => `${k}: ${v}`)
				.join(', ')}`,
		});
	}, 90_000);
});

describe('the scan itself', () => {
	it('would catch a leaked API key or a repeated phone, email or NHS number', async () => {
		const { scan } = await import('./capture');
		const planted = scan({
			outputs: ['{"ok":true}'],
			errors: [
				'Recipient Contact Detail: expected a UK mobile [item 0] (+447700900123)',
				'NHS Number: 943 476 5919 is invalid',
				'Email: Patient@Example.com',
			],
			logs: ['n8n.debug: request with x-api-key hero-sandbox-key-3f9a1c'],
			secrets: new Set(['hero-sandbox-key-3f9a1c']),
			patientData: new Set(['07700 900123', '9434765919', 'patient@example.com', '07700 900999']),
		});
		expect(planted.secretHits).toHaveLength(1);
		expect(planted.secretHits[0]).not.toContain('hero-sandbox-key-3f9a1c');
		expect(planted.patientDataHits).toHaveLength(3);
		expect(captured.logs.length).toBeGreaterThan(0);
	});
});

scanCapturedData();
