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
			bookingLocatorList('appointmentType', { description: 'Only practitioners who offer any of these appointment types' }),
			{
				displayName: 'Has Availability',
				name: 'hasAvailability',
				type: 'boolean',
				default: true,
				description: 'Whether to return only practitioners who have at least one bookable slot',
			},
			bookingLocatorList('location', { description: 'Only practitioners working at any of these locations' }),
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['practitioner'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readCollection(this, 'filters', itemIndex);
	const qs: IDataObject = {};
	const locationIds = readLocatorIds(this, itemIndex, 'Locations', filters.locations);
	if (locationIds.length) qs.location_ids = locationIds;
	const typeIds = readLocatorIds(this, itemIndex, 'Appointment Types', filters.appointmentTypes);
	if (typeIds.length) qs.appointment_type_ids = typeIds;
	if (filters.hasAvailability !== undefined) qs.has_availability = checkBoolean(this, itemIndex, 'Has Availability', filters.hasAvailability);
	return getList(this, itemIndex, { method: 'GET', path: '/v1/practitioners', qs });
}
