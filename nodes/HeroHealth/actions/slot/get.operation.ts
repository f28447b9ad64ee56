import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, pathId } from '../../transport';
import { readableFields } from '../../shared/bookingNames';
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

export const description = updateDisplayOptions(
	{ show: { resource: ['slot'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireId(this, 'slotId', itemIndex, 'Slot ID');
	const slot = await heroApiRequest.call(this, {
		method: 'GET',
		path: `/v1/slots/${pathId(id)}`,
		itemIndex,
	});
	// The start as a patient reads it, and the names, as Book Next Available outputs them.
	return { ...slot, ...(await readableFields(this, itemIndex, slot)) };
}
