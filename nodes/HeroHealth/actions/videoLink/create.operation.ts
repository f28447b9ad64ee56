import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { INFERRED, heroApiRequest } from '../../transport';
import { optionalPatientIdField } from '../common.descriptions';
import { optionalId, readCollection } from '../helpers';

const properties: INodeProperties[] = [
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [optionalPatientIdField('The patient the video consultation is for')],
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
	const patientId = optionalId(this, itemIndex, 'Patient ID', extra.patientId);
	if (patientId) body[INFERRED.videoLinkFields.patientId] = patientId;
	return heroApiRequest.call(this, {
		method: 'POST',
		path: '/v1/video_links',
		body: Object.keys(body).length ? body : undefined,
		repeatable: false,
		itemIndex,
	});
}
