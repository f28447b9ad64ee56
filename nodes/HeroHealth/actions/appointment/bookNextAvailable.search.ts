/** Appointment → Book Next Available: the search (its parameters read and checked, the slots that match). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { zonedParts } from '../../validation';
import { readLocatorId, readLocatorIds } from '../booking.descriptions';
import { invalid } from '../../privacy/invalid';
import { checkBoolean, checkDate, checkNumber, readCollection, requireId } from '../helpers';
import { readPatient, type PatientByNhsNumber } from '../patients.descriptions';
import { HERO_TIME_ZONE } from '../../shared/time';

export const DEFAULT_WINDOW_DAYS = 28;
export const DEFAULT_MAX_ATTEMPTS = 5;
export const MAX_ATTEMPTS_LIMIT = 10;

// Names that sort together under the lint rule's alphabetical order: Date From / Date To,
// Start Time From / Start Time To (the parameter names stay startDate, earliestTime...).
export const LABELS = {
	startDate: 'Date From',
	endDate: 'Date To',
	earliestTime: 'Start Time From',
	latestTime: 'Start Time To',
	options: 'Booking Options',
};

export interface BookingSearch {
	/** The Hero patient ID; '' until the patient named by NHS number (`findPatient`) is found. */
	patientId: string;
	findPatient?: PatientByNhsNumber;
	appointmentTypeId: string;
	locationId?: string;
	practitionerIds: string[];
	startDate: string;
	endDate: string;
	earliestTime?: string;
	latestTime?: string;
	timeZone: string;
	duration?: number;
	maxAttempts: number;
	reason?: string;
	suppressMail?: boolean;
}

/** `YYYY-MM-DD` of `date` in `timeZone`. */
export function localDate(date: Date, timeZone: string): string {
	const p = zonedParts(date, timeZone);
	return `${p.year}-${p.month}-${p.day}`;
}

/** `HH:mm` of `date` in `timeZone`. */
export function localTime(date: Date, timeZone: string): string {
	const p = zonedParts(date, timeZone);
	return `${p.hour}:${p.minute}`;
}

function addDays(date: string, days: number): string {
	const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
	return new Date(time).toISOString().slice(0, 10);
}

function checkTimeOfDay(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(String(value).trim());
	if (!match)
		throw invalid(ctx, itemIndex, field, 'expected a time of day such as 09:30 (24-hour HH:mm)');
	return `${match[1].padStart(2, '0')}:${match[2]}`;
}

