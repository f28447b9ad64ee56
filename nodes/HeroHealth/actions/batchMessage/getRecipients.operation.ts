import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { outputProperties, readShape } from '../../shared/simplify';
import { returnAllOrLimit } from '../common.descriptions';
import { getMany, requireId } from '../helpers';
import { batchIdLocator, batchStatusFilters, batchStatusQuery } from './fields';
import { pathId } from '../../transport';

const properties: INodeProperties[] = [
	{ ...batchIdLocator, description: 'The batch (bulk campaign) whose recipients to list' },
	...returnAllOrLimit,
	batchStatusFilters,
	...outputProperties(['batchRecipient']),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['batchMessage'], operation: ['getRecipients'] } },
	properties,
);

/** `GET /v1/batch_message/{id}/recipients`, paged. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = requireId(this, 'batchId', itemIndex, 'Batch Message');
	const qs = batchStatusQuery(this, itemIndex);
	const shape = readShape(this, itemIndex, 'batchRecipient');
	const found = await getMany(this, itemIndex, {
		method: 'GET',
		path: `/v1/batch_message/${pathId(id)}/recipients`,
		qs,
	});
	return found.map(shape);
}
