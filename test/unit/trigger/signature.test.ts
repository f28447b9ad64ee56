/**
 * The webhook signature verifier on its own: Hero's documented scheme (HMAC-SHA256 over
 * "{timestamp}.{raw body}") and the undocumented parts we accept (hex or base64, `sha256=`
 * prefix, seconds or milliseconds, a tolerance window).
 */
import { createHmac } from 'node:crypto';

import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { parseTimestamp, verifyHeroSignature } from '../../../nodes/HeroHealth/trigger/signature';
import { signDelivery } from '../../sandbox/routes/webhooks';

const KEY = 'b3c1f0e2d4a5968778695a4b3c2d1e0f';
const BODY =
	'{"object":"Appointment","id":"5001","practice_group_id":"1001","event":"appointment.confirmed"}';
const NOW_MS = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const NOW_S = String(NOW_MS / 1000);

/** An independent HMAC, written here rather than taken from the code under test. */
const hmac = (key: string, message: string | Buffer) =>
	createHmac('sha256', key).update(message).digest();
const signed = (timestamp: string, body: string | Buffer = BODY, key = KEY) =>
	hmac(key, Buffer.concat([Buffer.from(`${timestamp}.`), Buffer.from(body)]));

const verify = (over: Partial<Parameters<typeof verifyHeroSignature>[0]> = {}) =>
	verifyHeroSignature({
		signingKey: KEY,
		timestamp: NOW_S,
		signature: signed(NOW_S).toString('hex'),
		rawBody: BODY,
		nowMs: NOW_MS,
		...over,
	});

