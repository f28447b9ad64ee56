import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../common.descriptions';
import { checkBoolean, checkId, getMany, readCollection } from '../helpers';
import { invalid } from '../../privacy/invalid';

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
				displayName: 'Notification Type',
				name: 'notificationType',
				type: 'string',
				default: '',
				description: "Hero's notification type to list (Hero does not publish the list of types)",
			},
			{
				displayName: 'Recipient ID',
				name: 'recipientId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2001',
				description: 'Only messages to this Hero patient ID',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'string',
				default: '',
				placeholder: 'e.g. INVALIDATED',
				description: 'Only messages in this status, as Hero names it (e.g. INVALIDATED)',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Order By',
				name: 'orderBy',
				type: 'string',
				default: 'createdAt',
				placeholder: 'e.g. createdAt',
				description: 'Field to sort by, as Hero names it (Hero documents createdAt)',
			},
			{
				displayName: 'Order Descending',
				name: 'orderDescending',
				type: 'boolean',
				default: true,
				description: 'Whether to list the newest (or largest) first',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['automatedMessage'], operation: ['getMany'] } },
	properties,
);

function optionalText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string' && typeof value !== 'number')
		throw invalid(ctx, itemIndex, field, 'expected text');
	// Hero documents these as free strings (enums not captured): passed on as given, URL-encoded.
	return String(value).trim() || undefined;
}

/** `GET /v2/automated_messages`, paged; `orderBy` is camelCase in Hero's docs, the rest snake_case. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readCollection(this, 'filters', itemIndex);
	const options = readCollection(this, 'options', itemIndex);
	const qs: IDataObject = {};
	const orderBy = optionalText(this, itemIndex, 'Order By', options.orderBy);
	if (orderBy) qs.orderBy = orderBy;
	if (options.orderDescending !== undefined)
		qs.order_descending = checkBoolean(
			this,
			itemIndex,
			'Order Descending',
			options.orderDescending,
		);
	if (filters.recipientId !== undefined && filters.recipientId !== '')
		qs.recipient_id = checkId(this, itemIndex, 'Recipient ID', filters.recipientId);
	const status = optionalText(this, itemIndex, 'Status', filters.status);
	if (status) qs.status = status;
	const notificationType = optionalText(
		this,
		itemIndex,
		'Notification Type',
		filters.notificationType,
	);
	if (notificationType) qs.notification_type = notificationType;
	return getMany(this, itemIndex, { method: 'GET', path: '/v2/automated_messages', qs });
}
