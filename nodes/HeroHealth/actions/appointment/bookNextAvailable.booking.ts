/** Appointment → Book Next Available: booking the first free slot of the queue, and naming what it reserved. */
import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { INFERRED, heroApiRequest, pathId } from '../../transport';
import { toIsoDateTime } from '../../validation';
import { LABELS, type BookingSearch } from './bookNextAvailable.search';
import { readableFields } from '../../shared/bookingNames';
import { HERO_TIME_ZONE } from '../../shared/time';
import { WRITE_ANSWER } from './write';

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

/** An appointment this item reserved, and what became of it. */
export interface Reservation {
	id: string;
	outcome: string;
}

/**
 * Once a reservation exists, a retry of the item would reserve (and book) another slot: every
 * error from then on says which appointments were made and what became of them.
 */
export function namingReservations(error: Error, reservations: Reservation[]): Error {
	if (reservations.length === 0) return error;
	const named = reservations
		.map((reservation) => `appointment ${reservation.id} (${reservation.outcome})`)
		.join(', ');
	error.message = `${error.message} (after reserving ${named})`;
	const advice =
		'Check these appointments in Hero (Appointment → Get) before running the item again: a new run books another slot.';
	(error as NodeApiError).description = [(error as NodeApiError).description, advice]
		.filter(Boolean)
		.join('\n');
	return error;
}

/**
 * What a message to the patient needs without further lookups: the start in Hero's time
 * (Europe/London) and the names of the type, practitioner and location (names.ts).
 */
const namesFor = (
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): Promise<IDataObject> => readableFields(ctx, itemIndex, body, HERO_TIME_ZONE);

export async function bookFirstFree(
	this: IExecuteFunctions,
	itemIndex: number,
	search: BookingSearch,
	queue: IDataObject[],
	reservations: Reservation[],
): Promise<IDataObject> {
	const tried: IDataObject[] = [];
	for (const slot of queue.slice(0, search.maxAttempts)) {
		const start = Date.parse(String(slot.start_time));
		const finish = Date.parse(String(slot.finish_time ?? ''));
		const duration =
			search.duration ??
			(Number.isFinite(finish) && finish > start
				? Math.round((finish - start) / 60_000)
				: undefined);
		if (duration === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`Slot ${String(slot.id)} has no finish time to take the appointment length from`,
				{
					itemIndex,
					description: `Set ${LABELS.options} → Duration (Minutes) to the appointment length.`,
				},
			);
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

		const reservation = await settle(
			heroApiRequest.call(this, {
				method: 'POST',
				path: '/v1/appointments',
				body,
				repeatable: false,
				itemIndex,
			}),
		);
		if (!reservation.ok) {
			if (!isTaken(reservation.error)) throw reservation.error;
			tried.push({
				slot_id: slot.id,
				start_time: slot.start_time,
				outcome: 'taken before it could be reserved',
			});
			continue;
		}
		const appointmentId = String(reservation.value.id);
		const made: Reservation = {
			id: appointmentId,
			outcome: 'reserved; whether it was booked is not known',
		};
		reservations.push(made);
		const booking = await settle(
			heroApiRequest.call(this, {
				method: INFERRED.bookAppointmentMethod,
				path: INFERRED.bookAppointmentPath(pathId(appointmentId)),
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
					path: `/v1/appointments/${pathId(appointmentId)}/cancel`,
					body: { suppress_mail: true },
					repeatable: false,
					expect: WRITE_ANSWER,
					itemIndex,
				}),
			);
			made.outcome = release.ok
				? 'reserved but could not be booked; released'
				: 'reserved but could not be booked; not released, it lapses at reserved_until';
			tried.push({
				slot_id: slot.id,
				start_time: slot.start_time,
				appointment_id: appointmentId,
				outcome: 'reserved but could not be booked',
			});
			continue;
		}
		made.outcome = 'booked';
		// The booking went through: a failed read-back must not fail the item (a retry would book again).
		const readBack = await settle(
			heroApiRequest.call(this, {
				method: 'GET',
				path: `/v1/appointments/${pathId(appointmentId)}`,
				itemIndex,
			}),
		);
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
	return {
		booked: false,
		reason,
		attempts: tried.length,
		slots_matched: queue.length,
		skipped: tried,
	};
}
