/**
 * Hero Health Trigger under hostile and heavy delivery: forged, missing and stale signatures,
 * malformed JSON, empty and 1 MB bodies, the wrong content type, and 1,000 valid deliveries at once.
 * Bad deliveries get 401 (not from Hero) or 400 (not a Hero event) and start nothing; every valid
 * delivery starts exactly one execution.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { figure, scanCapturedData, usesSecret } from './capture';
import { sign, WebhookReceiver, type Answer } from './webhookReceiver';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { INFERRED } from '../../nodes/HeroHealth/transport/inferred';
import { RECORD_READ_DEADLINE_MS } from '../../nodes/HeroHealth/trigger/records';

const SIGNING_KEY = `whsec-${randomBytes(16).toString('hex')}`;
const OTHER_KEY = `whsec-${randomBytes(16).toString('hex')}`;

let sandbox: Sandbox;
let receiver: WebhookReceiver;
beforeAll(async () => {
	sandbox = await startSandbox();
	usesSecret(sandbox.apiKey, SIGNING_KEY);
	receiver = await new WebhookReceiver(sandbox, SIGNING_KEY, {
		events: ['appointment.confirmed', 'appointment.cancelled'],
		fetchFullRecord: false,
	}).listen();
});
afterAll(async () => {
	await receiver.close();
	await sandbox.close();
});

const seconds = (offset = 0) => String(Math.floor(Date.now() / 1000) + offset);
const envelope = (id: string | number, event = 'appointment.confirmed') =>
	JSON.stringify({
		object: 'Appointment',
		id: String(id),
		practice_group_id: sandbox.practiceGroupId,
		event,
	});
const json = { 'content-type': 'application/json' };
const signed = (
	body: string | Buffer,
	options: { key?: string; timestamp?: string; encoding?: 'hex' | 'base64' } = {},
) => {
	const timestamp = options.timestamp ?? seconds();
	return {
		...json,
		'x-herohealth-timestamp': timestamp,
		'x-herohealth-signature': sign(options.key ?? SIGNING_KEY, timestamp, body, options.encoding),
	};
};
const megabyte = (prefix: string) => `${prefix}${'x'.repeat(1024 * 1024 - prefix.length - 2)}"}`;

interface BadDelivery {
	name: string;
	body: () => string | Buffer;
	headers: (body: string | Buffer) => Record<string, string>;
	status: 401 | 400;
}

const BAD: BadDelivery[] = [
	{
		name: 'forged signature (another key)',
		body: () => envelope(9001),
		headers: (b) => signed(b, { key: OTHER_KEY }),
		status: 401,
	},
	{
		name: 'body changed after signing',
		body: () => envelope(9002),
		headers: () => signed(envelope(9003)),
		status: 401,
	},
	{
		name: 'signature over the body alone (no timestamp)',
		body: () => envelope(9004),
		headers: (b) => ({
			...json,
			'x-herohealth-timestamp': seconds(),
			'x-herohealth-signature': createHmac('sha256', SIGNING_KEY).update(b).digest('hex'),
		}),
		status: 401,
	},
	{
		name: 'signature header missing',
		body: () => envelope(9005),
		headers: () => ({ ...json, 'x-herohealth-timestamp': seconds() }),
		status: 401,
	},
	{
		name: 'timestamp header missing',
		body: () => envelope(9006),
		headers: (b) => {
			const { 'x-herohealth-timestamp': _t, ...rest } = signed(b);
			return rest;
		},
		status: 401,
	},
	{ name: 'both headers missing', body: () => envelope(9007), headers: () => json, status: 401 },
	{
		name: `stale timestamp (${INFERRED.signatureToleranceSeconds + 60} s old, correctly signed)`,
		body: () => envelope(9008),
		headers: (b) => signed(b, { timestamp: seconds(-(INFERRED.signatureToleranceSeconds + 60)) }),
		status: 401,
	},
	{
		name: 'timestamp a day old (correctly signed)',
		body: () => envelope(9009),
		headers: (b) => signed(b, { timestamp: seconds(-86_400) }),
		status: 401,
	},
	{
		name: 'timestamp 10 minutes in the future',
		body: () => envelope(9010),
		headers: (b) => signed(b, { timestamp: seconds(600) }),
		status: 401,
	},
	{
		name: 'timestamp not a number',
		body: () => envelope(9011),
		headers: (b) => signed(b, { timestamp: 'yesterday' }),
		status: 401,
	},
	{
		name: 'signature neither hex nor base64',
		body: () => envelope(9012),
		headers: () => ({
			...json,
			'x-herohealth-timestamp': seconds(),
			'x-herohealth-signature': 'not-a-signature!',
		}),
		status: 401,
	},
	{
		name: 'signature truncated',
		body: () => envelope(9013),
		headers: (b) => {
			const h = signed(b);
			return { ...h, 'x-herohealth-signature': h['x-herohealth-signature'].slice(0, 40) };
		},
		status: 401,
	},
	{
		name: 'malformed JSON, unsigned',
		body: () => '{"object": "Appointment", "id": ',
		headers: () => json,
		status: 401,
	},
	{
		name: 'malformed JSON, correctly signed',
		body: () => '{"object": "Appointment", "id": ',
		headers: (b) => signed(b),
		status: 400,
	},
	{ name: 'empty body, unsigned', body: () => '', headers: () => json, status: 401 },
	{ name: 'empty body, correctly signed', body: () => '', headers: (b) => signed(b), status: 400 },
	{
		name: 'JSON array, correctly signed',
		body: () => `[${envelope(9014)}]`,
		headers: (b) => signed(b),
		status: 400,
	},
	{
		name: 'envelope without an id, correctly signed',
		body: () =>
			JSON.stringify({
				object: 'Appointment',
				practice_group_id: '1001',
				event: 'appointment.confirmed',
			}),
		headers: (b) => signed(b),
		status: 400,
	},
	{
		name: '1 MB body, unsigned',
		body: () => megabyte('{"padding":"'),
		headers: () => json,
		status: 401,
	},
	{
		name: '1 MB body, forged signature',
		body: () => megabyte('{"padding":"'),
		headers: (b) => signed(b, { key: OTHER_KEY }),
		status: 401,
	},
	{
		name: '1 MB body that is not an event, correctly signed',
		body: () => megabyte('{"padding":"'),
		headers: (b) => signed(b),
		status: 400,
	},
	{
		name: 'wrong content type (text/plain), unsigned',
		body: () => envelope(9015),
		headers: () => ({ 'content-type': 'text/plain' }),
		status: 401,
	},
	{
		name: 'wrong content type (text/plain), correctly signed',
		body: () => envelope(9016),
		headers: (b) => ({ ...signed(b), 'content-type': 'text/plain' }),
		status: 400,
	},
	{
		name: 'wrong content type (form-encoded), correctly signed',
		body: () => `object=Appointment&id=9017&event=appointment.confirmed`,
		headers: (b) => ({ ...signed(b), 'content-type': 'application/x-www-form-urlencoded' }),
		status: 400,
	},
];

const answers: Record<string, string> = {};
let badExecutions = 0;

describe('bad deliveries: 401 when not from Hero, 400 when not a Hero event, and no execution', () => {
	it.each(BAD.map((bad) => [bad.name, bad] as const))('%s', async (_name, bad) => {
		const before = receiver.executions.length;
		const body = bad.body();
		const answer = await receiver.deliver(body, bad.headers(body));
		answers[bad.name] = `${answer.status}`;
		badExecutions += receiver.executions.length - before;
		expect(answer.status).toBe(bad.status);
		expect(receiver.executions.length).toBe(before);
		// The refusal says nothing of the key or the expected signature.
		expect(answer.body).not.toContain(SIGNING_KEY);
		expect(answer.body).not.toMatch(/[0-9a-f]{64}/);
	});

	it('records the refusals', () => {
		const count = (status: string) => Object.values(answers).filter((s) => s === status).length;
		figure('Trigger: hostile deliveries', {
			'bad deliveries': BAD.length,
			'answered 401 (signature: forged, missing, stale, malformed)': count('401'),
			'answered 400 (signed, but not a Hero event / wrong content type)': count('400'),
			'executions started by them': badExecutions,
			...Object.fromEntries(BAD.map((bad) => [`  ${bad.name}`, answers[bad.name] ?? '(not run)'])),
		});
		expect(count('401') + count('400')).toBe(BAD.length);
		expect(badExecutions).toBe(0);
	});
});

describe('valid deliveries', () => {
	it('accepts hex and base64 signatures and a millisecond timestamp, one execution each', async () => {
		const before = receiver.executions.length;
		const bodies = [envelope(8001), envelope(8002), envelope(8003, 'appointment.cancelled')];
		const answers: Answer[] = [
			await receiver.deliver(bodies[0], signed(bodies[0])),
			await receiver.deliver(bodies[1], signed(bodies[1], { encoding: 'base64' })),
			await receiver.deliver(bodies[2], signed(bodies[2], { timestamp: String(Date.now()) })),
		];
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
		const started = receiver.executions.slice(before);
		expect(started.map((items) => items.map((item) => item.json.id))).toEqual([
			['8001'],
			['8002'],
			['8003'],
		]);
		expect(started[2][0].json.event).toBe('appointment.cancelled');
	});

	it('1,000 valid deliveries in a burst: 1,000 answers 200, exactly 1,000 executions, each event once', async () => {
		const COUNT = 1_000;
		const before = receiver.executions.length;
		const started = Date.now();
		const results = await Promise.all(
			Array.from({ length: COUNT }, (_, i) => {
				const body = envelope(
					100_000 + i,
					i % 2 ? 'appointment.cancelled' : 'appointment.confirmed',
				);
				return receiver.deliver(body, signed(body));
			}),
		);
		const ms = Date.now() - started;
		const executions = receiver.executions.slice(before);
		const ids = executions.flatMap((items) => items.map((item) => String(item.json.id)));
		const statuses = new Map<number, number>();
		for (const { status } of results) statuses.set(status, (statuses.get(status) ?? 0) + 1);

		expect(Object.fromEntries(statuses)).toEqual({ 200: COUNT });
		expect(executions).toHaveLength(COUNT);
		expect(executions.every((items) => items.length === 1)).toBe(true);
		expect(new Set(ids).size).toBe(COUNT);
		expect([...ids].sort()).toEqual(
			Array.from({ length: COUNT }, (_, i) => String(100_000 + i)).sort(),
		);
		figure('Trigger: 1,000 valid deliveries in a burst', {
			deliveries: COUNT,
			answers: Object.fromEntries([...statuses].map(([status, n]) => [String(status), n])),
			executions: executions.length,
			'distinct events executed': new Set(ids).size,
			'time for the burst (ms)': ms,
		});
	});

	it('with Fetch Full Record, the record is read with the credential and the output carries no key', async () => {
		const fetching = await new WebhookReceiver(sandbox, SIGNING_KEY, {
			events: ['appointment.confirmed'],
			fetchFullRecord: true,
		}).listen();
		try {
			const body = envelope(999_999);
			const answer = await fetching.deliver(body, signed(body));
			expect(answer.status).toBe(200);
			expect(fetching.executions).toHaveLength(1);
			const item = fetching.executions[0][0].json;
			// No such appointment: the event still starts the workflow, with a clear, sanitised reason.
			expect(item.record).toBeNull();
			expect(item.error).toMatchObject({ httpCode: '404' });
			expect(sandbox.received('GET', '/v1/appointments/999999')).toHaveLength(1);
			expect(sandbox.received('GET', '/v1/appointments/999999')[0].headers['x-api-key']).toBe(
				sandbox.apiKey,
			);
			expect(JSON.stringify(fetching.executions)).not.toContain(sandbox.apiKey);
		} finally {
			await fetching.close();
		}
	});
});

scanCapturedData();

/**
 * A stand-in Hero whose record answer never finishes: 200 and headers at once, then one byte a
 * second. Every other request gets 404.
 */
