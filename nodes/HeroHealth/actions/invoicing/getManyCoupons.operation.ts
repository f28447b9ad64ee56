import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../common.descriptions';
import { getList } from '../helpers';

const properties: INodeProperties[] = [...returnAllOrLimit];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoicing'], operation: ['getManyCoupons'] } },
	properties,
);

/** `GET /v1/invoicing/coupons` (no paging documented: one request, Limit applied to its records). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return getList(this, itemIndex, { method: 'GET', path: '/v1/invoicing/coupons' });
}
