import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../common.descriptions';
import { getMany, requireId } from '../helpers';
import { batchIdLocator, batchStatusFilters, batchStatusQuery } from './fields';
import { pathId } from '../../transport';

/**
 * The individual messages ("sends") of a batch: `GET /v1/batch_message/{id}/messages`.
 * The one implementation: Message → Get Many in a Batch shows the same fields and runs this.
 */
export const properties: INodeProperties[] = [
	{ ...batchIdLocator, description: 'The batch (bulk campaign) whose individual messages to list' },
	...returnAllOrLimit,
	batchStatusFilters,
];

export const description = updateDisplayOptions({ show: { resource: ['batchMessage'], operation: ['getSends'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = requireId(this, 'batchId', itemIndex, 'Batch Message');
	const qs = batchStatusQuery(this, itemIndex);
	return getMany(this, itemIndex, { method: 'GET', path: `/v1/batch_message/${pathId(id)}/messages`, qs });
}
