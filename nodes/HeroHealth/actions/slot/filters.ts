import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	DATE_WINDOW_HINT,
	bookingLocator,
	bookingLocatorList,
	readLocatorId,
	readLocatorIds,
} from '../booking.descriptions';
import { calendarDateField } from '../common.descriptions';
import { checkDate } from '../helpers';
import { invalid } from '../../privacy/invalid';

// "Date From" / "Date To": the lint rules sort a collection by name, and these names keep the two
// dates together, the first one first (the parameter names stay startDate / endDate).
const START_LABEL = 'Date From';
const END_LABEL = 'Date To';

export const startDateFilter: INodeProperties = calendarDateField({
	displayName: START_LABEL,
	name: 'startDate',
	description: `Only slots on or after this date. ${DATE_WINDOW_HINT}.`,
});

export const endDateFilter: INodeProperties = calendarDateField({
	displayName: END_LABEL,
	name: 'endDate',
	description: `Only slots on or before this date. ${DATE_WINDOW_HINT}.`,
});

/** The Filters of Slot → Get Many (and, with one practitioner, Slot → Count). */
export function slotFilters(practitioners: 'one' | 'many'): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			bookingLocator('appointmentType', { description: 'Only slots for this appointment type' }),
			startDateFilter,
			endDateFilter,
			bookingLocator('location', { description: 'Only slots at this location' }),
			practitioners === 'one'
				? bookingLocator('practitioner', { description: 'Only slots with this practitioner' })
				: bookingLocatorList('practitioner', {
						description: 'Only slots with any of these practitioners',
					}),
		],
	};
}

/** `start_date`/`end_date` (YYYY-MM-DD) from the filters, checked to be in order. */
export function dateWindow(
	ctx: IExecuteFunctions,
	itemIndex: number,
	filters: IDataObject,
): IDataObject {
	const qs: IDataObject = {};
	if (filters.startDate !== undefined && filters.startDate !== '')
		qs.start_date = checkDate(ctx, itemIndex, START_LABEL, filters.startDate);
	if (filters.endDate !== undefined && filters.endDate !== '')
		qs.end_date = checkDate(ctx, itemIndex, END_LABEL, filters.endDate);
	if (qs.start_date && qs.end_date && String(qs.end_date) < String(qs.start_date)) {
		throw invalid(ctx, itemIndex, END_LABEL, `must be on or after ${START_LABEL}`);
	}
	return qs;
}

/** Query of GET /v1/slots and /v1/slots/count from the Filters collection. */
export function slotQuery(
	ctx: IExecuteFunctions,
	itemIndex: number,
	filters: IDataObject,
): IDataObject {
	const qs: IDataObject = {};
	const typeId = readLocatorId(ctx, itemIndex, 'Appointment Type', filters.appointmentTypeId);
	if (typeId) qs.appointment_type_id = typeId;
	const locationId = readLocatorId(ctx, itemIndex, 'Location', filters.locationId);
	if (locationId) qs.location_id = locationId;
	if (filters.practitionerId !== undefined) {
		const practitionerId = readLocatorId(ctx, itemIndex, 'Practitioner', filters.practitionerId);
		if (practitionerId) qs.practitioner_id = practitionerId;
	}
	if (filters.practitioners !== undefined) {
		const ids = readLocatorIds(ctx, itemIndex, 'Practitioners', filters.practitioners);
		// One id is sent as a plain value, several as repeated keys (practitioner_id=1&practitioner_id=2).
		if (ids.length) qs.practitioner_id = ids.length === 1 ? ids[0] : ids;
	}
	return { ...qs, ...dateWindow(ctx, itemIndex, filters) };
}
