/**
 * The booking part of the Hero sandbox: seeded data relative to today, reservations held until
 * reserved_until, 409 on taken slots, cancel/reschedule/edit rules, events, and the control routes
 * tests and benchmarks use (slot generation, race hook, reservation length).
 */
import { sandboxClient } from '../../harness/sandboxClient';
import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { OTHER_CLIENT_PATIENT_ID, appointments } from '../../sandbox/routes/appointments';
import { londonDate, slots, type SandboxSlot } from '../../sandbox/routes/slots';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const client = sandboxClient(() => sandbox);
const { hero } = client;
/** The sandbox's control routes here are all POSTs. */
const control = (path: string, body: unknown = {}) => client.control('POST', path, body);

const allSlots = () => [...slots(sandbox.state).values()];
/** The first seeded GP slot (type 4001) at least `hours` from now. */
const gpSlot = (hours = 48): SandboxSlot =>
	allSlots().find(
		(s) =>
			s.appointment_type_id === '4001' && Date.parse(s.start_time) > Date.now() + hours * 3_600_000,
	)!;
/** A GP slot a day or more after `slot`: "72 hours from now" is the same Monday slot as 48 when run on a Thursday. */
const gpSlotAfter = (slot: SandboxSlot): SandboxSlot =>
	gpSlot((Date.parse(slot.start_time) - Date.now()) / 3_600_000 + 24);
const reserveBody = (slot: SandboxSlot, extra: Record<string, unknown> = {}) => ({
	appointment_type_id: slot.appointment_type_id,
	location_id: slot.location_id,
	practitioner_id: slot.practitioner_id,
	duration: 15,
	start_time: slot.start_time,
	...extra,
});
const reserve = (slot: SandboxSlot, extra: Record<string, unknown> = {}) =>
	hero('POST', '/v1/appointments', reserveBody(slot, extra));
const book = (id: string, body?: unknown) =>
	hero(INFERRED.bookAppointmentMethod, INFERRED.bookAppointmentPath(id), body);

describe('seed', () => {
	it('has four weeks of weekday slots from tomorrow, at Europe/London wall-clock times', () => {
		const all = allSlots();
		const tomorrow = londonDate(Date.now() + 86_400_000);
		const days = new Set(all.map((s) => londonDate(s.start_time)));
		expect(all.length).toBe(days.size * 39);
		expect(days.size).toBeGreaterThanOrEqual(19);
		expect(
			[...days].every(
				(day) => day >= tomorrow && ![0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay()),
			),
		).toBe(true);
		const times = new Set(
			all
				.filter((s) => s.practitioner_id === '5001' && s.appointment_type_id === '4001')
				.map((s) =>
					new Date(s.start_time).toLocaleTimeString('en-GB', {
						timeZone: 'Europe/London',
						hour: '2-digit',
						minute: '2-digit',
					}),
				),
		);
		expect([...times].sort()).toEqual([
			'09:00',
			'09:15',
			'09:30',
			'09:45',
			'10:00',
			'10:15',
			'10:30',
			'10:45',
			'11:00',
			'11:15',
			'11:30',
			'11:45',
		]);
	});

	it('lists types with live slot counts, and filters by location and availability', async () => {
		const types = await hero('GET', '/v1/appointment_types');
		expect(types.body.count).toBe(4);
		const gp = types.body.data.find((t: { id: string }) => t.id === '4001');
		expect(gp).toMatchObject({
			name: 'GP Appointment',
			duration: 15,
			practitioner_type: 'GP',
			slot_count: allSlots().filter((s) => s.appointment_type_id === '4001').length,
		});
		expect(gp.next_available_at).toBe(
			allSlots().find((s) => s.appointment_type_id === '4001')!.start_time,
		);
		expect(gp).not.toHaveProperty('location_ids');
		const atHillside = await hero(
			'GET',
			'/v1/appointment_types?location_ids=3002&has_availability=true',
		);
		expect(atHillside.body.data.map((t: { id: string }) => t.id).sort()).toEqual(['4002', '4003']);
		const available = await hero('GET', '/v1/appointment_types?has_availability=true');
		expect(available.body.data.map((t: { id: string }) => t.id)).not.toContain('4004');
	});

	it('rejects query parameters Hero does not document', async () => {
		const result = await hero('GET', '/v1/appointment_types?page_index=0');
		expect(result.status).toBe(400);
		expect(result.body.message[0]).toMatchObject({
			code: 'unrecognized_keys',
			path: ['page_index'],
		});
	});
});

