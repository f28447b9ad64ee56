import { runHeroNode } from '../../../harness/runNode';
import {
	HEIDI_TOKEN_LIFETIME_SECONDS,
	heidiTokenSettings,
	heidiTokens,
} from '../../../sandbox/routes/partners';
import { signJwt } from '../../../sandbox/routes/practiceGroup';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const parameters = { resource: 'partner', operation: 'getHeidiToken' };
const calls = () => sandbox.received('GET', '/v1/partners/heidi/token');

describe('Partner → Get Heidi Token', () => {
	it('reads GET /v1/partners/heidi/token with no query or body and outputs the token, its expiry and the seconds left', async () => {
		const result = await runHeroNode(sandbox, { parameters });
		expect(result.error).toBeUndefined();
		expect(calls()).toHaveLength(1);
		expect(calls()[0].query).toEqual({});
		expect(calls()[0].rawBody).toBe('');
		const [token] = heidiTokens(sandbox.state);
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({ token, expiration_time: expect.any(String) });
		const left = result.json[0].expires_in_seconds as number;
		expect(left).toBeGreaterThan(HEIDI_TOKEN_LIFETIME_SECONDS - 10);
		expect(left).toBeLessThanOrEqual(HEIDI_TOKEN_LIFETIME_SECONDS);
	});

	it('as an AI tool is refused before Hero is asked, and the model is told why', async () => {
		const asTool = await runHeroNode(sandbox, {
			asTool: true,
			parameters,
			items: [{ toolCallId: 'call_1' }],
		});
		expect(asTool.json).toEqual([
			{
				error: expect.stringMatching(/^Partner → Get Heidi Token is not available to an AI agent/),
				description: expect.stringContaining('bearer token'),
			},
		]);
		expect(calls()).toHaveLength(0);
		expect(heidiTokens(sandbox.state)).toHaveLength(0);
	});

	it.each([
		['without a token', 'withoutToken' as const, 'token'],
		['with an expiration_time that is not a time', 'badExpiry' as const, 'expiration_time'],
	])(
		'fails an answer %s, naming the field and never quoting the answer',
		async (_n, answer, field) => {
			heidiTokenSettings(sandbox.state).answer = answer;
			const result = await runHeroNode(sandbox, { parameters });
			expect(result.error?.message).toBe(
				`Hero answered GET /v1/partners/heidi/token without a usable ${field}`,
			);
			expect(result.json).toHaveLength(0);
			const shown = JSON.stringify([result.error?.message, result.error?.description]);
			for (const token of heidiTokens(sandbox.state)) expect(shown).not.toContain(token);
			expect(shown).not.toContain('eyJ');
		},
	);

	it.each([
		[
			500,
			{
				error: true,
				statusCode: 500,
				message: `token ${signJwt({ sub: 'heidi', n: 1 })} could not be refreshed`,
			},
		],
		[
			400,
			{
				error: true,
				statusCode: 400,
				message: [
					{ code: 'invalid', expected: `not ${signJwt({ sub: 'heidi', n: 2 })}`, path: ['token'] },
				],
			},
		],
	])('never repeats a token that Hero quotes back in its error text (%s)', async (status, body) => {
		sandbox.faults.add({
			kind: 'status',
			status,
			path: '^/v1/partners/heidi/token$',
			body,
			times: 5,
		});
		const result = await runHeroNode(sandbox, { parameters });
		const token = JSON.stringify(body).match(/eyJ[\w-]*\.[\w-]+\.[\w-]*/)![0];
		expect(result.error).toBeDefined();
		const shown = JSON.stringify([result.error?.message, result.error?.description]);
		expect(shown).toContain('[redacted]');
		expect(shown).not.toContain(token);
		expect(shown).not.toContain(token.split('.')[1]);
	});

	it('is retried after a 503 like any read, and outputs one token', async () => {
		sandbox.faults.add({
			kind: 'status',
			status: 503,
			path: '^/v1/partners/heidi/token$',
			times: 1,
		});
		const result = await runHeroNode(sandbox, { parameters });
		expect(result.error).toBeUndefined();
		expect(calls()).toHaveLength(2);
		expect(result.json).toHaveLength(1);
	});
});
