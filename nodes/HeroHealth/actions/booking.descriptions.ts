import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkBoolean, checkDateTime, checkId, readCollection } from './helpers';
import { invalid } from '../privacy/invalid';

/**
 * Resource locators for the booking ids (appointment type, location, practitioner): "From list"
 * searches Hero (methods/listSearch/*), "By ID" takes a numeric id. Shared by every resource that
 * asks for one of them (slots, appointments, booking links...).
 */
export type BookingLocatorKind = 'appointmentType' | 'location' | 'practitioner';

interface Kind {
	label: string;
	searchListMethod: string;
	loadOptionsMethod: string;
	/** Parameters whose value narrows the list (the list reloads when they change). */
	narrowedBy: string[];
	example: string;
}

const KINDS: Record<BookingLocatorKind, Kind> = {
	appointmentType: {
		label: 'Appointment Type',
		searchListMethod: 'searchAppointmentTypes',
		loadOptionsMethod: 'loadAppointmentTypes',
		narrowedBy: ['filters.locationId'],
		example: '42',
	},
	location: {
		label: 'Location',
		searchListMethod: 'searchLocations',
		loadOptionsMethod: 'loadLocations',
		narrowedBy: ['filters.appointmentTypeId'],
		example: '7',
	},
	practitioner: {
		label: 'Practitioner',
		searchListMethod: 'searchPractitioners',
		loadOptionsMethod: 'loadPractitioners',
		narrowedBy: ['appointmentTypeId', 'filters.appointmentTypeId', 'filters.locationId'],
		example: '15',
	},
};

/** Parameter name of each locator, e.g. `appointmentTypeId`. */
export const locatorName = (kind: BookingLocatorKind): string => `${kind}Id`;

interface LocatorOptions {
	name?: string;
	displayName?: string;
	required?: boolean;
	description?: string;
}

/** A resource locator for one appointment type, location or practitioner. */
export function bookingLocator(
	kind: BookingLocatorKind,
	options: LocatorOptions = {},
): INodeProperties {
	const { label, searchListMethod, example } = KINDS[kind];
	return {
		displayName: options.displayName ?? label,
		name: options.name ?? locatorName(kind),
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(options.required ? { required: true } : {}),
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label.toLowerCase()}...`,
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${example}`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*\\d+\\s*$',
							errorMessage: `Not a valid ${label} ID: Hero IDs are digits, e.g. ${example}`,
						},
					},
				],
			},
		],
	};
}

/**
 * Several appointment types, locations or practitioners (e.g. "Practitioner Names or IDs"), as a
 * multi-select listed from Hero. A multi-select, not a list of pickers: n8n drops an empty list of
 * pickers from a collection as soon as another option is added; an empty
 * multi-select stays. Read it with `readLocatorIds`, which also reads the older list-of-pickers value
 * (`{ items: [{ <kind>Id: <locator> }] }`) saved by earlier versions.
 */
