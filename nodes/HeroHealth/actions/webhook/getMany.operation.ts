import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { HERO_EVENT_NAMES, HERO_EVENTS } from '../../webhooks/events';
import { returnAllOrLimit } from '../common.descriptions';
import { listWebhooks } from '../../webhooks/list';
import { checkOneOf, readCollection, readLimit } from '../helpers';
import { hideSecrets } from '../../privacy/hideSecrets';

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

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['getMany'] } },
	properties,
);

/**
 * `GET /v1/webhooks` with the `event_type` filter, read as the trigger reads it (pages only when
 * Hero's count says there are more). Signing keys and header values in the answer are shown as `[hidden]`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readCollection(this, 'filters', itemIndex);
	const qs: IDataObject = {};
	if (filters.eventType !== undefined && filters.eventType !== '') {
		qs.event_type = checkOneOf(this, itemIndex, 'Event Type', filters.eventType, HERO_EVENT_NAMES);
	}
	const limit = readLimit(this, itemIndex);
	const records = await listWebhooks(this, qs, limit, itemIndex);
	return records.map(hideSecrets);
}
