import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, pathId } from '../../transport';
import { requireTextId } from '../textIds.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'GMC Number',
		name: 'gmcNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1234567',
		description:
			"The consultant's General Medical Council number (GMC numbers are 7 digits; the node sends what you give)",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['hcaConsultant'], operation: ['get'] } },
	properties,
);

/**
 * `GET /v1/booking-hca/consultants/{gmc_number}`: the consultant as Hero sends it (answer never
 * captured). Hero documents no format for the number: any one-segment text is sent. A read.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const gmcNumber = requireTextId(this, 'gmcNumber', itemIndex, 'GMC Number', '1234567');
	return heroApiRequest.call(this, {
		method: 'GET',
		path: `/v1/booking-hca/consultants/${pathId(gmcNumber)}`,
		itemIndex,
	});
}
