/**
 * Booking appointments, with state.
 *
 * Rules (Hero's documented flow: list types → list slots → create (reserve) → book (confirm)):
 * - A reservation holds its slot (`./slots`) until `reserved_until` (10 minutes; see `/__sandbox/booking/config`).
 *   After that the slot is free again and the reservation can no longer be booked.
 * - Reserving or booking a slot someone else holds answers `INFERRED.slotTakenStatus` (409).
 * - Book confirms a live reservation (needs a patient), Cancel frees the slot (a booked one only
 *   outside the cancellation policy unless `suppress_cancellation_policy`), Reschedule moves a booked
 *   appointment to another free slot, Edit (PUT) changes a reservation and refuses a booked one.
 * - Book, Cancel and Reschedule record `appointment.confirmed|cancelled|rescheduled` events.
 *
 * Test-only control routes (no auth):
 * - `POST /__sandbox/booking/config {reservationSeconds}` sets how long a reservation holds its slot.
 */
import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { HeroError, badRequest, conflict } from '../errors';
import { s, type Spec } from '../schema';
import type { SandboxState } from '../state';
import type { Route, RouteModule } from '../types';
import { reply } from '../types';
import { appointmentTypes, locations, practitioners, requireFrom } from './catalogue';
import { requirePatient } from './patients';
import { bookingConfig, findSlot, slotFree, slots, type SandboxSlot } from './slots';

/** The patient "another client" books for in the race hook. */
export const OTHER_CLIENT_PATIENT_ID = '2005';

// ---------------------------------------------------------------------------------------------
// State

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
	moves: Array<{
		from: string | null;
		to: string | null;
		practitioner_id: string;
		at: string;
		by: 'edit' | 'reschedule';
	}>;
}

export function appointments(state: SandboxState): Map<string, SandboxAppointment> {
	return state.slice('appointments', () => new Map<string, SandboxAppointment>());
}

export const reservationLive = (appointment: SandboxAppointment, now: number) =>
	appointment.status === 'reserved' &&
	appointment.reserved_until !== null &&
	Date.parse(appointment.reserved_until) > now;

// ---------------------------------------------------------------------------------------------
// Appointments

function appointmentView(appointment: SandboxAppointment, now = Date.now()) {
	const start = appointment.start_time ? Date.parse(appointment.start_time) : NaN;
	const insidePolicy =
		Number.isFinite(start) && start - now < appointment.cancellation_policy_hours * 3_600_000;
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
		...(appointment.video
			? { video_url: `https://video.herohealth.net/sandbox/${appointment.id}` }
			: {}),
		link_id: appointment.link_id,
		reserved_until: appointment.reserved_until,
		booking_confirmed_at: appointment.booking_confirmed_at,
		can_be_cancelled: live && (appointment.status === 'reserved' || !insidePolicy),
		can_be_rescheduled: appointment.status === 'confirmed' && Number.isFinite(start) && start > now,
		cancellation_policy_hours: appointment.cancellation_policy_hours,
		suppress_mail: appointment.suppress_mail,
	};
}