export function bookingLocatorList(
	kind: BookingLocatorKind,
	options: { name?: string; description?: string } = {},
): INodeProperties {
	const { label, loadOptionsMethod, narrowedBy } = KINDS[kind];
	return {
		displayName: `${label} Names or IDs`,
		name: options.name ?? `${kind}s`,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod, loadOptionsDependsOn: narrowedBy },
		default: [],
		description: `${options.description ?? ''}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

/** The id inside a locator value (`{ __rl, mode, value }`), or the value itself. */
function unwrap(value: unknown): unknown {
	if (value && typeof value === 'object' && !Array.isArray(value) && 'value' in value)
		return (value as IDataObject).value;
	return value;
}

/** One id from a locator read out of a collection (Filters, Additional Fields); undefined when empty. */
export function readLocatorId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string | undefined {
	const id = unwrap(value);
	if (id === undefined || id === null || (typeof id === 'string' && id.trim() === ''))
		return undefined;
	if (typeof id === 'object')
		throw invalid(ctx, itemIndex, field, 'expected a numeric Hero ID such as 1234');
	return checkId(ctx, itemIndex, field, id);
}

/**
 * Every id of a `bookingLocatorList` value. Also takes what an expression may give instead: a list
 * of ids or locators, or ids separated by commas.
 */
export function readLocatorIds(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string[] {
	let entries: unknown[];
	if (Array.isArray(value)) entries = value;
	else if (value && typeof value === 'object' && Array.isArray((value as IDataObject).items)) {
		entries = ((value as IDataObject).items as IDataObject[]).map((entry) =>
			entry && typeof entry === 'object' ? Object.values(entry)[0] : entry,
		);
	} else if (typeof value === 'string') entries = value.split(',');
	else if (
		value === undefined ||
		value === null ||
		(typeof value === 'object' && Object.keys(value).length === 0)
	)
		entries = [];
	else entries = [value];
	const ids: string[] = [];
	for (const entry of entries) {
		const id = readLocatorId(ctx, itemIndex, field, entry);
		if (id !== undefined && !ids.includes(id)) ids.push(id);
	}
	return ids;
}

/**
 * The Filters of a booking list (Appointment Type, Location, Practitioner → Get Many), each with its
 * description: Has Availability, and Appointment Types and Locations where the list takes them.
 */
export interface BookingListFilters {
	appointmentTypes?: string;
	hasAvailability: string;
	locations?: string;
}

/** The Filters collection of a booking list. */
export function bookingListFilters(filters: BookingListFilters): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...(filters.appointmentTypes === undefined
				? []
				: [bookingLocatorList('appointmentType', { description: filters.appointmentTypes })]),
			{
				displayName: 'Has Availability',
				name: 'hasAvailability',
				type: 'boolean',
				default: true,
				description: filters.hasAvailability,
			},
			...(filters.locations === undefined
				? []
				: [bookingLocatorList('location', { description: filters.locations })]),
		],
	};
}

/** Hero's query for a booking list from its Filters: `location_ids`, `appointment_type_ids`, `has_availability`. */
export function bookingListQuery(
	ctx: IExecuteFunctions,
	itemIndex: number,
	filters: BookingListFilters,
): IDataObject {
	const values = readCollection(ctx, 'filters', itemIndex);
	const qs: IDataObject = {};
	if (filters.locations !== undefined) {
		const locationIds = readLocatorIds(ctx, itemIndex, 'Locations', values.locations);
		if (locationIds.length) qs.location_ids = locationIds;
	}
	if (filters.appointmentTypes !== undefined) {
		const typeIds = readLocatorIds(ctx, itemIndex, 'Appointment Types', values.appointmentTypes);
		if (typeIds.length) qs.appointment_type_ids = typeIds;
	}
	if (values.hasAvailability !== undefined)
		qs.has_availability = checkBoolean(ctx, itemIndex, 'Has Availability', values.hasAvailability);
	return qs;
}

/** Date-window hint shared by the booking operations. */
export const DATE_WINDOW_HINT =
	'A calendar date, sent as YYYY-MM-DD (dates are as Hero shows them, in Europe/London)';

/** Required locators, as most operations ask for them. */
export const appointmentTypeLocator = bookingLocator('appointmentType', { required: true });
export const locationLocator = bookingLocator('location', { required: true });
export const practitionerLocator = bookingLocator('practitioner', { required: true });

/** An appointment's start and length, asked by Appointment → Create and Slot → Check Availability. */
export const startTimeField: INodeProperties = {
	displayName: 'Start Time',
	name: 'startTime',
	type: 'dateTime',
	required: true,
	default: '',
	description:
		"When the appointment starts, e.g. a slot's start_time. Sent to Hero in UTC (ISO 8601); a time without offset is read in the workflow time zone. Hero shows times in Europe/London.",
};

export const durationField: INodeProperties = {
	displayName: 'Duration (Minutes)',
	name: 'duration',
	type: 'number',
	required: true,
	typeOptions: { minValue: 1 },
	default: 15,
	description:
		"Length of the appointment in minutes, usually the appointment type's duration (a slot's finish_time minus its start_time)",
};

export function readStartTime(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field = 'Start Time',
): string {
	const value = ctx.getNodeParameter('startTime', itemIndex, '');
	if (value === '' || value === undefined || value === null)
		throw invalid(ctx, itemIndex, field, 'is required');
	return checkDateTime(ctx, itemIndex, field, value);
}

export function readDuration(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = ctx.getNodeParameter('duration', itemIndex, '');
	const minutes =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim() !== ''
				? Number(value)
				: NaN;
	// Hero documents a number (at least 1 on the Appointment): whole minutes are not required.
	if (!Number.isFinite(minutes) || minutes < 1)
		throw invalid(ctx, itemIndex, 'Duration (Minutes)', 'expected a number of minutes, at least 1');
	return minutes;
}
