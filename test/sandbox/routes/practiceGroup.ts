/**
 * The practice group (`/v1/me` and its sub-resources) and Elements access tokens.
 *
 * `GET /v1/me` is also the credential test's cheap read. `PATCH /v1/me` takes the documented
 * fields (name, prescription partner and its credentials, address); the partner password is
 * stored but never answered. `POST /v1/access_token` mints a real HS256 JWT signed with
 * `SANDBOX_JWT_SECRET`, expiring 30 minutes after issue, as Hero documents.
 */
import { createHmac, randomUUID } from 'node:crypto';

import { badRequest } from '../errors';
import { s } from '../schema';
import type { SandboxState } from '../state';
import type { RouteModule } from '../types';

export const SANDBOX_JWT_SECRET = 'hero-sandbox-elements-secret-7d41';
export const ACCESS_TOKEN_LIFETIME_SECONDS = 30 * 60;

export interface SandboxPracticeGroup {
	id: string;
	name: string;
	sector: 'nhs' | 'paid';
	address: Record<string, string>;
	prescription_partner_enabled: boolean;
	prescription_partner: string | null;
	prescription_partner_credentials: { email: string; password: string } | null;
	updated_at: string;
}

export function practiceGroup(state: SandboxState): SandboxPracticeGroup {
	return state.slice('practiceGroup', () => ({
		id: state.practiceGroupId,
		name: 'Hero Sandbox Surgery',
		sector: 'nhs' as const,
		address: { line_1: '1 Sandbox Street', town: 'Leeds', postcode: 'LS1 4AP' },
		prescription_partner_enabled: false,
		prescription_partner: null,
		prescription_partner_credentials: null,
		updated_at: '2026-01-01T00:00:00.000Z',
	}));
}

/** Tokens issued, for assertions (`jti`, `exp`); the tokens themselves are not kept. */
export function issuedTokens(state: SandboxState): { jti: string; iat: number; exp: number }[] {
	return state.slice('accessTokens', () => [] as { jti: string; iat: number; exp: number }[]);
}

/** Test switch: answer `POST /v1/access_token` without a token (to exercise the node's check). */
export function accessTokenSettings(state: SandboxState): { answerWithoutToken: boolean } {
	return state.slice('accessTokenSettings', () => ({ answerWithoutToken: false }));
}

function view(group: SandboxPracticeGroup): Record<string, unknown> {
	const { prescription_partner_credentials: credentials, ...rest } = group;
	// The partner password is write-only: only whether credentials are set, and their email.
	return {
		...rest,
		prescription_partner_credentials: credentials ? { email: credentials.email } : null,
	};
}

const base64url = (input: Buffer | string) => Buffer.from(input).toString('base64url');

/** An HS256 JWT: `header.payload.signature`, each base64url. */
export function signJwt(claims: Record<string, unknown>, secret = SANDBOX_JWT_SECRET): string {
	const unsigned = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
	return `${unsigned}.${base64url(createHmac('sha256', secret).update(unsigned).digest())}`;
}

/** The claims of a token the sandbox signed, or undefined if the signature does not match. */
export function verifyJwt(
	token: string,
	secret = SANDBOX_JWT_SECRET,
): Record<string, unknown> | undefined {
	const [header, payload, signature] = token.split('.');
	if (!header || !payload || !signature) return undefined;
	const expected = base64url(createHmac('sha256', secret).update(`${header}.${payload}`).digest());
	if (expected !== signature) return undefined;
	return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

const address = s.object({
	line_1: s.string(),
	line_2: s.string(),
	line_3: s.string(),
	town: s.string(),
	county: s.string(),
	postcode: s.string({ minLength: 1 }),
});

const updateBody = s.object({
	name: s.string({ minLength: 1 }),
	prescription_partner_enabled: s.boolean(),
	prescription_partner: s.string({ minLength: 1 }),
	prescription_partner_credentials: s.object(
		{ email: s.string({ minLength: 1 }), password: s.string({ minLength: 1 }) },
		{ required: ['email', 'password'] },
	),
	address,
});

export const practiceGroupRoutes: RouteModule = {
	routes: [
		{ method: 'GET', path: '/v1/me', handler: ({ state }) => view(practiceGroup(state)) },
		{
			method: 'PATCH',
			path: '/v1/me',
			body: updateBody,
			bodyRequired: true,
			handler: ({ body, state }) => {
				if (Object.keys(body).length === 0)
					throw badRequest([{ code: 'too_small', expected: 'at least one field', path: [] }]);
				const group = practiceGroup(state);
				const { address: newAddress, ...fields } = body;
				Object.assign(group, fields);
				if (newAddress) group.address = { ...group.address, ...newAddress };
				group.updated_at = new Date().toISOString();
				return view(group);
			},
		},
		{
			method: 'GET',
			path: '/v1/me/capabilities',
			handler: () => ({
				capabilities: [
					'sms_messaging',
					'email_messaging',
					'nhs_app_messaging',
					'online_booking',
					'booking_links',
				],
			}),
		},
		{
			method: 'GET',
			path: '/v1/me/configuration',
			handler: ({ state }) => ({
				practice_group_id: state.practiceGroupId,
				time_zone: 'Europe/London',
				messaging: { sms_sender_id: 'SANDBOXGP', default_fallback: 'email' },
				booking: { online_booking_enabled: true, booking_link_expiry_days: 14 },
			}),
		},
		{
			method: 'GET',
			path: '/v1/me/elements',
			handler: () => {
				const data = [
					{ id: '1', name: 'Message Builder', tag: 'hero-message-builder', enabled: true },
					{ id: '2', name: 'Booking Widget', tag: 'hero-booking-widget', enabled: false },
				];
				return { data, count: data.length };
			},
		},
		{
			method: 'POST',
			path: '/v1/access_token',
			handler: ({ state }) => {
				if (accessTokenSettings(state).answerWithoutToken) return {};
				const iat = Math.floor(Date.now() / 1000);
				const claims = {
					iss: 'hero-sandbox',
					sub: state.practiceGroupId,
					practice_group_id: state.practiceGroupId,
					iat,
					exp: iat + ACCESS_TOKEN_LIFETIME_SECONDS,
					jti: randomUUID(),
				};
				issuedTokens(state).push({ jti: claims.jti, iat, exp: claims.exp });
				return { access_token: signJwt(claims) };
			},
		},
	],
};
