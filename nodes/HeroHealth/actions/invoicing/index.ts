import type { HeroResource } from '../types';
import * as createCustomer from './createCustomer.operation';
import * as getDefaultCustomer from './getDefaultCustomer.operation';
import * as getManyCoupons from './getManyCoupons.operation';
import * as getManyCustomers from './getManyCustomers.operation';
import * as updateInvoice from './updateInvoice.operation';

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
				name: 'Get Default Customer',
				value: 'getDefaultCustomer',
				action: 'Get the default customer of a patient',
				description: "Get the billing customer Hero uses by default for a patient's invoices",
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
			{
				name: 'Update Invoice',
				value: 'updateInvoice',
				action: 'Update an invoice',
				description: 'Change a draft invoice, or the memo, footer and coupons of a finalised one',
			},
		],
	},
	operations: {
		createCustomer,
		getDefaultCustomer,
		getManyCoupons,
		getManyCustomers,
		updateInvoice,
	},
};
