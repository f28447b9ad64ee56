import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../common.descriptions';
import { getList, requireString } from '../helpers';

const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Lovelace',
		description: 'Search text Hero matches customers against (required by Hero)',
	},
	...returnAllOrLimit,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoicing'], operation: ['getManyCustomers'] } },
	properties,
);

/** `GET /v1/invoicing/customers?query=...` (no paging documented: one request, Limit applied to its records). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const query = requireString(this, 'query', itemIndex, 'Query');
	return getList(this, itemIndex, {
		method: 'GET',
		path: '/v1/invoicing/customers',
		qs: { query },
	});
}
