import type { HeroResource } from '../types';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const admin: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['admin'] } },
		default: 'getMany',
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many admins',
				description: "List the practice's admins (staff users)",
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an admin',
				description: "Set or clear an admin's external prescriber ID and prescriber details",
			},
		],
	},
	operations: { getMany, update },
};
