import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { INFERRED, heroApiRequest } from '../../transport';
import { isEmail, phoneToE164 } from '../../validation';
import { EMAIL_EXPECTED, alphabetical } from '../common.descriptions';
import { checkOneOf, readCollection } from '../helpers';
import { invalid } from '../../privacy/invalid';
import {
	PATIENT_SEXES,
	PATIENT_TITLES,
	checkDateOfBirth,
	checkNhsNumber,
	dateOfBirthField,
	nhsNumberField,
} from './fields';

type BodyField = (typeof INFERRED.registerPatientFields)[number];

const text = (label: string, name: string, placeholder?: string): INodeProperties => ({
	displayName: label,
	name,
	type: 'string',
	default: '',
	...(placeholder ? { placeholder } : {}),
});

const properties: INodeProperties[] = [
	nhsNumberField,
	dateOfBirthField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			text('Address Line 1', 'line1', 'e.g. 1 Park Row'),
			text('Address Line 2', 'line2'),
			text('Address Line 3', 'line3'),
			text('County', 'county', 'e.g. West Yorkshire'),
			text('Email', 'email', 'e.g. name@email.com'),
			text('First Name', 'firstName', 'e.g. Ada'),
			text('Last Name', 'lastName', 'e.g. Lovelace'),
			text('Mobile', 'mobile', 'e.g. 07700 900123'),
			text('Postcode', 'postcode', 'e.g. LS1 4AP'),
			{
				displayName: 'Sex',
				name: 'sex',
				type: 'options',
				default: 'Not known',
				options: [...PATIENT_SEXES].sort().map((sex) => ({ name: sex, value: sex })),
			},
			{
				displayName: 'Title',
				name: 'title',
				type: 'options',
				default: 'Mr',
				options: [...PATIENT_TITLES]
					.sort((a, b) => alphabetical(a || '(None)', b || '(None)'))
					.map((title) => ({ name: title || '(None)', value: title })),
			},
			text('Town', 'town', 'e.g. Leeds'),
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['patient'], operation: ['createOrUpdate'] } },
	properties,
);

/** Builds and checks the body of POST /v1/patients/register; field names are inferred (transport/inferred.ts). */
export function buildRegisterBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const body: Partial<Record<BodyField, string>> = {
		nhs_number: checkNhsNumber(ctx, itemIndex, ctx.getNodeParameter('nhsNumber', itemIndex, '')),
		dob: checkDateOfBirth(ctx, itemIndex, ctx.getNodeParameter('dateOfBirth', itemIndex, '')),
	};
	const extra = readCollection(ctx, 'additionalFields', itemIndex);
	const value = (key: string) =>
		typeof extra[key] === 'string' || typeof extra[key] === 'number'
			? String(extra[key]).trim()
			: '';
	const plain: Array<[string, BodyField]> = [
		['firstName', 'first_name'],
		['lastName', 'last_name'],
		['line1', 'line_1'],
		['line2', 'line_2'],
		['line3', 'line_3'],
		['town', 'town'],
		['county', 'county'],
		['postcode', 'postcode'],
	];
	for (const [key, name] of plain) if (value(key)) body[name] = value(key);
	if (extra.title !== undefined)
		body.title = checkOneOf(ctx, itemIndex, 'Title', extra.title, PATIENT_TITLES);
	if (extra.sex !== undefined)
		body.sex = checkOneOf(ctx, itemIndex, 'Sex', extra.sex, PATIENT_SEXES);
	if (value('email')) {
		if (!isEmail(value('email'))) throw invalid(ctx, itemIndex, 'Email', EMAIL_EXPECTED);
		body.email = value('email');
	}
	if (value('mobile')) {
		const mobile = phoneToE164(value('mobile'));
		if (!mobile)
			throw invalid(
				ctx,
				itemIndex,
				'Mobile',
				'expected a phone number such as 07700 900123, or one in international form such as +33 6 12 34 56 78',
			);
		body.mobile = mobile;
	}
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = buildRegisterBody(this, itemIndex);
	// An upsert on NHS number + date of birth: repeating it leaves the same patient.
	return heroApiRequest.call(this, {
		method: 'POST',
		path: '/v1/patients/register',
		body,
		repeatable: true,
		itemIndex,
	});
}
