/**
 * The message part of the Hero sandbox, checked on its own with plain HTTP (no node in between):
 * auth, unknown routes and query parameters, and every rule of POST /v1/messages/send, each
 * answered in Hero's documented 400 shape `{ error, statusCode, message: [{ code, expected, path }] }`.
 */
import axios from 'axios';

import { sandboxClient, type SandboxAnswer as Answer } from '../../harness/sandboxClient';
import { messages } from '../../sandbox/routes/messages';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const { hero } = sandboxClient(() => sandbox);

/** A 400 in Hero's documented shape whose issues include one at `path` with `code`. */
function expectValidationError(answer: Answer, path: (string | number)[], code?: string): void {
	expect(answer.status).toBe(400);
	expect(answer.body).toEqual({ error: true, statusCode: 400, message: expect.any(Array) });
	for (const issue of answer.body.message)
		expect(issue).toEqual({
			code: expect.any(String),
			expected: expect.any(String),
			path: expect.any(Array),
		});
	expect(answer.body.message).toContainEqual(
		expect.objectContaining({ path, ...(code ? { code } : {}) }),
	);
}

describe('query parameters', () => {
	it('a route that documents no query rejects any query parameter, naming it', async () => {
		const sent = await hero('POST', '/v1/messages/send', {
			patient_id: '2001',
			message_type: 'hero',
			message_string: 'Hi',
		});
		expect(sent.status).toBe(200);
		const got = await hero('GET', `/v1/messages/${sent.body.message_id}?include=patient`);
		expectValidationError(got, ['include'], 'unrecognized_keys');
		expect((await hero('GET', `/v1/messages/${sent.body.message_id}`)).status).toBe(200);
	});

	it('POST /v1/messages/send with a query parameter is refused and stores nothing', async () => {
		const answer = await hero('POST', '/v1/messages/send?dry_run=true&x=1', {
			patient_id: '2001',
			message_type: 'hero',
			message_string: 'Hi',
		});
		expectValidationError(answer, ['dry_run'], 'unrecognized_keys');
		expect(answer.body.message).toContainEqual(
			expect.objectContaining({ path: ['x'], code: 'unrecognized_keys' }),
		);
		expect(messages(sandbox.state).size).toBe(0);
	});

	it('a route with a query spec still takes its documented parameters and refuses others', async () => {
		expect(
			(await hero('GET', '/v1/batch_message/5001/messages?page_index=0&page_size=5&status=QUEUED'))
				.status,
		).toBe(200);
		expectValidationError(
			await hero('GET', '/v1/batch_message/5001/messages?sort=asc'),
			['sort'],
			'unrecognized_keys',
		);
	});
});

describe('auth and routing', () => {
	const valid = { patient_id: '2001', message_type: 'hero', message_string: 'Hi' };

	it('answers 401 without x-api-key (or with a wrong one), and stores nothing', async () => {
		for (const headers of [{ 'x-api-key': '' }, { 'x-api-key': 'not-the-key' }]) {
			const answer = await hero('POST', '/v1/messages/send', valid, { headers });
			expect(answer.status).toBe(401);
			expect(answer.body).toEqual({ error: true, statusCode: 401, message: 'Unauthorised' });
		}
		const response = await axios.post(`${sandbox.url}/v1/messages/send`, valid, {
			headers: { 'x-practice-group-id': sandbox.practiceGroupId },
			validateStatus: () => true,
		});
		expect(response.status).toBe(401);
		expect(messages(sandbox.state).size).toBe(0);
	});

	it('answers 403 for another practice group (or none), and stores nothing', async () => {
		for (const group of ['1002', '']) {
			const answer = await hero('POST', '/v1/messages/send', valid, {
				headers: { 'x-practice-group-id': group },
			});
			expect(answer.status).toBe(403);
			expect(answer.body).toEqual({
				error: true,
				statusCode: 403,
				message: 'Unauthorised for this practice group',
			});
		}
		expect(messages(sandbox.state).size).toBe(0);
	});

	it('answers 404 for a route Hero does not have, and for a message that does not exist', async () => {
		const route = await hero('POST', '/v1/messages/sendnow', valid);
		expect(route.status).toBe(404);
		expect(route.body).toEqual({
			error: true,
			statusCode: 404,
			message: 'Cannot POST /v1/messages/sendnow',
		});
		expect((await hero('GET', '/v1/messages')).status).toBe(404);
		expect((await hero('PUT', '/v1/messages/send', valid)).status).toBe(404);
		expect((await hero('GET', '/v1/messages/999999')).body).toEqual({
			error: true,
			statusCode: 404,
			message: 'Message not found',
		});
	});
});

