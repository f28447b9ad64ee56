import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest } from '../../transport';
import { patientIdField } from '../common.descriptions';
import { requireId } from '../helpers';

const properties: INodeProperties[] = [patientIdField];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoicing'], operation: ['getDefaultCustomer'] } },
	properties,
);

/** `GET /v1/invoicing/customers/default?patient_id=`: the patient's default billing customer, as Hero sends it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const patientId = requireId(this, 'patientId', itemIndex, 'Patient ID');
	return heroApiRequest.call(this, {
		method: 'GET',
		path: '/v1/invoicing/customers/default',
		qs: { patient_id: patientId },
		itemIndex,
	});
}
