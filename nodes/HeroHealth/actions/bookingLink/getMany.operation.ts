import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { INFERRED } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';
import { getList, getMany } from '../helpers';

const properties: INodeProperties[] = [...returnAllOrLimit];

export const description = updateDisplayOptions(
	{ show: { resource: ['bookingLink'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const request = { method: 'GET' as const, path: '/v2/bookinglinks', itemIndex };
	return INFERRED.bookingLinksPaged
		? getMany(this, itemIndex, request)
		: getList(this, itemIndex, request);
}
