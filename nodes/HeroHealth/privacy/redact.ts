const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A JWT (header.payload.signature, the header starting `{"` in base64url), as tokens are. */
const BEARER_TOKEN = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/**
 * The one redaction of text built from Hero's answers: the credential's own values (API key,
 * practice group ID; matched whole, case-insensitively), bearer tokens (JWTs) and then patient data. `secrets` are
 * the credential values the request used.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
	let clean = text;
	for (const secret of secrets) {
		if (!secret) continue;
		// Whole tokens only, so a short practice group ID such as 12 does not mask 123 or 2012.
		clean = clean.replace(
			new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(secret)}(?![A-Za-z0-9])`, 'gi'),
			'[redacted]',
		);
	}
	// A bearer token Hero quotes back (an Elements access token, a Heidi token) is a credential too.
	return redactPatientData(clean.replace(BEARER_TOKEN, '[redacted]'));
}

/**
 * Hero's own error texts may quote what they rejected. Anything shaped like an email address, a
 * phone number (E.164 with +, or 9 to 14 digits) or an NHS number, spaced or dashed, is masked before it reaches an
 * n8n error, so no error repeats a patient's contact details. Dates and times are left alone.
 */
export function redactPatientData(text: string): string {
	return (
		text
			.replace(/[^\s@"'<>(),;:[\]]+@[^\s@"'<>(),;:[\]]+\.[^\s@"'<>(),;:[\]]+/g, '[redacted]')
			// `field:value` and `field=value` forms too (recipient_contact_detail:+447700900123).
			// With a + any E.164 length (8 to 15 digits); without, 9 to 14, so that 8-digit dates stay.
			.replace(
				/(?<![\w.+-]|\d:)(?:\+\d(?:[ -]?\d){7,14}|\d(?:[ -]?\d){8,13})(?![\w:-]|\.\d)/g,
				'[redacted]',
			)
	);
}
