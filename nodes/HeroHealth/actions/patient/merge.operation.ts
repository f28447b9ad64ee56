import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, INFERRED, pathId } from '../../transport';
import { patientIdField } from '../common.descriptions';
import { requireString } from '../helpers';
import { otherPatientField, readMergePair } from './fields';

const properties: INodeProperties[] = [
	{
		displayName:
			'Merging cannot be undone. Run Patient → Preview Merge on the same two patients first, check its answer, and pass its merge token here.',
		name: 'mergeNotice',
		type: 'notice',
		default: '',
	},
	patientIdField,
	otherPatientField(
		'The other Hero patient (the duplicate), the same one given to Patient → Preview Merge',
	),
	{
		displayName: 'Merge Token',
		name: 'mergeToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.merge_token }}',
		description: `The token Patient → Preview Merge gives for these two patients (its ${INFERRED.mergeTokenField} field; Hero's preview answer was never captured, so that name is a guess)`,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['patient'], operation: ['merge'] } },
	properties,
);

/**
 * Patient → Merge (`POST /v1/patients/{id}/merge`, body `{ merge_token, patient_id }`): merges two
 * Hero patients. Irreversible: never retried once Hero may have received it (`repeatable: false`).
 * Which record survives, and Hero's answer, were never captured: the answer is output as sent.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// Irreversible and about two people's records: a person decides, never a model.
	if (this.getNode().type.endsWith('Tool'))
		throw new NodeOperationError(
			this.getNode(),
			'Patient → Merge is not available to an AI agent: merging two patients cannot be undone',
			{
				itemIndex,
				description:
					'Nothing was sent to Hero. Merge patients in a workflow step a person runs after checking Patient → Preview Merge.',
			},
		);
	const { id, other } = readMergePair(this, itemIndex);
	const mergeToken = requireString(this, 'mergeToken', itemIndex, 'Merge Token');
	return heroApiRequest.call(this, {
		method: 'POST',
		path: `/v1/patients/${pathId(id)}/merge`,
		body: { merge_token: mergeToken, patient_id: other },
		repeatable: false,
		expect: 'written',
		itemIndex,
	});
}
