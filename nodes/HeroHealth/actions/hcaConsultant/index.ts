import type { HeroResource } from '../types';
import * as get from './get.operation';
import * as search from './search.operation';

export const hcaConsultant: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['hcaConsultant'] } },
		default: 'search',
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get an HCA consultant',
				description: 'Get one consultant of HCA booking by GMC number',
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search HCA consultants',
				description: 'Find consultants of HCA booking by name or other text',
			},
		],
	},
	operations: { get, search },
};
