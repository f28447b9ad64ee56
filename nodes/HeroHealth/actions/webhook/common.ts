import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalid, requireString } from '../helpers';

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

/** Hero documents webhook ids only as strings (no pattern); ours must at least be safe in a path. */
const WEBHOOK_ID = /^[A-Za-z0-9_-]+$/;

/** A webhook registration, picked from Hero's list (`GET /v1/webhooks`) or typed. */
export const webhookLocator: INodeProperties = {
	displayName: 'Webhook',
	name: 'webhookId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The webhook registration to use',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchWebhooks', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1234',
			validation: [{ type: 'regex', properties: { regex: WEBHOOK_ID.source, errorMessage: 'A webhook ID has letters, digits, - or _ only, e.g. 1234' } }],
		},
	],
};

export function requireWebhookId(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = requireString(ctx, 'webhookId', itemIndex, 'Webhook');
	if (!WEBHOOK_ID.test(id)) throw invalid(ctx, itemIndex, 'Webhook', 'expected a Hero webhook ID such as 1234');
	return id;
}