describe('POST /v1/messages/send', () => {
	const base = {
		patient_id: '2001',
		message_type: 'sms',
		message_string: 'Your appointment is confirmed.',
	};
	const future = () => new Date(Date.now() + 3_600_000).toISOString();

	it.each(['patient_id', 'message_type', 'message_string'])(
		'refuses a body without %s, naming it',
		async (field) => {
			const body: Record<string, unknown> = { ...base };
			delete body[field];
			const answer = await hero('POST', '/v1/messages/send', body);
			expectValidationError(answer, [field], 'invalid_type');
			expect(answer.body.message).toHaveLength(1);
			expect(messages(sandbox.state).size).toBe(0);
		},
	);

	it('refuses an empty object naming every required field, and no body at all at the root', async () => {
		const empty = await hero('POST', '/v1/messages/send', {});
		expect(empty.status).toBe(400);
		expect(empty.body.message.map((issue: { path: string[] }) => issue.path)).toEqual([
			['patient_id'],
			['message_type'],
			['message_string'],
		]);
		const none = await hero('POST', '/v1/messages/send');
		expect(none.body).toEqual({
			error: true,
			statusCode: 400,
			message: [{ code: 'invalid_type', expected: 'object', path: [] }],
		});
		expect(messages(sandbox.state).size).toBe(0);
	});

	it.each<[string, Record<string, unknown>, (string | number)[], string]>([
		['an unknown message_type', { message_type: 'fax' }, ['message_type'], 'invalid_enum_value'],
		[
			'a message_type in the wrong case',
			{ message_type: 'SMS' },
			['message_type'],
			'invalid_enum_value',
		],
		[
			'an unknown fallback_message_type',
			{ fallback_message_type: 'nhs_app' },
			['fallback_message_type'],
			'invalid_enum_value',
		],
		[
			'an unknown assignee_type',
			{ assignee_id: 42, assignee_type: 'Team' },
			['assignee_type'],
			'invalid_enum_value',
		],
		['an empty message_string', { message_string: '' }, ['message_string'], 'too_small'],
		['a non-numeric patient_id', { patient_id: 'P-2001' }, ['patient_id'], 'invalid_string'],
		['a numeric (not string) patient_id', { patient_id: 2001 }, ['patient_id'], 'invalid_type'],
		[
			'an SMS to a national-format number',
			{ recipient_contact_detail: '07700900123' },
			['recipient_contact_detail'],
			'invalid_string',
		],
		[
			'an SMS to a number that is not a phone',
			{ recipient_contact_detail: '+0113' },
			['recipient_contact_detail'],
			'invalid_string',
		],
		[
			'an email to a malformed address',
			{ message_type: 'email', recipient_contact_detail: 'ada@example' },
			['recipient_contact_detail'],
			'invalid_string',
		],
		[
			'a fallback SMS to a bad number',
			{ message_type: 'email', fallback_message_type: 'sms', fallback_contact_detail: '12345' },
			['fallback_contact_detail'],
			'invalid_string',
		],
		[
			'a fallback email to a bad address',
			{ fallback_message_type: 'email', fallback_contact_detail: 'mary.example.com' },
			['fallback_contact_detail'],
			'invalid_string',
		],
		[
			'a fallback_message_type that is not a string',
			{ fallback_message_type: 1 },
			['fallback_message_type'],
			'invalid_enum_value',
		],
		[
			'a fallback_contact_detail that is not a string',
			{ fallback_message_type: 'email', fallback_contact_detail: ['mary@example.com'] },
			['fallback_contact_detail'],
			'invalid_type',
		],
		[
			'a write_to_record that is a string',
			{ write_to_record: 'true' },
			['write_to_record'],
			'invalid_type',
		],
		['a send_at in the past', { send_at: '2020-01-01T09:00:00Z' }, ['send_at'], 'too_small'],
		[
			'a send_at a second ago',
			{ send_at: new Date(Date.now() - 1_000).toISOString() },
			['send_at'],
			'too_small',
		],
		[
			'a send_at without a time zone',
			{ send_at: '2099-01-01T09:00:00' },
			['send_at'],
			'invalid_string',
		],
		[
			'a send_at on 30 February',
			{ send_at: '2099-02-30T09:00:00Z' },
			['send_at'],
			'invalid_string',
		],
		['an assignee_id that is a string', { assignee_id: '42' }, ['assignee_id'], 'invalid_type'],
		['a field Hero does not document', { priority: 'high' }, ['priority'], 'unrecognized_keys'],
		['a misspelt field', { message: 'Hi' }, ['message'], 'unrecognized_keys'],
	])('refuses %s (400 naming the path) and stores nothing', async (_name, extra, path, code) => {
		const answer = await hero('POST', '/v1/messages/send', { ...base, ...extra });
		expectValidationError(answer, path, code);
		expect(messages(sandbox.state).size).toBe(0);
	});

	it('refuses a body that is not JSON', async () => {
		const answer = await hero('POST', '/v1/messages/send', 'patient_id=2001', {
			headers: { 'content-type': 'text/plain' },
		});
		expectValidationError(answer, [], 'invalid_content_type');
		expect(messages(sandbox.state).size).toBe(0);
	});

	it('a valid send answers 200 with the documented fields and is stored once', async () => {
		const sendAt = future();
		const body = {
			...base,
			recipient_contact_detail: '+447700900123',
			fallback_message_type: 'email',
			fallback_contact_detail: 'ada@example.com',
			write_to_record: true,
			snomed_term: 'Appointment confirmed',
			send_at: sendAt,
		};
		const answer = await hero('POST', '/v1/messages/send', body);
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({
			message_id: expect.stringMatching(/^\d+$/),
			content: base.message_string,
			created_at: expect.any(String),
			snomed_code: '185087000',
			write_to_record: true,
			auth_token: null,
			confirm_write_to_record_url: expect.stringContaining(answer.body.message_id),
			submitted_by: 'api',
			send_at: sendAt,
		});
		expect(messages(sandbox.state).size).toBe(1);
		const stored = messages(sandbox.state).get(answer.body.message_id)!;
		expect(stored).toMatchObject({
			message_type: 'sms',
			recipient_contact_detail: '+447700900123',
			status: 'scheduled',
			scheduled_at: sendAt,
			sent_at: null,
			request: body,
		});
		expect(stored.write_to_record).toMatchObject({ status: 'pending_approval' });
		const got = await hero('GET', `/v1/messages/${answer.body.message_id}`);
		expect(got.status).toBe(200);
		expect(got.body).toMatchObject({
			id: answer.body.message_id,
			message: base.message_string,
			patient: { id: '2001', first_name: 'Ada' },
		});
		expect(got.body).not.toHaveProperty('request');
	});

	it.each<[string, Record<string, unknown>]>([
		[
			'a fallback (sms) on an NHS App message',
			{
				message_type: 'nhs_app',
				fallback_message_type: 'sms',
				fallback_contact_detail: '+447700900001',
			},
		],
		[
			'a fallback (email) on a hero (record-only) message',
			{ message_type: 'hero', fallback_message_type: 'email' },
		],
		['a snomed_code without write_to_record', { snomed_code: '185087000' }],
		[
			'a snomed_term with write_to_record false',
			{ write_to_record: false, snomed_term: 'Appointment confirmed' },
		],
		['an SMS to a French mobile in E.164', { recipient_contact_detail: '+33612345678' }],
		['an SMS to a UK landline in E.164', { recipient_contact_detail: '+441134960000' }],
		[
			'an email with an SMS fallback to a US number',
			{
				message_type: 'email',
				fallback_message_type: 'sms',
				fallback_contact_detail: '+14155550123',
			},
		],
		[
			'an SMS with a fallback contact detail (an email) and no fallback_message_type',
			{ fallback_contact_detail: 'ada@example.com' },
		],
	])('accepts what openapi.yaml allows: %s', async (_name, extra) => {
		const body = { ...base, ...extra };
		const answer = await hero('POST', '/v1/messages/send', body);
		expect(answer.status).toBe(200);
		expect(messages(sandbox.state).get(answer.body.message_id)?.request).toEqual(body);
	});

	it('defaults the recipient to the patient record for the channel, and answers 404 for an unknown patient', async () => {
		const sms = await hero('POST', '/v1/messages/send', base);
		expect(messages(sandbox.state).get(sms.body.message_id)?.recipient_contact_detail).toBe(
			'+447700900001',
		);
		const email = await hero('POST', '/v1/messages/send', { ...base, message_type: 'email' });
		expect(messages(sandbox.state).get(email.body.message_id)?.recipient_contact_detail).toBe(
			'ada@example.com',
		);
		const unknown = await hero('POST', '/v1/messages/send', { ...base, patient_id: '999999' });
		expect(unknown.status).toBe(404);
		expect(unknown.body).toEqual({ error: true, statusCode: 404, message: 'Patient not found' });
		expect(messages(sandbox.state).size).toBe(2);
	});
});

