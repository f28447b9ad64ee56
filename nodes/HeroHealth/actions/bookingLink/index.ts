import type { HeroResource } from '../types';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const bookingLink: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['bookingLink'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a booking link',
				description:
					'Create a self-booking link for one patient or for anyone; its short_link can go straight into a message',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a booking link',
				description: 'Get one booking link with its use count and status',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many booking links',
				description: 'List the booking links of the practice group',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a booking link',
				description: 'Change what a booking link offers, its expiry or use limit, or deactivate it',
			},
		],
	},
	operations: { create, get, getMany, update },
};
