import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireString } from '../helpers';
import { invalid } from '../../privacy/invalid';

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
			validation: [
				{
					type: 'regex',
					properties: {
						regex: WEBHOOK_ID.source,
						errorMessage: 'A webhook ID has letters, digits, - or _ only, e.g. 1234',
					},
				},
			],
		},
	],
};

export function requireWebhookId(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = requireString(ctx, 'webhookId', itemIndex, 'Webhook');
	if (!WEBHOOK_ID.test(id))
		throw invalid(ctx, itemIndex, 'Webhook', 'expected a Hero webhook ID such as 1234');
	return id;
}
