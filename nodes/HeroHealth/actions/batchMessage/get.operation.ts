import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { outputProperties, readShape } from '../../shared/simplify';
import { heroApiRequest, pathId } from '../../transport';
import { requireId } from '../helpers';
import { batchIdLocator } from './fields';

const properties: INodeProperties[] = [batchIdLocator, ...outputProperties(['batchMessage'])];

export const description = updateDisplayOptions(
	{ show: { resource: ['batchMessage'], operation: ['get'] } },
	properties,
);

/** `GET /v1/batch_message/{id}`: the batch with its status (CREATED, PENDING, SENDING, COMPLETED). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireId(this, 'batchId', itemIndex, 'Batch Message');
	const shape = readShape(this, itemIndex, 'batchMessage');
	return shape(
		await heroApiRequest.call(this, {
			method: 'GET',
			path: `/v1/batch_message/${pathId(id)}`,
			itemIndex,
		}),
	);
}
