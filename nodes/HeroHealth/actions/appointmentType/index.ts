import type { HeroResource } from '../types';
import * as getMany from './getMany.operation';

export const appointmentType: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['appointmentType'] } },
		default: 'getMany',
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many appointment types',
				description:
					'List the appointment types the practice offers, with their next free slot and slot count',
			},
		],
	},
	operations: { getMany },
};
