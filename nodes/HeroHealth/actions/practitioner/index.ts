import type { HeroResource } from '../types';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const practitioner: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['practitioner'] } },
		default: 'getMany',
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a practitioner',
				description: 'Get one practitioner (GP, nurse...) by ID',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many practitioners',
				description:
					'List practitioners, optionally only those at given locations or offering given appointment types',
			},
		],
	},
	operations: { get, getMany },
};
