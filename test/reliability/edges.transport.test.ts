/**
 * Transport edges: the node run through n8n-core's real request helper
 * (WorkflowExecute + httpRequestWithAuthentication) against a stand-in Hero that misbehaves on purpose.
 */
import {
	captured,
	figure,
	runAndCapture,
	scanCapturedData,
	usesPatientData,
	usesSecret,
} from './capture';
import { startHostileHero, type HostileHero } from './hostileHero';
import type { Sandbox } from '../sandbox/server';
import type { RunOptions } from '../harness/runNode';
import { MAX_ANSWER_BYTES, MAX_PAGES } from '../../nodes/HeroHealth/transport';

jest.setTimeout(120_000);

const KEY = 'hero-live-key-Zq81XvT0pL';
const GROUP = '4321987';
const OUTCOME_UNKNOWN = 'may or may not have been carried out by Hero: check before resending';

let hero: HostileHero;
/** The second host a redirect points at: it records whatever reaches it. */
let elsewhere: HostileHero;
/** What runHeroNode needs of a sandbox: the credential's base URL, key and practice group. */
let target: Sandbox;

beforeAll(async () => {
	hero = await startHostileHero();
	elsewhere = await startHostileHero();
	target = { url: hero.url, apiKey: KEY, practiceGroupId: GROUP } as unknown as Sandbox;
	usesSecret(KEY, GROUP);
});
afterAll(async () => {
	await hero.close();
	await elsewhere.close();
});
beforeEach(() => {
	hero.reset();
	elsewhere.reset();
	elsewhere.answer('*', /.*/, {
		kind: 'json',
		body: { message_id: 'sent-elsewhere', id: 'elsewhere' },
	});
});

const getMessage = { resource: 'message', operation: 'get', messageId: '123' };
const sendSms = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'send',
	patientId: '2001',
	messageType: 'sms',
	message: 'Your appointment is confirmed.',
	additionalFields: {},
	...extra,
});
const run = (options: RunOptions) => runAndCapture(target, options);

/** Runs, but gives up waiting after `ms` (today's code may never finish): `undefined` then. */
async function runWithin(ms: number, options: RunOptions) {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<undefined>(
		(resolve) => (timer = setTimeout(() => resolve(undefined), ms)),
	);
	try {
		return await Promise.race([run(options), late]);
	} finally {
		clearTimeout(timer);
	}
}

describe('redirects are never followed', () => {
	it.each([301, 302, 303, 307, 308])(
		'a %d redirect of Message → Send to another host is not followed: the other host receives nothing, and the error names the status and host',
		async (status) => {
			hero.answer('POST', '/v1/messages/send', {
				kind: 'redirect',
				status,
				location: `${elsewhere.url}/v1/messages/send`,
			});
			const result = await run({ parameters: sendSms() });
			expect(elsewhere.requests).toEqual([]);
			expect(hero.requests).toHaveLength(1);
			expect(result.json).toEqual([]);
			expect(result.error?.message).toContain(`redirect (${status})`);
			expect(result.error?.message).toContain(elsewhere.host);
			expect(result.error?.message).toContain('not repeated there');
		},
	);

	it('a 302 redirect of a read (Message → Get) is not followed either, and is not retried', async () => {
		hero.answer('GET', '/v1/messages/123', {
			kind: 'redirect',
			status: 302,
			location: `${elsewhere.url}/v1/messages/123`,
		});
		const result = await run({ parameters: getMessage, continueOnFail: true });
		expect(elsewhere.requests).toEqual([]);
		expect(hero.requests).toHaveLength(1);
		expect(result.json).toHaveLength(1);
		expect(String(result.json[0].error)).toContain(`redirect (302) to ${elsewhere.host}`);
	});

	it('a 3xx without a Location is an error too (only 2xx is success)', async () => {
		hero.answer('GET', '/v1/messages/123', { kind: 'json', status: 304, body: {} });
		const result = await run({ parameters: getMessage });
		expect(result.json).toEqual([]);
		expect(result.error?.message).toContain('304');
	});
});

