import { runHeroNode } from '../../harness/runNode';
import { listQuery as batchListQuery } from '../../sandbox/routes/batches';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { decide, parseRetryAfter, RETRY_POLICY } from '../../../nodes/HeroHealth/transport/retry';
import { describeValidationIssues } from '../../../nodes/HeroHealth/transport/errors';
import { redact, redactPatientData } from '../../../nodes/HeroHealth/privacy/redact';
import { pathId, unsafePathPrefix } from '../../../nodes/HeroHealth/transport/paths';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const sendSms = {
	resource: 'message',
	operation: 'send',
	patientId: '2001',
	messageType: 'sms',
	message: 'Hi',
	additionalFields: {},
};
const getMessage = (id: string) => ({ resource: 'message', operation: 'get', messageId: id });
const sends = () => sandbox.received('POST', '/v1/messages/send');

describe('authentication errors', () => {
	it('401: a wrong key says to check the API key, and the key appears nowhere', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: sendSms,
			credentials: { apiKey: 'wrong-secret-key-123' },
		});
		expect(result.error?.message).toBe('Hero did not accept the API key');
		expect(result.error?.description).toContain('Check the API key');
		expect(JSON.stringify(result.run)).not.toContain('wrong-secret-key-123');
		expect(JSON.stringify(result.run)).not.toContain(sandbox.apiKey);
	});

	it("403 (a wrong practice group) quotes Hero's text and names every likely cause: scope, practice group, key", async () => {
		const result = await runHeroNode(sandbox, {
			parameters: sendSms,
			credentials: { practiceGroupId: '9999' },
		});
		expect(result.error?.message).toMatch(/^Hero did not authorise this request( \(".+"\))?$/);
		expect(result.error?.description).toContain('Hero answered 403 to POST /v1/messages/send');
		expect(result.error?.description).toContain('scope');
		expect(result.error?.description).toContain('practice group ID');
		expect((result.error as { httpCode?: string }).httpCode).toBe('403');
	});
});

describe('retries', () => {
	it('a read retries 503 and 429 (honouring Retry-After) and then succeeds', async () => {
		const sent = await runHeroNode(sandbox, { parameters: sendSms });
		const id = String(sent.json[0].message_id);
		sandbox.faults.add({ kind: 'status', status: 503, path: `/v1/messages/${id}`, times: 1 });
		sandbox.faults.add({
			kind: 'status',
			status: 429,
			retryAfter: 1,
			path: `/v1/messages/${id}`,
			times: 1,
		});
		const started = Date.now();
		const result = await runHeroNode(sandbox, { parameters: getMessage(id) });
		expect(result.error).toBeUndefined();
		expect(result.json[0].id).toBe(id);
		expect(sandbox.received('GET', `/v1/messages/${id}`)).toHaveLength(3);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});

	it('a read retries a reset connection', async () => {
		const sent = await runHeroNode(sandbox, { parameters: sendSms });
		const id = String(sent.json[0].message_id);
		sandbox.faults.add({ kind: 'reset-after', path: `/v1/messages/${id}`, times: 2 });
		const result = await runHeroNode(sandbox, { parameters: getMessage(id) });
		expect(result.error).toBeUndefined();
		expect(sandbox.received('GET', `/v1/messages/${id}`)).toHaveLength(3);
	});

	it('a read gives up after the retry budget with a clear 5xx message', async () => {
		sandbox.faults.add({ kind: 'status', status: 502, path: '/v1/messages/1' });
		const result = await runHeroNode(sandbox, { parameters: getMessage('1') });
		expect(result.error?.message).toBe('Hero had a server error');
		expect(result.error?.description).toContain('Hero answered 502 to GET /v1/messages/1');
		expect(sandbox.received('GET', '/v1/messages/1')).toHaveLength(RETRY_POLICY.maxRetries + 1);
	}, 30_000);

	it('a send is retried after a 429: Hero did not take it', async () => {
		sandbox.faults.add({
			kind: 'status',
			status: 429,
			retryAfter: 0,
			path: '/v1/messages/send',
			times: 1,
		});
		const result = await runHeroNode(sandbox, { parameters: sendSms });
		expect(result.error).toBeUndefined();
		expect(sends()).toHaveLength(2);
		expect(sandbox.state.snapshot().messages).toHaveLength(1);
	});

	it.each([
		['a 503', { kind: 'status' as const, status: 503 }],
		['a 500', { kind: 'status' as const, status: 500 }],
		['a reset after Hero read the request', { kind: 'reset-after' as const }],
	])('a send is NOT retried after %s: "may or may not have been sent"', async (_name, fault) => {
		sandbox.faults.add({ ...fault, path: '/v1/messages/send', times: 1 });
		const result = await runHeroNode(sandbox, { parameters: sendSms });
		expect(result.error?.message).toContain(
			'may or may not have been carried out by Hero: check before resending',
		);
		expect(sends()).toHaveLength(1);
	});

	it('a send that timed out is not retried either (Request Options → Timeout)', async () => {
		sandbox.faults.add({ kind: 'hang', path: '/v1/messages/send', times: 1 });
		const result = await runHeroNode(sandbox, {
			parameters: { ...sendSms, requestOptions: { timeout: 300 } },
		});
		expect(result.error?.message).toContain(
			'timed out; the request may or may not have been carried out',
		);
		expect(sends()).toHaveLength(1);
	});

	it('a send is retried when the connection was refused (nothing reached Hero), then reported clearly', async () => {
		const closed = await startSandbox();
		const url = closed.url;
		await closed.close();
		const started = Date.now();
		const result = await runHeroNode(sandbox, {
			parameters: sendSms,
			credentials: { baseUrl: url },
		});
		expect(result.error?.message).toBe(
			'Hero refused the connection: the API is unreachable from n8n',
		);
		// Four backoffs of at least 125, 250, 500 and 1000 ms (half of each step, plus jitter).
		expect(Date.now() - started).toBeGreaterThanOrEqual(1875);
	}, 30_000);
});