describe('verifyHeroSignature', () => {
	it('accepts a hex signature over "{timestamp}.{raw body}"', () => {
		expect(verify()).toEqual({
			valid: true,
			timestampMs: NOW_MS,
			digest: signed(NOW_S).toString('hex'),
		});
	});

	it('accepts the same digest in base64, with or without padding, and with a sha256= prefix', () => {
		const digest = signed(NOW_S);
		expect(verify({ signature: digest.toString('base64') }).valid).toBe(true);
		expect(verify({ signature: digest.toString('base64').replace(/=+$/, '') }).valid).toBe(true);
		expect(verify({ signature: `sha256=${digest.toString('hex')}` }).valid).toBe(true);
		expect(verify({ signature: `SHA256=${digest.toString('base64')}` }).valid).toBe(true);
		expect(verify({ signature: digest.toString('hex').toUpperCase() }).valid).toBe(true);
	});

	it('agrees with the sandbox signer in every encoding it can sign with', () => {
		for (const encoding of INFERRED.signatureEncodings) {
			expect(verify({ signature: signDelivery(KEY, NOW_S, BODY, encoding) }).valid).toBe(true);
		}
	});

	it('rejects a forged signature: another key, another body, another timestamp in the signed string', () => {
		expect(verify({ signature: signed(NOW_S, BODY, 'not-the-key').toString('hex') })).toEqual({
			valid: false,
			reason: 'mismatch',
		});
		expect(verify({ rawBody: BODY.replace('5001', '5002') })).toEqual({
			valid: false,
			reason: 'mismatch',
		});
		// Signed for one timestamp, sent with another (both inside the window).
		expect(verify({ timestamp: String(NOW_MS / 1000 - 10) })).toEqual({
			valid: false,
			reason: 'mismatch',
		});
		// The body alone, without "{timestamp}.".
		expect(verify({ signature: hmac(KEY, BODY).toString('hex') })).toEqual({
			valid: false,
			reason: 'mismatch',
		});
	});

	it('rejects a body that was re-serialised (whitespace changed), since the raw bytes are signed', () => {
		const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
		expect(verify({ rawBody: pretty }).valid).toBe(false);
	});

	it('answers the same for the body as a Buffer or as a string, multi-byte characters included', () => {
		const body =
			'{"object":"Patient","id":"2001","practice_group_id":"1001","event":"patient.medical-record-updated","note":"Zoë – café"}';
		const signature = signed(NOW_S, body).toString('hex');
		expect(verify({ rawBody: body, signature })).toEqual({
			valid: true,
			timestampMs: NOW_MS,
			digest: signature,
		});
		expect(verify({ rawBody: Buffer.from(body, 'utf8'), signature })).toEqual({
			valid: true,
			timestampMs: NOW_MS,
			digest: signature,
		});
		// Latin-1 bytes of the same text are other bytes: no match.
		expect(verify({ rawBody: Buffer.from(body, 'latin1'), signature }).valid).toBe(false);
	});

	it('rejects missing headers and a missing key', () => {
		expect(verify({ timestamp: undefined })).toEqual({ valid: false, reason: 'missing-timestamp' });
		expect(verify({ timestamp: '' })).toEqual({ valid: false, reason: 'missing-timestamp' });
		expect(verify({ signature: undefined })).toEqual({ valid: false, reason: 'missing-signature' });
		expect(verify({ signature: '   ' })).toEqual({ valid: false, reason: 'missing-signature' });
		expect(verify({ signingKey: undefined })).toEqual({ valid: false, reason: 'no-signing-key' });
		expect(verify({ signingKey: '' })).toEqual({ valid: false, reason: 'no-signing-key' });
	});

	it('rejects a header sent twice rather than choosing one', () => {
		const good = signed(NOW_S).toString('hex');
		expect(verify({ signature: [good, good] }).valid).toBe(false);
		expect(verify({ signature: [good] }).valid).toBe(true);
		expect(verify({ timestamp: [NOW_S, NOW_S] }).valid).toBe(false);
	});

	it(`rejects timestamps more than ${INFERRED.signatureToleranceSeconds} s away, in seconds or milliseconds`, () => {
		const tolerance = INFERRED.signatureToleranceSeconds;
		for (const offsetS of [tolerance + 1, -(tolerance + 1), 3600]) {
			const seconds = String(NOW_MS / 1000 - offsetS);
			expect(verify({ timestamp: seconds, signature: signed(seconds).toString('hex') })).toEqual({
				valid: false,
				reason: 'stale-timestamp',
			});
			const millis = String(NOW_MS - offsetS * 1000);
			expect(verify({ timestamp: millis, signature: signed(millis).toString('hex') })).toEqual({
				valid: false,
				reason: 'stale-timestamp',
			});
		}
		for (const offsetS of [tolerance - 1, -(tolerance - 1), 0]) {
			const seconds = String(NOW_MS / 1000 - offsetS);
			expect(verify({ timestamp: seconds, signature: signed(seconds).toString('hex') }).valid).toBe(
				true,
			);
			const millis = String(NOW_MS - offsetS * 1000);
			expect(verify({ timestamp: millis, signature: signed(millis).toString('hex') })).toEqual({
				valid: true,
				timestampMs: NOW_MS - offsetS * 1000,
				digest: signed(millis).toString('hex'),
			});
		}
	});

	it('rejects timestamps that are neither epoch digits nor ISO-8601 with a zone', () => {
		for (const timestamp of ['-1767225600', '1.7672256e9', '1767225600.', 'abc', '0x6955f000']) {
			expect(verify({ timestamp, signature: signed(timestamp).toString('hex') })).toEqual({
				valid: false,
				reason: 'malformed-timestamp',
			});
		}
		expect(parseTimestamp('1767225600')).toBe(NOW_MS);
		expect(parseTimestamp('1767225600000')).toBe(NOW_MS);
	});

	it('rejects the right digest in an encoding we do not accept, and digests of the wrong length', () => {
		// A digest whose base64 has + or / characters, so base64url differs from base64.
		let timestamp = NOW_S;
		let digest = signed(timestamp);
		for (let n = 1; !/[+/]/.test(digest.toString('base64')); n++) {
			timestamp = String(NOW_MS / 1000 - n);
			digest = signed(timestamp);
		}
		expect(verify({ timestamp, signature: digest.toString('base64url') })).toEqual({
			valid: false,
			reason: 'malformed-signature',
		});
		expect(verify({ timestamp, signature: digest.toString('latin1') }).valid).toBe(false);
		expect(verify({ timestamp, signature: digest.toString('binary') }).valid).toBe(false);
		// Truncated, extended, SHA-1 and SHA-512 digests fail the length check.
		expect(verify({ timestamp, signature: digest.toString('hex').slice(0, 62) })).toEqual({
			valid: false,
			reason: 'malformed-signature',
		});
		expect(verify({ timestamp, signature: `${digest.toString('hex')}00` })).toEqual({
			valid: false,
			reason: 'malformed-signature',
		});
		const sha1 = createHmac('sha1', KEY).update(`${timestamp}.${BODY}`).digest('hex');
		expect(verify({ timestamp, signature: sha1 })).toEqual({
			valid: false,
			reason: 'malformed-signature',
		});
		const sha512 = createHmac('sha512', KEY).update(`${timestamp}.${BODY}`).digest('base64');
		expect(verify({ timestamp, signature: sha512 })).toEqual({
			valid: false,
			reason: 'malformed-signature',
		});
	});
});

