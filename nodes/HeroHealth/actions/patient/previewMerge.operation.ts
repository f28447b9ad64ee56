import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, pathId } from '../../transport';
import { patientIdField } from '../common.descriptions';
import { otherPatientField, readMergePair } from './fields';

const properties: INodeProperties[] = [
	patientIdField,
	otherPatientField('The other Hero patient (a duplicate) to preview merging into this one'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['patient'], operation: ['previewMerge'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { id, other } = readMergePair(this, itemIndex);
	// A preview changes nothing: safe to repeat.
	return heroApiRequest.call(this, {
		method: 'POST',
		path: `/v1/patients/${pathId(id)}/merge/preview`,
		body: { patient_id: other },
		repeatable: true,
		readOnly: true,
		itemIndex,
	});
}