/** Reads and checks every parameter; throws before any request on bad input. */
export function readSearch(
	ctx: IExecuteFunctions,
	itemIndex: number,
	now = new Date(),
): BookingSearch {
	const patient = readPatient(ctx, itemIndex);
	const appointmentTypeId = requireId(ctx, 'appointmentTypeId', itemIndex, 'Appointment Type');
	const filters = readCollection(ctx, 'filters', itemIndex);
	const options = readCollection(ctx, 'options', itemIndex);

	const zoneChoice = options.timeZone ?? 'hero';
	if (zoneChoice !== 'hero' && zoneChoice !== 'workflow')
		throw invalid(ctx, itemIndex, 'Time Zone', 'expected hero or workflow');
	const timeZone = zoneChoice === 'workflow' ? ctx.getTimezone() : HERO_TIME_ZONE;

	const startDate = filters.startDate
		? checkDate(ctx, itemIndex, LABELS.startDate, filters.startDate)
		: localDate(now, timeZone);
	const endDate = filters.endDate
		? checkDate(ctx, itemIndex, LABELS.endDate, filters.endDate)
		: addDays(startDate, DEFAULT_WINDOW_DAYS - 1);
	if (endDate < startDate)
		throw invalid(ctx, itemIndex, LABELS.endDate, `must be on or after ${LABELS.startDate}`);

	const earliestTime = checkTimeOfDay(ctx, itemIndex, LABELS.earliestTime, filters.earliestTime);
	const latestTime = checkTimeOfDay(ctx, itemIndex, LABELS.latestTime, filters.latestTime);
	if (earliestTime && latestTime && latestTime < earliestTime)
		throw invalid(ctx, itemIndex, LABELS.latestTime, `must be at or after ${LABELS.earliestTime}`);

	let duration: number | undefined;
	// 0 (the field's default) and empty mean the slot's own length.
	if (
		options.duration !== undefined &&
		options.duration !== '' &&
		options.duration !== 0 &&
		options.duration !== '0'
	) {
		// Hero documents a number of at least 1, not whole minutes.
		duration = checkNumber(ctx, itemIndex, 'Duration (Minutes)', options.duration, 1);
	}
	const maxAttempts =
		options.maxAttempts === undefined
			? DEFAULT_MAX_ATTEMPTS
			: checkNumber(ctx, itemIndex, 'Max Attempts', options.maxAttempts, 1);
	if (!Number.isInteger(maxAttempts) || maxAttempts > MAX_ATTEMPTS_LIMIT) {
		throw invalid(
			ctx,
			itemIndex,
			'Max Attempts',
			`expected a whole number from 1 to ${MAX_ATTEMPTS_LIMIT}`,
		);
	}
	const reason =
		typeof options.reason === 'string' && options.reason.trim() !== ''
			? options.reason.trim()
			: undefined;
	const suppressMail =
		options.suppressMail === undefined
			? undefined
			: checkBoolean(ctx, itemIndex, 'Suppress Mail', options.suppressMail);

	return {
		...('id' in patient ? { patientId: patient.id } : { patientId: '', findPatient: patient.find }),
		appointmentTypeId,
		locationId: readLocatorId(ctx, itemIndex, 'Location', filters.locationId),
		practitionerIds: readLocatorIds(ctx, itemIndex, 'Practitioners', filters.practitioners),
		startDate,
		endDate,
		earliestTime,
		latestTime,
		timeZone,
		duration,
		maxAttempts,
		reason,
		suppressMail,
	};
}

/** Slots that match the search, earliest first; past slots and slots outside the time window are dropped. */
export function candidates(
	slots: IDataObject[],
	search: BookingSearch,
	now = Date.now(),
): IDataObject[] {
	return slots
		.map((slot) => ({ slot, start: Date.parse(String(slot.start_time ?? '')) }))
		.filter(({ slot, start }) => {
			if (!Number.isFinite(start) || start <= now) return false;
			// A reservation needs both ids: a slot that names neither (and no filter supplies them) cannot be booked.
			if (slot.practitioner_id == null || (slot.location_id == null && !search.locationId))
				return false;
			// Hero filters these already; checked again so a loose answer can never book the wrong thing.
			if (
				slot.appointment_type_id !== undefined &&
				String(slot.appointment_type_id) !== search.appointmentTypeId
			)
				return false;
			if (
				search.locationId &&
				slot.location_id !== undefined &&
				String(slot.location_id) !== search.locationId
			)
				return false;
			if (
				search.practitionerIds.length &&
				!search.practitionerIds.includes(String(slot.practitioner_id))
			)
				return false;
			const day = localDate(new Date(start), search.timeZone);
			if (day < search.startDate || day > search.endDate) return false;
			const time = localTime(new Date(start), search.timeZone);
			if (search.earliestTime && time < search.earliestTime) return false;
			if (search.latestTime && time > search.latestTime) return false;
			return true;
		})
		.sort((a, b) => a.start - b.start || String(a.slot.id).localeCompare(String(b.slot.id)))
		.map(({ slot }) => slot);
}

/** The search in words, the appointment type by its name when Hero's list gives one. */
export function describeSearch(search: BookingSearch, typeName: string | undefined): string {
	const zone = search.timeZone === HERO_TIME_ZONE ? HERO_TIME_ZONE : search.timeZone;
	let text = `${typeName ?? `appointment type ${search.appointmentTypeId}`}, ${search.startDate} to ${search.endDate}`;
	if (search.earliestTime || search.latestTime)
		text += `, starting ${search.earliestTime ?? '00:00'}-${search.latestTime ?? '23:59'} ${zone}`;
	if (search.locationId) text += `, location ${search.locationId}`;
	if (search.practitionerIds.length)
		text += `, practitioner ${search.practitionerIds.join(' or ')}`;
	return text;
}
