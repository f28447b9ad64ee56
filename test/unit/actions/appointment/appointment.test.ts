/**
 * Appointment → Create, Get, Update, Book, Cancel, Reschedule, Get Status through n8n's engine
 * against the sandbox: documented bodies, the inferred Book call, no retry of bookings, state rules.
 */
import { INFERRED } from '../../../../nodes/HeroHealth/transport/inferred';
import { runHeroNode } from '../../../harness/runNode';
import { appointments } from '../../../sandbox/routes/appointments';
import { slots, type SandboxSlot } from '../../../sandbox/routes/slots';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });
/** Free GP slots at least two days away (outside the 24-hour cancellation policy), earliest first. */
const gpSlots = (): SandboxSlot[] =>
	[...slots(sandbox.state).values()].filter(
		(s) =>
			s.appointment_type_id === '4001' && Date.parse(s.start_time) > Date.now() + 48 * 3_600_000,
	);

const createParams = (
	slot: SandboxSlot,
	additionalFields: Record<string, unknown> = {},
	fields: Record<string, unknown> = {},
) => ({
	resource: 'appointment',
	operation: 'create',
	appointmentTypeId: rl(slot.appointment_type_id),
	locationId: rl(slot.location_id, 'id'),
	practitionerId: rl(slot.practitioner_id),
	startTime: slot.start_time,
	duration: 15,
	additionalFields,
	...fields,
});
const op = (operation: string, appointmentId: string, fields: Record<string, unknown> = {}) => ({
	resource: 'appointment',
	operation,
	appointmentId,
	...fields,
});

async function reserve(
	slot: SandboxSlot,
	additionalFields: Record<string, unknown> = { patientId: '2001' },
): Promise<string> {
	const result = await runHeroNode(sandbox, { parameters: createParams(slot, additionalFields) });
	expect(result.error).toBeUndefined();
	return String(result.json[0].id);
}
async function reserveAndBook(slot: SandboxSlot): Promise<string> {
	const id = await reserve(slot);
	const booked = await runHeroNode(sandbox, { parameters: op('book', id) });
	expect(booked.error).toBeUndefined();
	return id;
}
const stored = (id: string) => appointments(sandbox.state).get(id)!;

