import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { batchIdLocator, batchStatusFilters, batchStatusQuery } from './batchMessage/fields';
import { returnAllOrLimit } from './common.descriptions';
import { getMany, requireId } from './helpers';
import { outputProperties, readShape } from '../shared/simplify';
import { pathId } from '../transport';

/**
 * The individual messages ("sends") of a batch: `GET /v1/batch_message/{id}/messages`.
 * The one implementation of Batch Message → Get Sends and of its alias Message → Get Many in a Batch.
 */
export const batchSendsProperties: INodeProperties[] = [
	{ ...batchIdLocator, description: 'The batch (bulk campaign) whose individual messages to list' },
	...returnAllOrLimit,
	batchStatusFilters,
	...outputProperties(['batchSend']),
];

export async function executeBatchSends(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject[]> {
	const id = requireId(this, 'batchId', itemIndex, 'Batch Message');
	const qs = batchStatusQuery(this, itemIndex);
	const shape = readShape(this, itemIndex, 'batchSend');
	const found = await getMany(this, itemIndex, {
		method: 'GET',
		path: `/v1/batch_message/${pathId(id)}/messages`,
		qs,
	});
	return found.map(shape);
}
