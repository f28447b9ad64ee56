/**
 * Booking slots, with state.
 *
 * Rules (Hero's documented flow: list types → list slots → create (reserve) → book (confirm)):
 * - Slots are seeded for the coming four weeks (weekdays, from tomorrow, Europe/London wall-clock
 *   times), so tests never depend on today's hour. Lists show free future slots only.
 * - A slot is free unless a booked appointment or a live reservation (`./appointments`) holds it.
 *
 * Test-only control routes (no auth):
 * - `POST /__sandbox/slots/generate {count?, days?, from?}` replaces every slot: `count` slots (e.g.
 *   10000 for load tests) or every slot of `days` days (default 28), weekdays from `from` (default tomorrow).
 * - `POST /__sandbox/slots {practitioner_id, location_id, appointment_type_id, start_time, duration?}` adds one slot.
 * - `POST /__sandbox/slots/race {take}` makes "another client" book the first `take` slots of the next
 *   `GET /v1/slots` answer right after it is computed (taken between list and reserve).
 */
import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { toIsoDateTime } from '../../../nodes/HeroHealth/validation';
import { HeroError, badRequest } from '../errors';
import { q, s } from '../schema';
import { page, type SandboxState } from '../state';
import type { Route, RouteModule } from '../types';
import { reply } from '../types';
import { appointments, bookForOtherClient, reservationLive } from './appointments';
import { appointmentTypes, locations, practitioners, requireFrom } from './catalogue';

export const HERO_ZONE = 'Europe/London';
export const DEFAULT_RESERVATION_SECONDS = 600;
export const DEFAULT_SLOT_DAYS = 28;
const FIRST_SLOT_ID = 600001;