describe('Appointment → Create (reserve)', () => {
	it('sends the documented body and outputs the reservation', async () => {
		const slot = gpSlots()[0];
		const result = await runHeroNode(sandbox, { parameters: createParams(slot) });
		expect(result.error).toBeUndefined();
		const [request] = sandbox.received('POST', '/v1/appointments');
		expect(request.body).toEqual({
			appointment_type_id: '4001',
			location_id: '3001',
			practitioner_id: slot.practitioner_id,
			duration: 15,
			start_time: slot.start_time,
		});
		expect(result.json).toEqual([{ id: expect.any(String), reserved_until: expect.any(String) }]);
		expect(slots(sandbox.state).get(slot.id)!.held_by).toBe(result.json[0].id);
	});

	it("sends every additional field under Hero's names", async () => {
		const slot = gpSlots()[0];
		await runHeroNode(sandbox, {
			parameters: createParams(slot, {
				patientId: '2001',
				billpayerId: ' 2002 ',
				reason: '  Asthma review ',
				suppressMail: true,
				suppressAvailabilityCheck: false,
			}),
		});
		expect(sandbox.received('POST', '/v1/appointments')[0].body).toEqual({
			appointment_type_id: '4001',
			location_id: '3001',
			practitioner_id: slot.practitioner_id,
			duration: 15,
			start_time: slot.start_time,
			patient_id: '2001',
			billpayer_id: '2002',
			reason: 'Asthma review',
			suppress_mail: true,
			suppress_availability_check: false,
		});
		const [reservation] = [...appointments(sandbox.state).values()];
		expect(reservation).toMatchObject({
			reason: 'Asthma review',
			billpayer_id: '2002',
			patient_id: '2001',
			suppress_mail: true,
		});
	});

	it('a slot someone holds answers 409, shown as a conflict', async () => {
		const slot = gpSlots()[0];
		await reserve(slot);
		const result = await runHeroNode(sandbox, {
			parameters: createParams(slot, { patientId: '2002' }),
		});
		expect(result.error?.message).toBe('That slot has already been taken');
		expect(result.error?.description).toContain('Hero answered 409 to POST /v1/appointments');
		expect(result.error?.httpCode).toBe('409');
	});

	it('is never retried once it may have reached Hero (503 → one request, "may or may not")', async () => {
		sandbox.faults.add({ kind: 'status', status: 503, path: '^/v1/appointments$', times: 1 });
		const result = await runHeroNode(sandbox, { parameters: createParams(gpSlots()[0]) });
		expect(result.error?.message).toContain('may or may not have been carried out');
		expect(sandbox.received('POST', '/v1/appointments')).toHaveLength(1);
	});

	it('runs items one at a time whatever Requests in Flight says', async () => {
		sandbox.faults.add({ kind: 'latency', latencyMs: 25, path: '^/v1/appointments$' });
		const free = gpSlots().slice(0, 4);
		const result = await runHeroNode(sandbox, {
			items: free.map((slot) => ({ start: slot.start_time, practitioner: slot.practitioner_id })),
			parameters: {
				...createParams(free[0]),
				practitionerId: rl('={{ $json.practitioner }}', 'id'),
				startTime: '={{ $json.start }}',
				requestOptions: { requestsInFlight: 5 },
			},
		});
		expect(result.json).toHaveLength(4);
		expect(sandbox.peakInFlight).toBe(1);
		expect(
			sandbox
				.received('POST', '/v1/appointments')
				.map((r) => (r.body as { start_time: string }).start_time),
		).toEqual(free.map((s) => s.start_time));
	});

	it.each([
		['a missing start time', { startTime: '={{ $json.nothing }}' }, {}, 'Start Time: is required'],
		[
			'a start time that is not a date',
			{ startTime: '31/12/2030 09:00' },
			{},
			'Start Time: expected an ISO 8601 date-time',
		],
		[
			'a zero duration',
			{ duration: 0 },
			{},
			'Duration (Minutes): expected a number of minutes, at least 1',
		],
		[
			'a location expression that is not an id',
			{ locationId: rl('={{ "Riverside" }}', 'id') },
			{},
			'Location: expected a numeric Hero ID',
		],
		[
			'a patient that is not an id',
			{},
			{ patientId: '943 476 5919' },
			'Patient ID: expected a numeric Hero ID',
		],
		[
			'a billpayer that is not an id',
			{},
			{ billpayerId: 'me' },
			'Billpayer ID: expected a numeric Hero ID',
		],
	])(
		'rejects %s before sending, without repeating the value',
		async (_name, fields, additionalFields, message) => {
			const result = await runHeroNode(sandbox, {
				parameters: createParams(gpSlots()[0], additionalFields, fields),
			});
			expect(result.error?.message.startsWith(message)).toBe(true);
			expect(result.error?.message).toMatch(/\[row 1 \(n8n item 0\)\]$/);
			expect(result.error?.message).not.toContain('943 476');
			expect(sandbox.requests).toHaveLength(0);
		},
	);
});