describe('Request Options → Timeout is checked like Requests in Flight', () => {
	it.each(['={{ "soon" }}', 0, -5, 2.5, '={{ 3000000000 }}', '={{ [300] }}'])(
		'Timeout (Milliseconds) %p is refused before any request, naming the field',
		async (timeout) => {
			const result = await runHeroNode(sandbox, {
				parameters: { ...getMessage('1'), requestOptions: { timeout } },
			});
			expect(result.error?.message).toBe(
				'Timeout (Milliseconds): expected a whole number of milliseconds from 1 to 2147483647',
			);
			expect(sandbox.requests).toEqual([]);
		},
	);

	it('a Timeout given as text from an expression is read as a number: a hanging send times out after it', async () => {
		sandbox.faults.add({ kind: 'hang', path: '/v1/messages/send', times: 1 });
		const started = Date.now();
		const result = await runHeroNode(sandbox, {
			parameters: { ...sendSms, requestOptions: { timeout: '={{ "300" }}' } },
		});
		expect(result.error?.message).toContain(
			'timed out; the request may or may not have been carried out',
		);
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(sends()).toHaveLength(1);
	});
});

describe('paging', () => {
	it('stops when the server ignores page_index and repeats the same full page', async () => {
		const stuck = await startSandbox({
			modules: [
				{
					routes: [
						{
							method: 'GET',
							path: '/v1/batch_message/:id/messages',
							// The documented query (paging): this stand-in ignores it, but still checks it like Hero.
							query: batchListQuery,
							handler: () => ({
								data: Array.from({ length: 100 }, (_, i) => ({ id: String(i) })),
								count: 1000,
							}),
						},
					],
				},
			],
		});
		try {
			const result = await runHeroNode(stuck, {
				parameters: {
					resource: 'message',
					operation: 'getManyInBatch',
					batchId: '5001',
					returnAll: true,
				},
			});
			expect(result.json).toHaveLength(100);
			expect(stuck.received('GET', '/v1/batch_message/5001/messages')).toHaveLength(2);
		} finally {
			await stuck.close();
		}
	});
});

describe('paging: what count means', () => {
	// A list of 250 records served by a handler that decides page size and what `count` says.
	const serve = async (pageCap: number, count: (page: number, total: number) => number) => {
		const total = 250;
		const server = await startSandbox({
			modules: [
				{
					routes: [
						{
							method: 'GET',
							path: '/v1/batch_message/:id/messages',
							query: () => [],
							handler: ({ query }) => {
								const size = Math.min(Number(query.page_size), pageCap);
								const from = Number(query.page_index) * size;
								const data = Array.from(
									{ length: Math.max(0, Math.min(size, total - from)) },
									(_, i) => ({ id: String(from + i) }),
								);
								return { data, count: count(data.length, total) };
							},
						},
					],
				},
			],
		});
		try {
			const result = await runHeroNode(server, {
				parameters: {
					resource: 'message',
					operation: 'getManyInBatch',
					batchId: '5001',
					returnAll: true,
				},
			});
			return {
				ids: result.json.map((r) => r.id),
				pages: server.received('GET', '/v1/batch_message/5001/messages').length,
			};
		} finally {
			await server.close();
		}
	};
	const all = Array.from({ length: 250 }, (_, i) => String(i));

	it('walks past short pages while count (the total) says records remain: Hero may cap page_size below ours', async () => {
		expect(await serve(40, (_page, total) => total)).toEqual({ ids: all, pages: 7 });
	});

	it('reads count as the page size when it only repeats the page length, and stops at the short page', async () => {
		expect(await serve(100, (page) => page)).toEqual({ ids: all, pages: 3 });
	});
});

