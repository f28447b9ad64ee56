/**
 * The sandbox's Partners route on its own, with plain HTTP.
 */
import { sandboxClient } from '../../harness/sandboxClient';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const { hero } = sandboxClient(() => sandbox);

describe('GET /v1/partners/heidi/token', () => {
	it('GET /v1/partners/heidi/token answers token and expiration_time, and takes no query', async () => {
		const answer = await hero('GET', '/v1/partners/heidi/token');
		expect(Object.keys(answer.body).sort()).toEqual(['expiration_time', 'token']);
		expect(Number.isNaN(Date.parse(answer.body.expiration_time))).toBe(false);
		expect((await hero('GET', '/v1/partners/heidi/token?admin=1')).status).toBe(400);
	});
});
