import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, pathId } from '../../transport';
import { requireId } from '../helpers';
import { automatedMessageLocator } from './fields';

const properties: INodeProperties[] = [automatedMessageLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['automatedMessage'], operation: ['get'] } },
	properties,
);

/** `GET /v2/automated_messages/{id}` (answer not captured: returned as Hero sends it). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireId(this, 'automatedMessageId', itemIndex, 'Automated Message');
	return heroApiRequest.call(this, {
		method: 'GET',
		path: `/v2/automated_messages/${pathId(id)}`,
		itemIndex,
	});
}
