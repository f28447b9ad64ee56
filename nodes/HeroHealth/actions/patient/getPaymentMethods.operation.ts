import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, INFERRED, pathId } from '../../transport';
import { patientIdField } from '../common.descriptions';
import { requireId } from '../helpers';

const properties: INodeProperties[] = [patientIdField];

export const description = updateDisplayOptions(
	{ show: { resource: ['patient'], operation: ['getPaymentMethods'] } },
	properties,
);

/** The payment methods in Hero's answer, or the answer itself when it is no list (INFERRED.paymentMethodListKeys). */
export function paymentMethodsOf(answer: unknown): IDataObject[] {
	if (Array.isArray(answer)) return answer as IDataObject[];
	if (!answer || typeof answer !== 'object') return [];
	for (const key of INFERRED.paymentMethodListKeys) {
		const list = (answer as IDataObject)[key];
		if (Array.isArray(list)) return list as IDataObject[];
	}
	return [answer as IDataObject];
}

/**
 * Patient → Get Payment Methods (`GET /v1/patients/{id}/payment_methods`): the cards of the patient's
 * default (Stripe) customer, one output item each. Hero's answer was never captured.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = requireId(this, 'patientId', itemIndex, 'Patient ID');
	const answer = await heroApiRequest.call(this, {
		method: 'GET',
		path: `/v1/patients/${pathId(id)}/payment_methods`,
		expect: 'list',
		itemIndex,
	});
	return paymentMethodsOf(answer);
}
