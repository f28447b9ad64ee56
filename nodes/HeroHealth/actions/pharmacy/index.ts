import type { HeroResource } from '../types';
import * as create from './create.operation';

export const pharmacy: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['pharmacy'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a pharmacy',
				description: "Add a pharmacy to a prescriber's list",
			},
		],
	},
	operations: { create },
};
