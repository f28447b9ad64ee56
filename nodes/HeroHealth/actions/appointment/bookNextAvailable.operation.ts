import type { IDataObject, IExecuteFunctions, INodeProperties, NodeApiError } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { INFERRED, heroApiRequest, heroApiRequestAllItems, recordsOf } from '../../transport';
import { toIsoDateTime, zonedParts } from '../../validation';
import { DATE_WINDOW_HINT, appointmentTypeLocator, bookingLocator, bookingLocatorList, readLocatorId, readLocatorIds } from '../booking.descriptions';
import { calendarDateField, patientIdField } from '../common.descriptions';
import { checkBoolean, checkDate, checkNumber, readCollection, requireId } from '../helpers';
import { invalid } from '../../privacy/invalid';
import { reasonOption } from './fields';
import { bookingName, readableFields } from '../../shared/bookingNames';
import { HERO_TIME_ZONE as HERO_DISPLAY_ZONE } from '../../shared/time';
import { WRITE_ANSWER } from './write';

export const DEFAULT_WINDOW_DAYS = 28;
export const DEFAULT_MAX_ATTEMPTS = 5;
const MAX_ATTEMPTS_LIMIT = 10;

// Names that sort together under the lint rule's alphabetical order: Date From / Date To,
// Start Time From / Start Time To (the parameter names stay startDate, earliestTime...).
const LABELS = { startDate: 'Date From', endDate: 'Date To', earliestTime: 'Start Time From', latestTime: 'Start Time To', options: 'Booking Options' };

const properties: INodeProperties[] = [
	{
		displayName:
			'Books the earliest free slot that matches, for the patient. If none matches (or every slot tried was taken by someone else first) the item is output with booked = false and a reason, instead of failing.',
		name: 'bookNextAvailableNotice',
		type: 'notice',
		default: '',
	},
	patientIdField,
	{ ...appointmentTypeLocator, description: 'The kind of appointment to book' },
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			calendarDateField({
				displayName: LABELS.startDate,
				name: 'startDate',
				description: `First day to search. ${DATE_WINDOW_HINT}. Default: today.`,
			}),
			calendarDateField({
				displayName: LABELS.endDate,
				name: 'endDate',
				description: `Last day to search. ${DATE_WINDOW_HINT}. Default: ${DEFAULT_WINDOW_DAYS} days after the first day.`,
			}),
			bookingLocator('location', { description: 'Only slots at this location' }),
			bookingLocatorList('practitioner', { description: 'Only slots with any of these practitioners' }),
			{
				displayName: LABELS.earliestTime,
				name: 'earliestTime',
				type: 'string',
				default: '',
				placeholder: 'e.g. 09:00',
				description: `Only slots starting at or after this time of day (HH:mm, 24-hour; see ${LABELS.options} → Time Zone)`,
			},
			{
				displayName: LABELS.latestTime,
				name: 'latestTime',
				type: 'string',
				default: '',
				placeholder: 'e.g. 12:00',
				description: `Only slots starting at or before this time of day (HH:mm, 24-hour; see ${LABELS.options} → Time Zone)`,
			},
		],
	},
	{
		displayName: LABELS.options,
		// The parameter keeps its name: saved workflows keep their values.
		name: 'options',
		type: 'collection',
		placeholder: 'Add Booking Option',
		default: {},
		options: [
			{
				displayName: 'Duration (Minutes)',
				name: 'duration',
				type: 'number',
				typeOptions: { minValue: 0 },
				// 0 = unset: adding the field must not replace the slot's own length with a guess.
				default: 0,
				description: "Length of the appointment in minutes. 0 = the slot's own length.",
			},
			{
				displayName: 'Max Attempts',
				name: 'maxAttempts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_ATTEMPTS_LIMIT },
				default: DEFAULT_MAX_ATTEMPTS,
				description: 'How many slots to try, earliest first, when someone else takes a slot before it can be reserved',
			},
			reasonOption,
			{
				displayName: 'Suppress Mail',
				name: 'suppressMail',
				type: 'boolean',
				default: false,
				description: 'Whether to stop Hero emailing the patient about the booking',
			},
			{
				displayName: 'Time Zone',
				name: 'timeZone',
				type: 'options',
				default: 'hero',
				options: [
					{ name: "Hero's Time Zone (Europe/London)", value: 'hero' },
					{ name: 'Workflow Time Zone', value: 'workflow' },
				],
				description: `Zone of ${LABELS.startDate} / ${LABELS.endDate} and ${LABELS.earliestTime} / ${LABELS.latestTime}`,
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['appointment'], operation: ['bookNextAvailable'] } }, properties);