describe('slots', () => {
	it('pages with page_index/page_size and counts the same slots', async () => {
		const first = await hero(
			'GET',
			`/v1/slots?appointment_type_id=4001&page_index=${INFERRED.firstPageIndex}&page_size=100`,
		);
		const second = await hero(
			'GET',
			`/v1/slots?appointment_type_id=4001&page_index=${INFERRED.firstPageIndex + 1}&page_size=100`,
		);
		expect(first.body.data).toHaveLength(100);
		expect(second.body.data[0].id).not.toBe(first.body.data[99].id);
		const count = await hero('GET', '/v1/slots/count?appointment_type_id=4001');
		expect(count.body).toEqual({ [INFERRED.slotCountField]: first.body.count });
		expect(first.body.data[0]).toEqual({
			id: expect.any(String),
			practitioner_id: '5001',
			appointment_type_id: '4001',
			location_id: '3001',
			start_time: expect.stringMatching(/Z$/),
			finish_time: expect.stringMatching(/Z$/),
		});
	});

	it('refuses pages larger than the inferred maximum and reversed date windows', async () => {
		expect((await hero('GET', `/v1/slots?page_size=${INFERRED.pageSize + 1}`)).status).toBe(400);
		expect((await hero('GET', '/v1/slots?start_date=2030-01-10&end_date=2030-01-09')).status).toBe(
			400,
		);
		expect((await hero('GET', '/v1/slots?start_date=10/01/2030')).status).toBe(400);
	});

	it('generates a configurable number of slots (performance runs need 10,000)', async () => {
		const generated = await control('/__sandbox/slots/generate', { count: 10_000 });
		expect(generated.body.count).toBe(10_000);
		expect(slots(sandbox.state).size).toBe(10_000);
		const count = await hero('GET', '/v1/slots/count');
		expect(count.body.count).toBe(10_000);
		expect((await control('/__sandbox/slots/generate', { count: -1 })).status).toBe(400);
		sandbox.reset();
		expect(slots(sandbox.state).size).toBeLessThan(10_000);
	});

	it('answers availability for a free slot, not for a held one', async () => {
		const slot = gpSlot();
		const body = {
			practitioner_id: slot.practitioner_id,
			appointment_type_id: '4001',
			location_id: '3001',
			start_time: slot.start_time,
			duration: 15,
		};
		expect((await hero('POST', '/v1/slots/availability', body)).body).toEqual({ available: true });
		expect((await hero('POST', '/v1/slots/availability', { ...body, duration: 30 })).body).toEqual({
			available: false,
		});
		await reserve(slot);
		expect((await hero('POST', '/v1/slots/availability', body)).body).toEqual({ available: false });
		const { duration: _d, ...missing } = body;
		expect((await hero('POST', '/v1/slots/availability', missing)).status).toBe(400);
	});
});

