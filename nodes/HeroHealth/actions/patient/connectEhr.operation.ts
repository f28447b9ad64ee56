import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, pathId } from '../../transport';
import { patientIdField } from '../common.descriptions';
import { requireId, requireString } from '../helpers';

const properties: INodeProperties[] = [
	patientIdField,
	{
		displayName: 'EHR Partner ID',
		name: 'ehrPartnerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5012345',
		description:
			'The EHR record to connect: ehr_partner_id of one of Patient → List EHR Candidates',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['patient'], operation: ['connectEhr'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireId(this, 'patientId', itemIndex, 'Patient ID');
	const body = { ehr_partner_id: requireString(this, 'ehrPartnerId', itemIndex, 'EHR Partner ID') };
	// Connecting to the same record again changes nothing: safe to repeat.
	return heroApiRequest.call(this, {
		method: 'POST',
		path: `/v1/patients/${pathId(id)}/ehr/connect`,
		body,
		repeatable: true,
		itemIndex,
	});
}
