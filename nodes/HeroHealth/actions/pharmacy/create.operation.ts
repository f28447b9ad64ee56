import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../privacy/invalid';
import { heroApiRequest } from '../../transport';
import { isEmail, phoneToE164 } from '../../validation';
import { EMAIL_EXPECTED } from '../common.descriptions';
import { requireId, requireString } from '../helpers';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. High Street Pharmacy',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. name@email.com',
	},
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 07700 900123',
		description:
			'A UK number (sent in international form, +44...) or any international number starting + or 00',
	},
	{
		displayName: 'Prescriber ID',
		name: 'prescriberId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 42',
		description: "The prescriber the pharmacy belongs to (Hero's numeric ID)",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['pharmacy'], operation: ['create'] } },
	properties,
);

/**
 * `POST /v1/pharmacies`: the pharmacy Hero made. Hero documents `mobile` only as a string; the node
 * reads it as every other phone number it takes (UK forms or any E.164 number, sent as E.164).
 * Retry class: not repeatable. A repeat after an unknown outcome could make the pharmacy twice.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requireString(this, 'name', itemIndex, 'Name');
	const email = requireString(this, 'email', itemIndex, 'Email');
	if (!isEmail(email)) throw invalid(this, itemIndex, 'Email', EMAIL_EXPECTED);
	const mobile = phoneToE164(requireString(this, 'mobile', itemIndex, 'Mobile'));
	if (!mobile)
		throw invalid(
			this,
			itemIndex,
			'Mobile',
			'expected a phone number such as 07700 900123 or +44 7700 900123',
		);
	const prescriberId = requireId(this, 'prescriberId', itemIndex, 'Prescriber ID');
	return heroApiRequest.call(this, {
		method: 'POST',
		path: '/v1/pharmacies',
		body: { name, email, mobile, prescriber_id: prescriberId },
		repeatable: false,
		itemIndex,
	});
}
