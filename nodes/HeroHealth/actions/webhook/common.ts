import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalid, requireString } from '../helpers';

/** What a signing key Hero sends back is replaced with: it is a secret, and outputs get stored. */
export const HIDDEN_SIGNING_KEY = '[hidden]';

/** A webhook as Hero returns it, with any `signing_key` replaced by `[hidden]`. */
export function hideSigningKey(record: IDataObject): IDataObject {
	const key = record.signing_key;
	if (key === undefined || key === null || key === '') return { ...record };
	return { ...record, signing_key: HIDDEN_SIGNING_KEY };
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
