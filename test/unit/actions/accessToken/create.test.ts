import { decodeJwtPayload, jwtExpiry } from '../../../../nodes/HeroHealth/actions/accessToken/jwt';
import { runHeroNode } from '../../../harness/runNode';
import {
	ACCESS_TOKEN_LIFETIME_SECONDS,
	accessTokenSettings,
	SANDBOX_JWT_SECRET,
	issuedTokens,
	signJwt,
	verifyJwt,
} from '../../../sandbox/routes/practiceGroup';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

describe('Access Token → Create', () => {
	it('creates a signed 30-minute JWT and outputs its expiry decoded from the exp claim', async () => {
		const before = Math.floor(Date.now() / 1000);
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'accessToken', operation: 'create' },
		});
		expect(result.error).toBeUndefined();
		const [call] = sandbox.received('POST', '/v1/access_token');
		expect(call.rawBody).toBe('');

		const {
			access_token: token,
			expires_at: expiresAt,
			expires_in_seconds: expiresIn,
		} = result.json[0] as { access_token: string; expires_at: string; expires_in_seconds: number };
		expect(token.split('.')).toHaveLength(3);
		const claims = verifyJwt(token, SANDBOX_JWT_SECRET);
		expect(claims).toBeDefined();
		expect(claims!.exp).toBe(issuedTokens(sandbox.state)[0].exp);
		expect(claims!.exp as number).toBeGreaterThanOrEqual(before + ACCESS_TOKEN_LIFETIME_SECONDS);
		expect(expiresAt).toBe(new Date((claims!.exp as number) * 1000).toISOString());
		expect(expiresIn).toBeGreaterThan(ACCESS_TOKEN_LIFETIME_SECONDS - 10);
		expect(expiresIn).toBeLessThanOrEqual(ACCESS_TOKEN_LIFETIME_SECONDS);
	});

	it('reports an answer without a token as an error rather than an empty output', async () => {
		accessTokenSettings(sandbox.state).answerWithoutToken = true;
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'accessToken', operation: 'create' },
		});
		expect(result.error?.message).toContain('without an access_token');
		expect(result.json).toHaveLength(0);
	});
});

describe('decoding the JWT payload (base64url, no library)', () => {
	it('reads exp from a token whose payload uses the URL-safe alphabet and no padding', () => {
		// Claims chosen so their base64url form contains '-' or '_' and needs padding when decoded.
		const claims = { exp: 1893456000, sub: '??>>??', name: 'ÿþ~~' };
		const token = signJwt(claims, 'any-secret');
		const payload = token.split('.')[1];
		expect(payload).toMatch(/[-_]/);
		expect(payload).not.toContain('=');
		expect(decodeJwtPayload(token)).toEqual(claims);
		expect(jwtExpiry(token)).toBe('2030-01-01T00:00:00.000Z');
	});

	it.each([
		['not a JWT', 'opaque-token'],
		['a payload that is not JSON', 'aGVhZA.bm90IGpzb24.c2ln'],
		['a payload without exp', signJwt({ sub: 'x' })],
		['a non-numeric exp', signJwt({ exp: 'soon' })],
	])('gives no expiry for %s', (_name, token) => {
		expect(jwtExpiry(token)).toBeUndefined();
	});
});
