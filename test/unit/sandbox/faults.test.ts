/**
 * The sandbox's fault injection (test/sandbox/faults.ts) where a test relies on its answer: a status
 * fault whose body quotes the request it answers (`{{request.body}}`), as a server echoing what it
 * was sent would. A test switch, not a claim about Hero.
 */
import { sandboxClient } from '../../harness/sandboxClient';
import { QUOTE_REQUEST_BODY, quoteRequest } from '../../sandbox/faults';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(() => sandbox.reset());

const { hero, control } = sandboxClient(() => sandbox);

describe('status fault quoting the request', () => {
	it('answers the fault status with {{request.body}} replaced by the raw body sent, and the route never runs', async () => {
		sandbox.faults.add({
			kind: 'status',
			status: 400,
			method: 'POST',
			path: '^/v1/webhooks$',
			body: {
				statusCode: 400,
				message: [{ path: ['url'], message: `refused; received ${QUOTE_REQUEST_BODY}` }],
			},
		});
		const sent = {
			event_type: 'appointment.cancelled',
			url: 'http://127.0.0.1:5678/webhook/a/webhook',
			signing_key: 'ab'.repeat(32),
		};
		const answer = await hero('POST', '/v1/webhooks', sent);
		expect(answer).toEqual({
			status: 400,
			body: {
				statusCode: 400,
				message: [{ path: ['url'], message: `refused; received ${JSON.stringify(sent)}` }],
			},
		});
		expect((await hero('GET', '/v1/webhooks')).body.data).toEqual([]);
	});

	it('set over HTTP (PUT /__sandbox/faults) it quotes too; a body without the marker is answered as given', async () => {
		expect(
			(
				await control('PUT', '/__sandbox/faults', {
					rules: [
						{
							kind: 'status',
							status: 422,
							method: 'POST',
							path: '^/v1/webhooks$',
							times: 1,
							body: { message: `got ${QUOTE_REQUEST_BODY}` },
						},
					],
				})
			).status,
		).toBe(200);
		const answer = await hero('POST', '/v1/webhooks', 'a "quoted" line\nand another');
		expect(answer).toEqual({
			status: 422,
			body: { message: 'got a "quoted" line\nand another' },
		});
		const plain = { message: 'no marker', nested: [1, { a: null }] };
		expect(quoteRequest(plain, 'ignored')).toBe(plain);
	});
});
