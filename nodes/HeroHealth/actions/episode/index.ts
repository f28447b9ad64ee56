import type { HeroResource } from '../types';
import * as getMany from './getMany.operation';

export const episode: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['episode'] } },
		default: 'getMany',
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many episodes',
				description: "List episodes (a patient's grouped tasks) by status, priority and assignee",
			},
		],
	},
	operations: { getMany },
};
