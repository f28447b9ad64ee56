import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../common.descriptions';
import { checkBoolean, checkOneOf, getMany, readCollection } from '../helpers';

const ORDER_FIELDS = ['first_name'] as const;

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Order By',
				name: 'orderBy',
				type: 'options',
				default: 'first_name',
				options: [{ name: 'First Name', value: 'first_name' }],
			},
			{
				displayName: 'Order Descending',
				name: 'orderDescending',
				type: 'boolean',
				default: false,
				description: 'Whether to sort Z to A',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['admin'], operation: ['getMany'] } },
	properties,
);

/** `GET /v1/admins`, paged. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const options = readCollection(this, 'options', itemIndex);
	const qs: IDataObject = {};
	if (options.orderBy !== undefined)
		qs.order_by = checkOneOf(this, itemIndex, 'Order By', options.orderBy, ORDER_FIELDS);
	if (options.orderDescending !== undefined)
		qs.order_descending = checkBoolean(
			this,
			itemIndex,
			'Order Descending',
			options.orderDescending,
		);
	return getMany(this, itemIndex, { method: 'GET', path: '/v1/admins', qs });
}
