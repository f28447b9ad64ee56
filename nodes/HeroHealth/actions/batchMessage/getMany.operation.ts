import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { outputProperties, readShape } from '../../shared/simplify';
import { returnAllOrLimit } from '../common.descriptions';
import { getMany } from '../helpers';
import { batchStatusFilters, batchStatusQuery } from './fields';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	batchStatusFilters,
	...outputProperties(['batchMessage']),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['batchMessage'], operation: ['getMany'] } },
	properties,
);

/** `GET /v1/batch_message`, paged (its answer's envelope is inferred: see INFERRED.uncapturedListAnswers). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const qs = batchStatusQuery(this, itemIndex);
	const shape = readShape(this, itemIndex, 'batchMessage');
	const found = await getMany(this, itemIndex, { method: 'GET', path: '/v1/batch_message', qs });
	return found.map(shape);
}
