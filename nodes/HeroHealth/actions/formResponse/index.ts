import type { HeroResource } from '../types';
import * as get from './get.operation';

export const formResponse: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['formResponse'] } },
		default: 'get',
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a form response',
				description: "Read one submitted form response (the record of a patient's answers)",
			},
		],
	},
	operations: { get },
};
