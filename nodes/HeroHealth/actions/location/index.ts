import type { HeroResource } from '../types';
import * as getMany from './getMany.operation';

export const location: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['location'] } },
		default: 'getMany',
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many locations',
				description: 'List the locations (surgeries, branch sites) configured for online booking',
			},
		],
	},
	operations: { getMany },
};