describe('fault injection with a body', () => {
	it('a status fault answers the given body as is; a body on another kind of fault is refused', async () => {
		const body = {
			error: true,
			statusCode: 400,
			message: [{ code: 'custom', expected: 'a reachable patient', path: ['patient_id'] }],
		};
		sandbox.faults.add({
			kind: 'status',
			status: 400,
			path: '^/v1/messages/send$',
			times: 1,
			body,
		});
		const answer = await hero('POST', '/v1/messages/send', {
			patient_id: '2001',
			message_type: 'hero',
			message_string: 'Hi',
		});
		expect(answer).toEqual({ status: 400, body });
		expect(messages(sandbox.state).size).toBe(0);
		expect(
			(
				await hero('POST', '/v1/messages/send', {
					patient_id: '2001',
					message_type: 'hero',
					message_string: 'Hi',
				})
			).status,
		).toBe(200);
		expect(() => sandbox.faults.add({ kind: 'latency', latencyMs: 1, body })).toThrow(
			'body applies only to a status fault',
		);
		const put = await axios.put(
			`${sandbox.url}/__sandbox/faults`,
			{ rules: [{ kind: 'reset-after', body }] },
			{ validateStatus: () => true },
		);
		expect(put.status).toBe(500);
		expect(sandbox.faults.list().map((rule) => rule.kind)).toEqual(['status']);
	});
});

