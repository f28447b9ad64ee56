/**
 * Booking: appointment types, locations, practitioners, slots and appointments, with state.
 *
 * Rules (Hero's documented flow: list types → list slots → create (reserve) → book (confirm)):
 * - Slots are seeded for the coming four weeks (weekdays, from tomorrow, Europe/London wall-clock
 *   times), so tests never depend on today's hour. Lists show free future slots only.
 * - A reservation holds its slot until `reserved_until` (10 minutes; see `/__sandbox/booking/config`).
 *   After that the slot is free again and the reservation can no longer be booked.
 * - Reserving or booking a slot someone else holds answers `INFERRED.slotTakenStatus` (409).
 * - Book confirms a live reservation (needs a patient), Cancel frees the slot (a booked one only
 *   outside the cancellation policy unless `suppress_cancellation_policy`), Reschedule moves a booked
 *   appointment to another free slot, Edit (PUT) changes a reservation and refuses a booked one.
 * - Book, Cancel and Reschedule record `appointment.confirmed|cancelled|rescheduled` events.
 *
 * Test-only control routes (no auth):
 * - `POST /__sandbox/slots/generate {count?, days?, from?}` replaces every slot: `count` slots (e.g.
 *   10000 for load tests) or every slot of `days` days (default 28), weekdays from `from` (default tomorrow).
 * - `POST /__sandbox/slots {practitioner_id, location_id, appointment_type_id, start_time, duration?}` adds one slot.
 * - `POST /__sandbox/slots/race {take}` makes "another client" book the first `take` slots of the next
 *   `GET /v1/slots` answer right after it is computed (taken between list and reserve).
 * - `POST /__sandbox/booking/config {reservationSeconds}` sets how long a reservation holds its slot.
 */
import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { toIsoDateTime } from '../../../nodes/HeroHealth/validation';
import { HeroError, badRequest, conflict, notFound } from '../errors';
import { q, s, type Spec } from '../schema';
import { page, type SandboxState } from '../state';
import type { Route, RouteModule } from '../types';
import { reply } from '../types';
import { requirePatient } from './patients';

export const HERO_ZONE = 'Europe/London';
/** The patient "another client" books for in the race hook. */
export const OTHER_CLIENT_PATIENT_ID = '2005';
export const DEFAULT_RESERVATION_SECONDS = 600;
export const DEFAULT_SLOT_DAYS = 28;
const FIRST_SLOT_ID = 600001;

// ---------------------------------------------------------------------------------------------
// Seed data (fictional)

export interface SandboxLocation {
	id: string;
	name: string;
	address: { line_1: string; town: string; postcode: string };
}

export interface SandboxAppointmentTypeSeed {
	id: string;
	name: string;
	partner_slot_name: string;
	price: number;
	assignee_id: string | null;
	assignee_type: 'Admin' | 'AdminTeam' | null;
	sector: 'nhs' | 'paid';
	duration: number;
	video: boolean;
	in_person: boolean;
	telephone: boolean;
	use_partner_bookable_slots: boolean;
	admin_booking_invoice_required: boolean;
	form_id: string | null;
	practitioner_type: string;
	/** Sandbox only: where it is offered, and how many hours before the start a booked one may still be cancelled. */
	location_ids: string[];
	cancellation_policy_hours: number;
}

export interface SandboxPractitioner {
	id: string;
	title: string;
	first_name: string;
	last_name: string;
	practitioner_type: string;
	location_ids: string[];
	appointment_type_ids: string[];
}

export const SEED_LOCATIONS: SandboxLocation[] = [
	{ id: '3001', name: 'Riverside Surgery', address: { line_1: '1 Sandbox Street', town: 'Leeds', postcode: 'LS1 4AP' } },
	{ id: '3002', name: 'Hillside Branch Surgery', address: { line_1: '22 Hill Road', town: 'Leeds', postcode: 'LS6 2AB' } },
	{ id: '3003', name: 'Old Mill Health Centre', address: { line_1: '5 Mill Lane', town: 'Leeds', postcode: 'LS10 1QR' } },
];

const type = (fields: Partial<SandboxAppointmentTypeSeed> & Pick<SandboxAppointmentTypeSeed, 'id' | 'name' | 'duration' | 'practitioner_type' | 'location_ids'>): SandboxAppointmentTypeSeed => ({
	partner_slot_name: fields.name,
	price: 0,
	assignee_id: null,
	assignee_type: null,
	sector: 'nhs',
	video: false,
	in_person: true,
	telephone: false,
	use_partner_bookable_slots: false,
	admin_booking_invoice_required: false,
	form_id: null,
	cancellation_policy_hours: 24,
	...fields,
});