describe('the credential key and practice group never reach errors built from Hero answers', () => {
	const quoting = [
		[
			'400 message text',
			400,
			{
				error: 'Bad Request',
				statusCode: 400,
				message: `key ${KEY} not valid for practice group ${GROUP}`,
			},
		],
		[
			'400 validation array',
			400,
			{
				error: 'Bad Request',
				statusCode: 400,
				message: [{ code: 'invalid', expected: `a key other than ${KEY}`, path: [GROUP] }],
			},
		],
		['403', 403, { message: `Unauthorised: ${KEY} / ${GROUP}` }],
		['404', 404, { message: `Nothing for ${KEY} in ${GROUP}` }],
		['409', 409, { message: `Conflict for key ${KEY}` }],
		['422', 422, { message: `Group ${GROUP} cannot`, detail: KEY }],
		['418 (other status)', 418, { message: `teapot ${KEY} ${GROUP}` }],
	] as const;

	it.each(quoting)(
		'%s quoting the key and group: not in the error, its description, the Continue On Fail item or the run data',
		async (_name, status, body) => {
			hero.answer('GET', '/v1/messages/123', { kind: 'json', status, body });
			for (const continueOnFail of [false, true]) {
				const result = await run({ parameters: getMessage, continueOnFail });
				const everything =
					JSON.stringify(result.run) +
					JSON.stringify(result.json) +
					String(result.error?.message) +
					String(result.error?.description);
				expect(everything).not.toContain(KEY);
				expect(everything).not.toContain(GROUP);
				expect(everything).toContain('[redacted]');
			}
		},
	);
});

describe('patient data in field:value form is masked', () => {
	it('Hero quoting recipient_contact_detail:+447700900123 and nhs_number:9434765919 leaves neither in the error', async () => {
		usesPatientData('+447700900123', '9434765919', 'ada@example.com');
		hero.answer('POST', '/v1/messages/send', {
			kind: 'json',
			status: 400,
			body: {
				error: 'Bad Request',
				statusCode: 400,
				message:
					'recipient_contact_detail:+447700900123 is not a mobile; nhs_number:9434765919 unknown; email:ada@example.com',
			},
		});
		const result = await run({ parameters: sendSms(), continueOnFail: true });
		const text = JSON.stringify(result.json);
		expect(text).toContain('recipient_contact_detail:[redacted]');
		expect(text).toContain('nhs_number:[redacted]');
		expect(text).not.toContain('447700900123');
		expect(text).not.toContain('9434765919');
		expect(text).not.toContain('ada@example.com');
	});
});

