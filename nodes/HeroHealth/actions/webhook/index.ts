import type { HeroResource } from '../types';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as getMany from './getMany.operation';

export const webhook: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a webhook',
				description:
					'Register a URL that Hero sends one event type to; a signing key is generated if none is given',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a webhook',
				description: 'Remove a webhook registration so Hero stops sending to its URL',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many webhooks',
				description:
					"List the practice group's webhook registrations (signing keys and header values hidden)",
			},
		],
	},
	operations: { create, delete: del, getMany },
};
