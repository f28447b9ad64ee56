import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest } from '../../transport';
import { isEmail } from '../../validation';
import { EMAIL_EXPECTED } from '../common.descriptions';
import { readCollection, requireString } from '../helpers';
import { invalid } from '../../privacy/invalid';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Ada Lovelace',
		description: 'Name of the billing customer',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'e.g. name@email.com',
			},
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
				placeholder: 'e.g. 0113 496 0000',
			},
			{
				displayName: 'Sources (JSON)',
				name: 'sources',
				type: 'json',
				default: '[]',
				description:
					"Payment sources as Hero's invoicing (Stripe) takes them: a list of objects, or one object",
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoicing'], operation: ['createCustomer'] } },
	properties,
);

function readSources(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): IDataObject | IDataObject[] {
	let parsed = value;
	if (typeof parsed === 'string') {
		try {
			parsed = JSON.parse(parsed);
		} catch {
			throw invalid(
				ctx,
				itemIndex,
				'Sources (JSON)',
				'expected JSON: a list of objects or one object',
			);
		}
	}
	const isObject = (entry: unknown) =>
		entry !== null && typeof entry === 'object' && !Array.isArray(entry);
	if (Array.isArray(parsed) ? parsed.every(isObject) : isObject(parsed))
		return parsed as IDataObject | IDataObject[];
	throw invalid(ctx, itemIndex, 'Sources (JSON)', 'expected a list of objects or one object');
}

/** `POST /v1/invoicing/customers` (answer not captured: returned as Hero sends it). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = { name: requireString(this, 'name', itemIndex, 'Name') };
	const extra = readCollection(this, 'additionalFields', itemIndex);
	const text = (value: unknown) =>
		typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (text(extra.email)) {
		if (!isEmail(text(extra.email))) throw invalid(this, itemIndex, 'Email', EMAIL_EXPECTED);
		body.email = text(extra.email);
	}
	if (text(extra.phone)) {
		if (
			!/^\+?[\d\s()-]{6,20}$/.test(text(extra.phone)) ||
			(text(extra.phone).match(/\d/g) ?? []).length < 6
		) {
			throw invalid(
				this,
				itemIndex,
				'Phone',
				'expected a phone number such as 0113 496 0000 or +44 113 496 0000',
			);
		}
		body.phone = text(extra.phone);
	}
	if (extra.sources !== undefined && extra.sources !== '')
		body.sources = readSources(this, itemIndex, extra.sources);
	return heroApiRequest.call(this, {
		method: 'POST',
		path: '/v1/invoicing/customers',
		body,
		repeatable: false,
		itemIndex,
	});
}
