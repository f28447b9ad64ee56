/**
 * The sandbox's webhook API and deliveries, checked on their own (the trigger's tests rely on them):
 * strict validation, the inferred get/update/delete paths, signed deliveries with the registration's
 * headers, retries, and that a reset or close stops pending retries.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { sandboxClient } from '../../harness/sandboxClient';
import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { deliveries, settledDeliveries } from '../../sandbox/routes/webhooks';

let sandbox: Sandbox;
let receiver: Server;
let receiverUrl = '';
/** Statuses the receiver answers, in order; 200 once used up. */
let script: number[] = [];
const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
	sandbox = await startSandbox();
	receiver = createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
		res.writeHead(script.shift() ?? 200).end('ok');
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
	await new Promise((resolve) => receiver.close(resolve));
	await sandbox.close();
});
beforeEach(async () => {
	sandbox.reset();
	received.length = 0;
	script = [];
	await control('PUT', '/__sandbox/webhooks/policy', { baseDelayMs: 20, maxDelayMs: 200 });
});

const { hero, control } = sandboxClient(() => sandbox);

describe('sandbox webhook API', () => {
	it('creates a registration and answers the documented fields (description accepted, not returned)', async () => {
		const created = await hero('POST', '/v1/webhooks', {
			event_type: 'appointment.confirmed',
			url: receiverUrl,
			signing_key: 'k1',
			headers: { 'X-Static': 's' },
			description: 'mine',
		});
		expect(created.status).toBe(200);
		expect(created.body).toEqual({
			id: expect.stringMatching(/^\d+$/),
			event_type: 'appointment.confirmed',
			url: receiverUrl,
			signing_key: 'k1',
			headers: { 'X-Static': 's' },
			created_at: expect.any(String),
			updated_at: expect.any(String),
		});
	});

	it('rejects what the docs do not allow, naming the field', async () => {
		const cases: Array<[unknown, string]> = [
			[{ url: receiverUrl }, 'event_type'],
			[{ event_type: 'appointment.confirmed' }, 'url'],
			[{ event_type: 'appointment.created', url: receiverUrl }, 'event_type'],
			[{ event_type: 'appointment.confirmed', url: 'not a url' }, 'url'],
			[{ event_type: 'appointment.confirmed', url: receiverUrl, secret: 'x' }, 'secret'],
			[{ event_type: 'appointment.confirmed', url: receiverUrl, headers: { 'X-N': 1 } }, 'headers'],
			[
				{ event_type: ['appointment.confirmed', 'appointment.cancelled'], url: receiverUrl },
				'event_type',
			],
			// Not in openapi.yaml's create enum (only the AsyncAPI names it).
			[{ event_type: 'form-submission.created', url: receiverUrl }, 'event_type'],
		];
		for (const [body, field] of cases) {
			const answer = await hero('POST', '/v1/webhooks', body);
			expect(answer.status).toBe(400);
			expect(answer.body.message[0].path[0]).toBe(field);
		}
		expect(
			(
				await hero(
					'POST',
					'/v1/webhooks',
					{ event_type: 'appointment.confirmed', url: receiverUrl },
					{ auth: false },
				)
			).status,
		).toBe(401);
		expect(deliveries(sandbox.state)).toEqual([]);
	});

	it("lists in a {data, count} envelope, filters by event_type, pages like Hero's other lists (inferred), and rejects undocumented query parameters", async () => {
		for (const event_type of [
			'appointment.confirmed',
			'appointment.cancelled',
			'appointment.confirmed',
		]) {
			await hero('POST', '/v1/webhooks', { event_type, url: receiverUrl });
		}
		const all = await hero('GET', '/v1/webhooks');
		expect(all.body.count).toBe(3);
		const filtered = await hero('GET', '/v1/webhooks?event_type=appointment.confirmed');
		expect(filtered.body.data.map((w: { event_type: string }) => w.event_type)).toEqual([
			'appointment.confirmed',
			'appointment.confirmed',
		]);
		const second = await hero('GET', '/v1/webhooks?page_index=1&page_size=2');
		expect(second.body).toEqual({ data: [all.body.data[2]], count: 3 });
		expect((await hero('GET', '/v1/webhooks?colour=red')).status).toBe(400);
		expect((await hero('GET', '/v1/webhooks?event_type=nope')).status).toBe(400);
	});

	it('gets, updates and deletes at INFERRED.webhookPath, 404 once gone', async () => {
		const { body: created } = await hero('POST', '/v1/webhooks', {
			event_type: 'prescription.issued',
			url: receiverUrl,
		});
		const path = INFERRED.webhookPath(created.id);
		expect((await hero('GET', path)).body).toEqual(created);
		const updated = await hero('PATCH', path, { url: `${receiverUrl}/v2` });
		expect(updated.body).toMatchObject({
			id: created.id,
			url: `${receiverUrl}/v2`,
			event_type: 'prescription.issued',
		});
		expect((await hero('PATCH', path, { colour: 'red' })).status).toBe(400);
		expect((await hero('DELETE', path)).status).toBe(200);
		expect((await hero('GET', path)).status).toBe(404);
		expect((await hero('DELETE', path)).status).toBe(404);
	});
});

