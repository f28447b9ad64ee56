import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../common.descriptions';
import { checkBoolean, getList, readCollection } from '../helpers';

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
				displayName: 'Has Follow-Up',
				name: 'hasFollowUp',
				type: 'boolean',
				default: true,
				description:
					'Whether to list only templates with a follow-up (on) or only those without (off)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['messageTemplate'], operation: ['getMany'] } },
	properties,
);

/** `GET /v1/templates` (one request: Hero documents no paging for it; Limit applies to what it returns). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readCollection(this, 'filters', itemIndex);
	const qs: IDataObject = {};
	if (filters.hasFollowUp !== undefined)
		qs.has_follow_up = checkBoolean(this, itemIndex, 'Has Follow-Up', filters.hasFollowUp);
	return getList(this, itemIndex, { method: 'GET', path: '/v1/templates', qs });
}
