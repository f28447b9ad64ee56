import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest } from '../../transport';
import { checkBoolean, readCollection } from '../helpers';
import { invalid } from '../../privacy/invalid';

const ADDRESS_FIELDS: Array<[string, string, string]> = [
	['addressLine1', 'Address Line 1', 'line_1'],
	['addressLine2', 'Address Line 2', 'line_2'],
	['addressLine3', 'Address Line 3', 'line_3'],
	['town', 'Town', 'town'],
	['county', 'County', 'county'],
	['postcode', 'Postcode', 'postcode'],
];

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...ADDRESS_FIELDS.map(
				([name, displayName]): INodeProperties => ({
					displayName,
					name,
					type: 'string',
					default: '',
				}),
			),
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. Park Row Surgery',
			},
			{
				displayName: 'Prescription Partner',
				name: 'prescriptionPartner',
				type: 'string',
				default: '',
				placeholder: 'e.g. signature_rx',
				description: 'The electronic prescribing partner to use',
			},
			{
				displayName: 'Prescription Partner Email',
				name: 'prescriptionPartnerEmail',
				type: 'string',
				default: '',
				placeholder: 'e.g. name@email.com',
				description: "Login for the prescription partner's account (sent with the password)",
			},
			{
				displayName: 'Prescription Partner Enabled',
				name: 'prescriptionPartnerEnabled',
				type: 'boolean',
				default: false,
				description: 'Whether electronic prescribing through the partner is switched on',
			},
			{
				displayName: 'Prescription Partner Password',
				name: 'prescriptionPartnerPassword',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					"Password for the prescription partner's account (sent with the email). Typed here, it is stored in the workflow (masked on screen, readable in its export); a credential or an expression reading a secret (e.g. {{ $secrets.vault.rxPassword }}) is the safer way.",
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['practiceGroup'], operation: ['update'] } },
	properties,
);

/** Builds and checks the body of PATCH /v1/me; throws before any request on bad input. */
export function buildUpdateBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = readCollection(ctx, 'updateFields', itemIndex);
	const text = (key: string) =>
		typeof fields[key] === 'string' || typeof fields[key] === 'number'
			? String(fields[key]).trim()
			: '';
	const body: IDataObject = {};
	if (fields.name !== undefined) {
		if (!text('name')) throw invalid(ctx, itemIndex, 'Name', 'cannot be empty');
		body.name = text('name');
	}
	if (fields.prescriptionPartnerEnabled !== undefined) {
		body.prescription_partner_enabled = checkBoolean(
			ctx,
			itemIndex,
			'Prescription Partner Enabled',
			fields.prescriptionPartnerEnabled,
		);
	}
	if (text('prescriptionPartner')) body.prescription_partner = text('prescriptionPartner');
	const email = text('prescriptionPartnerEmail');
	const password =
		typeof fields.prescriptionPartnerPassword === 'string'
			? fields.prescriptionPartnerPassword
			: '';
	if (email || password) {
		if (!email)
			throw invalid(ctx, itemIndex, 'Prescription Partner Email', 'is required with the password');
		if (!password)
			throw invalid(ctx, itemIndex, 'Prescription Partner Password', 'is required with the email');
		body.prescription_partner_credentials = { email, password };
	}
	const address: IDataObject = {};
	for (const [key, , name] of ADDRESS_FIELDS) if (text(key)) address[name] = text(key);
	if (Object.keys(address).length) body.address = address;
	if (Object.keys(body).length === 0)
		throw invalid(ctx, itemIndex, 'Update Fields', 'add at least one field to change');
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = buildUpdateBody(this, itemIndex);
	// Absolute values: repeating the update is harmless.
	return heroApiRequest.call(this, {
		method: 'PATCH',
		path: '/v1/me',
		body,
		repeatable: true,
		itemIndex,
	});
}
