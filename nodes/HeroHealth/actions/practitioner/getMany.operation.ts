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
	appointmentTypes: 'Only practitioners who offer any of these appointment types',
	hasAvailability: 'Whether to return only practitioners who have at least one bookable slot',
	locations: 'Only practitioners working at any of these locations',
};

const properties: INodeProperties[] = [...returnAllOrLimit, bookingListFilters(filters)];

export const description = updateDisplayOptions(
	{ show: { resource: ['practitioner'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return getList(this, itemIndex, {
		method: 'GET',
		path: '/v1/practitioners',
		qs: bookingListQuery(this, itemIndex, filters),
	});
}
