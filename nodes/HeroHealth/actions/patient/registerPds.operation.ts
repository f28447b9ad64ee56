import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest } from '../../transport';
import { checkOneOf, readCollection, requireString } from '../helpers';
import { checkDateOfBirth, checkNhsNumber, dateOfBirthField, nhsNumberField } from './fields';

const SEARCH_BY = ['nhsNumber', 'demographics'] as const;

const nameAndPostcode = (required: boolean): INodeProperties[] => [
	{
		displayName: 'Forename',
		name: 'forename',
		type: 'string',
		required,
		default: '',
		placeholder: 'e.g. Ada',
	},
	{
		displayName: 'Surname',
		name: 'surname',
		type: 'string',
		required,
		default: '',
		placeholder: 'e.g. Lovelace',
	},
	{
		displayName: 'Postcode',
		name: 'postcode',
		type: 'string',
		required,
		default: '',
		placeholder: 'e.g. LS1 4AP',
	},
];

const properties: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		default: 'nhsNumber',
		options: [
			{
				name: 'Name, Postcode and Date of Birth',
				value: 'demographics',
				description: 'When the NHS number is not known',
			},
			{ name: 'NHS Number and Date of Birth', value: 'nhsNumber' },
		],
	},
	{ ...nhsNumberField, displayOptions: { show: { searchBy: ['nhsNumber'] } } },
	dateOfBirthField,
	...nameAndPostcode(true).map((field) => ({
		...field,
		displayOptions: { show: { searchBy: ['demographics'] } },
	})),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'EHR Partner',
				name: 'ehrPartner',
				type: 'string',
				default: '',
				placeholder: 'e.g. emis',
				description: 'The EHR system the patient ID below belongs to',
			},
			{
				displayName: 'EHR Partner ID',
				name: 'ehrPartnerId',
				type: 'string',
				default: '',
				description: "The patient's ID in that EHR system",
			},
			...nameAndPostcode(false).map((field) => ({
				...field,
				description: 'Also checked against the NHS record',
				displayOptions: { show: { '/searchBy': ['nhsNumber'] } },
			})),
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['patient'], operation: ['registerPds'] } },
	properties,
);

/** Builds and checks the body of POST /v1/patients/register_pds; throws before any request on bad input. */
export function buildRegisterPdsBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const searchBy = checkOneOf(
		ctx,
		itemIndex,
		'Search By',
		ctx.getNodeParameter('searchBy', itemIndex, 'nhsNumber'),
		SEARCH_BY,
	);
	const body: IDataObject = {};
	const extra = readCollection(ctx, 'additionalFields', itemIndex);
	const text = (value: unknown) =>
		typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (searchBy === 'nhsNumber') {
		body.nhs_number = checkNhsNumber(
			ctx,
			itemIndex,
			ctx.getNodeParameter('nhsNumber', itemIndex, ''),
		);
	}
	body.dob = checkDateOfBirth(ctx, itemIndex, ctx.getNodeParameter('dateOfBirth', itemIndex, ''));
	for (const [key, field] of [
		['forename', 'Forename'],
		['surname', 'Surname'],
		['postcode', 'Postcode'],
	] as const) {
		if (searchBy === 'demographics') body[key] = requireString(ctx, key, itemIndex, field);
		else if (text(extra[key])) body[key] = text(extra[key]);
	}
	if (text(extra.ehrPartner)) body.ehr_partner = text(extra.ehrPartner);
	if (text(extra.ehrPartnerId)) body.ehr_partner_id = text(extra.ehrPartnerId);
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = buildRegisterPdsBody(this, itemIndex);
	// Registering the same person again returns the same patient: safe to repeat.
	const result = await heroApiRequest.call(this, {
		method: 'POST',
		path: '/v1/patients/register_pds',
		body,
		repeatable: true,
		itemIndex,
	});
	if (typeof result?.login_url === 'string') {
		// Hero needs the patient to verify their identity first: send them to login_url, then run again.
		return {
			verification_required: true,
			patient_id: null,
			message: result.message ?? null,
			login_url: result.login_url,
		};
	}
	return { verification_required: false, ...result };
}
