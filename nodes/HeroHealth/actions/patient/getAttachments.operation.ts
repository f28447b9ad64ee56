import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pathId } from '../../transport';
import { patientIdField, returnAllOrLimit } from '../common.descriptions';
import { getList, requireId } from '../helpers';

const properties: INodeProperties[] = [
	patientIdField,
	...returnAllOrLimit,
	{
		displayName:
			"Each attachment's ID is what Attachment Link → Create takes as its EHR File ID (or pick the file there From List)",
		name: 'attachmentsNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['patient'], operation: ['getAttachments'] } },
	properties,
);

/**
 * Patient → Get Attachments (`GET /v1/patients/{id}/attachments`): one output item per file in the
 * patient's EHR record, as Hero sends it. No paging is documented (no query parameters shown), so
 * Limit is applied to the one answer; the answer's fields are a guess (INFERRED.patientAttachmentFields).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = requireId(this, 'patientId', itemIndex, 'Patient ID');
	return getList(this, itemIndex, {
		method: 'GET',
		path: `/v1/patients/${pathId(id)}/attachments`,
		itemIndex,
	});
}
