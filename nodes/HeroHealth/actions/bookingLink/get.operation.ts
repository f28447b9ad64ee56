import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, pathId } from '../../transport';
import { requireId } from '../helpers';
import { bookingLinkLocator } from '../links.descriptions';

const properties: INodeProperties[] = [bookingLinkLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['bookingLink'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireId(this, 'bookingLinkId', itemIndex, 'Booking Link');
	return heroApiRequest.call(this, {
		method: 'GET',
		path: `/v1/booking_links/${pathId(id)}`,
		itemIndex,
	});
}
