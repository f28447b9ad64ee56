import type { IDataObject } from 'n8n-workflow';

/*
 * What a tool's answer may carry to an AI model: the record as Hero gave it, less anything that
 * grants access. A model's context is sent to its provider, kept in its logs and repeated in its
 * replies, so a bearer token in it is a token handed on. Fields are dropped by key (tokens,
 * secrets, and the write-to-record confirm link, which carries Hero's auth token) and by value
 * (a JWT, or a link with a token in its query, under any key). Everything else stays: the model
 * needs ids, times and texts to do its work; Minimal Output is the stricter, allow-list filter.
 */

/** Keys whose value is a credential, or a link that acts as one. */
const CREDENTIAL_KEY =
	/(?:^|_)(?:token|tokens|jwt|secret|password|api_key|apikey)$|^authorization$|^confirm_write_to_record_url$/i;
/** A JWT (header.payload.signature, the header starting `{"` in base64url). */
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/;
/** A link carrying a credential in its query, e.g. `?auth_token=...` or `&access_token=...`. */
const TOKEN_IN_QUERY = /[?&#](?:[a-z_]*token|jwt|api_key|apikey|key|signature|sig)=/i;

function carriesCredential(value: string): boolean {
	return JWT.test(value) || TOKEN_IN_QUERY.test(value);
}

function clean(value: unknown): unknown {
	if (typeof value === 'string') return carriesCredential(value) ? undefined : value;
	if (Array.isArray(value)) return value.map(clean).filter((entry) => entry !== undefined);
	if (value !== null && typeof value === 'object') return withoutCredentials(value as IDataObject);
	return value;
}

/** The record without bearer tokens, secrets or links that carry them, at any depth. */
export function withoutCredentials(record: IDataObject): IDataObject {
	const kept: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (CREDENTIAL_KEY.test(key)) continue;
		const cleaned = clean(value);
		if (cleaned !== undefined) kept[key] = cleaned as IDataObject[keyof IDataObject];
	}
	return kept;
}