async function drippingHero(): Promise<{
	url: string;
	apiKey: string;
	practiceGroupId: string;
	reads: string[];
	close(): Promise<void>;
}> {
	const sockets = new Set<Socket>();
	const reads: string[] = [];
	const timers = new Set<NodeJS.Timeout>();
	const server = createServer((req, res) => {
		if (req.method !== 'GET' || !/^\/v1\/appointments\/\d+$/.test(req.url ?? '')) {
			res
				.writeHead(404, { 'content-type': 'application/json' })
				.end('{"error":true,"statusCode":404,"message":"Not found"}');
			return;
		}
		reads.push(String(req.url));
		res.writeHead(200, { 'content-type': 'application/json' });
		res.write('{"id":"');
		const timer = setInterval(() => res.write('1'), 1_000);
		timers.add(timer);
		res.on('close', () => clearInterval(timer));
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		apiKey: 'stand-in-key',
		practiceGroupId: '1001',
		reads,
		close: async () => {
			for (const timer of timers) clearInterval(timer);
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

describe('a slow record read', () => {
	it('with the record answer dripping, Hero gets its 200 at once and the run starts within a bounded time, with record null and the error in the item', async () => {
		const hero = await drippingHero();
		usesSecret(hero.apiKey);
		const slow = await new WebhookReceiver(hero as unknown as Sandbox, SIGNING_KEY, {
			events: ['appointment.confirmed'],
			fetchFullRecord: true,
		}).listen();
		// Waits long enough to see a late run; the promise checked below is the deadline itself.
		const bound = RECORD_READ_DEADLINE_MS + 15_000;
		try {
			const body = envelope(424_242);
			const started = Date.now();
			const answer = await slow.post(body, signed(body));
			const answeredMs = Date.now() - started;
			expect(answer.status).toBe(200);
			while (slow.executions.length === 0 && Date.now() - started < bound)
				await new Promise((resolve) => setTimeout(resolve, 100));
			const runMs = Date.now() - started;
			expect(slow.executions).toHaveLength(1);
			// The run starts when the 10 s deadline for the read expires: not before (the read was given
			// its time), and within 2 s after it (timer, abort and starting the run, on a busy machine).
			expect(runMs).toBeGreaterThanOrEqual(RECORD_READ_DEADLINE_MS);
			expect(runMs).toBeLessThan(RECORD_READ_DEADLINE_MS + 2_000);
			expect(answeredMs).toBeLessThan(5_000);
			// Each attempt times out before the deadline, so the read is tried again within it.
			expect(hero.reads.length).toBeGreaterThanOrEqual(2);
			expect([...new Set(hero.reads)]).toEqual(['/v1/appointments/424242']);
			expect(slow.executions[0].map((item) => item.json)).toEqual([
				{
					event: 'appointment.confirmed',
					practice_group_id: sandbox.practiceGroupId,
					object: 'Appointment',
					id: '424242',
					record: null,
					error: {
						message: `Hero did not answer GET /v1/appointments/424242 within ${RECORD_READ_DEADLINE_MS / 1000} s, so the run started without the record`,
						description: expect.stringContaining('Read it again'),
					},
				},
			]);
			figure('Trigger: record read dripping at 1 byte/s', {
				'Hero answered 200 after (ms)': answeredMs,
				'run started after (ms)': runMs,
				'deadline for the read (ms)': RECORD_READ_DEADLINE_MS,
			});
		} finally {
			await slow.close();
			await hero.close();
		}
	}, 90_000);
});
