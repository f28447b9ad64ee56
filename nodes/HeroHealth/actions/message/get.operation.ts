import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { outputProperties, readShape } from '../../shared/simplify';
import { heroApiRequest, pathId } from '../../transport';
import { requireId } from '../helpers';

const properties: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 98765',
		description: 'The ID returned by Message → Send (message_id)',
	},
	...outputProperties(['message']),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireId(this, 'messageId', itemIndex, 'Message ID');
	const shape = readShape(this, itemIndex, 'message');
	return shape(
		await heroApiRequest.call(this, {
			method: 'GET',
			path: `/v1/messages/${pathId(id)}`,
			itemIndex,
		}),
	);
}