describe('sandbox webhook deliveries', () => {
	it('posts the compact envelope, signed over "{timestamp}.{body}" with the registration key, with its headers', async () => {
		await hero('POST', '/v1/webhooks', {
			event_type: 'appointment.confirmed',
			url: receiverUrl,
			signing_key: 'key-123',
			headers: { 'X-Static-Secret': 'abc' },
		});
		const emitted = await control('POST', '/__sandbox/webhooks/emit', {
			event: 'appointment.confirmed',
			id: '5001',
		});
		expect(emitted.status).toBe(200);
		expect(emitted.body.deliveries).toHaveLength(1);
		await settledDeliveries(sandbox.state, 1);
		expect(received).toHaveLength(1);
		const [{ headers, body }] = received;
		expect(body).toBe(
			`{"object":"Appointment","id":"5001","practice_group_id":"${sandbox.practiceGroupId}","event":"appointment.confirmed"}`,
		);
		const timestamp = String(headers['x-herohealth-timestamp']);
		expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5);
		expect(headers['x-herohealth-signature']).toBe(
			createHmac('sha256', 'key-123').update(`${timestamp}.${body}`).digest('hex'),
		);
		expect(headers['x-static-secret']).toBe('abc');
		expect(headers['content-type']).toBe('application/json');
	});

	it('sends no signature headers for a registration without a signing key', async () => {
		await hero('POST', '/v1/webhooks', { event_type: 'prescription.issued', url: receiverUrl });
		await control('POST', '/__sandbox/webhooks/emit', { event: 'prescription.issued', id: '8001' });
		await settledDeliveries(sandbox.state, 1);
		expect(received[0].headers['x-herohealth-signature']).toBeUndefined();
		expect(received[0].headers['x-herohealth-timestamp']).toBeUndefined();
	});

	it('retries non-2xx answers with growing delays, re-signing each attempt, and reports attempts over HTTP', async () => {
		await hero('POST', '/v1/webhooks', {
			event_type: 'appointment.cancelled',
			url: receiverUrl,
			signing_key: 'key-9',
		});
		script = [500, 429, 204];
		await control('POST', '/__sandbox/webhooks/emit', {
			event: 'appointment.cancelled',
			id: '5002',
		});
		await settledDeliveries(sandbox.state, 1);
		const { body: listed } = await control(
			'GET',
			'/__sandbox/webhooks/deliveries?event=appointment.cancelled',
		);
		expect(listed).toHaveLength(1);
		expect(listed[0].state).toBe('delivered');
		expect(listed[0].attempts.map((a: { status: number }) => a.status)).toEqual([500, 429, 204]);
		for (const { headers, body } of received) {
			expect(headers['x-herohealth-signature']).toBe(
				createHmac('sha256', 'key-9')
					.update(`${headers['x-herohealth-timestamp']}.${body}`)
					.digest('hex'),
			);
		}
		const at = listed[0].attempts.map((a: { at: string }) => Date.parse(a.at));
		expect(at[1] - at[0]).toBeGreaterThanOrEqual(20);
		expect(at[2] - at[1]).toBeGreaterThanOrEqual(40);
	});

	it('marks a delivery failed after maxAttempts, and records network errors', async () => {
		// A port that was free a moment ago: nothing listens there.
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		await hero('POST', '/v1/webhooks', {
			event_type: 'appointment.cancelled',
			url: `http://127.0.0.1:${port}/closed`,
		});
		await control('PUT', '/__sandbox/webhooks/policy', { maxAttempts: 2 });
		await control('POST', '/__sandbox/webhooks/emit', {
			event: 'appointment.cancelled',
			id: '5003',
		});
		const [delivery] = await settledDeliveries(sandbox.state, 1);
		expect(delivery.state).toBe('failed');
		expect(delivery.attempts.map((a) => a.error)).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
	});

	it('stops retrying a delivery whose registration was deleted', async () => {
		const { body: created } = await hero('POST', '/v1/webhooks', {
			event_type: 'appointment.cancelled',
			url: receiverUrl,
		});
		script = [503];
		await control('PUT', '/__sandbox/webhooks/policy', { baseDelayMs: 150 });
		await control('POST', '/__sandbox/webhooks/emit', {
			event: 'appointment.cancelled',
			id: '5004',
		});
		while (
			deliveries(sandbox.state)[0]?.attempts.length !== 1 ||
			deliveries(sandbox.state)[0].state !== 'retrying'
		)
			await new Promise((r) => setTimeout(r, 5));
		await hero('DELETE', INFERRED.webhookPath(created.id));
		const [delivery] = await settledDeliveries(sandbox.state, 1);
		expect(delivery.state).toBe('cancelled');
		expect(received).toHaveLength(1);
	});

	it('a reset drops pending retries: nothing from before arrives after it', async () => {
		await hero('POST', '/v1/webhooks', { event_type: 'appointment.cancelled', url: receiverUrl });
		script = [503];
		await control('PUT', '/__sandbox/webhooks/policy', { baseDelayMs: 100 });
		await control('POST', '/__sandbox/webhooks/emit', {
			event: 'appointment.cancelled',
			id: '5005',
		});
		while (received.length < 1) await new Promise((r) => setTimeout(r, 5));
		await control('POST', '/__sandbox/reset');
		await new Promise((r) => setTimeout(r, 250));
		expect(received).toHaveLength(1);
		expect(deliveries(sandbox.state)).toEqual([]);
	});

	it('validates the control routes', async () => {
		expect(
			(await control('POST', '/__sandbox/webhooks/emit', { event: 'appointment.confirmed' }))
				.status,
		).toBe(400);
		expect(
			(await control('PUT', '/__sandbox/webhooks/policy', { encoding: 'base64url' })).status,
		).toBe(400);
		expect((await control('PUT', '/__sandbox/webhooks/policy', { maxAttempts: 0 })).status).toBe(
			400,
		);
		const emitted = await control('POST', '/__sandbox/webhooks/emit', {
			event: 'write-to-record.failed',
			id: '9',
		});
		expect(emitted.body.event).toMatchObject({
			event: 'write-to-record.failed',
			object: INFERRED.writeToRecordObject.name,
			id: '9',
			practice_group_id: sandbox.practiceGroupId,
		});
		expect(emitted.body.deliveries).toEqual([]);
	});
});