export const SEED_APPOINTMENT_TYPES: SandboxAppointmentTypeSeed[] = [
	type({ id: '4001', name: 'GP Appointment', duration: 15, practitioner_type: 'GP', location_ids: ['3001'] }),
	type({ id: '4002', name: 'Nurse Appointment', duration: 20, practitioner_type: 'Nurse', location_ids: ['3002'], assignee_id: '42', assignee_type: 'AdminTeam' }),
	type({ id: '4003', name: 'GP Telephone Consultation', duration: 10, practitioner_type: 'GP', location_ids: ['3002'], in_person: false, telephone: true, cancellation_policy_hours: 2 }),
	type({ id: '4004', name: 'Flu Vaccination', duration: 5, practitioner_type: 'Nurse', location_ids: ['3003'] }),
];

export const SEED_PRACTITIONERS: SandboxPractitioner[] = [
	{ id: '5001', title: 'Dr', first_name: 'Priya', last_name: 'Shah', practitioner_type: 'GP', location_ids: ['3001', '3002'], appointment_type_ids: ['4001', '4003'] },
	{ id: '5002', title: 'Dr', first_name: 'Tom', last_name: 'Evans', practitioner_type: 'GP', location_ids: ['3001'], appointment_type_ids: ['4001'] },
	{ id: '5003', title: 'Nurse', first_name: 'Jane', last_name: 'Brown', practitioner_type: 'Nurse', location_ids: ['3002'], appointment_type_ids: ['4002'] },
	{ id: '5004', title: 'Nurse', first_name: 'Ali', last_name: 'Khan', practitioner_type: 'Nurse', location_ids: ['3003'], appointment_type_ids: ['4004'] },
];

/** Each weekday's sessions (Europe/London wall clock): 39 slots a day. Flu vaccination (4004) has none. */
export const WEEKDAY_SESSIONS = [
	{ practitioner_id: '5001', location_id: '3001', appointment_type_id: '4001', start: '09:00', every: 15, count: 12 },
	{ practitioner_id: '5002', location_id: '3001', appointment_type_id: '4001', start: '14:00', every: 15, count: 12 },
	{ practitioner_id: '5001', location_id: '3002', appointment_type_id: '4003', start: '14:00', every: 10, count: 6 },
	{ practitioner_id: '5003', location_id: '3002', appointment_type_id: '4002', start: '09:00', every: 20, count: 9 },
] as const;

// ---------------------------------------------------------------------------------------------
// State

export interface SandboxSlot {
	id: string;
	practitioner_id: string;
	appointment_type_id: string;
	location_id: string;
	start_time: string;
	finish_time: string;
	/** Sandbox only: the appointment holding the slot (reserved or booked), if any. */
	held_by: string | null;
}

export interface SandboxAppointment {
	id: string;
	patient_id: string | null;
	practitioner_id: string;
	location_id: string;
	appointment_type_id: string;
	duration: number;
	start_time: string | null;
	video: boolean;
	in_person: boolean;
	telephone: boolean;
	link_id: string | null;
	reserved_until: string | null;
	booking_confirmed_at: string | null;
	cancellation_policy_hours: number;
	suppress_mail: boolean;
	/** Sandbox only. */
	status: 'reserved' | 'confirmed' | 'cancelled';
	slot_id: string | null;
	reason: string | null;
	billpayer_id: string | null;
	created_at: string;
	cancelled_at: string | null;
	/** Earlier start times, oldest first (reschedules and edits). */
	moves: Array<{ from: string | null; to: string | null; practitioner_id: string; at: string; by: 'edit' | 'reschedule' }>;
}

interface BookingConfig {
	reservationSeconds: number;
	/** Slots "another client" books right after the next GET /v1/slots answer. */
	raceTake: number;
	nextSlotId: number;
}

export function slots(state: SandboxState): Map<string, SandboxSlot> {
	return state.slice('slots', () => new Map<string, SandboxSlot>());
}

export function appointments(state: SandboxState): Map<string, SandboxAppointment> {
	return state.slice('appointments', () => new Map<string, SandboxAppointment>());
}

export function bookingConfig(state: SandboxState): BookingConfig {
	return state.slice('bookingConfig', () => ({ reservationSeconds: DEFAULT_RESERVATION_SECONDS, raceTake: 0, nextSlotId: FIRST_SLOT_ID }));
}

function locations(state: SandboxState): Map<string, SandboxLocation> {
	return state.slice('locations', () => new Map(SEED_LOCATIONS.map((l) => [l.id, structuredClone(l)])));
}
function appointmentTypes(state: SandboxState): Map<string, SandboxAppointmentTypeSeed> {
	return state.slice('appointmentTypes', () => new Map(SEED_APPOINTMENT_TYPES.map((t) => [t.id, structuredClone(t)])));
}
function practitioners(state: SandboxState): Map<string, SandboxPractitioner> {
	return state.slice('practitioners', () => new Map(SEED_PRACTITIONERS.map((p) => [p.id, structuredClone(p)])));
}

const requireFrom = <T>(map: Map<string, T>, id: string, what: string): T => {
	const found = map.get(id);
	if (!found) throw notFound(what);
	return found;
};

// ---------------------------------------------------------------------------------------------
// Time helpers

const LONDON_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: HERO_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const dayCache = new Map<string, string>();

