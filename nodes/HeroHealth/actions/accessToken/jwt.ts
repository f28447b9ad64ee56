/** Reads the claims of a JWT (header.payload.signature) without checking its signature. */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
	const parts = token.split('.');
	if (parts.length !== 3 || !/^[A-Za-z0-9_-]+$/.test(parts[1])) return undefined;
	// base64url → base64: swap the two URL-safe characters back and restore the padding.
	const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
	const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
	try {
		const claims: unknown = JSON.parse(Buffer.from(padded, 'base64').toString('utf8'));
		return claims && typeof claims === 'object' && !Array.isArray(claims)
			? (claims as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

/** The `exp` claim (seconds since the epoch) as an ISO 8601 UTC time, or undefined when absent. */
export function jwtExpiry(token: string): string | undefined {
	const exp = decodeJwtPayload(token)?.exp;
	if (typeof exp !== 'number' || !Number.isFinite(exp)) return undefined;
	const date = new Date(exp * 1000);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