export function appointmentStatus(
	appointment: SandboxAppointment,
	now = Date.now(),
): (typeof INFERRED.appointmentStatuses)[number] {
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
	target: {
		practitioner_id: string;
		location_id: string;
		appointment_type_id: string;
		start_time: string | null;
		duration: number;
	},
	suppressCheck: boolean,
	forAppointment?: string,
): SandboxSlot | undefined {
	const practitioner = requireFrom(practitioners(state), target.practitioner_id, 'Practitioner');
	if (
		!practitioner.location_ids.includes(target.location_id) ||
		!practitioner.appointment_type_ids.includes(target.appointment_type_id)
	) {
		throw badRequest([
			{
				code: 'invalid_combination',
				expected: 'a practitioner who offers this appointment type at this location',
				path: ['practitioner_id'],
			},
		]);
	}
	if (target.start_time === null) {
		if (suppressCheck) return undefined;
		throw badRequest([
			{
				code: 'invalid_type',
				expected: 'a start_time (null only with suppress_availability_check)',
				path: ['start_time'],
			},
		]);
	}
	const slot = findSlot(
		state,
		target.practitioner_id,
		target.location_id,
		target.appointment_type_id,
		target.start_time,
	);
	if (suppressCheck)
		return slot && slotFree(state, slot, Date.now(), forAppointment) ? slot : undefined;
	if (!slot || Date.parse(slot.start_time) <= Date.now())
		throw taken(
			'No bookable slot starts at that time for this practitioner, location and appointment type',
		);
	if (!slotFree(state, slot, Date.now(), forAppointment))
		throw taken('That slot has already been taken');
	const length = (Date.parse(slot.finish_time) - Date.parse(slot.start_time)) / 60_000;
	if (target.duration > length)
		throw badRequest([
			{
				code: 'too_big',
				expected: `a duration of at most ${length} minutes for this slot`,
				path: ['duration'],
			},
		]);
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
export function bookForOtherClient(state: SandboxState, slot: SandboxSlot): void {
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
	fields: Pick<
		SandboxAppointment,
		| 'patient_id'
		| 'practitioner_id'
		| 'location_id'
		| 'appointment_type_id'
		| 'duration'
		| 'start_time'
	> &
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
		start_time:
			fields.start_time === null ? null : new Date(Date.parse(fields.start_time)).toISOString(),
		video: typeSeed.video,
		in_person: typeSeed.in_person,
		telephone: typeSeed.telephone,
		link_id: null,
		reserved_until: new Date(
			Date.now() + bookingConfig(state).reservationSeconds * 1000,
		).toISOString(),
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

const bookBody = s.object(
	Object.fromEntries(INFERRED.bookAppointmentBodyFields.map((field) => [field, s.id()])) as Record<
		string,
		Spec
	>,
);

const cancelBody = s.object({
	suppress_mail: s.boolean(),
	suppress_cancellation_policy: s.boolean(),
});

// ---------------------------------------------------------------------------------------------
// Routes

const routes: Route[] = [
	{
		method: 'POST',
		path: '/v1/appointments',
		body: createBody,
		bodyRequired: true,
		handler: ({ body, state }) => {
			const typeSeed = requireFrom(
				appointmentTypes(state),
				body.appointment_type_id,
				'Appointment type',
			);
			requireFrom(locations(state), body.location_id, 'Location');
			if (!typeSeed.location_ids.includes(body.location_id)) {
				throw badRequest([
					{
						code: 'invalid_combination',
						expected: 'a location that offers this appointment type',
						path: ['location_id'],
					},
				]);
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
			if (appointment.status === 'confirmed')
				throw conflict('A booked appointment cannot be edited; reschedule it instead');
			if (appointment.status === 'cancelled') throw conflict('The appointment is cancelled');
			if (!reservationLive(appointment, Date.now()))
				throw conflict('The reservation has expired; create a new one');
			const target = {
				...appointment,
				practitioner_id: body.practitioner_id,
				start_time: body.start_time,
				duration: body.duration,
			};
			const slot = claimableSlot(
				state,
				target,
				body.suppress_availability_check === true,
				appointment.id,
			);
			appointment.moves.push({
				from: appointment.start_time,
				to: body.start_time,
				practitioner_id: body.practitioner_id,
				at: new Date().toISOString(),
				by: 'edit',
			});
			release(state, appointment);
			appointment.practitioner_id = body.practitioner_id;
			appointment.start_time =
				body.start_time === null ? null : new Date(Date.parse(body.start_time)).toISOString();
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
			if (!reservationLive(appointment, Date.now()))
				throw taken(
					`The reservation expired at ${appointment.reserved_until}; reserve a slot again`,
				);
			if (appointment.patient_id && body.patient_id && body.patient_id !== appointment.patient_id) {
				throw badRequest([
					{
						code: 'invalid_combination',
						expected: 'the patient of the reservation',
						path: ['patient_id'],
					},
				]);
			}
			const patientId = appointment.patient_id ?? body.patient_id;
			if (!patientId)
				throw badRequest([
					{
						code: 'invalid_type',
						expected: 'required (the reservation has no patient)',
						path: ['patient_id'],
					},
				]);
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
			if (appointment.status === 'cancelled')
				throw conflict('The appointment is already cancelled');
			if (
				appointment.status === 'confirmed' &&
				body.suppress_cancellation_policy !== true &&
				appointment.start_time
			) {
				const hoursLeft = (Date.parse(appointment.start_time) - Date.now()) / 3_600_000;
				if (hoursLeft < appointment.cancellation_policy_hours) {
					throw conflict(
						`Inside the ${appointment.cancellation_policy_hours}-hour cancellation policy; set suppress_cancellation_policy to cancel anyway`,
					);
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
			if (appointment.status !== 'confirmed')
				throw conflict('Only a booked appointment can be rescheduled; edit a reservation instead');
			const target = {
				...appointment,
				practitioner_id: body.practitioner_id,
				start_time: body.start_time,
				duration: body.duration,
			};
			const slot = claimableSlot(
				state,
				target,
				body.suppress_availability_check === true,
				appointment.id,
			);
			appointment.moves.push({
				from: appointment.start_time,
				to: body.start_time,
				practitioner_id: body.practitioner_id,
				at: new Date().toISOString(),
				by: 'reschedule',
			});
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
		path: '/__sandbox/booking/config',
		handler: ({ body, state }) => {
			const config = bookingConfig(state);
			if (body?.reservationSeconds !== undefined) {
				if (typeof body.reservationSeconds !== 'number' || body.reservationSeconds < 0)
					return reply(400, { error: 'reservationSeconds must be a number >= 0' });
				config.reservationSeconds = body.reservationSeconds;
			}
			return { reservationSeconds: config.reservationSeconds };
		},
	},
];

export const appointmentRoutes: RouteModule = {
	routes,
	control,
	seed(state) {
		appointments(state);
		bookingConfig(state);
	},
};