describe('appointments', () => {
	it('holds a reserved slot until reserved_until, then frees it and refuses to book', async () => {
		const slot = gpSlot();
		const created = await reserve(slot, { patient_id: '2001' });
		expect(created.status).toBe(200);
		expect(Date.parse(created.body.reserved_until)).toBeGreaterThan(Date.now() + 9 * 60_000);
		const listed = await hero(
			'GET',
			`/v1/slots?practitioner_id=${slot.practitioner_id}&start_date=${londonDate(slot.start_time)}&end_date=${londonDate(slot.start_time)}`,
		);
		expect(listed.body.data.map((s: { id: string }) => s.id)).not.toContain(slot.id);
		expect((await reserve(slot, { patient_id: '2002' })).status).toBe(INFERRED.slotTakenStatus);

		await control('/__sandbox/booking/config', { reservationSeconds: 0 });
		const other = gpSlotAfter(slot);
		const lapsed = await reserve(other, { patient_id: '2001' });
		const again = await hero(
			'GET',
			`/v1/slots?practitioner_id=${other.practitioner_id}&start_date=${londonDate(other.start_time)}&end_date=${londonDate(other.start_time)}`,
		);
		expect(again.body.data.map((s: { id: string }) => s.id)).toContain(other.id);
		expect((await hero('GET', `/v1/appointments/${lapsed.body.id}/status`)).body).toEqual({
			id: lapsed.body.id,
			status: 'expired',
		});
		const late = await book(lapsed.body.id);
		expect(late.status).toBe(409);
		expect(late.body.message).toContain('expired');
	});

	it('books a reservation (event recorded), and refuses to book it twice', async () => {
		const created = await reserve(gpSlot(), { patient_id: '2001' });
		const booked = await book(created.body.id);
		expect(booked.status).toBe(200);
		expect(booked.body).toMatchObject({
			id: created.body.id,
			patient_id: '2001',
			reserved_until: null,
			booking_confirmed_at: expect.any(String),
			can_be_rescheduled: true,
		});
		expect((await hero('GET', `/v1/appointments/${created.body.id}/status`)).body.status).toBe(
			'confirmed',
		);
		expect((await book(created.body.id)).status).toBe(409);
		expect(sandbox.state.events.map((e) => [e.event, e.object, e.id])).toEqual([
			['appointment.confirmed', 'Appointment', created.body.id],
		]);
	});

	it('needs a patient to book: from the reservation or the book body', async () => {
		const created = await reserve(gpSlot());
		expect((await book(created.body.id)).body.message[0]).toMatchObject({ path: ['patient_id'] });
		expect((await book(created.body.id, { patient_id: '999999' })).status).toBe(404);
		expect((await book(created.body.id, { patient_id: '2003', note: 'x' })).status).toBe(400);
		expect((await book(created.body.id, { patient_id: '2003' })).body.patient_id).toBe('2003');
	});

	it('rejects reservations Hero would reject: unknown ids, wrong combinations, undocumented fields, bad times', async () => {
		const slot = gpSlot();
		expect((await reserve(slot, { appointment_type_id: '4999' })).status).toBe(404);
		expect((await reserve(slot, { location_id: '3002' })).body.message[0].path).toEqual([
			'location_id',
		]);
		expect((await reserve(slot, { practitioner_id: '5003' })).body.message[0].path).toEqual([
			'practitioner_id',
		]);
		expect((await reserve(slot, { colour: 'blue' })).body.message[0]).toMatchObject({
			code: 'unrecognized_keys',
			path: ['colour'],
		});
		expect((await reserve(slot, { start_time: '2030-01-01' })).status).toBe(400);
		expect((await reserve(slot, { duration: 30 })).body.message[0].path).toEqual(['duration']);
		expect(
			(
				await reserve(slot, {
					start_time: new Date(Date.parse(slot.start_time) + 60_000).toISOString(),
				})
			).status,
		).toBe(409);
		expect((await reserve(slot, { patient_id: '999999' })).status).toBe(404);
		expect(appointments(sandbox.state).size).toBe(0);
	});

	it('cancel frees the slot; a booked one only outside the policy unless suppressed', async () => {
		const slot = gpSlot();
		const created = await reserve(slot, { patient_id: '2001' });
		await book(created.body.id);
		const cancelled = await hero('PATCH', `/v1/appointments/${created.body.id}/cancel`, {
			suppress_mail: true,
		});
		expect(cancelled.status).toBe(200);
		expect(slots(sandbox.state).get(slot.id)!.held_by).toBeNull();
		expect((await reserve(slot, { patient_id: '2002' })).status).toBe(200);
		expect((await hero('PATCH', `/v1/appointments/${created.body.id}/cancel`)).status).toBe(409);

		const soon = (
			await control('/__sandbox/slots', {
				practitioner_id: '5001',
				location_id: '3001',
				appointment_type_id: '4001',
				start_time: new Date(Date.now() + 2 * 3_600_000).toISOString(),
			})
		).body;
		const near = await reserve(soon as SandboxSlot, { patient_id: '2003' });
		await book(near.body.id);
		const refused = await hero('PATCH', `/v1/appointments/${near.body.id}/cancel`, {});
		expect(refused.status).toBe(409);
		expect(refused.body.message).toContain('cancellation policy');
		expect((await hero('GET', `/v1/appointments/${near.body.id}`)).body.can_be_cancelled).toBe(
			false,
		);
		expect(
			(
				await hero('PATCH', `/v1/appointments/${near.body.id}/cancel`, {
					suppress_cancellation_policy: true,
				})
			).status,
		).toBe(200);
		expect(
			sandbox.state.events.filter((e) => e.event === 'appointment.cancelled').map((e) => e.id),
		).toEqual([created.body.id, near.body.id]);
	});

	it('reschedule moves a booked appointment to another free slot; a reservation is edited instead', async () => {
		const from = gpSlot();
		const to = gpSlotAfter(from);
		const created = await reserve(from, { patient_id: '2001' });
		const move = { practitioner_id: to.practitioner_id, duration: 15, start_time: to.start_time };
		expect(
			(await hero('PATCH', `/v1/appointments/${created.body.id}/reschedule`, move)).status,
		).toBe(409);
		await book(created.body.id);
		const moved = await hero('PATCH', `/v1/appointments/${created.body.id}/reschedule`, move);
		expect(moved.body).toMatchObject({
			start_time: to.start_time,
			practitioner_id: to.practitioner_id,
		});
		expect(slots(sandbox.state).get(from.id)!.held_by).toBeNull();
		expect(slots(sandbox.state).get(to.id)!.held_by).toBe(created.body.id);
		expect(sandbox.state.events.at(-1)).toMatchObject({
			event: 'appointment.rescheduled',
			id: created.body.id,
		});
		const { start_time: _s, ...incomplete } = move;
		expect(
			(await hero('PATCH', `/v1/appointments/${created.body.id}/reschedule`, incomplete)).status,
		).toBe(400);

		const edit = {
			practitioner_id: from.practitioner_id,
			duration: 15,
			start_time: from.start_time,
		};
		const refused = await hero('PUT', `/v1/appointments/${created.body.id}`, edit);
		expect(refused.status).toBe(409);
		expect(refused.body.message).toContain('cannot be edited');
	});

	it('the race hook books the first listed slots for another client right after the list answer', async () => {
		await control('/__sandbox/slots/race', { take: 2 });
		const listed = await hero('GET', '/v1/slots?appointment_type_id=4001&page_size=5');
		const [first, second, third] = listed.body.data as SandboxSlot[];
		expect((await reserve(first)).status).toBe(409);
		expect((await reserve(second)).status).toBe(409);
		expect((await reserve(third)).status).toBe(200);
		const others = [...appointments(sandbox.state).values()].filter(
			(a) => a.patient_id === OTHER_CLIENT_PATIENT_ID,
		);
		expect(others.map((a) => [a.status, a.slot_id])).toEqual([
			['confirmed', first.id],
			['confirmed', second.id],
		]);
		// Only the next list call: the hook disarms itself.
		const later = await hero('GET', '/v1/slots?appointment_type_id=4001&page_size=5');
		expect((await reserve(later.body.data[1])).status).toBe(200);
	});
});
