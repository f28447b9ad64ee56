import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../privacy/invalid';
import { INFERRED, heroApiRequest, pathId } from '../../transport';
import { adminLocator } from '../admins.descriptions';
import { readCollection, requireId } from '../helpers';
import { requireTextId } from '../textIds.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Invoice ID',
		name: 'invoiceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 4001',
		description: 'The invoice to update',
	},
	{
		...adminLocator,
		displayName: 'Issuer',
		name: 'issuerId',
		description: 'The practice admin making the change (Hero requires it)',
	},

	{
		displayName:
			'A finalised invoice takes only Memo, Footer and Coupons; a draft takes any field, also through Other Fields (JSON)',
		name: 'finalisedNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Coupon Names or IDs',
				name: 'coupons',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'loadCoupons' },
				default: [],
				description:
					'The coupons the invoice gets (none chosen removes them). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Footer',
				name: 'footer',
				type: 'string',
				default: '',
				placeholder: 'e.g. Thank you for choosing our private clinic',
			},
			{
				displayName: 'Memo',
				name: 'memo',
				type: 'string',
				default: '',
				placeholder: 'e.g. Travel vaccinations, 2 doses',
			},
			{
				displayName: 'Other Fields (JSON)',
				name: 'otherFields',
				type: 'json',
				default: '{}',
				description:
					"Any other invoice fields, as one JSON object of Hero's field names and values: a draft invoice only (Hero refuses them on a finalised one)",
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['invoicing'], operation: ['updateInvoice'] } },
	properties,
);

const text = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/** Coupon ids: a list (the editor's multi-select or an expression's array) or text separated by commas. */
function readCoupons(ctx: IExecuteFunctions, itemIndex: number, value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	const ids = parts.map((part) => text(part)?.trim());
	if (ids.some((id) => id === undefined))
		throw invalid(
			ctx,
			itemIndex,
			'Coupons',
			'expected coupon IDs, as a list or separated by commas',
		);
	return (ids as string[]).filter((id) => id !== '');
}

/** Other Fields (JSON): one JSON object, none of whose keys is a field the node names itself. */
function readOtherFields(ctx: IExecuteFunctions, itemIndex: number, value: unknown): IDataObject {
	let parsed = value;
	if (typeof parsed === 'string') {
		if (parsed.trim() === '') return {};
		try {
			parsed = JSON.parse(parsed);
		} catch {
			throw invalid(ctx, itemIndex, 'Other Fields (JSON)', 'expected JSON: one object');
		}
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
		throw invalid(ctx, itemIndex, 'Other Fields (JSON)', 'expected one JSON object');
	const named = Object.keys(parsed).filter((key) =>
		(INFERRED.invoiceUpdateFields as readonly string[]).includes(key),
	);
	if (named.length)
		throw invalid(
			ctx,
			itemIndex,
			'Other Fields (JSON)',
			`set ${named.join(', ')} with the node's own fields, not here`,
		);
	return parsed as IDataObject;
}

/**
 * `PATCH /v1/invoicing/invoices/{id}`. Hero's rule (a finalised invoice takes only memo, footer and
 * coupons) is left to Hero, which knows the invoice's state: the node refuses nothing a draft allows.
 * Retry class: memo, footer, coupons and issuer set fixed values (the coupon list replaces the
 * invoice's), so such a PATCH is repeatable, retried like a read, as the other PATCH updates (Task,
 * Admin, Booking Link, Practice Group). With Other Fields (JSON) it is not: those may change the
 * draft's state (e.g. finalise it), after which a repeat is refused or does something else, so it is
 * never retried once it may have reached Hero.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireTextId(this, 'invoiceId', itemIndex, 'Invoice ID', '4001');
	const body: IDataObject = { issuer_id: requireId(this, 'issuerId', itemIndex, 'Issuer') };
	const fields = readCollection(this, 'updateFields', itemIndex);
	for (const [key, label] of [
		['memo', 'Memo'],
		['footer', 'Footer'],
	] as const) {
		if (fields[key] === undefined) continue;
		const value = text(fields[key]);
		if (value === undefined) throw invalid(this, itemIndex, label, 'expected text');
		body[key] = value;
	}
	if (fields.coupons !== undefined) body.coupons = readCoupons(this, itemIndex, fields.coupons);
	const other =
		fields.otherFields === undefined ? {} : readOtherFields(this, itemIndex, fields.otherFields);
	Object.assign(body, other);
	if (Object.keys(body).length === 1)
		throw invalid(this, itemIndex, 'Update Fields', 'add at least one field to change');
	return heroApiRequest.call(this, {
		method: 'PATCH',
		path: `/v1/invoicing/invoices/${pathId(id)}`,
		body,
		repeatable: Object.keys(other).length === 0,
		expect: 'written',
		itemIndex,
	});
}
