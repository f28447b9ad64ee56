import type { HeroResource } from '../types';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getRecipients from './getRecipients.operation';
import * as getSends from './getSends.operation';
import * as send from './send.operation';

export const batchMessage: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['batchMessage'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a batch message',
				description:
					'Create a bulk campaign (one text, many patients by NHS number); it is sent by Send',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a batch message',
				description: 'Get a batch with its status',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many batch messages',
				description: 'List batch messages',
			},
			{
				name: 'Get Recipients',
				value: 'getRecipients',
				action: 'Get recipients of a batch message',
				description: 'List the recipients of a batch with their matching status',
			},
			{
				name: 'Get Sends',
				value: 'getSends',
				action: 'Get sends of a batch message',
				description: 'List the individual messages a batch sent',
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send a batch message',
				description:
					'Send a created batch to all its recipients now (once: Hero refuses a second send)',
			},
		],
	},
	operations: { create, get, getMany, getRecipients, getSends, send },
};
