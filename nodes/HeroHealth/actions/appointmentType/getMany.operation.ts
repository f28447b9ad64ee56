import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	bookingListFilters,
	bookingListQuery,
	type BookingListFilters,
} from '../booking.descriptions';
import { returnAllOrLimit } from '../common.descriptions';
import { getList } from '../helpers';

const filters: BookingListFilters = {
	hasAvailability: 'Whether to return only appointment types that have at least one bookable slot',
	locations: 'Only appointment types offered at any of these locations',
};

const properties: INodeProperties[] = [...returnAllOrLimit, bookingListFilters(filters)];

export const description = updateDisplayOptions(
	{ show: { resource: ['appointmentType'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	// Hero does not page this list: one request, Limit applied here.
	return getList(this, itemIndex, {
		method: 'GET',
		path: '/v1/appointment_types',
		qs: bookingListQuery(this, itemIndex, filters),
	});
}