describe('sandbox write-to-record control', () => {
	const sendMessage = async (
		extra: Record<string, unknown> = { write_to_record: true },
	): Promise<string> => {
		const sent = await hero('POST', '/v1/messages/send', {
			patient_id: '2001',
			message_type: 'sms',
			message_string: 'Your blood test results are normal.',
			...extra,
		});
		expect(sent.status).toBe(200);
		return String(sent.body.message_id);
	};
	const resolve = (id: string, body: unknown) =>
		control('POST', `/__sandbox/messages/${id}/write-to-record`, body);

	it('a message sent with write_to_record is pending_approval and announces nothing by itself', async () => {
		const id = await sendMessage();
		expect((await hero('GET', `/v1/messages/${id}`)).body.write_to_record).toMatchObject({
			status: 'pending_approval',
			write_to_record_at: null,
		});
		expect(sandbox.state.events).toEqual([]);
	});

	it('"succeeded" marks the write-back done and delivers write-to-record.succeeded for the message', async () => {
		await hero('POST', '/v1/webhooks', {
			event_type: 'write-to-record.succeeded',
			url: receiverUrl,
			signing_key: 'k-w',
		});
		await hero('POST', '/v1/webhooks', { event_type: 'write-to-record.failed', url: receiverUrl });
		const id = await sendMessage();
		const resolved = await resolve(id, { result: 'succeeded' });
		expect(resolved.status).toBe(200);
		expect(resolved.body.event).toMatchObject({
			event: 'write-to-record.succeeded',
			object: INFERRED.writeToRecordObject.name,
			id,
			practice_group_id: sandbox.practiceGroupId,
		});
		expect(resolved.body.deliveries).toHaveLength(1);
		await settledDeliveries(sandbox.state, 1);
		expect(received.map((r) => r.body)).toEqual([
			`{"object":"Message","id":"${id}","practice_group_id":"${sandbox.practiceGroupId}","event":"write-to-record.succeeded"}`,
		]);
		// What the trigger reads back (INFERRED.writeToRecordObject.readPath) shows the outcome.
		const got = await hero('GET', INFERRED.writeToRecordObject.readPath(id));
		expect(got.body.write_to_record).toEqual({
			status: 'succeeded',
			write_to_record_at: expect.any(String),
			failure_reason: null,
			snomed_code: '185087000',
		});
		expect(
			Math.abs(Date.parse(got.body.write_to_record.write_to_record_at) - Date.now()),
		).toBeLessThan(5_000);
		expect(sandbox.state.events.map((e) => e.event)).toEqual(['write-to-record.succeeded']);
	});

	it('"failed" records the reason and emits write-to-record.failed only', async () => {
		const id = await sendMessage();
		const resolved = await resolve(id, {
			result: 'failed',
			failure_reason: 'Patient record locked',
		});
		expect(resolved.status).toBe(200);
		expect(resolved.body.write_to_record).toEqual({
			status: 'failed',
			write_to_record_at: null,
			failure_reason: 'Patient record locked',
			snomed_code: '185087000',
		});
		expect(sandbox.state.events).toEqual([
			expect.objectContaining({ event: 'write-to-record.failed', object: 'Message', id }),
		]);
		expect((await hero('GET', `/v1/messages/${id}`)).body.write_to_record).toMatchObject({
			status: 'failed',
			failure_reason: 'Patient record locked',
		});
	});

	it('refuses a message sent without write_to_record, an unknown one, a second resolution and a bad body, emitting nothing', async () => {
		const plain = await sendMessage({});
		const refused = await resolve(plain, { result: 'succeeded' });
		expect(refused.status).toBe(409);
		expect(refused.body).toEqual({
			error: true,
			statusCode: 409,
			message: 'Message was not sent with write_to_record',
		});
		expect((await hero('GET', `/v1/messages/${plain}`)).body.write_to_record).toBeNull();
		expect((await resolve('999999', { result: 'succeeded' })).status).toBe(404);
		const id = await sendMessage();
		for (const body of [
			{},
			{ result: 'approved' },
			{ result: 'succeeded', failure_reason: 'x' },
			{ result: 'failed', note: 'x' },
		]) {
			expect((await resolve(id, body)).status).toBe(400);
		}
		expect(sandbox.state.events).toEqual([]);
		expect((await resolve(id, { result: 'failed' })).status).toBe(200);
		const again = await resolve(id, { result: 'succeeded' });
		expect(again.status).toBe(409);
		expect(again.body.message).toBe('Write to record already failed');
		expect(sandbox.state.events.map((e) => e.event)).toEqual(['write-to-record.failed']);
	});
});
