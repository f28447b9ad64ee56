import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { HERO_EVENT_NAMES, HERO_EVENTS } from '../../trigger/events';
import { returnAllOrLimit } from '../common.descriptions';
import { checkOneOf, getList, readCollection } from '../helpers';
import { hideSigningKey } from './common';

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
				displayName: 'Event Type',
				name: 'eventType',
				type: 'options',
				default: 'appointment.confirmed',
				options: HERO_EVENTS,
				description: 'Only webhooks registered for this event',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['getMany'] } }, properties);

/**
 * `GET /v1/webhooks` (one request: Hero documents no paging for it, only the `event_type` filter;
 * Limit applies to what it returns). Signing keys in the answer are shown as `[hidden]`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readCollection(this, 'filters', itemIndex);
	const qs: IDataObject = {};
	if (filters.eventType !== undefined && filters.eventType !== '') {
		qs.event_type = checkOneOf(this, itemIndex, 'Event Type', filters.eventType, HERO_EVENT_NAMES);
	}
	const records = await getList(this, itemIndex, { method: 'GET', path: '/v1/webhooks', qs });
	return records.map(hideSigningKey);
}
