/**
 * Partners: `GET /v1/partners/heidi/token` → `{ token, expiration_time }` (both required). The
 * sandbox mints an HS256 JWT like its Elements access tokens, expiring after `HEIDI_TOKEN_LIFETIME_SECONDS`
 * (Hero documents no lifetime), and records each one so tests can look for it elsewhere.
 */
import { randomUUID } from 'node:crypto';

import type { SandboxState } from '../state';
import type { RouteModule } from '../types';
import { signJwt } from './practiceGroup';

export const HEIDI_TOKEN_LIFETIME_SECONDS = 60 * 60;

/** Every Heidi token the sandbox gave out, in order. */
export function heidiTokens(state: SandboxState): string[] {
	return state.slice('heidiTokens', () => [] as string[]);
}

/** Test switch: answer without `token` or with an unusable `expiration_time`. */
export function heidiTokenSettings(state: SandboxState): {
	answer: 'normal' | 'withoutToken' | 'badExpiry';
} {
	return state.slice('heidiTokenSettings', () => ({
		answer: 'normal' as 'normal' | 'withoutToken' | 'badExpiry',
	}));
}

export const partnerRoutes: RouteModule = {
	routes: [
		{
			method: 'GET',
			path: '/v1/partners/heidi/token',
			handler: ({ state }) => {
				const iat = Math.floor(Date.now() / 1000);
				const exp = iat + HEIDI_TOKEN_LIFETIME_SECONDS;
				const token = signJwt({ sub: 'heidi', jti: randomUUID(), iat, exp });
				heidiTokens(state).push(token);
				const { answer } = heidiTokenSettings(state);
				if (answer === 'withoutToken')
					return { expiration_time: new Date(exp * 1000).toISOString() };
				return {
					token,
					expiration_time: answer === 'badExpiry' ? 'soon' : new Date(exp * 1000).toISOString(),
				};
			},
		},
	],
};
