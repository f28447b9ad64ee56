import type { HeroResource } from '../types';
import * as getAll from './getMany.operation';

export const location: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['location'] } },
		default: 'getAll',
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many locations',
				description: 'List the locations (surgeries, branch sites) configured for online booking',
			},
		],
	},
	operations: { getAll },
};
