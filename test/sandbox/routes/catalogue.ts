/**
 * Booking catalogue: appointment types, locations and practitioners (fictional seed data, read-only).
 *
 * - `GET /v1/appointment_types`, `/v1/locations`, `/v1/practitioners` filter by each other and, with
 *   `has_availability=true`, by the free future slots (`./slots`). Appointment types carry
 *   `next_available_at` and `slot_count` from those slots.
 * - Sandbox-only fields on the seed (`location_ids`, `cancellation_policy_hours`) say where a type is
 *   offered and how long before its start a booked appointment may still be cancelled (`./appointments`).
 *
 * Slots (`./slots`) and appointments (`./appointments`) are the other two booking modules; the three
 * import each other's helpers only inside functions, so their load order does not matter.
 */
import { notFound } from '../errors';
import { q, s } from '../schema';
import type { SandboxState } from '../state';
import type { Route, RouteModule } from '../types';
import { asList, freeSlots } from './slots';

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
	{
		id: '3001',
		name: 'Riverside Surgery',
		address: { line_1: '1 Sandbox Street', town: 'Leeds', postcode: 'LS1 4AP' },
	},
	{
		id: '3002',
		name: 'Hillside Branch Surgery',
		address: { line_1: '22 Hill Road', town: 'Leeds', postcode: 'LS6 2AB' },
	},
	{
		id: '3003',
		name: 'Old Mill Health Centre',
		address: { line_1: '5 Mill Lane', town: 'Leeds', postcode: 'LS10 1QR' },
	},
];

const type = (
	fields: Partial<SandboxAppointmentTypeSeed> &
		Pick<
			SandboxAppointmentTypeSeed,
			'id' | 'name' | 'duration' | 'practitioner_type' | 'location_ids'
		>,
): SandboxAppointmentTypeSeed => ({
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
	type({
		id: '4001',
		name: 'GP Appointment',
		duration: 15,
		practitioner_type: 'GP',
		location_ids: ['3001'],
	}),
	type({
		id: '4002',
		name: 'Nurse Appointment',
		duration: 20,
		practitioner_type: 'Nurse',
		location_ids: ['3002'],
		assignee_id: '42',
		assignee_type: 'AdminTeam',
	}),
	type({
		id: '4003',
		name: 'GP Telephone Consultation',
		duration: 10,
		practitioner_type: 'GP',
		location_ids: ['3002'],
		in_person: false,
		telephone: true,
		cancellation_policy_hours: 2,
	}),
	type({
		id: '4004',
		name: 'Flu Vaccination',
		duration: 5,
		practitioner_type: 'Nurse',
		location_ids: ['3003'],
	}),
];

export const SEED_PRACTITIONERS: SandboxPractitioner[] = [
	{
		id: '5001',
		title: 'Dr',
		first_name: 'Priya',
		last_name: 'Shah',
		practitioner_type: 'GP',
		location_ids: ['3001', '3002'],
		appointment_type_ids: ['4001', '4003'],
	},
	{
		id: '5002',
		title: 'Dr',
		first_name: 'Tom',
		last_name: 'Evans',
		practitioner_type: 'GP',
		location_ids: ['3001'],
		appointment_type_ids: ['4001'],
	},
	{
		id: '5003',
		title: 'Nurse',
		first_name: 'Jane',
		last_name: 'Brown',
		practitioner_type: 'Nurse',
		location_ids: ['3002'],
		appointment_type_ids: ['4002'],
	},
	{
		id: '5004',
		title: 'Nurse',
		first_name: 'Ali',
		last_name: 'Khan',
		practitioner_type: 'Nurse',
		location_ids: ['3003'],
		appointment_type_ids: ['4004'],
	},
];

// ---------------------------------------------------------------------------------------------
// State

export function locations(state: SandboxState): Map<string, SandboxLocation> {
	return state.slice(
		'locations',
		() => new Map(SEED_LOCATIONS.map((l) => [l.id, structuredClone(l)])),
	);
}
export function appointmentTypes(state: SandboxState): Map<string, SandboxAppointmentTypeSeed> {
	return state.slice(
		'appointmentTypes',
		() => new Map(SEED_APPOINTMENT_TYPES.map((t) => [t.id, structuredClone(t)])),
	);
}
export function practitioners(state: SandboxState): Map<string, SandboxPractitioner> {
	return state.slice(
		'practitioners',
		() => new Map(SEED_PRACTITIONERS.map((p) => [p.id, structuredClone(p)])),
	);
}

export const requireFrom = <T>(map: Map<string, T>, id: string, what: string): T => {
	const found = map.get(id);
	if (!found) throw notFound(what);
	return found;
};

// ---------------------------------------------------------------------------------------------
// Routes

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
				.filter(
					(l) =>
						!typeIds.length ||
						types.some((t) => typeIds.includes(t.id) && t.location_ids.includes(l.id)),
				)
				.filter(
					(l) =>
						query.has_availability !== 'true' || free.some((slot) => slot.location_id === l.id),
				)
				.map((l) => structuredClone(l));
			return { data, count: data.length };
		},
	},
	{
		method: 'GET',
		path: '/v1/practitioners',
		query: s.object({
			location_ids: q.ids(),
			appointment_type_ids: q.ids(),
			has_availability: q.boolean(),
		}),
		handler: ({ query, state }) => {
			const locationIds = asList(query.location_ids);
			const typeIds = asList(query.appointment_type_ids);
			const free = freeSlots(state);
			const data = [...practitioners(state).values()]
				.filter((p) => !locationIds.length || p.location_ids.some((id) => locationIds.includes(id)))
				.filter((p) => !typeIds.length || p.appointment_type_ids.some((id) => typeIds.includes(id)))
				.filter(
					(p) =>
						query.has_availability !== 'true' || free.some((slot) => slot.practitioner_id === p.id),
				)
				.map((p) => structuredClone(p));
			return { data, count: data.length };
		},
	},
	{
		method: 'GET',
		path: '/v1/practitioners/:id',
		handler: ({ params, state }) =>
			structuredClone(requireFrom(practitioners(state), params.id, 'Practitioner')),
	},
];

export const catalogueRoutes: RouteModule = {
	routes,
	seed(state) {
		locations(state);
		appointmentTypes(state);
		practitioners(state);
	},
};