describe('Appointment → Book (inferred call)', () => {
	it(`sends ${INFERRED.bookAppointmentMethod} ${INFERRED.bookAppointmentPath('{id}')} without a body and confirms the reservation`, async () => {
		const slot = gpSlots()[0];
		const id = await reserve(slot);
		const result = await runHeroNode(sandbox, { parameters: op('book', id) });
		expect(result.error).toBeUndefined();
		const [request] = sandbox.received(
			INFERRED.bookAppointmentMethod,
			INFERRED.bookAppointmentPath(id),
		);
		expect(request.rawBody).toBe('');
		expect(result.json[0]).toMatchObject({
			id,
			patient_id: '2001',
			booking_confirmed_at: expect.any(String),
			reserved_until: null,
		});
		expect(stored(id).status).toBe('confirmed');
		expect(sandbox.state.events.map((e) => [e.event, e.id])).toEqual([
			['appointment.confirmed', id],
		]);
	});

	it('sends the patient when the reservation had none', async () => {
		const id = await reserve(gpSlots()[0], {});
		const result = await runHeroNode(sandbox, {
			parameters: op('book', id, { additionalFields: { patientId: '2003' } }),
		});
		expect(
			sandbox.received(INFERRED.bookAppointmentMethod, INFERRED.bookAppointmentPath(id))[0].body,
		).toEqual({ patient_id: '2003' });
		expect(result.json[0].patient_id).toBe('2003');
	});

	it('a booked appointment cannot be booked again; the second booking is never retried', async () => {
		const id = await reserveAndBook(gpSlots()[0]);
		const again = await runHeroNode(sandbox, { parameters: op('book', id) });
		expect(again.error?.httpCode).toBe('409');
		expect(again.error?.message).toContain('already booked');
		sandbox.faults.add({ kind: 'reset-after', path: INFERRED.bookAppointmentPath('\\d+') });
		const other = await reserve(gpSlots()[1]);
		const lost = await runHeroNode(sandbox, { parameters: op('book', other) });
		expect(lost.error?.message).toContain('may or may not have been carried out');
		expect(
			sandbox.received(INFERRED.bookAppointmentMethod, INFERRED.bookAppointmentPath(other)),
		).toHaveLength(1);
	});

	it('a reservation past its reserved_until can no longer be booked, and its slot is free again', async () => {
		const config = await fetch(`${sandbox.url}/__sandbox/booking/config`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ reservationSeconds: 0 }),
		});
		expect(await config.json()).toEqual({ reservationSeconds: 0 });
		const slot = gpSlots()[0];
		const id = await reserve(slot);
		const status = await runHeroNode(sandbox, { parameters: op('getStatus', id) });
		expect(status.json[0]).toEqual({ id, status: 'expired' });
		const late = await runHeroNode(sandbox, { parameters: op('book', id) });
		expect(late.error?.httpCode).toBe('409');
		expect(late.error?.message).toContain('reservation expired');
		const again = await reserve(slot, { patientId: '2002' });
		expect(slots(sandbox.state).get(slot.id)!.held_by).toBe(again);
	});

	it('rejects an appointment id that is not numeric', async () => {
		const result = await runHeroNode(sandbox, { parameters: op('book', 'abc') });
		expect(result.error?.message).toBe(
			'Appointment ID: expected a numeric Hero ID such as 1234 [row 1 (n8n item 0)]',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Appointment → Get, Get Status', () => {
	it('gets the documented appointment and its status through the booking states', async () => {
		const slot = gpSlots()[0];
		const id = await reserve(slot);
		const status = async () =>
			(await runHeroNode(sandbox, { parameters: op('getStatus', id) })).json[0];
		expect(await status()).toEqual({ id, status: 'reserved' });
		await runHeroNode(sandbox, { parameters: op('book', id) });
		const got = await runHeroNode(sandbox, { parameters: op('get', id) });
		expect(got.json[0]).toEqual({
			id,
			patient_id: '2001',
			practitioner_id: slot.practitioner_id,
			location_id: '3001',
			appointment_type_id: '4001',
			duration: 15,
			start_time: slot.start_time,
			video: false,
			in_person: true,
			telephone: false,
			link_id: null,
			reserved_until: null,
			booking_confirmed_at: expect.any(String),
			can_be_cancelled: true,
			can_be_rescheduled: true,
			cancellation_policy_hours: 24,
			suppress_mail: false,
			// As a patient reads them.
			start_time_local: expect.stringMatching(/^\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/),
			appointment_type_name: 'GP Appointment',
			practitioner_name: expect.any(String),
			location_name: 'Riverside Surgery',
		});
		expect(await status()).toEqual({ id, status: 'confirmed' });
		expect(sandbox.received('GET', `/v1/appointments/${id}/status`)).toHaveLength(2);
	});
});

describe('Appointment → Update (a reservation)', () => {
	it('PUTs the documented body and moves the reservation to the new slot', async () => {
		const [from, to] = gpSlots();
		const id = await reserve(from);
		const result = await runHeroNode(sandbox, {
			parameters: op('update', id, {
				practitionerId: rl(to.practitioner_id),
				startTime: to.start_time,
				duration: 15,
				additionalFields: { suppressMail: true },
			}),
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.received('PUT', `/v1/appointments/${id}`)[0].body).toEqual({
			start_time: to.start_time,
			duration: 15,
			practitioner_id: to.practitioner_id,
			suppress_mail: true,
		});
		expect(result.json[0]).toMatchObject({ id, start_time: to.start_time });
		expect(slots(sandbox.state).get(from.id)!.held_by).toBeNull();
		expect(slots(sandbox.state).get(to.id)!.held_by).toBe(id);
	});

	it('Hero refuses to edit a booked appointment', async () => {
		const [from, to] = gpSlots();
		const id = await reserveAndBook(from);
		const result = await runHeroNode(sandbox, {
			parameters: op('update', id, {
				practitionerId: rl(to.practitioner_id),
				startTime: to.start_time,
				duration: 15,
			}),
		});
		expect(result.error?.message).toBe(
			'A booked appointment cannot be edited; reschedule it instead',
		);
		expect(result.error?.description).toContain('Hero answered 409 to PUT /v1/appointments/');
		expect(stored(id).start_time).toBe(from.start_time);
	});
});

describe('Appointment → Cancel and Reschedule', () => {
	it('cancel sends the chosen flags, frees the slot and records the event', async () => {
		const slot = gpSlots()[0];
		const id = await reserveAndBook(slot);
		const result = await runHeroNode(sandbox, {
			parameters: op('cancel', id, {
				options: { suppressMail: true, suppressCancellationPolicy: false },
			}),
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.received('PATCH', `/v1/appointments/${id}/cancel`)[0].body).toEqual({
			suppress_mail: true,
			suppress_cancellation_policy: false,
		});
		expect(stored(id).status).toBe('cancelled');
		expect(slots(sandbox.state).get(slot.id)!.held_by).toBeNull();
		expect(sandbox.state.events.at(-1)).toMatchObject({
			event: 'appointment.cancelled',
			object: 'Appointment',
			id,
		});
	});

	it('cancel without options sends no body; inside the policy Hero refuses unless suppressed', async () => {
		const response = await fetch(`${sandbox.url}/__sandbox/slots`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				practitioner_id: '5002',
				location_id: '3001',
				appointment_type_id: '4001',
				start_time: new Date(Date.now() + 3 * 3_600_000).toISOString(),
			}),
		});
		const soon = (await response.json()) as SandboxSlot;
		const id = await reserveAndBook(soon);
		const refused = await runHeroNode(sandbox, { parameters: op('cancel', id) });
		expect(sandbox.received('PATCH', `/v1/appointments/${id}/cancel`)[0].rawBody).toBe('');
		expect(refused.error?.message).toContain('24-hour cancellation policy');
		const forced = await runHeroNode(sandbox, {
			parameters: op('cancel', id, { options: { suppressCancellationPolicy: true } }),
		});
		expect(forced.error).toBeUndefined();
		expect(stored(id).status).toBe('cancelled');
	});

	it('reschedule PATCHes the new time and moves the booked slot', async () => {
		const [from, , to] = gpSlots();
		const id = await reserveAndBook(from);
		const result = await runHeroNode(sandbox, {
			parameters: op('reschedule', id, {
				practitionerId: rl(to.practitioner_id, 'id'),
				startTime: to.start_time,
				duration: 15,
				additionalFields: { suppressAvailabilityCheck: false },
			}),
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.received('PATCH', `/v1/appointments/${id}/reschedule`)[0].body).toEqual({
			practitioner_id: to.practitioner_id,
			duration: 15,
			start_time: to.start_time,
			suppress_availability_check: false,
		});
		expect(result.json[0]).toMatchObject({
			start_time: to.start_time,
			booking_confirmed_at: expect.any(String),
		});
		expect(slots(sandbox.state).get(from.id)!.held_by).toBeNull();
		expect(slots(sandbox.state).get(to.id)!.held_by).toBe(id);
		expect(sandbox.state.events.at(-1)).toMatchObject({ event: 'appointment.rescheduled', id });
	});

	it('reschedule to a taken slot fails with 409 and leaves the appointment where it was', async () => {
		const [from, taken] = gpSlots();
		const id = await reserveAndBook(from);
		await reserve(taken, { patientId: '2002' });
		const result = await runHeroNode(sandbox, {
			parameters: op('reschedule', id, {
				practitionerId: rl(taken.practitioner_id),
				startTime: taken.start_time,
				duration: 15,
			}),
		});
		expect(result.error?.httpCode).toBe('409');
		expect(stored(id).start_time).toBe(from.start_time);
		expect(result.error?.message).toContain('already been taken');
	});

	it('names "New Start Time" when the reschedule time is invalid', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: op('reschedule', '1001', {
				practitionerId: rl('5001'),
				startTime: 'soon',
				duration: 15,
			}),
		});
		expect(result.error?.message).toBe(
			'New Start Time: expected an ISO 8601 date-time such as 2026-03-15T09:30:00Z [row 1 (n8n item 0)]',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

/**
 * Hero's answers to Cancel, Book, Reschedule and Update were never captured. A 2xx
 * with no body says the write happened (INFERRED.emptyWriteAnswerMeansDone): the item is done, and the
 * appointment is read back (GET) for the output. Each operation is run with Hero answering 204 and an
 * empty 200 (the sandbox carries the write out, then answers without a body).
 */
describe('an empty 2xx on a write', () => {
	const empty = (status: 204 | 200, method: string, path: string) =>
		sandbox.faults.add({ kind: 'empty-after', status, method, path: `^${path}$`, times: 1 });

	const bookCase = async (status: 204 | 200) => {
		const id = await reserve(gpSlots()[0]);
		empty(status, INFERRED.bookAppointmentMethod, INFERRED.bookAppointmentPath(id));
		const result = await runHeroNode(sandbox, { parameters: op('book', id) });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([
			expect.objectContaining({
				id,
				patient_id: '2001',
				booking_confirmed_at: expect.any(String),
				reserved_until: null,
			}),
		]);
		expect(
			sandbox.received(INFERRED.bookAppointmentMethod, INFERRED.bookAppointmentPath(id)),
		).toHaveLength(1);
		expect(sandbox.received('GET', `/v1/appointments/${id}`)).toHaveLength(1);
		expect(stored(id).status).toBe('confirmed');
	};
	const cancelCase = async (status: 204 | 200) => {
		const id = await reserveAndBook(gpSlots()[0]);
		empty(status, 'PATCH', `/v1/appointments/${id}/cancel`);
		const result = await runHeroNode(sandbox, { parameters: op('cancel', id) });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([
			expect.objectContaining({ id, can_be_cancelled: false, can_be_rescheduled: false }),
		]);
		expect(sandbox.received('PATCH', `/v1/appointments/${id}/cancel`)).toHaveLength(1);
		expect(stored(id).status).toBe('cancelled');
	};
	const rescheduleCase = async (status: 204 | 200) => {
		const [from, , to] = gpSlots();
		const id = await reserveAndBook(from);
		empty(status, 'PATCH', `/v1/appointments/${id}/reschedule`);
		const result = await runHeroNode(sandbox, {
			parameters: op('reschedule', id, {
				practitionerId: rl(to.practitioner_id, 'id'),
				startTime: to.start_time,
				duration: 15,
			}),
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([expect.objectContaining({ id, start_time: to.start_time })]);
		expect(sandbox.received('PATCH', `/v1/appointments/${id}/reschedule`)).toHaveLength(1);
		expect(sandbox.received('GET', `/v1/appointments/${id}`)).toHaveLength(1);
		expect(stored(id).start_time).toBe(to.start_time);
	};
	const updateCase = async (status: 204 | 200) => {
		const [from, to] = gpSlots();
		const id = await reserve(from);
		empty(status, 'PUT', `/v1/appointments/${id}`);
		const result = await runHeroNode(sandbox, {
			parameters: op('update', id, {
				practitionerId: rl(to.practitioner_id),
				startTime: to.start_time,
				duration: 15,
			}),
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([expect.objectContaining({ id, start_time: to.start_time })]);
		expect(sandbox.received('PUT', `/v1/appointments/${id}`)).toHaveLength(1);
		expect(sandbox.received('GET', `/v1/appointments/${id}`)).toHaveLength(1);
		expect(stored(id).start_time).toBe(to.start_time);
	};
	it('Book answered 204 with no body is done, and outputs the appointment read back', () =>
		bookCase(204));
	it('Book answered 200 with no body is done, and outputs the appointment read back', () =>
		bookCase(200));
	it('Cancel answered 204 with no body is done, and outputs the appointment read back', () =>
		cancelCase(204));
	it('Cancel answered 200 with no body is done, and outputs the appointment read back', () =>
		cancelCase(200));
	it('Reschedule answered 204 with no body is done, and outputs the appointment read back at its new time', () =>
		rescheduleCase(204));
	it('Reschedule answered 200 with no body is done, and outputs the appointment read back at its new time', () =>
		rescheduleCase(200));
	it('Update answered 204 with no body is done, and outputs the reservation read back at its new time', () =>
		updateCase(204));
	it('Update answered 200 with no body is done, and outputs the reservation read back at its new time', () =>
		updateCase(200));

	it('when the read-back after an empty 2xx fails, the write is still reported done, with a warning and no second write', async () => {
		const id = await reserveAndBook(gpSlots()[0]);
		empty(204, 'PATCH', `/v1/appointments/${id}/cancel`);
		sandbox.faults.add({
			kind: 'status',
			status: 500,
			method: 'GET',
			path: `^/v1/appointments/${id}$`,
		});
		const result = await runHeroNode(sandbox, { parameters: op('cancel', id) });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([
			{
				id,
				warning: expect.stringMatching(
					new RegExp(
						`^Hero carried out PATCH /v1/appointments/${id}/cancel \\(it answered without a body\\), but reading appointment ${id} back failed \\(Hero had a server error`,
					),
				),
			},
		]);
		expect(sandbox.received('PATCH', `/v1/appointments/${id}/cancel`)).toHaveLength(1);
		expect(stored(id).status).toBe('cancelled');
	});

	it('only a 2xx says done: a 502 after the write is still "may or may not have been carried out"', async () => {
		const id = await reserveAndBook(gpSlots()[0]);
		sandbox.faults.add({
			kind: 'status-after',
			status: 502,
			method: 'PATCH',
			path: `^/v1/appointments/${id}/cancel$`,
			times: 1,
		});
		const result = await runHeroNode(sandbox, { parameters: op('cancel', id) });
		expect(result.error?.message).toMatch(/may or may not have been carried out/);
	});
});
