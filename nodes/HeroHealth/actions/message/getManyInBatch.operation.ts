import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../common.descriptions';
import { checkOneOf, getMany, readCollection, requireId } from '../helpers';

export const BATCH_SEND_STATUSES = ['CREATED', 'ENRICHMENT_ERROR', 'ENRICHED', 'INVALID_PAYLOAD', 'QUEUED'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Batch Message ID',
		name: 'batchId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 321',
		description: 'The batch (bulk campaign) whose individual messages to list',
	},
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'CREATED',
				options: BATCH_SEND_STATUSES.map((status) => ({
					name: status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, ' '),
					value: status,
				})),
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['getManyInBatch'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = requireId(this, 'batchId', itemIndex, 'Batch Message ID');
	const filters = readCollection(this, 'filters', itemIndex);
	const qs: IDataObject = {};
	if (filters.status !== undefined) qs.status = checkOneOf(this, itemIndex, 'Status', filters.status, BATCH_SEND_STATUSES);
	return getMany(this, itemIndex, { method: 'GET', path: `/v1/batch_message/${id}/messages`, qs });
}
