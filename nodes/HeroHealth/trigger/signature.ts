import { createHmac, timingSafeEqual } from 'crypto';

import { INFERRED } from '../transport/inferred';

/**
 * Hero's documented webhook signature: HMAC-SHA256 keyed with the registration's signing key over
 * `"{X-Herohealth-Timestamp}.{raw body}"`, sent in X-Herohealth-Signature. Not documented, so kept
 * open here: the digest encoding (`INFERRED.signatureEncodings`), an optional `sha256=` prefix,
 * the timestamp's format (every unambiguous form is accepted, see `readTimestamp`; the header text
 * is signed as received), and the replay window (`INFERRED.signatureToleranceSeconds`).
 */

export const TIMESTAMP_HEADER = 'x-herohealth-timestamp';
export const SIGNATURE_HEADER = 'x-herohealth-signature';

export type SignatureFailure =
	| 'no-signing-key'
	| 'missing-timestamp'
	| 'missing-signature'
	| 'malformed-timestamp'
	| 'timestamp-without-zone'
	| 'stale-timestamp'
	| 'malformed-signature'
	| 'mismatch';

/** `digest`: the verified HMAC (hex), one per timestamp and body: what a replay repeats. */
export type SignatureVerdict =
	| { valid: true; timestampMs: number; digest: string }
	| { valid: false; reason: SignatureFailure };

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
const DECODERS: Record<
	(typeof INFERRED.signatureEncodings)[number],
	(text: string) => Buffer | undefined
> = {
	hex: (text) =>
		/^[0-9a-fA-F]+$/.test(text) && text.length % 2 === 0 ? Buffer.from(text, 'hex') : undefined,
	base64: (text) =>
		/^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.replace(/=+$/, '').length % 4 !== 1
			? Buffer.from(text, 'base64')
			: undefined,
};

/** A header given once; repeated headers are refused rather than guessed between. */
function single(value: string | string[] | undefined): string | undefined {
	if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
	return value;
}

/**
 * ISO 8601 date and time, extended (`2026-01-01T00:00:00Z`) or basic (`20260101T000000Z`) form,
 * `T` or a space between date and time (RFC 3339), seconds and a fraction (`.` or `,`) optional,
 * and a zone: `Z`, `±hh`, `±hhmm` or `±hh:mm`. Group 8 is the zone; without it the match is zoneless.
 */
const ISO_8601 =
	/^(\d{4})-?(\d{2})-?(\d{2})[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Epoch digits, whole or with a fraction: `1733222222`, `1733222222.123`, `1733222222123`. */
const EPOCH = /^(\d{1,16})(?:\.(\d{1,9}))?$/;

/** Why a timestamp was not read: not a form we know, or ISO 8601 without a zone (see parseTimestamp). */
export type TimestampProblem = 'malformed' | 'without-zone';

/**
 * Epoch milliseconds from any unambiguous form of X-Herohealth-Timestamp (Hero documents none:
 * INFERRED.signatureTimestampForms): epoch seconds, whole or fractional; epoch milliseconds; ISO 8601
 * with a zone. Every form gets the same window (INFERRED.signatureToleranceSeconds).
 *
 * Decided: ISO 8601 without a zone is refused, not read as UTC. Its instant depends on a zone we would
 * have to guess (UTC, or Hero's Europe/London): in summer the two are an hour apart, so a guess of UTC
 * would accept every delivery in winter and refuse every one in summer (or the reverse), a failure that
 * appears months after setup. Refused always, it is seen at the first delivery, with its own log reason.
 */
export function readTimestamp(text: string): { ms: number } | { problem: TimestampProblem } {
	const epoch = EPOCH.exec(text);
	if (epoch) {
		// Exact to the millisecond without floating-point error: whole part and fraction read apart.
		const whole = Number(epoch[1]);
		const fraction = epoch[2] ?? '';
		// 1e11 s is the year 5138, 1e11 ms is 1973: anything larger is milliseconds.
		if (whole >= 1e11) return { ms: whole + Math.round(Number(`0.${fraction || '0'}`)) };
		return { ms: whole * 1000 + Math.round(Number(`0.${fraction || '0'}`) * 1000) };
	}
	const iso = ISO_8601.exec(text);
	if (!iso) return { problem: 'malformed' };
	const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(iso[i]));
	const second = Number(iso[6] ?? '0');
	// Date.UTC rolls 30 February over to March and 24:00 to the next day: check every field's range.
	if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate())
		return { problem: 'malformed' };
	if (hour > 23 || minute > 59 || second > 59) return { problem: 'malformed' };
	const zone = iso[8];
	if (!zone) return { problem: 'without-zone' };
	let offsetMinutes = 0;
	if (zone.toUpperCase() !== 'Z') {
		const digits = zone.slice(1).replace(':', '');
		const [offsetHours, offsetMins] = [Number(digits.slice(0, 2)), Number(digits.slice(2) || '0')];
		if (offsetHours > 23 || offsetMins > 59) return { problem: 'malformed' };
		offsetMinutes = (zone[0] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
	}
	const millis = Math.round(Number(`0.${iso[7] ?? '0'}`) * 1000);
	return {
		ms: Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000,
	};
}

/** Epoch milliseconds from a timestamp in any form readTimestamp accepts, or undefined. */
export function parseTimestamp(text: string): number | undefined {
	const read = readTimestamp(text);
	return 'ms' in read ? read.ms : undefined;
}

export function verifyHeroSignature(delivery: SignedDelivery): SignatureVerdict {
	const { signingKey } = delivery;
	if (!signingKey) return { valid: false, reason: 'no-signing-key' };
	const timestamp = single(delivery.timestamp)?.trim();
	if (!timestamp) return { valid: false, reason: 'missing-timestamp' };
	const signatureHeader = single(delivery.signature)?.trim();
	if (!signatureHeader) return { valid: false, reason: 'missing-signature' };

	const read = readTimestamp(timestamp);
	if ('problem' in read)
		return {
			valid: false,
			reason: read.problem === 'without-zone' ? 'timestamp-without-zone' : 'malformed-timestamp',
		};
	const timestampMs = read.ms;
	const now = delivery.nowMs ?? Date.now();
	if (Math.abs(now - timestampMs) > INFERRED.signatureToleranceSeconds * 1000)
		return { valid: false, reason: 'stale-timestamp' };

	const provided = signatureHeader.replace(/^sha256=/i, '');
	const body =
		typeof delivery.rawBody === 'string' ? Buffer.from(delivery.rawBody, 'utf8') : delivery.rawBody;
	const expected = createHmac('sha256', signingKey)
		.update(`${timestamp}.`, 'utf8')
		.update(body)
		.digest();

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
