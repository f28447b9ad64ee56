import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest } from '../../transport';
import { requireId } from '../helpers';

const properties: INodeProperties[] = [
	{
		displayName: 'Slot ID',
		name: 'slotId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 600123',
		description: 'The ID of a slot from Slot → Get Many',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['slot'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireId(this, 'slotId', itemIndex, 'Slot ID');
	return heroApiRequest.call(this, { method: 'GET', path: `/v1/slots/${id}`, itemIndex });
}