/** Items compete for the same slots: they run one after another. */
export const parallel = false;

export interface BookingSearch {
	patientId: string;
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

function checkTimeOfDay(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(String(value).trim());
	if (!match) throw invalid(ctx, itemIndex, field, 'expected a time of day such as 09:30 (24-hour HH:mm)');
	return `${match[1].padStart(2, '0')}:${match[2]}`;
}

/** Reads and checks every parameter; throws before any request on bad input. */
export function readSearch(ctx: IExecuteFunctions, itemIndex: number, now = new Date()): BookingSearch {
	const patientId = requireId(ctx, 'patientId', itemIndex, 'Patient ID');
	const appointmentTypeId = requireId(ctx, 'appointmentTypeId', itemIndex, 'Appointment Type');
	const filters = readCollection(ctx, 'filters', itemIndex);
	const options = readCollection(ctx, 'options', itemIndex);

	const zoneChoice = options.timeZone ?? 'hero';
	if (zoneChoice !== 'hero' && zoneChoice !== 'workflow') throw invalid(ctx, itemIndex, 'Time Zone', 'expected hero or workflow');
	const timeZone = zoneChoice === 'workflow' ? ctx.getTimezone() : HERO_DISPLAY_ZONE;

	const startDate = filters.startDate ? checkDate(ctx, itemIndex, LABELS.startDate, filters.startDate) : localDate(now, timeZone);
	const endDate = filters.endDate ? checkDate(ctx, itemIndex, LABELS.endDate, filters.endDate) : addDays(startDate, DEFAULT_WINDOW_DAYS - 1);
	if (endDate < startDate) throw invalid(ctx, itemIndex, LABELS.endDate, `must be on or after ${LABELS.startDate}`);

	const earliestTime = checkTimeOfDay(ctx, itemIndex, LABELS.earliestTime, filters.earliestTime);
	const latestTime = checkTimeOfDay(ctx, itemIndex, LABELS.latestTime, filters.latestTime);
	if (earliestTime && latestTime && latestTime < earliestTime) throw invalid(ctx, itemIndex, LABELS.latestTime, `must be at or after ${LABELS.earliestTime}`);

	let duration: number | undefined;
	// 0 (the field's default) and empty mean the slot's own length.
	if (options.duration !== undefined && options.duration !== '' && options.duration !== 0 && options.duration !== '0') {
		// Hero documents a number of at least 1, not whole minutes.
		duration = checkNumber(ctx, itemIndex, 'Duration (Minutes)', options.duration, 1);
	}
	const maxAttempts = options.maxAttempts === undefined ? DEFAULT_MAX_ATTEMPTS : checkNumber(ctx, itemIndex, 'Max Attempts', options.maxAttempts, 1);
	if (!Number.isInteger(maxAttempts) || maxAttempts > MAX_ATTEMPTS_LIMIT) {
		throw invalid(ctx, itemIndex, 'Max Attempts', `expected a whole number from 1 to ${MAX_ATTEMPTS_LIMIT}`);
	}
	const reason = typeof options.reason === 'string' && options.reason.trim() !== '' ? options.reason.trim() : undefined;
	const suppressMail = options.suppressMail === undefined ? undefined : checkBoolean(ctx, itemIndex, 'Suppress Mail', options.suppressMail);

	return {
		patientId,
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
export function candidates(slots: IDataObject[], search: BookingSearch, now = Date.now()): IDataObject[] {
	return slots
		.map((slot) => ({ slot, start: Date.parse(String(slot.start_time ?? '')) }))
		.filter(({ slot, start }) => {
			if (!Number.isFinite(start) || start <= now) return false;
			// A reservation needs both ids: a slot that names neither (and no filter supplies them) cannot be booked.
			if (slot.practitioner_id == null || (slot.location_id == null && !search.locationId)) return false;
			// Hero filters these already; checked again so a loose answer can never book the wrong thing.
			if (slot.appointment_type_id !== undefined && String(slot.appointment_type_id) !== search.appointmentTypeId) return false;
			if (search.locationId && slot.location_id !== undefined && String(slot.location_id) !== search.locationId) return false;
			if (search.practitionerIds.length && !search.practitionerIds.includes(String(slot.practitioner_id))) return false;
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

type Settled<T> = { ok: true; value: T } | { ok: false; error: NodeApiError };

/** The outcome of a Hero call, without throwing (the transport only throws NodeApiError). */
async function settle<T>(call: Promise<T>): Promise<Settled<T>> {
	return call.then(
		(value) => ({ ok: true as const, value }),
		(error: NodeApiError) => ({ ok: false as const, error }),
	);
}

function isTaken(error: unknown): boolean {
	return String((error as NodeApiError).httpCode) === String(INFERRED.slotTakenStatus);
}

/** The search in words, the appointment type by its name when Hero's list gives one. */
function describeSearch(search: BookingSearch, typeName: string | undefined): string {
	const zone = search.timeZone === HERO_DISPLAY_ZONE ? HERO_DISPLAY_ZONE : search.timeZone;
	let text = `${typeName ?? `appointment type ${search.appointmentTypeId}`}, ${search.startDate} to ${search.endDate}`;
	if (search.earliestTime || search.latestTime) text += `, starting ${search.earliestTime ?? '00:00'}-${search.latestTime ?? '23:59'} ${zone}`;
	if (search.locationId) text += `, location ${search.locationId}`;
	if (search.practitionerIds.length) text += `, practitioner ${search.practitionerIds.join(' or ')}`;
	return text;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const search = readSearch(this, itemIndex);

	const qs: IDataObject = { appointment_type_id: search.appointmentTypeId, start_date: search.startDate, end_date: search.endDate };
	if (search.locationId) qs.location_id = search.locationId;
	if (search.practitionerIds.length) qs.practitioner_id = search.practitionerIds.length === 1 ? search.practitionerIds[0] : search.practitionerIds;
	const listRequest = { method: 'GET' as const, path: '/v1/slots', qs, itemIndex, expect: 'list' as const };
	// Hero's slot order is not documented: read the whole window, then sort.
	const slots = INFERRED.slotsArePaged
		? await heroApiRequestAllItems.call(this, listRequest)
		: recordsOf(await heroApiRequest.call(this, listRequest));
	const queue = candidates(slots, search);
	if (queue.length === 0) {
		// A read, after the search: harmless to the router's check pass.
		const typeName = await bookingName(this, itemIndex, 'appointmentType', search.appointmentTypeId);
		return { booked: false, reason: `No free slot matched (${describeSearch(search, typeName)})`, attempts: 0, slots_matched: 0 };
	}

	const reservations: Reservation[] = [];
	try {
		return await bookFirstFree.call(this, itemIndex, search, queue, reservations);
	} catch (error) {
		throw namingReservations(error as Error, reservations);
	}
}

/** An appointment this item reserved, and what became of it. */
interface Reservation {
	id: string;
	outcome: string;
}

/**
 * Once a reservation exists, a retry of the item would reserve (and book) another slot: every
 * error from then on says which appointments were made and what became of them.
 */
function namingReservations(error: Error, reservations: Reservation[]): Error {
	if (reservations.length === 0) return error;
	const named = reservations.map((reservation) => `appointment ${reservation.id} (${reservation.outcome})`).join(', ');
	error.message = `${error.message} (after reserving ${named})`;
	const advice = 'Check these appointments in Hero (Appointment → Get) before running the item again: a new run books another slot.';
	(error as NodeApiError).description = [(error as NodeApiError).description, advice].filter(Boolean).join('\n');
	return error;
}

/**
 * What a message to the patient needs without further lookups: the start in Hero's time
 * (Europe/London) and the names of the type, practitioner and location (names.ts).
 */
const namesFor = (ctx: IExecuteFunctions, itemIndex: number, body: IDataObject): Promise<IDataObject> => readableFields(ctx, itemIndex, body, HERO_DISPLAY_ZONE);

async function bookFirstFree(this: IExecuteFunctions, itemIndex: number, search: BookingSearch, queue: IDataObject[], reservations: Reservation[]): Promise<IDataObject> {
	const tried: IDataObject[] = [];
	for (const slot of queue.slice(0, search.maxAttempts)) {
		const start = Date.parse(String(slot.start_time));
		const finish = Date.parse(String(slot.finish_time ?? ''));
		const duration = search.duration ?? (Number.isFinite(finish) && finish > start ? Math.round((finish - start) / 60_000) : undefined);
		if (duration === undefined) {
			throw new NodeOperationError(this.getNode(), `Slot ${String(slot.id)} has no finish time to take the appointment length from`, {
				itemIndex,
				description: `Set ${LABELS.options} → Duration (Minutes) to the appointment length.`,
			});
		}
		const body: IDataObject = {
			appointment_type_id: search.appointmentTypeId,
			location_id: String(slot.location_id ?? search.locationId),
			practitioner_id: String(slot.practitioner_id),
			duration,
			start_time: toIsoDateTime(slot.start_time) ?? String(slot.start_time),
			patient_id: search.patientId,
		};
		if (search.reason) body.reason = search.reason;
		if (search.suppressMail !== undefined) body.suppress_mail = search.suppressMail;

		const reservation = await settle(heroApiRequest.call(this, { method: 'POST', path: '/v1/appointments', body, repeatable: false, itemIndex }));
		if (!reservation.ok) {
			if (!isTaken(reservation.error)) throw reservation.error;
			tried.push({ slot_id: slot.id, start_time: slot.start_time, outcome: 'taken before it could be reserved' });
			continue;
		}
		const appointmentId = String(reservation.value.id);
		const made: Reservation = { id: appointmentId, outcome: 'reserved; whether it was booked is not known' };
		reservations.push(made);
		const booking = await settle(
			heroApiRequest.call(this, {
				method: INFERRED.bookAppointmentMethod,
				path: INFERRED.bookAppointmentPath(appointmentId),
				repeatable: false,
				// An empty 2xx is a booking made (INFERRED): the appointment is read back below.
				expect: WRITE_ANSWER,
				itemIndex,
			}),
		);
		if (!booking.ok) {
			if (!isTaken(booking.error)) throw booking.error;
			// The reservation could not be confirmed (it lapsed and the slot went): release it, try the next slot.
			// Best effort: an unconfirmed reservation lapses at reserved_until anyway.
			const release = await settle(
				heroApiRequest.call(this, {
					method: 'PATCH',
					path: `/v1/appointments/${appointmentId}/cancel`,
					body: { suppress_mail: true },
					repeatable: false,
					expect: WRITE_ANSWER,
					itemIndex,
				}),
			);
			made.outcome = release.ok ? 'reserved but could not be booked; released' : 'reserved but could not be booked; not released, it lapses at reserved_until';
			tried.push({ slot_id: slot.id, start_time: slot.start_time, appointment_id: appointmentId, outcome: 'reserved but could not be booked' });
			continue;
		}
		made.outcome = 'booked';
		// The booking went through: a failed read-back must not fail the item (a retry would book again).
		const readBack = await settle(heroApiRequest.call(this, { method: 'GET', path: `/v1/appointments/${appointmentId}`, itemIndex }));
		return {
			booked: true,
			appointment_id: appointmentId,
			...(await namesFor(this, itemIndex, body)),
			attempts: tried.length + 1,
			appointment: readBack.ok ? readBack.value : { id: appointmentId },
			slot,
			...(tried.length ? { skipped: tried } : {}),
			...(readBack.ok
				? {}
				: {
						warning: `Appointment ${appointmentId} is booked, but reading it back from Hero failed (${readBack.error.message}): only its id is in this output. Do not book again; read it with Appointment → Get.`,
					}),
		};
	}
	const reason =
		tried.length < queue.length
			? `The ${tried.length} earliest matching slots were taken by someone else first; ${queue.length - tried.length} later slots were not tried (raise ${LABELS.options} → Max Attempts or run again)`
			: `Every matching slot (${tried.length}) was taken by someone else first`;
	return { booked: false, reason, attempts: tried.length, slots_matched: queue.length, skipped: tried };
}
