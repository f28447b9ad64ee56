import type { IDataObject } from 'n8n-workflow';

/** What a secret Hero sends back is replaced with: outputs get stored in n8n's execution history. */
export const HIDDEN_SECRET = '[hidden]';

/**
 * A webhook as Hero returns it, with any `signing_key` and every `headers` value replaced by
 * `[hidden]`. Header values are secrets too (a static secret the receiver checks), and Hero echoes
 * them; their names stay, so a user can still see which headers are set.
 */
export function hideSecrets(record: IDataObject): IDataObject {
	const hidden: IDataObject = { ...record };
	const key = record.signing_key;
	if (key !== undefined && key !== null && key !== '') hidden.signing_key = HIDDEN_SECRET;
	const headers = record.headers;
	if (headers && typeof headers === 'object' && !Array.isArray(headers)) {
		hidden.headers = Object.fromEntries(Object.keys(headers).map((name) => [name, HIDDEN_SECRET]));
	} else if (headers !== undefined && headers !== null) {
		// Not the documented string map: whatever it is may hold the secret, so none of it is shown.
		hidden.headers = HIDDEN_SECRET;
	}
	return hidden;
}