describe('retry policy', () => {
	it('backs off exponentially with jitter, bounded in count and total time', () => {
		const delays = [0, 1, 2, 3].map((attempt) =>
			decide({ status: 503 }, true, attempt, 0, () => 1),
		);
		expect(delays.map((d) => (d.retry ? d.delayMs : -1))).toEqual([250, 500, 1000, 2000]);
		expect(decide({ status: 503 }, true, RETRY_POLICY.maxRetries, 0)).toEqual({
			retry: false,
			ambiguous: false,
		});
		expect(decide({ status: 429, retryAfterSeconds: 60 }, true, 0, 0)).toEqual({
			retry: false,
			ambiguous: false,
		});
		expect(decide({ networkCode: 'ECONNRESET' }, false, 0, 0)).toEqual({
			retry: false,
			ambiguous: true,
		});
		expect(decide({ networkCode: 'ECONNREFUSED' }, false, 0, 0, () => 0)).toEqual({
			retry: true,
			delayMs: 125,
		});
		expect(decide({ status: 400 }, true, 0, 0)).toEqual({ retry: false, ambiguous: false });
	});

	it('treats Retry-After as a minimum wait: never sooner than the backoff, never sooner than Hero asked', () => {
		expect(decide({ status: 429, retryAfterSeconds: 0 }, false, 0, 0, () => 0)).toEqual({
			retry: true,
			delayMs: 125,
		});
		expect(decide({ status: 429, retryAfterSeconds: 2 }, false, 0, 0, () => 1)).toEqual({
			retry: true,
			delayMs: 2000,
		});
		expect(decide({ status: 503, retryAfterSeconds: 0.5 }, true, 3, 0, () => 1)).toEqual({
			retry: true,
			delayMs: 2000,
		});
	});

	it('starts no retry whose wait would end past the time budget of the call', () => {
		expect(decide({ status: 503 }, true, 0, RETRY_POLICY.maxTotalMs - 200, () => 1)).toEqual({
			retry: false,
			ambiguous: false,
		});
		expect(decide({ status: 503 }, true, 0, RETRY_POLICY.maxTotalMs - 200, () => 0)).toEqual({
			retry: true,
			delayMs: 125,
		});
	});

	it('counts time spent waiting on Hero against the budget, not only the backoff', async () => {
		const budget = RETRY_POLICY.maxTotalMs;
		RETRY_POLICY.maxTotalMs = 1_000;
		try {
			sandbox.faults.add({ kind: 'hang', path: '/v1/messages/1' });
			const result = await runHeroNode(sandbox, {
				parameters: { ...getMessage('1'), requestOptions: { timeout: 400 } },
			});
			expect(result.error?.message).toBe('The request to Hero timed out');
			// 400 ms + backoff + 400 ms is past 1 s: the third attempt never starts.
			expect(sandbox.received('GET', '/v1/messages/1')).toHaveLength(2);
		} finally {
			RETRY_POLICY.maxTotalMs = budget;
		}
	});

	it('reads Retry-After as seconds or an HTTP date', () => {
		expect(parseRetryAfter('3')).toBe(3);
		expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString(), Date.now())).toBeGreaterThan(
			3,
		);
		expect(parseRetryAfter('soon')).toBeUndefined();
	});

	it("masks emails, phones and NHS numbers that Hero's error texts quote, and leaves dates, times and ids", () => {
		expect(redactPatientData('No patient with NHS number 943 476 5919.')).toBe(
			'No patient with NHS number [redacted].',
		);
		expect(redactPatientData('+44 7700 900461 and 07700900461 and 943-476-5919')).toBe(
			'[redacted] and [redacted] and [redacted]',
		);
		expect(redactPatientData('ada.l@example.co.uk is taken')).toBe('[redacted] is taken');
		expect(
			redactPatientData('slot 600001 at 2026-03-15T09:30:00Z (2026-03-15 09:30) is taken'),
		).toBe('slot 600001 at 2026-03-15T09:30:00Z (2026-03-15 09:30) is taken');
		expect(
			describeValidationIssues({
				message: [{ path: ['email'], message: 'ada@example.com is invalid' }],
			}),
		).toBe('field email: [redacted] is invalid');
	});

	it('masks phones and NHS numbers written field:value or field=value', () => {
		expect(redactPatientData('recipient_contact_detail:+447700900123 is not a mobile')).toBe(
			'recipient_contact_detail:[redacted] is not a mobile',
		);
		expect(redactPatientData('nhs_number:9434765919 unknown; phone=07700900123')).toBe(
			'nhs_number:[redacted] unknown; phone=[redacted]',
		);
		expect(redactPatientData('"recipient_contact_detail":"+447700900123"')).toBe(
			'"recipient_contact_detail":"[redacted]"',
		);
		expect(redactPatientData('at 09:30:00 on slot 600001')).toBe('at 09:30:00 on slot 600001');
	});

	it('masks every phone the node now accepts, the shortest and longest E.164 numbers included', () => {
		expect(
			redactPatientData('+49301234 (8 digits) and +123456789012345 (15 digits) are not reachable'),
		).toBe('[redacted] (8 digits) and [redacted] (15 digits) are not reachable');
		expect(redactPatientData('recipient_contact_detail:+33612345678')).toBe(
			'recipient_contact_detail:[redacted]',
		);
		expect(redactPatientData('booked for 2026-12-03, slot 20261203')).toBe(
			'booked for 2026-12-03, slot 20261203',
		);
	});

	it('redact masks the credential key and practice group as whole tokens, then patient data', () => {
		expect(
			redact('key SeCrEt-123 for group 42 (not 423 or 2042), call 07700900123', [
				'secret-123',
				'42',
			]),
		).toBe('key [redacted] for group [redacted] (not 423 or 2042), call [redacted]');
		expect(redact('nothing to hide', ['', 'abc'])).toBe('nothing to hide');
	});

	it('redact masks a JWT (a bearer token Hero quotes back) and leaves dotted ids and versions alone', () => {
		const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJoZWlkaSJ9.c2lnbmF0dXJlLWJ5dGVz_-x';
		expect(redact(`token ${jwt} has expired`)).toBe('token [redacted] has expired');
		expect(redact(`"token":"${jwt}"`)).toBe('"token":"[redacted]"');
		expect(redact('form v1.2.3 and file report.final.pdf')).toBe(
			'form v1.2.3 and file report.final.pdf',
		);
	});

	it('a path segment that is not a plain id is refused; pathId encodes an id into one segment', () => {
		for (const path of [
			'/v1/appointments/../../v1/messages/send?evil=/book',
			'/v1/messages/1?x=1',
			'/v1/messages/1#x',
			'/v1/messages/..',
			'/v1/messages/.',
			'/v1/messages/%2e%2e',
			'/v1/a/%2F',
			'/v1/a/%5c',
			'/v1/messages/',
			'/v1//messages',
			'v1/messages',
			'/v1/a b',
		]) {
			expect(unsafePathPrefix(path)).toBeDefined();
		}
		expect(unsafePathPrefix('/v1/appointments/../../v1/messages/send?evil=/book')).toBe(
			'/v1/appointments',
		);
		for (const path of [
			'/v1/messages/123',
			'/v2/patients/9/ehr/candidates',
			'/v1/webhooks/7f0c-11aa_b.c~d',
			'/v1/a/%20b',
		])
			expect(unsafePathPrefix(path)).toBeUndefined();
		expect(pathId('../../v1/messages/send?evil=')).toBe('..%2F..%2Fv1%2Fmessages%2Fsend%3Fevil%3D');
		expect(
			unsafePathPrefix(`/v1/appointments/${pathId('../../v1/messages/send?evil=')}/book`),
		).toBe('/v1/appointments');
		expect(unsafePathPrefix(`/v1/appointments/${pathId('600001')}/book`)).toBeUndefined();
	});

	it('turns Hero 400 bodies into "field X: expected Y"', () => {
		expect(
			describeValidationIssues({
				error: true,
				statusCode: 400,
				message: [{ code: 'invalid_type', expected: 'string', path: ['start_time'] }],
			}),
		).toBe('field start_time: expected string');
	});
});
