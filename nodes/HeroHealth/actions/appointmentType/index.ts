import type { HeroResource } from '../types';
import * as getAll from './getMany.operation';

export const appointmentType: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['appointmentType'] } },
		default: 'getAll',
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many appointment types',
				description: 'List the appointment types the practice offers, with their next free slot and slot count',
			},
		],
	},
	operations: { getAll },
};