describe('fault injection after the request is handled', () => {
	const send = () =>
		hero('POST', '/v1/messages/send', {
			patient_id: '2001',
			message_type: 'hero',
			message_string: 'Hi',
		});

	it('status-after carries the send out, then answers the error status instead; empty-after answers a 2xx without a body; both only once', async () => {
		sandbox.faults.add({
			kind: 'status-after',
			status: 502,
			path: '^/v1/messages/send$',
			times: 1,
		});
		expect(await send()).toEqual({
			status: 502,
			body: { error: true, statusCode: 502, message: 'Bad gateway' },
		});
		expect(messages(sandbox.state).size).toBe(1);
		sandbox.faults.add({ kind: 'empty-after', status: 204, path: '^/v1/messages/send$', times: 1 });
		const empty = await axios.post(
			`${sandbox.url}/v1/messages/send`,
			{ patient_id: '2001', message_type: 'hero', message_string: 'Hi' },
			{
				headers: { 'x-api-key': sandbox.apiKey, 'x-practice-group-id': sandbox.practiceGroupId },
				responseType: 'text',
				validateStatus: () => true,
			},
		);
		expect([empty.status, empty.data]).toEqual([204, '']);
		expect(messages(sandbox.state).size).toBe(2);
		expect((await send()).status).toBe(200);
		expect(sandbox.received('POST', '/v1/messages/send').map((r) => r.status)).toEqual([
			502, 204, 200,
		]);
	});

	it('a request the route refused keeps its own answer: the replaced answer is only for a write that was carried out', async () => {
		sandbox.faults.add({ kind: 'empty-after', status: 204, path: '^/v1/messages/send$', times: 1 });
		expect((await hero('POST', '/v1/messages/send', { patient_id: '2001' })).status).toBe(400);
		expect(messages(sandbox.state).size).toBe(0);
	});

	it('refuses an error status for empty-after and a 2xx for status-after', () => {
		expect(() => sandbox.faults.add({ kind: 'empty-after', status: 500 })).toThrow(
			'empty-after needs a 2xx status',
		);
		expect(() => sandbox.faults.add({ kind: 'status-after', status: 204 })).toThrow(
			'status must be an HTTP error status (400-599)',
		);
	});
});
