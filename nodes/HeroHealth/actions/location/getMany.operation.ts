import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { bookingLocatorList, readLocatorIds } from '../booking.descriptions';
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
			bookingLocatorList('appointmentType', { description: 'Only locations offering any of these appointment types' }),
			{
				displayName: 'Has Availability',
				name: 'hasAvailability',
				type: 'boolean',
				default: true,
				description: 'Whether to return only locations that have at least one bookable slot',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['location'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readCollection(this, 'filters', itemIndex);
	const qs: IDataObject = {};
	const typeIds = readLocatorIds(this, itemIndex, 'Appointment Types', filters.appointmentTypes);
	if (typeIds.length) qs.appointment_type_ids = typeIds;
	if (filters.hasAvailability !== undefined) qs.has_availability = checkBoolean(this, itemIndex, 'Has Availability', filters.hasAvailability);
	return getList(this, itemIndex, { method: 'GET', path: '/v1/locations', qs });
}
