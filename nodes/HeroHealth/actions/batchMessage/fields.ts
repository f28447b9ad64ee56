import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { alphabetical } from '../common.descriptions';
import { checkOneOf, readCollection } from '../helpers';

/** Channels of a batch (bulk) message, as Hero spells them. */
export const BATCH_CHANNELS = ['SMS', 'EMAIL', 'NHS_APP'] as const;

/**
 * The `status` query filter of the batch lists (batches, recipients, sends). Hero documents this
 * enum for the query; it differs from the status of a batch itself (CREATED, PENDING, SENDING,
 * COMPLETED).
 */
export const BATCH_QUERY_STATUSES = [
	'CREATED',
	'ENRICHMENT_ERROR',
	'ENRICHED',
	'INVALID_PAYLOAD',
	'QUEUED',
] as const;

/** A batch message, picked from Hero's list (`GET /v1/batch_message`) or typed. */
export const batchIdLocator: INodeProperties = {
	displayName: 'Batch Message',
	name: 'batchId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The batch (bulk campaign) to use',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchBatchMessages', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 5001',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\d+$', errorMessage: 'A batch message ID is numeric, e.g. 5001' },
				},
			],
		},
	],
};

/** The Filters collection of a batch list: Hero's `status` query. */
export const batchStatusFilters: INodeProperties = {
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
			options: BATCH_QUERY_STATUSES.map((status) => ({
				name: status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, ' '),
				value: status,
			})).sort((a, b) => alphabetical(a.name, b.name)),
		},
	],
};

/** Reads the Status filter of a batch list into Hero's query. */
export function batchStatusQuery(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = readCollection(ctx, 'filters', itemIndex);
	return filters.status === undefined
		? {}
		: { status: checkOneOf(ctx, itemIndex, 'Status', filters.status, BATCH_QUERY_STATUSES) };
}
