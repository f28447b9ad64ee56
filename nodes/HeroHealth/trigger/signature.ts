import { createHmac, randomBytes, timingSafeEqual } from 'crypto';

import { INFERRED } from '../transport/inferred';

/**
 * Hero's documented webhook signature: HMAC-SHA256 keyed with the registration's signing key over
 * `"{X-Herohealth-Timestamp}.{raw body}"`, sent in X-Herohealth-Signature. Not documented, so kept
 * open here: the digest encoding (`INFERRED.signatureEncodings`), an optional `sha256=` prefix,
 * the timestamp's format (epoch seconds, epoch milliseconds or ISO-8601 are all accepted; the
 * header text is signed as received), and the replay window (`INFERRED.signatureToleranceSeconds`).
 */
/** A fresh signing key for a webhook registration: 32 random bytes, hex. */
export function newSigningKey(): string {
	return randomBytes(32).toString('hex');
}

export const TIMESTAMP_HEADER = 'x-herohealth-timestamp';
export const SIGNATURE_HEADER = 'x-herohealth-signature';

export type SignatureFailure =
	| 'no-signing-key'
	| 'missing-timestamp'
	| 'missing-signature'
	| 'malformed-timestamp'
	| 'stale-timestamp'
	| 'malformed-signature'
	| 'mismatch';

/** `digest`: the verified HMAC (hex), one per timestamp and body: what a replay repeats. */
export type SignatureVerdict = { valid: true; timestampMs: number; digest: string } | { valid: false; reason: SignatureFailure };

export interface SignedDelivery {
	/** The registration's signing key (never logged). */
	signingKey: string | undefined;
	/** X-Herohealth-Timestamp as received. */
	timestamp: string | string[] | undefined;
	/** X-Herohealth-Signature as received. */
	signature: string | string[] | undefined;
	/** The exact bytes received; a string is taken as UTF-8. Never a re-serialised body. */
	rawBody: Buffer | string;
	/** Current time in epoch milliseconds (for tests). */
	nowMs?: number;
}

const DIGEST_BYTES = 32;

/** Reads a signature in one encoding into digest bytes, or nothing if it is not in that encoding. */
const DECODERS: Record<(typeof INFERRED.signatureEncodings)[number], (text: string) => Buffer | undefined> = {
	hex: (text) => (/^[0-9a-fA-F]+$/.test(text) && text.length % 2 === 0 ? Buffer.from(text, 'hex') : undefined),
	base64: (text) => (/^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.replace(/=+$/, '').length % 4 !== 1 ? Buffer.from(text, 'base64') : undefined),
};

/** A header given once; repeated headers are refused rather than guessed between. */
function single(value: string | string[] | undefined): string | undefined {
	if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
	return value;
}

/** ISO-8601 date and time with a zone (`Z` or `±hh:mm`); without a zone the instant is unknown. */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch milliseconds from an epoch seconds, epoch milliseconds or ISO-8601 timestamp. */
export function parseTimestamp(text: string): number | undefined {
	if (/^\d{1,16}$/.test(text)) {
		const value = Number(text);
		// 1e11 s is the year 5138, 1e11 ms is 1973: anything larger is milliseconds.
		return value >= 1e11 ? value : value * 1000;
	}
	const iso = ISO_8601.exec(text);
	if (!iso) return undefined;
	const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	// Date.parse rolls 30 February over to March: check the day exists in its month.
	if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
	const ms = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
	return Number.isNaN(ms) ? undefined : ms;
}

export function verifyHeroSignature(delivery: SignedDelivery): SignatureVerdict {
	const { signingKey } = delivery;
	if (!signingKey) return { valid: false, reason: 'no-signing-key' };
	const timestamp = single(delivery.timestamp)?.trim();
	if (!timestamp) return { valid: false, reason: 'missing-timestamp' };
	const signatureHeader = single(delivery.signature)?.trim();
	if (!signatureHeader) return { valid: false, reason: 'missing-signature' };

	const timestampMs = parseTimestamp(timestamp);
	if (timestampMs === undefined) return { valid: false, reason: 'malformed-timestamp' };
	const now = delivery.nowMs ?? Date.now();
	if (Math.abs(now - timestampMs) > INFERRED.signatureToleranceSeconds * 1000) return { valid: false, reason: 'stale-timestamp' };

	const provided = signatureHeader.replace(/^sha256=/i, '');
	const body = typeof delivery.rawBody === 'string' ? Buffer.from(delivery.rawBody, 'utf8') : delivery.rawBody;
	const expected = createHmac('sha256', signingKey).update(`${timestamp}.`, 'utf8').update(body).digest();

	let decodedAny = false;
	let matched = false;
	for (const encoding of INFERRED.signatureEncodings) {
		const candidate = DECODERS[encoding](provided);
		// Length check first: timingSafeEqual needs equal lengths, and a digest of another size
		// (another algorithm, a truncated header) cannot match.
		if (!candidate || candidate.length !== DIGEST_BYTES) continue;
		decodedAny = true;
		// Every candidate encoding is compared, so the time taken does not depend on which matched.
		if (timingSafeEqual(candidate, expected)) matched = true;
	}
	if (matched) return { valid: true, timestampMs, digest: expected.toString('hex') };
	return { valid: false, reason: decodedAny ? 'mismatch' : 'malformed-signature' };
}
