import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalid } from '../privacy/invalid';
import { HERO_TIME_ZONE, todayIn } from '../shared/time';
import { calendarDateField } from './common.descriptions';
import { checkCalendarDate, checkNumber } from './helpers';

/**
 * Fields shared by the link resources (Booking Link, Form Link, Attachment Link): expiry date,
 * maximum uses, date windows, and the Booking Link locator.
 */

export const expiryDateOption: INodeProperties = {
	displayName: 'Expiry Date',
	name: 'expiryDate',
	type: 'dateTime',
	default: '',
	description: 'Last day the link can be used (sent as a date, YYYY-MM-DD)',
};

export const maximumUseCountOption: INodeProperties = {
	displayName: 'Maximum Use Count',
	name: 'maximumUseCount',
	type: 'number',
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: 1,
	description: 'How many times the link can be used before it stops working',
};

/** A Booking Link, picked from Hero's list (`GET /v2/bookinglinks`) or typed. */
export const bookingLinkLocator: INodeProperties = {
	displayName: 'Booking Link',
	name: 'bookingLinkId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The booking link to use',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchBookingLinks', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 4321',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\d+$', errorMessage: 'A booking link ID is numeric, e.g. 4321' },
				},
			],
		},
	],
};

/** An expiry date: a calendar date that is not already past in Hero's calendar (Europe/London). */
export function checkExpiryDate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field = 'Expiry Date',
): string {
	const date = checkCalendarDate(ctx, itemIndex, field, value);
	if (date < todayIn(HERO_TIME_ZONE))
		throw invalid(ctx, itemIndex, field, 'must be today or later');
	return date;
}

/** A positive whole number of uses. */
export function checkUseCount(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field = 'Maximum Use Count',
): number {
	const count = checkNumber(ctx, itemIndex, field, value, 1);
	if (!Number.isInteger(count))
		throw invalid(ctx, itemIndex, field, 'expected a whole number of at least 1');
	return count;
}

// "Date From" / "Date To": names the lint rule's alphabetical order keeps together, the first one
// first (the parameter names stay fromDate / toDate).
const FROM_LABEL = 'Date From';
const TO_LABEL = 'Date To';

/** A booking link's date window, as calendar dates (Booking Link → Create and Update). */
export const dateWindowOptions: INodeProperties[] = [
	calendarDateField({
		displayName: FROM_LABEL,
		name: 'fromDate',
		description: 'Only offer slots on or after this date (YYYY-MM-DD)',
	}),
	calendarDateField({
		displayName: TO_LABEL,
		name: 'toDate',
		description: 'Only offer slots on or before this date (YYYY-MM-DD)',
	}),
];

/** A From/To date window: each a date, and From not after To. */
export function checkDateWindow(
	ctx: IExecuteFunctions,
	itemIndex: number,
	from: unknown,
	to: unknown,
): { from_date?: string; to_date?: string } {
	const window: { from_date?: string; to_date?: string } = {};
	if (from !== undefined && from !== '')
		window.from_date = checkCalendarDate(ctx, itemIndex, FROM_LABEL, from);
	if (to !== undefined && to !== '')
		window.to_date = checkCalendarDate(ctx, itemIndex, TO_LABEL, to);
	if (window.from_date && window.to_date && window.from_date > window.to_date) {
		throw invalid(ctx, itemIndex, TO_LABEL, `must be on or after ${FROM_LABEL}`);
	}
	return window;
}
