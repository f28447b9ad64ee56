import type { HeroResource } from '../types';
import * as createCustomer from './createCustomer.operation';
import * as getManyCoupons from './getManyCoupons.operation';
import * as getManyCustomers from './getManyCustomers.operation';

export const invoicing: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoicing'] } },
		default: 'getManyCustomers',
		options: [
			{
				name: 'Create Customer',
				value: 'createCustomer',
				action: 'Create a customer',
				description: 'Create a billing customer for private (paid) services',
			},
			{
				name: 'Get Many Coupons',
				value: 'getManyCoupons',
				action: 'Get many coupons',
				description: 'List discount coupons',
			},
			{
				name: 'Get Many Customers',
				value: 'getManyCustomers',
				action: 'Get many customers',
				description: 'Search billing customers',
			},
		],
	},
	operations: { createCustomer, getManyCoupons, getManyCustomers },
};