/** `YYYY-MM-DD` of an instant in Europe/London (memoised: lists ask it of every slot). */
export function londonDate(instant: number | string): string {
	const key = String(instant);
	let day = dayCache.get(key);
	if (day === undefined) {
		const parts = Object.fromEntries(LONDON_DAY.formatToParts(new Date(typeof instant === 'string' ? Date.parse(instant) : instant)).map((p) => [p.type, p.value]));
		day = `${parts.year}-${parts.month}-${parts.day}`;
		if (dayCache.size > 200_000) dayCache.clear();
		dayCache.set(key, day);
	}
	return day;
}

/** Europe/London's offset from UTC on a date, in ms (clocks change at night on Sundays, never during weekday sessions). */
function londonOffsetMs(date: string): number {
	return Date.parse(`${date}T12:00:00Z`) - Date.parse(toIsoDateTime(`${date}T12:00:00`, HERO_ZONE)!);
}

export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const isWeekday = (date: string) => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());

function addMinutes(hhmm: string, minutes: number): string {
	const total = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) + minutes;
	return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Slots

export interface GenerateOptions {
	/** Exactly this many slots (as many weekdays as needed). */
	count?: number;
	/** Every slot of this many calendar days (default 28); ignored when `count` is given. */
	days?: number;
	/** First day, `YYYY-MM-DD` (default: tomorrow in Europe/London). */
	from?: string;
}

/** Replaces every slot with freshly generated ones; appointments keep their own times. */
export function generateSlots(state: SandboxState, options: GenerateOptions = {}): SandboxSlot[] {
	const map = slots(state);
	const config = bookingConfig(state);
	map.clear();
	const created: SandboxSlot[] = [];
	const from = options.from ?? addDays(londonDate(Date.now()), 1);
	const limit = options.count;
	const days = limit === undefined ? (options.days ?? DEFAULT_SLOT_DAYS) : Number.POSITIVE_INFINITY;
	let id = FIRST_SLOT_ID;
	for (let day = 0; day < days && (limit === undefined || created.length < limit); day++) {
		const date = addDays(from, day);
		if (!isWeekday(date)) continue;
		const daySlots: Omit<SandboxSlot, 'id'>[] = [];
		const offset = londonOffsetMs(date);
		for (const session of WEEKDAY_SESSIONS) {
			const duration = appointmentTypes(state).get(session.appointment_type_id)!.duration;
			for (let n = 0; n < session.count; n++) {
				const time = addMinutes(session.start, n * session.every);
				const start = new Date(Date.parse(`${date}T${time}:00Z`) - offset).toISOString();
				daySlots.push({
					practitioner_id: session.practitioner_id,
					appointment_type_id: session.appointment_type_id,
					location_id: session.location_id,
					start_time: start,
					finish_time: new Date(Date.parse(start) + duration * 60_000).toISOString(),
					held_by: null,
				});
			}
		}
		daySlots.sort((a, b) => a.start_time.localeCompare(b.start_time) || a.practitioner_id.localeCompare(b.practitioner_id));
		for (const slot of daySlots) {
			if (limit !== undefined && created.length >= limit) break;
			const record = { id: String(id++), ...slot };
			map.set(record.id, record);
			created.push(record);
		}
	}
	config.nextSlotId = id;
	return created;
}

/** Adds one slot (e.g. two hours from now, inside a cancellation policy). */
export function addSlot(state: SandboxState, fields: { practitioner_id: string; location_id: string; appointment_type_id: string; start_time: string; duration?: number }): SandboxSlot {
	const config = bookingConfig(state);
	const typeSeed = requireFrom(appointmentTypes(state), fields.appointment_type_id, 'Appointment type');
	requireFrom(practitioners(state), fields.practitioner_id, 'Practitioner');
	requireFrom(locations(state), fields.location_id, 'Location');
	const start = new Date(Date.parse(fields.start_time));
	if (Number.isNaN(start.getTime())) throw badRequest([{ code: 'invalid_string', expected: 'date-time', path: ['start_time'] }]);
	const slot: SandboxSlot = {
		id: String(config.nextSlotId++),
		practitioner_id: fields.practitioner_id,
		appointment_type_id: fields.appointment_type_id,
		location_id: fields.location_id,
		start_time: start.toISOString(),
		finish_time: new Date(start.getTime() + (fields.duration ?? typeSeed.duration) * 60_000).toISOString(),
		held_by: null,
	};
	// Keep the map in start-time order.
	const all = [...slots(state).values(), slot].sort((a, b) => a.start_time.localeCompare(b.start_time) || a.id.localeCompare(b.id));
	slots(state).clear();
	for (const entry of all) slots(state).set(entry.id, entry);
	return slot;
}

const reservationLive = (appointment: SandboxAppointment, now: number) =>
	appointment.status === 'reserved' && appointment.reserved_until !== null && Date.parse(appointment.reserved_until) > now;

