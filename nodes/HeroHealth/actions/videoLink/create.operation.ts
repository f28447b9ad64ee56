import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { INFERRED, heroApiRequest } from '../../transport';
import { checkId, readCollection } from '../helpers';

const properties: INodeProperties[] = [
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Patient ID',
				name: 'patientId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1234',
				description: 'The patient the video consultation is for (Hero patient ID)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['videoLink'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const extra = readCollection(this, 'additionalFields', itemIndex);
	// Hero documents neither body nor response: the body is optional, and its one field name is inferred.
	const body: IDataObject = {};
	if (extra.patientId !== undefined && extra.patientId !== '') {
		body[INFERRED.videoLinkFields.patientId] = checkId(
			this,
			itemIndex,
			'Patient ID',
			extra.patientId,
		);
	}
	return heroApiRequest.call(this, {
		method: 'POST',
		path: '/v1/video_links',
		body: Object.keys(body).length ? body : undefined,
		repeatable: false,
		itemIndex,
	});
}
