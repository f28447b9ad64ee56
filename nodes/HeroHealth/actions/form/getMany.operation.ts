import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../common.descriptions';
import { checkBoolean, checkOneOf, getList, readCollection } from '../helpers';
import { FORM_TYPES, formTypeOptions } from './fields';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Form Type',
				name: 'formType',
				type: 'options',
				default: 'questionnaire',
				options: formTypeOptions,
			},
			{
				displayName: 'Reply Form',
				name: 'replyForm',
				type: 'boolean',
				default: false,
				description: 'Whether to list only reply forms (on) or only other forms (off)',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. asthma review',
				description: 'Text to look for in the form title',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['form'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readCollection(this, 'filters', itemIndex);
	const qs: IDataObject = {};
	if (typeof filters.search === 'string' && filters.search.trim() !== '')
		qs.search = filters.search.trim();
	if (filters.formType !== undefined)
		qs.form_type = checkOneOf(this, itemIndex, 'Form Type', filters.formType, FORM_TYPES);
	if (filters.replyForm !== undefined)
		qs.reply_form = checkBoolean(this, itemIndex, 'Reply Form', filters.replyForm);
	// Hero documents no paging for forms: one request, Return All / Limit applied to its records.
	return getList(this, itemIndex, { method: 'GET', path: '/v1/forms', qs });
}
