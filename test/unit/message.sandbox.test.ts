/**
 * The message part of the Hero sandbox, checked on its own with plain HTTP (no node in between):
 * auth, unknown routes and query parameters, and every rule of POST /v1/messages/send, each
 * answered in Hero's documented 400 shape `{ error, statusCode, message: [{ code, expected, path }] }`.
 */
import axios from 'axios';

import { messages } from '../sandbox/routes/messages';
import { startSandbox, type Sandbox } from '../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

interface Answer {
	status: number;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
}

async function hero(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
	const response = await axios.request({
		url: `${sandbox.url}${path}`,
		method,
		headers: { 'x-api-key': sandbox.apiKey, 'x-practice-group-id': sandbox.practiceGroupId, ...headers },
		data: body,
		validateStatus: () => true,
	});
	return { status: response.status, body: response.data };
}

/** A 400 in Hero's documented shape whose issues include one at `path` with `code`. */
function expectValidationError(answer: Answer, path: (string | number)[], code?: string): void {
	expect(answer.status).toBe(400);
	expect(answer.body).toEqual({ error: true, statusCode: 400, message: expect.any(Array) });
	for (const issue of answer.body.message) expect(issue).toEqual({ code: expect.any(String), expected: expect.any(String), path: expect.any(Array) });
	expect(answer.body.message).toContainEqual(expect.objectContaining({ path, ...(code ? { code } : {}) }));
}

describe('query parameters', () => {
	it('a route that documents no query rejects any query parameter, naming it', async () => {
		const sent = await hero('POST', '/v1/messages/send', { patient_id: '2001', message_type: 'hero', message_string: 'Hi' });
		expect(sent.status).toBe(200);
		const got = await hero('GET', `/v1/messages/${sent.body.message_id}?include=patient`);
		expectValidationError(got, ['include'], 'unrecognized_keys');
		expect((await hero('GET', `/v1/messages/${sent.body.message_id}`)).status).toBe(200);
	});

	it('POST /v1/messages/send with a query parameter is refused and stores nothing', async () => {
		const answer = await hero('POST', '/v1/messages/send?dry_run=true&x=1', { patient_id: '2001', message_type: 'hero', message_string: 'Hi' });
		expectValidationError(answer, ['dry_run'], 'unrecognized_keys');
		expect(answer.body.message).toContainEqual(expect.objectContaining({ path: ['x'], code: 'unrecognized_keys' }));
		expect(messages(sandbox.state).size).toBe(0);
	});

	it('a route with a query spec still takes its documented parameters and refuses others', async () => {
		expect((await hero('GET', '/v1/batch_message/5001/messages?page_index=0&page_size=5&status=QUEUED')).status).toBe(200);
		expectValidationError(await hero('GET', '/v1/batch_message/5001/messages?sort=asc'), ['sort'], 'unrecognized_keys');
	});
});
