import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, pathId } from '../../transport';
import { requireTextId } from '../textIds.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Form Response ID',
		name: 'formResponseId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 7001',
		description:
			'The submitted form response to read, e.g. the ID a form-submission.created event names',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['formResponse'], operation: ['get'] } },
	properties,
);

/**
 * `GET /v1/form_response/{id}`: the response as Hero sends it. Hero types the path id as a string
 * (its sample ids are numbers), so any one-segment id is sent; a read, retried like one.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireTextId(this, 'formResponseId', itemIndex, 'Form Response ID', '7001');
	return heroApiRequest.call(this, {
		method: 'GET',
		path: `/v1/form_response/${pathId(id)}`,
		itemIndex,
	});
}