/** Each weekday's sessions (Europe/London wall clock): 39 slots a day. Flu vaccination (4004) has none. */
export const WEEKDAY_SESSIONS = [
	{
		practitioner_id: '5001',
		location_id: '3001',
		appointment_type_id: '4001',
		start: '09:00',
		every: 15,
		count: 12,
	},
	{
		practitioner_id: '5002',
		location_id: '3001',
		appointment_type_id: '4001',
		start: '14:00',
		every: 15,
		count: 12,
	},
	{
		practitioner_id: '5001',
		location_id: '3002',
		appointment_type_id: '4003',
		start: '14:00',
		every: 10,
		count: 6,
	},
	{
		practitioner_id: '5003',
		location_id: '3002',
		appointment_type_id: '4002',
		start: '09:00',
		every: 20,
		count: 9,
	},
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

export interface BookingConfig {
	reservationSeconds: number;
	/** Slots "another client" books right after the next GET /v1/slots answer. */
	raceTake: number;
	nextSlotId: number;
}

export function slots(state: SandboxState): Map<string, SandboxSlot> {
	return state.slice('slots', () => new Map<string, SandboxSlot>());
}

export function bookingConfig(state: SandboxState): BookingConfig {
	return state.slice('bookingConfig', () => ({
		reservationSeconds: DEFAULT_RESERVATION_SECONDS,
		raceTake: 0,
		nextSlotId: FIRST_SLOT_ID,
	}));
}

// ---------------------------------------------------------------------------------------------
// Time helpers

const LONDON_DAY = new Intl.DateTimeFormat('en-GB', {
	timeZone: HERO_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
});
const dayCache = new Map<string, string>();

/** `YYYY-MM-DD` of an instant in Europe/London (memoised: lists ask it of every slot). */
export function londonDate(instant: number | string): string {
	const key = String(instant);
	let day = dayCache.get(key);
	if (day === undefined) {
		const parts = Object.fromEntries(
			LONDON_DAY.formatToParts(
				new Date(typeof instant === 'string' ? Date.parse(instant) : instant),
			).map((p) => [p.type, p.value]),
		);
		day = `${parts.year}-${parts.month}-${parts.day}`;
		if (dayCache.size > 200_000) dayCache.clear();
		dayCache.set(key, day);
	}
	return day;
}

/** Europe/London's offset from UTC on a date, in ms (clocks change at night on Sundays, never during weekday sessions). */
function londonOffsetMs(date: string): number {
	return (
		Date.parse(`${date}T12:00:00Z`) - Date.parse(toIsoDateTime(`${date}T12:00:00`, HERO_ZONE)!)
	);
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
		daySlots.sort(
			(a, b) =>
				a.start_time.localeCompare(b.start_time) ||
				a.practitioner_id.localeCompare(b.practitioner_id),
		);
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
export function addSlot(
	state: SandboxState,
	fields: {
		practitioner_id: string;
		location_id: string;
		appointment_type_id: string;
		start_time: string;
		duration?: number;
	},
): SandboxSlot {
	const config = bookingConfig(state);
	const typeSeed = requireFrom(
		appointmentTypes(state),
		fields.appointment_type_id,
		'Appointment type',
	);
	requireFrom(practitioners(state), fields.practitioner_id, 'Practitioner');
	requireFrom(locations(state), fields.location_id, 'Location');
	const start = new Date(Date.parse(fields.start_time));
	if (Number.isNaN(start.getTime()))
		throw badRequest([{ code: 'invalid_string', expected: 'date-time', path: ['start_time'] }]);
	const slot: SandboxSlot = {
		id: String(config.nextSlotId++),
		practitioner_id: fields.practitioner_id,
		appointment_type_id: fields.appointment_type_id,
		location_id: fields.location_id,
		start_time: start.toISOString(),
		finish_time: new Date(
			start.getTime() + (fields.duration ?? typeSeed.duration) * 60_000,
		).toISOString(),
		held_by: null,
	};
	// Keep the map in start-time order.
	const all = [...slots(state).values(), slot].sort(
		(a, b) => a.start_time.localeCompare(b.start_time) || a.id.localeCompare(b.id),
	);
	slots(state).clear();
	for (const entry of all) slots(state).set(entry.id, entry);
	return slot;
}

/** Whether the slot is free for `forAppointment` (its own hold does not count). */
export function slotFree(
	state: SandboxState,
	slot: SandboxSlot,
	now = Date.now(),
	forAppointment?: string,
): boolean {
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
export function freeSlots(state: SandboxState, now = Date.now()): SandboxSlot[] {
	const free: SandboxSlot[] = [];
	for (const slot of slots(state).values())
		if (startOf(slot) > now && slotFree(state, slot, now)) free.push(slot);
	return free;
}

const slotView = ({ held_by: _heldBy, ...slot }: SandboxSlot) => slot;

export const asList = (value: unknown): string[] =>
	value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];

export function findSlot(
	state: SandboxState,
	practitionerId: string,
	locationId: string,
	typeId: string,
	startTime: string,
): SandboxSlot | undefined {
	const start = Date.parse(startTime);
	for (const slot of slots(state).values()) {
		if (
			slot.practitioner_id === practitionerId &&
			slot.location_id === locationId &&
			slot.appointment_type_id === typeId &&
			Date.parse(slot.start_time) === start
		)
			return slot;
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------------
// Schemas

const dateQuery = s.string({ format: 'date' });
const pageQuery = { page_index: q.integer(0), page_size: q.integer(1) };

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
		throw badRequest([
			{
				code: 'invalid_date_range',
				expected: 'end_date on or after start_date',
				path: ['end_date'],
			},
		]);
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
		if (
			query.appointment_type_id !== undefined &&
			slot.appointment_type_id !== query.appointment_type_id
		)
			return false;
		const day = londonDate(slot.start_time);
		if (query.start_date !== undefined && day < String(query.start_date)) return false;
		if (query.end_date !== undefined && day > String(query.end_date)) return false;
		return true;
	});
}

const routes: Route[] = [
	{
		method: 'GET',
		path: '/v1/slots/count',
		query: s.object({
			appointment_type_id: s.id(),
			location_id: s.id(),
			practitioner_id: s.id(),
			start_date: dateQuery,
			end_date: dateQuery,
		}),
		handler: ({ query, state }) => ({
			[INFERRED.slotCountField]: matchingSlots(state, query).length,
		}),
	},
	{
		method: 'GET',
		path: '/v1/slots',
		query: s.object({
			location_id: q.ids(),
			practitioner_id: q.ids(),
			appointment_type_id: s.id(),
			start_date: dateQuery,
			end_date: dateQuery,
			...pageQuery,
		}),
		handler: ({ query, state }) => {
			if (query.page_size !== undefined && Number(query.page_size) > INFERRED.pageSize) {
				throw badRequest([
					{
						code: 'too_big',
						expected: `page_size of at most ${INFERRED.pageSize}`,
						path: ['page_size'],
					},
				]);
			}
			const matched = page(matchingSlots(state, query), query, INFERRED.firstPageIndex);
			const result = { data: matched.data.map(slotView), count: matched.count };
			const config = bookingConfig(state);
			if (config.raceTake > 0) {
				// Another client books these slots after this answer was computed (taken between list and reserve).
				for (const listed of result.data.slice(0, config.raceTake))
					bookForOtherClient(state, slots(state).get(listed.id)!);
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
					(dateOnly
						? londonDate(slot.start_time) === body.start_time
						: Date.parse(slot.start_time) === Date.parse(body.start_time)) &&
					(Date.parse(slot.finish_time) - Date.parse(slot.start_time)) / 60_000 >= body.duration,
			);
			return { available };
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
				if (options[key] !== undefined && !(Number.isInteger(options[key]) && options[key]! >= 0))
					return reply(400, { error: `${key} must be a whole number` });
			}
			if (options.from !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.from))
				return reply(400, { error: 'from must be YYYY-MM-DD' });
			const created = generateSlots(state, options);
			return {
				count: created.length,
				first_start_time: created[0]?.start_time ?? null,
				last_start_time: created.at(-1)?.start_time ?? null,
			};
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
			if (!Number.isInteger(take) || take < 0)
				return reply(400, { error: 'take must be a whole number' });
			bookingConfig(state).raceTake = take;
			return { ok: true, take };
		},
	},
];

export const slotRoutes: RouteModule = {
	routes,
	control,
	seed(state) {
		generateSlots(state);
	},
};
