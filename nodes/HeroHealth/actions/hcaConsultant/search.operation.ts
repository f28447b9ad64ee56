import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../privacy/invalid';
import { INFERRED, heroApiRequest, recordsOf } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';
import { readCollection, readLimit } from '../helpers';

const properties: INodeProperties[] = [
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. Patel',
		description: 'Text Hero matches consultants against; leave empty for all',
	},
	...returnAllOrLimit,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fields',
				name: 'fields',
				type: 'string',
				typeOptions: { multipleValues: true },
				default: [],
				placeholder: 'e.g. first_name',
				description:
					"Hero's names of the consultant fields to return, one per value (e.g. first_name, last_name)",
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['hcaConsultant'], operation: ['search'] } },
	properties,
);

const FIELD_NAME = /^[A-Za-z0-9_.-]+$/;

/** Fields: a list of field names (or text separated by commas, from an expression). */
function readFields(ctx: IExecuteFunctions, itemIndex: number, value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	const names = parts
		.map((part) => (typeof part === 'string' ? part.trim() : undefined))
		.filter((part) => part !== '');
	if (names.some((name) => name === undefined || !FIELD_NAME.test(name)))
		throw invalid(ctx, itemIndex, 'Fields', 'expected field names such as first_name');
	return names as string[];
}

/**
 * `GET /v1/booking-hca/consultants` (`search`, `fields` as repeated keys: INFERRED.hcaConsultantFieldsQuery).
 * Hero's answer was never captured: a list gives one item per consultant, any other object one item.
 * No paging is documented: one request, Return All / Limit applied by the node. A read.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const qs: IDataObject = {};
	const search = this.getNodeParameter('search', itemIndex, '');
	if (typeof search === 'object' && search !== null)
		throw invalid(this, itemIndex, 'Search', 'expected text, got an object or list');
	if (String(search ?? '').trim()) qs.search = String(search).trim();
	const options = readCollection(this, 'options', itemIndex);
	const fields = options.fields === undefined ? [] : readFields(this, itemIndex, options.fields);
	if (fields.length) Object.assign(qs, INFERRED.hcaConsultantFieldsQuery(fields));
	const limit = readLimit(this, itemIndex);
	const answer: unknown = await heroApiRequest.call(this, {
		method: 'GET',
		path: '/v1/booking-hca/consultants',
		qs: Object.keys(qs).length ? qs : undefined,
		expect: 'list',
		itemIndex,
	});
	const listed = Array.isArray(answer) || Array.isArray((answer as { data?: unknown })?.data);
	const records = listed ? recordsOf(answer) : [answer as IDataObject];
	return limit === undefined ? records : records.slice(0, limit);
}
