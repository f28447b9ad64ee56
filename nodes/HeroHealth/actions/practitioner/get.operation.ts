import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, pathId } from '../../transport';
import { practitionerLocator } from '../booking.descriptions';
import { requireId } from '../helpers';

const properties: INodeProperties[] = [practitionerLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['practitioner'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireId(this, 'practitionerId', itemIndex, 'Practitioner');
	return heroApiRequest.call(this, {
		method: 'GET',
		path: `/v1/practitioners/${pathId(id)}`,
		itemIndex,
	});
}
