import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, recordsOf, pathId } from '../../transport';
import { patientIdField } from '../common.descriptions';
import { requireId } from '../helpers';

const properties: INodeProperties[] = [patientIdField];

export const description = updateDisplayOptions(
	{ show: { resource: ['patient'], operation: ['listEhrCandidates'] } },
	properties,
);

/** One output item per EHR record that may be this patient; connect one with Connect to EHR Record. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = requireId(this, 'patientId', itemIndex, 'Patient ID');
	const page = await heroApiRequest.call(this, {
		method: 'GET',
		path: `/v1/patients/${pathId(id)}/ehr/candidates`,
		expect: 'list',
		itemIndex,
	});
	return recordsOf(page);
}