/** Whether the slot is free for `forAppointment` (its own hold does not count). */
export function slotFree(state: SandboxState, slot: SandboxSlot, now = Date.now(), forAppointment?: string): boolean {
	if (!slot.held_by || slot.held_by === forAppointment) return true;
	const holder = appointments(state).get(slot.held_by);
	if (!holder) return true;
	return !(holder.status === 'confirmed' || reservationLive(holder, now));
}

const startCache = new WeakMap<SandboxSlot, number>();
/** A slot's start in ms (cached: lists of 10,000 slots ask it on every page). */
function startOf(slot: SandboxSlot): number {
	let start = startCache.get(slot);
	if (start === undefined) {
		start = Date.parse(slot.start_time);
		startCache.set(slot, start);
	}
	return start;
}

/** Free slots that start in the future, in start-time order. */
function freeSlots(state: SandboxState, now = Date.now()): SandboxSlot[] {
	const free: SandboxSlot[] = [];
	for (const slot of slots(state).values()) if (startOf(slot) > now && slotFree(state, slot, now)) free.push(slot);
	return free;
}

const slotView = ({ held_by: _heldBy, ...slot }: SandboxSlot) => slot;

const asList = (value: unknown): string[] => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);

function findSlot(state: SandboxState, practitionerId: string, locationId: string, typeId: string, startTime: string): SandboxSlot | undefined {
	const start = Date.parse(startTime);
	for (const slot of slots(state).values()) {
		if (slot.practitioner_id === practitionerId && slot.location_id === locationId && slot.appointment_type_id === typeId && Date.parse(slot.start_time) === start) return slot;
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------------
// Appointments

function appointmentView(appointment: SandboxAppointment, now = Date.now()) {
	const start = appointment.start_time ? Date.parse(appointment.start_time) : NaN;
	const insidePolicy = Number.isFinite(start) && start - now < appointment.cancellation_policy_hours * 3_600_000;
	const live = appointment.status === 'confirmed' || reservationLive(appointment, now);
	return {
		id: appointment.id,
		patient_id: appointment.patient_id,
		practitioner_id: appointment.practitioner_id,
		location_id: appointment.location_id,
		appointment_type_id: appointment.appointment_type_id,
		duration: appointment.duration,
		start_time: appointment.start_time,
		video: appointment.video,
		in_person: appointment.in_person,
		telephone: appointment.telephone,
		...(appointment.video ? { video_url: `https://video.herohealth.net/sandbox/${appointment.id}` } : {}),
		link_id: appointment.link_id,
		reserved_until: appointment.reserved_until,
		booking_confirmed_at: appointment.booking_confirmed_at,
		can_be_cancelled: live && (appointment.status === 'reserved' || !insidePolicy),
		can_be_rescheduled: appointment.status === 'confirmed' && Number.isFinite(start) && start > now,
		cancellation_policy_hours: appointment.cancellation_policy_hours,
		suppress_mail: appointment.suppress_mail,
	};
}

export function appointmentStatus(appointment: SandboxAppointment, now = Date.now()): (typeof INFERRED.appointmentStatuses)[number] {
	if (appointment.status === 'reserved' && !reservationLive(appointment, now)) return 'expired';
	return appointment.status;
}

function requireAppointment(state: SandboxState, id: string): SandboxAppointment {
	return requireFrom(appointments(state), id, 'Appointment');
}

const taken = (message: string) => new HeroError(INFERRED.slotTakenStatus, message);

/**
 * The slot an appointment may take at `startTime`: checks the practitioner serves the location and
 * type, and (unless suppressed) that a free slot of at least `duration` minutes starts then.
 */
function claimableSlot(
	state: SandboxState,
	target: { practitioner_id: string; location_id: string; appointment_type_id: string; start_time: string | null; duration: number },
	suppressCheck: boolean,
	forAppointment?: string,
): SandboxSlot | undefined {
	const practitioner = requireFrom(practitioners(state), target.practitioner_id, 'Practitioner');
	if (!practitioner.location_ids.includes(target.location_id) || !practitioner.appointment_type_ids.includes(target.appointment_type_id)) {
		throw badRequest([{ code: 'invalid_combination', expected: 'a practitioner who offers this appointment type at this location', path: ['practitioner_id'] }]);
	}
	if (target.start_time === null) {
		if (suppressCheck) return undefined;
		throw badRequest([{ code: 'invalid_type', expected: 'a start_time (null only with suppress_availability_check)', path: ['start_time'] }]);
	}
	const slot = findSlot(state, target.practitioner_id, target.location_id, target.appointment_type_id, target.start_time);
	if (suppressCheck) return slot && slotFree(state, slot, Date.now(), forAppointment) ? slot : undefined;
	if (!slot || Date.parse(slot.start_time) <= Date.now()) throw taken('No bookable slot starts at that time for this practitioner, location and appointment type');
	if (!slotFree(state, slot, Date.now(), forAppointment)) throw taken('That slot has already been taken');
	const length = (Date.parse(slot.finish_time) - Date.parse(slot.start_time)) / 60_000;
	if (target.duration > length) throw badRequest([{ code: 'too_big', expected: `a duration of at most ${length} minutes for this slot`, path: ['duration'] }]);
	return slot;
}

function release(state: SandboxState, appointment: SandboxAppointment): void {
	const slot = appointment.slot_id ? slots(state).get(appointment.slot_id) : undefined;
	if (slot && slot.held_by === appointment.id) slot.held_by = null;
	appointment.slot_id = null;
}

function hold(appointment: SandboxAppointment, slot: SandboxSlot | undefined): void {
	appointment.slot_id = slot?.id ?? null;
	if (slot) slot.held_by = appointment.id;
}

/** A confirmed booking by someone else (the race hook). */
function bookForOtherClient(state: SandboxState, slot: SandboxSlot): void {
	const typeSeed = appointmentTypes(state).get(slot.appointment_type_id)!;
	const now = new Date().toISOString();
	const appointment = newAppointment(state, {
		patient_id: OTHER_CLIENT_PATIENT_ID,
		practitioner_id: slot.practitioner_id,
		location_id: slot.location_id,
		appointment_type_id: slot.appointment_type_id,
		duration: typeSeed.duration,
		start_time: slot.start_time,
	});
	appointment.status = 'confirmed';
	appointment.booking_confirmed_at = now;
	appointment.reserved_until = null;
	hold(appointment, slot);
	state.emit('appointment.confirmed', 'Appointment', appointment.id);
}

function newAppointment(
	state: SandboxState,
	fields: Pick<SandboxAppointment, 'patient_id' | 'practitioner_id' | 'location_id' | 'appointment_type_id' | 'duration' | 'start_time'> &
		Partial<Pick<SandboxAppointment, 'reason' | 'billpayer_id' | 'suppress_mail'>>,
): SandboxAppointment {
	const typeSeed = appointmentTypes(state).get(fields.appointment_type_id)!;
	const id = state.nextId();
	const appointment: SandboxAppointment = {
		id,
		patient_id: fields.patient_id,
		practitioner_id: fields.practitioner_id,
		location_id: fields.location_id,
		appointment_type_id: fields.appointment_type_id,
		duration: fields.duration,
		start_time: fields.start_time === null ? null : new Date(Date.parse(fields.start_time)).toISOString(),
		video: typeSeed.video,
		in_person: typeSeed.in_person,
		telephone: typeSeed.telephone,
		link_id: null,
		reserved_until: new Date(Date.now() + bookingConfig(state).reservationSeconds * 1000).toISOString(),
		booking_confirmed_at: null,
		cancellation_policy_hours: typeSeed.cancellation_policy_hours,
		suppress_mail: fields.suppress_mail ?? false,
		status: 'reserved',
		slot_id: null,
		reason: fields.reason ?? null,
		billpayer_id: fields.billpayer_id ?? null,
		created_at: new Date().toISOString(),
		cancelled_at: null,
		moves: [],
	};
	appointments(state).set(id, appointment);
	return appointment;
}

// ---------------------------------------------------------------------------------------------
// Schemas

const dateQuery = s.string({ format: 'date' });
const pageQuery = { page_index: q.integer(0), page_size: q.integer(1) };

const createBody = s.object(
	{
		appointment_type_id: s.id(),
		location_id: s.id(),
		practitioner_id: s.id(),
		duration: s.number({ min: 1 }),
		start_time: s.string({ format: 'date-time', nullable: true }),
		patient_id: s.id(),
		billpayer_id: s.id(),
		reason: s.string({ minLength: 1 }),
		suppress_mail: s.boolean(),
		suppress_availability_check: s.boolean(),
	},
	{ required: ['appointment_type_id', 'location_id', 'practitioner_id', 'duration', 'start_time'] },
);

const editBody = s.object(
	{
		start_time: s.string({ format: 'date-time', nullable: true }),
		duration: s.number({ min: 1 }),
		practitioner_id: s.id(),
		suppress_availability_check: s.boolean(),
		suppress_mail: s.boolean(),
	},
	{ required: ['start_time', 'duration', 'practitioner_id'] },
);

const rescheduleBody = s.object(
	{
		practitioner_id: s.id(),
		duration: s.number({ min: 1 }),
		start_time: s.string({ format: 'date-time' }),
		suppress_mail: s.boolean(),
		suppress_availability_check: s.boolean(),
	},
	{ required: [...INFERRED.rescheduleRequiredFields] },
);

const bookBody = s.object(Object.fromEntries(INFERRED.bookAppointmentBodyFields.map((field) => [field, s.id()])) as Record<string, Spec>);

const cancelBody = s.object({ suppress_mail: s.boolean(), suppress_cancellation_policy: s.boolean() });

const availabilityBody = s.object(
	{
		practitioner_id: s.id(),
		appointment_type_id: s.id(),
		location_id: s.id(),
		start_time: s.string({ format: 'date-or-date-time' }),
		duration: s.number({ min: 1 }),
	},
	{ required: [...INFERRED.slotAvailabilityRequiredFields] },
);

// ---------------------------------------------------------------------------------------------
// Routes

function checkWindow(query: Record<string, unknown>): void {
	if (query.start_date && query.end_date && String(query.end_date) < String(query.start_date)) {
		throw badRequest([{ code: 'invalid_date_range', expected: 'end_date on or after start_date', path: ['end_date'] }]);
	}
}

/** Free future slots matching the documented filters. */
function matchingSlots(state: SandboxState, query: Record<string, unknown>): SandboxSlot[] {
	checkWindow(query);
	const locationIds = asList(query.location_id);
	const practitionerIds = asList(query.practitioner_id);
	return freeSlots(state).filter((slot) => {
		if (locationIds.length && !locationIds.includes(slot.location_id)) return false;
		if (practitionerIds.length && !practitionerIds.includes(slot.practitioner_id)) return false;
		if (query.appointment_type_id !== undefined && slot.appointment_type_id !== query.appointment_type_id) return false;
		const day = londonDate(slot.start_time);
		if (query.start_date !== undefined && day < String(query.start_date)) return false;
		if (query.end_date !== undefined && day > String(query.end_date)) return false;
		return true;
	});
}

const routes: Route[] = [
	{
		method: 'GET',
		path: '/v1/appointment_types',
		query: s.object({ location_ids: q.ids(), has_availability: q.boolean() }),
		handler: ({ query, state }) => {
			const locationIds = asList(query.location_ids);
			const free = freeSlots(state);
			const data = [...appointmentTypes(state).values()]
				.filter((t) => !locationIds.length || t.location_ids.some((id) => locationIds.includes(id)))
				.map(({ location_ids: _l, cancellation_policy_hours: _c, ...seed }) => {
					const own = free.filter((slot) => slot.appointment_type_id === seed.id);
					return { ...seed, next_available_at: own[0]?.start_time ?? null, slot_count: own.length };
				})
				.filter((t) => query.has_availability !== 'true' || t.slot_count > 0);
			return { data, count: data.length };
		},
	},
	{
		method: 'GET',
		path: '/v1/locations',
		query: s.object({ appointment_type_ids: q.ids(), has_availability: q.boolean() }),
		handler: ({ query, state }) => {
			const typeIds = asList(query.appointment_type_ids);
			const free = freeSlots(state);
			const types = [...appointmentTypes(state).values()];
			const data = [...locations(state).values()]
				.filter((l) => !typeIds.length || types.some((t) => typeIds.includes(t.id) && t.location_ids.includes(l.id)))
				.filter((l) => query.has_availability !== 'true' || free.some((slot) => slot.location_id === l.id))
				.map((l) => structuredClone(l));
			return { data, count: data.length };
		},
	},
	{
		method: 'GET',
		path: '/v1/practitioners',
		query: s.object({ location_ids: q.ids(), appointment_type_ids: q.ids(), has_availability: q.boolean() }),
		handler: ({ query, state }) => {
			const locationIds = asList(query.location_ids);
			const typeIds = asList(query.appointment_type_ids);
			const free = freeSlots(state);
			const data = [...practitioners(state).values()]
				.filter((p) => !locationIds.length || p.location_ids.some((id) => locationIds.includes(id)))
				.filter((p) => !typeIds.length || p.appointment_type_ids.some((id) => typeIds.includes(id)))
				.filter((p) => query.has_availability !== 'true' || free.some((slot) => slot.practitioner_id === p.id))
				.map((p) => structuredClone(p));
			return { data, count: data.length };
		},
	},
	{
		method: 'GET',
		path: '/v1/practitioners/:id',
		handler: ({ params, state }) => structuredClone(requireFrom(practitioners(state), params.id, 'Practitioner')),
	},
	{
		method: 'GET',
		path: '/v1/slots/count',
		query: s.object({ appointment_type_id: s.id(), location_id: s.id(), practitioner_id: s.id(), start_date: dateQuery, end_date: dateQuery }),
		handler: ({ query, state }) => ({ [INFERRED.slotCountField]: matchingSlots(state, query).length }),
	},
	{
		method: 'GET',
		path: '/v1/slots',
		query: s.object({ location_id: q.ids(), practitioner_id: q.ids(), appointment_type_id: s.id(), start_date: dateQuery, end_date: dateQuery, ...pageQuery }),
		handler: ({ query, state }) => {
			if (query.page_size !== undefined && Number(query.page_size) > INFERRED.pageSize) {
				throw badRequest([{ code: 'too_big', expected: `page_size of at most ${INFERRED.pageSize}`, path: ['page_size'] }]);
			}
			const matched = page(matchingSlots(state, query), query, INFERRED.firstPageIndex);
			const result = { data: matched.data.map(slotView), count: matched.count };
			const config = bookingConfig(state);
			if (config.raceTake > 0) {
				// Another client books these slots after this answer was computed (taken between list and reserve).
				for (const listed of result.data.slice(0, config.raceTake)) bookForOtherClient(state, slots(state).get(listed.id)!);
				config.raceTake = 0;
			}
			return result;
		},
	},
	{
		method: 'GET',
		path: '/v1/slots/:id',
		handler: ({ params, state }) => slotView(requireFrom(slots(state), params.id, 'Slot')),
	},
	{
		method: 'POST',
		path: '/v1/slots/availability',
		body: availabilityBody,
		bodyRequired: true,
		handler: ({ body, state }) => {
			requireFrom(appointmentTypes(state), body.appointment_type_id, 'Appointment type');
			requireFrom(locations(state), body.location_id, 'Location');
			requireFrom(practitioners(state), body.practitioner_id, 'Practitioner');
			const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(body.start_time);
			const available = freeSlots(state).some(
				(slot) =>
					slot.practitioner_id === body.practitioner_id &&
					slot.location_id === body.location_id &&
					slot.appointment_type_id === body.appointment_type_id &&
					(dateOnly ? londonDate(slot.start_time) === body.start_time : Date.parse(slot.start_time) === Date.parse(body.start_time)) &&
					(Date.parse(slot.finish_time) - Date.parse(slot.start_time)) / 60_000 >= body.duration,
			);
			return { available };
		},
	},
	{
		method: 'POST',
		path: '/v1/appointments',
		body: createBody,
		bodyRequired: true,
		handler: ({ body, state }) => {
			const typeSeed = requireFrom(appointmentTypes(state), body.appointment_type_id, 'Appointment type');
			requireFrom(locations(state), body.location_id, 'Location');
			if (!typeSeed.location_ids.includes(body.location_id)) {
				throw badRequest([{ code: 'invalid_combination', expected: 'a location that offers this appointment type', path: ['location_id'] }]);
			}
			if (body.patient_id !== undefined) requirePatient(state, body.patient_id);
			if (body.billpayer_id !== undefined) requirePatient(state, body.billpayer_id);
			const slot = claimableSlot(state, body, body.suppress_availability_check === true);
			const appointment = newAppointment(state, {
				patient_id: body.patient_id ?? null,
				practitioner_id: body.practitioner_id,
				location_id: body.location_id,
				appointment_type_id: body.appointment_type_id,
				duration: body.duration,
				start_time: body.start_time,
				reason: body.reason,
				billpayer_id: body.billpayer_id,
				suppress_mail: body.suppress_mail,
			});
			hold(appointment, slot);
			return { id: appointment.id, reserved_until: appointment.reserved_until };
		},
	},
	{
		method: 'GET',
		path: '/v1/appointments/:id',
		handler: ({ params, state }) => appointmentView(requireAppointment(state, params.id)),
	},
	{
		method: 'GET',
		path: '/v1/appointments/:id/status',
		handler: ({ params, state }) => {
			const appointment = requireAppointment(state, params.id);
			return { id: appointment.id, status: appointmentStatus(appointment) };
		},
	},
	{
		method: 'PUT',
		path: '/v1/appointments/:id',
		body: editBody,
		bodyRequired: true,
		handler: ({ params, body, state }) => {
			const appointment = requireAppointment(state, params.id);
			if (appointment.status === 'confirmed') throw conflict('A booked appointment cannot be edited; reschedule it instead');
			if (appointment.status === 'cancelled') throw conflict('The appointment is cancelled');
			if (!reservationLive(appointment, Date.now())) throw conflict('The reservation has expired; create a new one');
			const target = { ...appointment, practitioner_id: body.practitioner_id, start_time: body.start_time, duration: body.duration };
			const slot = claimableSlot(state, target, body.suppress_availability_check === true, appointment.id);
			appointment.moves.push({ from: appointment.start_time, to: body.start_time, practitioner_id: body.practitioner_id, at: new Date().toISOString(), by: 'edit' });
			release(state, appointment);
			appointment.practitioner_id = body.practitioner_id;
			appointment.start_time = body.start_time === null ? null : new Date(Date.parse(body.start_time)).toISOString();
			appointment.duration = body.duration;
			if (body.suppress_mail !== undefined) appointment.suppress_mail = body.suppress_mail;
			hold(appointment, slot);
			return appointmentView(appointment);
		},
	},
	{
		method: INFERRED.bookAppointmentMethod,
		path: INFERRED.bookAppointmentPath(':id'),
		body: bookBody,
		handler: ({ params, body, state }) => {
			const appointment = requireAppointment(state, params.id);
			if (appointment.status === 'cancelled') throw conflict('The appointment is cancelled');
			if (appointment.status === 'confirmed') throw taken('The appointment is already booked');
			if (!reservationLive(appointment, Date.now())) throw taken(`The reservation expired at ${appointment.reserved_until}; reserve a slot again`);
			if (appointment.patient_id && body.patient_id && body.patient_id !== appointment.patient_id) {
				throw badRequest([{ code: 'invalid_combination', expected: 'the patient of the reservation', path: ['patient_id'] }]);
			}
			const patientId = appointment.patient_id ?? body.patient_id;
			if (!patientId) throw badRequest([{ code: 'invalid_type', expected: 'required (the reservation has no patient)', path: ['patient_id'] }]);
			requirePatient(state, patientId);
			const slot = appointment.slot_id ? slots(state).get(appointment.slot_id) : undefined;
			if (slot && slot.held_by !== appointment.id) throw taken('That slot has already been taken');
			appointment.patient_id = patientId;
			appointment.status = 'confirmed';
			appointment.booking_confirmed_at = new Date().toISOString();
			appointment.reserved_until = null;
			state.emit('appointment.confirmed', 'Appointment', appointment.id);
			return appointmentView(appointment);
		},
	},
	{
		method: 'PATCH',
		path: '/v1/appointments/:id/cancel',
		body: cancelBody,
		handler: ({ params, body, state }) => {
			const appointment = requireAppointment(state, params.id);
			if (appointment.status === 'cancelled') throw conflict('The appointment is already cancelled');
			if (appointment.status === 'confirmed' && body.suppress_cancellation_policy !== true && appointment.start_time) {
				const hoursLeft = (Date.parse(appointment.start_time) - Date.now()) / 3_600_000;
				if (hoursLeft < appointment.cancellation_policy_hours) {
					throw conflict(`Inside the ${appointment.cancellation_policy_hours}-hour cancellation policy; set suppress_cancellation_policy to cancel anyway`);
				}
			}
			release(state, appointment);
			appointment.status = 'cancelled';
			appointment.cancelled_at = new Date().toISOString();
			if (body.suppress_mail !== undefined) appointment.suppress_mail = body.suppress_mail;
			state.emit('appointment.cancelled', 'Appointment', appointment.id);
			return appointmentView(appointment);
		},
	},
	{
		method: 'PATCH',
		path: '/v1/appointments/:id/reschedule',
		body: rescheduleBody,
		bodyRequired: true,
		handler: ({ params, body, state }) => {
			const appointment = requireAppointment(state, params.id);
			if (appointment.status === 'cancelled') throw conflict('The appointment is cancelled');
			if (appointment.status !== 'confirmed') throw conflict('Only a booked appointment can be rescheduled; edit a reservation instead');
			const target = { ...appointment, practitioner_id: body.practitioner_id, start_time: body.start_time, duration: body.duration };
			const slot = claimableSlot(state, target, body.suppress_availability_check === true, appointment.id);
			appointment.moves.push({ from: appointment.start_time, to: body.start_time, practitioner_id: body.practitioner_id, at: new Date().toISOString(), by: 'reschedule' });
			release(state, appointment);
			appointment.practitioner_id = body.practitioner_id;
			appointment.start_time = new Date(Date.parse(body.start_time)).toISOString();
			appointment.duration = body.duration;
			if (body.suppress_mail !== undefined) appointment.suppress_mail = body.suppress_mail;
			hold(appointment, slot);
			state.emit('appointment.rescheduled', 'Appointment', appointment.id);
			return appointmentView(appointment);
		},
	},
];

const control: Route[] = [
	{
		method: 'POST',
		path: '/__sandbox/slots/generate',
		handler: ({ body, state }) => {
			const options = (body ?? {}) as GenerateOptions;
			for (const key of ['count', 'days'] as const) {
				if (options[key] !== undefined && !(Number.isInteger(options[key]) && options[key]! >= 0)) return reply(400, { error: `${key} must be a whole number` });
			}
			if (options.from !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.from)) return reply(400, { error: 'from must be YYYY-MM-DD' });
			const created = generateSlots(state, options);
			return { count: created.length, first_start_time: created[0]?.start_time ?? null, last_start_time: created.at(-1)?.start_time ?? null };
		},
	},
	{
		method: 'POST',
		path: '/__sandbox/slots',
		handler: ({ body, state }) => {
			try {
				return slotView(addSlot(state, body ?? {}));
			} catch (error) {
				if (error instanceof HeroError) return reply(error.status, error.body);
				throw error;
			}
		},
	},
	{
		method: 'POST',
		path: '/__sandbox/slots/race',
		handler: ({ body, state }) => {
			const take = Number(body?.take ?? 1);
			if (!Number.isInteger(take) || take < 0) return reply(400, { error: 'take must be a whole number' });
			bookingConfig(state).raceTake = take;
			return { ok: true, take };
		},
	},
	{
		method: 'POST',
		path: '/__sandbox/booking/config',
		handler: ({ body, state }) => {
			const config = bookingConfig(state);
			if (body?.reservationSeconds !== undefined) {
				if (typeof body.reservationSeconds !== 'number' || body.reservationSeconds < 0) return reply(400, { error: 'reservationSeconds must be a number >= 0' });
				config.reservationSeconds = body.reservationSeconds;
			}
			return { reservationSeconds: config.reservationSeconds };
		},
	},
];

export const bookingRoutes: RouteModule = {
	routes,
	control,
	seed(state) {
		locations(state);
		appointmentTypes(state);
		practitioners(state);
		appointments(state);
		bookingConfig(state);
		generateSlots(state);
	},
};