describe('timestamp formats', () => {
	const iso = new Date(NOW_MS).toISOString(); // 2026-01-01T00:00:00.000Z

	it('parses epoch seconds, epoch milliseconds and ISO-8601 with a zone to the same instant', () => {
		expect(parseTimestamp(NOW_S)).toBe(NOW_MS);
		expect(parseTimestamp(String(NOW_MS))).toBe(NOW_MS);
		expect(parseTimestamp(iso)).toBe(NOW_MS);
		expect(parseTimestamp('2026-01-01T00:00:00Z')).toBe(NOW_MS);
		expect(parseTimestamp('2026-01-01T01:00:00+01:00')).toBe(NOW_MS);
		expect(parseTimestamp('2025-12-31T19:00:00.000-0500')).toBe(NOW_MS);
	});

	it('refuses ISO-8601 without a zone, impossible dates and other text', () => {
		for (const text of [
			'2026-01-01T00:00:00',
			'2026-01-01',
			'2026-13-01T00:00:00Z',
			'2026-02-30T00:00:00Z',
			'Thu, 01 Jan 2026 00:00:00 GMT',
			'yesterday',
			'',
		]) {
			expect(parseTimestamp(text)).toBeUndefined();
		}
	});

	it('verifies an ISO-8601 timestamp as sent (the raw header text is signed), with the same window', () => {
		expect(verify({ timestamp: iso, signature: signed(iso).toString('hex') })).toMatchObject({
			valid: true,
			timestampMs: NOW_MS,
		});
		// Signed over the seconds form, sent as ISO: the signed text differs.
		expect(verify({ timestamp: iso, signature: signed(NOW_S).toString('hex') })).toEqual({
			valid: false,
			reason: 'mismatch',
		});
		const inWindow = new Date(
			NOW_MS - (INFERRED.signatureToleranceSeconds - 5) * 1000,
		).toISOString();
		const outOfWindow = new Date(
			NOW_MS - (INFERRED.signatureToleranceSeconds + 5) * 1000,
		).toISOString();
		expect(verify({ timestamp: inWindow, signature: signed(inWindow).toString('hex') }).valid).toBe(
			true,
		);
		expect(
			verify({ timestamp: outOfWindow, signature: signed(outOfWindow).toString('hex') }),
		).toEqual({ valid: false, reason: 'stale-timestamp' });
		expect(
			verify({
				timestamp: '2026-01-01T00:00:00',
				signature: signed('2026-01-01T00:00:00').toString('hex'),
			}),
		).toEqual({ valid: false, reason: 'timestamp-without-zone' });
	});
});

describe('every unambiguous timestamp form', () => {
	it('reads fractional epoch seconds, epoch milliseconds and every ISO 8601 form with a zone to the same instant', () => {
		const forms = [
			'1767225600.000',
			'1767225600.0',
			'1767225600000',
			'1767225600000.0',
			'2026-01-01T00:00Z',
			'2026-01-01 00:00:00Z',
			'2026-01-01t00:00:00z',
			'2026-01-01T00:00:00,000Z',
			'20260101T000000Z',
			'2026-01-01T01:00:00+01',
			'2026-01-01T05:30:00+0530',
			'2025-12-31T23:00:00.000000000-01:00',
		];
		for (const text of forms) expect([text, parseTimestamp(text)]).toEqual([text, NOW_MS]);
		expect(parseTimestamp('1733222222.123')).toBe(1_733_222_222_123);
		expect(parseTimestamp('1733222222.1239')).toBe(1_733_222_222_124);
	});

	it('a fractional-seconds delivery is verified as sent, inside the window and refused outside it', () => {
		const fractional = (NOW_MS / 1000 - 0.877).toFixed(3);
		expect(
			verify({ timestamp: fractional, signature: signed(fractional).toString('hex') }),
		).toEqual({
			valid: true,
			timestampMs: NOW_MS - 877,
			digest: signed(fractional).toString('hex'),
		});
		const stale = (NOW_MS / 1000 - INFERRED.signatureToleranceSeconds - 0.5).toFixed(1);
		expect(verify({ timestamp: stale, signature: signed(stale).toString('hex') })).toEqual({
			valid: false,
			reason: 'stale-timestamp',
		});
		// Signed over the whole-seconds text, sent with a fraction: the signed text differs.
		expect(verify({ timestamp: `${NOW_S}.000`, signature: signed(NOW_S).toString('hex') })).toEqual(
			{ valid: false, reason: 'mismatch' },
		);
	});

	it('ISO 8601 without a zone is refused with its own reason, in every form', () => {
		for (const timestamp of [
			'2026-01-01T00:00:00',
			'2026-01-01T00:00',
			'2026-01-01 00:00:00.000',
			'20260101T000000',
		]) {
			expect([
				timestamp,
				verify({ timestamp, signature: signed(timestamp).toString('hex') }),
			]).toEqual([timestamp, { valid: false, reason: 'timestamp-without-zone' }]);
		}
		for (const timestamp of [
			'2026-01-01T24:00:00Z',
			'2026-01-01T00:60:00Z',
			'2026-01-01T00:00:00+25:00',
			'2026-01-01',
			'2026-01-01T00Z',
		]) {
			expect([
				timestamp,
				verify({ timestamp, signature: signed(timestamp).toString('hex') }),
			]).toEqual([timestamp, { valid: false, reason: 'malformed-timestamp' }]);
		}
	});
});