describe('the Timeout bounds the whole answer, and answers are capped in size', () => {
	it('a body dripped one byte every 200 ms fails a read within the Timeout (1 s) and its retries, and the connection is left', async () => {
		hero.answer('GET', '/v1/messages/123', { kind: 'drip', intervalMs: 200 });
		const started = Date.now();
		const result = await runWithin(40_000, {
			parameters: { ...getMessage, requestOptions: { timeout: 1000 } },
		});
		const elapsed = Date.now() - started;
		expect(result).toBeDefined();
		expect(result?.error?.message).toBe('The request to Hero timed out');
		// 5 attempts of 1 s plus backoff, on a shared machine.
		expect(elapsed).toBeLessThan(25_000);
		// Each attempt's connection was left unfinished by n8n (the server sees it close a moment later).
		for (let i = 0; i < 100 && hero.abandoned() < hero.requests.length; i++)
			await new Promise((resolve) => setTimeout(resolve, 20));
		expect(hero.abandoned()).toBe(hero.requests.length);
		figure('Edges: dripped body (1 byte / 200 ms), Timeout 1 s', {
			'read fails after (ms)': elapsed,
			attempts: hero.requests.length,
		});
	});

	it('a Timeout given as text from an expression ("1000") still bounds a dripped answer to a send', async () => {
		hero.answer('POST', '/v1/messages/send', { kind: 'drip', intervalMs: 200 });
		const started = Date.now();
		// "Date.now() + '1000'" once made a deadline that never came: the send dripped on for ever.
		const result = await runWithin(10_000, {
			parameters: sendSms({ requestOptions: { timeout: '={{ "1000" }}' } }),
		});
		expect(result?.error?.message).toBe(
			`The request to Hero timed out; the request ${OUTCOME_UNKNOWN}`,
		);
		expect(hero.requests).toHaveLength(1);
		expect(Date.now() - started).toBeLessThan(10_000);
	});

	it('a dripped answer to a send is "outcome unknown" after one attempt, within about the Timeout', async () => {
		hero.answer('POST', '/v1/messages/send', { kind: 'drip', intervalMs: 200 });
		const started = Date.now();
		const result = await runWithin(40_000, {
			parameters: sendSms({ requestOptions: { timeout: 1000 } }),
		});
		const elapsed = Date.now() - started;
		expect(result?.error?.message).toBe(
			`The request to Hero timed out; the request ${OUTCOME_UNKNOWN}`,
		);
		expect(result?.error?.description).toContain('Outcome unknown');
		expect(hero.requests).toHaveLength(1);
		expect(elapsed).toBeLessThan(10_000);
		figure('Edges: dripped body (1 byte / 200 ms), Timeout 1 s', {
			'send fails after (ms)': elapsed,
		});
	});

	it('with the default Timeout (30 s), a dripped answer to a send fails once, after about 30 s', async () => {
		hero.answer('POST', '/v1/messages/send', { kind: 'drip', intervalMs: 500 });
		const started = Date.now();
		const result = await runWithin(90_000, { parameters: sendSms() });
		const elapsed = Date.now() - started;
		expect(result?.error?.message).toBe(
			`The request to Hero timed out; the request ${OUTCOME_UNKNOWN}`,
		);
		expect(hero.requests).toHaveLength(1);
		expect(elapsed).toBeGreaterThanOrEqual(29_000);
		expect(elapsed).toBeLessThan(45_000);
		figure('Edges: dripped body (1 byte / 500 ms), default Timeout 30 s', {
			'send fails after (ms)': elapsed,
		});
	});

	it('an endless body stops at the size cap: bounded bytes read, a clear error, no retry', async () => {
		hero.answer('GET', '/v1/messages/123', { kind: 'endless', stopAfterBytes: 60 * 1024 * 1024 });
		const heapBefore = process.memoryUsage().heapUsed;
		const started = Date.now();
		const result = await runWithin(60_000, { parameters: getMessage });
		const elapsed = Date.now() - started;
		const heapAfter = process.memoryUsage().heapUsed;
		expect(result?.error?.message).toBe(
			`Hero's answer was larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB; it was not read further`,
		);
		expect(hero.requests).toHaveLength(1);
		// The cap plus what socket buffers hold: far below the 60 MB the stand-in would send.
		expect(hero.bytesSent()).toBeLessThan(MAX_ANSWER_BYTES + 8 * 1024 * 1024);
		figure('Edges: endless body', {
			'bytes the stand-in got out': hero.bytesSent(),
			'ms to fail': elapsed,
			'heap growth (MB)': Math.round((heapAfter - heapBefore) / 1024 / 1024),
		});
	});

	it.each([
		['with Content-Length', false],
		['chunked, no Content-Length', true],
	])(
		'a 50 MB answer (%s) is not output: a read fails clearly, a send is "outcome unknown"',
		async (_name, chunked) => {
			hero.answer('GET', '/v1/messages/123', { kind: 'huge', bytes: 50 * 1024 * 1024, chunked });
			hero.answer('POST', '/v1/messages/send', { kind: 'huge', bytes: 50 * 1024 * 1024, chunked });
			const read = await run({ parameters: getMessage });
			expect(read.json).toEqual([]);
			expect(read.error?.message).toBe(
				`Hero's answer was larger than 10 MB; it was not read further`,
			);
			const send = await run({ parameters: sendSms() });
			expect(send.json).toEqual([]);
			expect(send.error?.message).toBe(
				`Hero's answer was larger than 10 MB; the request ${OUTCOME_UNKNOWN}`,
			);
			expect(hero.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
		},
	);
});

describe('the 10 MB cap holds on a compressed answer', () => {
	it('a gzip answer of 50 KB that inflates to 50 MB is not output: a read fails at the cap, a send is "outcome unknown"', async () => {
		// The node asks for identity; this stand-in compresses anyway, as a misconfigured proxy might.
		hero.answer('GET', '/v1/messages/123', { kind: 'gzip', bytes: 50 * 1024 * 1024 });
		hero.answer('POST', '/v1/messages/send', { kind: 'gzip', bytes: 50 * 1024 * 1024 });
		const heapBefore = process.memoryUsage().heapUsed;
		const read = await run({ parameters: getMessage });
		expect(hero.bytesSent()).toBeLessThan(1024 * 1024);
		expect(read.json).toEqual([]);
		expect(read.error?.message).toBe(
			`Hero's answer was larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB; it was not read further`,
		);
		const send = await run({ parameters: sendSms() });
		expect(send.json).toEqual([]);
		expect(send.error?.message).toBe(
			`Hero's answer was larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB; the request ${OUTCOME_UNKNOWN}`,
		);
		expect(hero.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
		// Far below the 50 MB string the answer would inflate to (the cap, and what the inflater buffers).
		expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(40 * 1024 * 1024);
	});
});

describe('a Retry-After longer than the retry budget', () => {
	it('fails at once, after one request, with Hero\'s requested wait and "longer than the node\'s retry budget" in the error', async () => {
		hero.answer('GET', '/v1/messages/123', {
			kind: 'json',
			status: 429,
			body: { statusCode: 429, message: 'Too Many Requests' },
			headers: { 'retry-after': '120' },
		});
		const started = Date.now();
		const result = await run({ parameters: getMessage, continueOnFail: true });
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(hero.requests).toHaveLength(1);
		expect(result.json).toEqual([
			{
				error: 'Hero is rate limiting requests',
				description:
					'Hero answered 429 to GET /v1/messages/123. Not retried: Hero asked to wait 120s, longer than the node\'s retry budget. Lower "Requests in Flight" or add a Wait node between batches.',
				httpCode: '429',
				row: 1,
			},
		]);
	});
});

describe('only a JSON object (or a list where a list is read) is a successful answer', () => {
	const notJson = [
		['HTML', '<html><body>Service Unavailable</body></html>', 'text/html', 'not JSON'],
		['invalid JSON', '{"message_id": "1"', 'application/json', 'not JSON'],
		['an empty body', '', 'application/json', 'empty'],
		['null', 'null', 'application/json', 'not a JSON object'],
		['a number', '42', 'application/json', 'not a JSON object'],
	] as const;

	it.each(notJson)(
		'a 200 with %s fails a read clearly and a send as "outcome unknown"',
		async (_name, body, contentType, what) => {
			hero.answer('GET', '/v1/messages/123', { kind: 'raw', body, contentType });
			hero.answer('POST', '/v1/messages/send', { kind: 'raw', body, contentType });
			const read = await run({ parameters: getMessage });
			expect(read.json).toEqual([]);
			expect(read.error?.message).toContain(what);
			const send = await run({ parameters: sendSms() });
			expect(send.json).toEqual([]);
			expect(send.error?.message).toContain(what);
			expect(send.error?.message).toContain(OUTCOME_UNKNOWN);
			expect(hero.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
		},
	);

	it('a null answer does not crash the node under Continue On Fail: the item carries the error', async () => {
		hero.answer('POST', '/v1/messages/send', { kind: 'raw', body: 'null' });
		const result = await run({ parameters: sendSms(), continueOnFail: true, items: [{}, {}] });
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(2);
		for (const json of result.json) expect(String(json.error)).toContain(OUTCOME_UNKNOWN);
	});

	it('an array where one object is documented (Message → Get) is an error, not several items', async () => {
		hero.answer('GET', '/v1/messages/123', {
			kind: 'json',
			body: [{ id: '123' }, { id: '124' }, { id: '125' }],
		});
		const result = await run({ parameters: getMessage });
		expect(result.json).toEqual([]);
		expect(result.error?.message).toContain('a list where one record');
	});

	it('a list read (Admin → Get Many) still accepts a bare array', async () => {
		hero.answer('GET', '/v1/admins', { kind: 'json', body: [{ id: '1' }, { id: '2' }] });
		const result = await run({
			parameters: { resource: 'admin', operation: 'getMany', returnAll: true },
		});
		expect(result.error).toBeUndefined();
		expect(result.json.map((j) => j.id)).toEqual(['1', '2']);
	});
});

describe('Return All ends', () => {
	it('full pages with a huge count end at once with a clear error (count above the hard cap)', async () => {
		hero.answer('GET', '/v1/admins', { kind: 'pages', count: 1_000_000_000 });
		const result = await runWithin(60_000, {
			parameters: { resource: 'admin', operation: 'getMany', returnAll: true },
		});
		expect(result?.json).toEqual([]);
		expect(result?.error?.message).toContain('Return All');
		expect(hero.requests.length).toBeLessThanOrEqual(1);
	});

	it('full pages for ever with a count of one page stop at the hard cap of pages, with a clear error', async () => {
		hero.answer('GET', '/v1/admins', { kind: 'pages', count: 100 });
		const started = Date.now();
		const result = await runWithin(110_000, {
			parameters: { resource: 'admin', operation: 'getMany', returnAll: true },
		});
		expect(result?.error?.message).toContain(`more than ${MAX_PAGES} pages`);
		expect(hero.requests).toHaveLength(MAX_PAGES);
		figure('Edges: Return All against endless full pages', {
			requests: hero.requests.length,
			'ms to fail': Date.now() - started,
		});
	});

	it('a count above one page still ends the walk once that many records are read (250 counted: 3 pages)', async () => {
		hero.answer('GET', '/v1/admins', { kind: 'pages', count: 250 });
		const result = await run({
			parameters: { resource: 'admin', operation: 'getMany', returnAll: true },
		});
		expect(result.error).toBeUndefined();
		expect(hero.requests).toHaveLength(3);
		expect(result.json).toHaveLength(300);
	});
});

describe('ids go into paths checked or encoded', () => {
	it('Book Next Available with a reservation id "../../v1/messages/send?evil=" never calls /v1/messages/send', async () => {
		const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
		hero.answer('*', /.*/, { kind: 'json', body: { id: 'catch-all' } });
		hero.answer('GET', '/v1/slots', {
			kind: 'json',
			body: {
				data: [
					{
						id: '9',
						practitioner_id: '15',
						location_id: '3',
						appointment_type_id: '4001',
						start_time: `${day}T10:00:00.000Z`,
						finish_time: `${day}T10:15:00.000Z`,
					},
				],
				count: 1,
			},
		});
		hero.answer('POST', '/v1/appointments', {
			kind: 'json',
			body: { id: '../../v1/messages/send?evil=', reserved_until: `${day}T10:10:00.000Z` },
		});
		const result = await run({
			parameters: {
				resource: 'appointment',
				operation: 'bookNextAvailable',
				patientId: '2001',
				appointmentTypeId: { __rl: true, mode: 'id', value: '4001' },
				filters: {},
				options: {},
			},
		});
		const paths = hero.requests.map((r) => `${r.method} ${r.url}`);
		expect(paths.some((p) => p.includes('/v1/messages'))).toBe(false);
		expect(paths.some((p) => p.includes('..') || p.includes('evil'))).toBe(false);
		expect(paths).toEqual([expect.stringMatching(/^GET \/v1\/slots\?/), 'POST /v1/appointments']);
		expect(result.json).toEqual([]);
		expect(result.error?.message).toContain('not a plain ID');
	});
});

describe('the 403 message', () => {
	it("a 403 quotes Hero's own text and does not claim one cause", async () => {
		hero.answer('POST', '/v1/messages/send', {
			kind: 'json',
			status: 403,
			body: { statusCode: 403, message: 'Unauthorised' },
		});
		const result = await run({ parameters: sendSms() });
		expect(result.error?.message).toBe('Hero did not authorise this request ("Unauthorised")');
		expect(result.error?.description).toContain('scope');
		expect(result.error?.description).toContain('practice group');
		expect((result.error as { httpCode?: string }).httpCode).toBe('403');
	});
});

it('keeps the captured data honest (this file captured runs)', () => {
	expect(captured.outputs.length).toBeGreaterThan(0);
});

scanCapturedData();
