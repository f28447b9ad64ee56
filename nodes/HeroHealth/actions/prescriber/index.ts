import type { HeroResource } from '../types';
import * as getPharmacies from './getPharmacies.operation';

export const prescriber: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['prescriber'] } },
		default: 'getPharmacies',
		options: [
			{
				name: 'Get Pharmacies',
				value: 'getPharmacies',
				action: 'Get the pharmacies of a prescriber',
				description: 'List the pharmacies a prescriber sends prescriptions to',
			},
		],
	},
	operations: { getPharmacies },
};
