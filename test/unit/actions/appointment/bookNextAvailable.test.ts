/**
 * Appointment → Book Next Available: list the window's slots, reserve the earliest match, book it;
 * on a slot taken between list and reserve (the sandbox's race hook) try the next, bounded;
 * otherwise output booked = false with a reason.
 */
import { sandboxClient } from '../../../harness/sandboxClient';
import { candidates } from '../../../../nodes/HeroHealth/actions/appointment/bookNextAvailable.operation';
import { INFERRED } from '../../../../nodes/HeroHealth/transport/inferred';
import { runHeroNode } from '../../../harness/runNode';
import { OTHER_CLIENT_PATIENT_ID, appointments } from '../../../sandbox/routes/appointments';
import { addDays, londonDate, slots, type SandboxSlot } from '../../../sandbox/routes/slots';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const many = (key: string, ...ids: string[]) => ({
	items: ids.map((id) => ({ [key]: rl(id, 'id') })),
});
const params = (
	filters: Record<string, unknown> = {},
	options: Record<string, unknown> = {},
	fields: Record<string, unknown> = {},
) => ({
	resource: 'appointment',
	operation: 'bookNextAvailable',
	patientId: '2001',
	appointmentTypeId: rl('4001'),
	filters,
	options,
	...fields,
});
const { control: sandboxControl } = sandboxClient(() => sandbox);
const control = (path: string, body: unknown) =>
	sandboxControl('POST', path, body).then((answer) => answer.body);

const all = (): SandboxSlot[] => [...slots(sandbox.state).values()];
const ofType = (typeId: string) => all().filter((s) => s.appointment_type_id === typeId);
const londonTime = (iso: string, zone = 'Europe/London') =>
	new Date(iso).toLocaleTimeString('en-GB', {
		timeZone: zone,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	});
const confirmedFor = (patientId: string) =>
	[...appointments(sandbox.state).values()].filter(
		(a) => a.patient_id === patientId && a.status === 'confirmed',
	);

describe('Appointment → Book Next Available', () => {
	it('reserves and books the earliest matching slot, then outputs the booked appointment', async () => {
		const earliest = ofType('4001')[0];
		const result = await runHeroNode(sandbox, {
			parameters: params({}, { reason: 'Asthma review', suppressMail: true }),
		});
		expect(result.error).toBeUndefined();
		const [out] = result.json as Array<Record<string, any>>;
		expect(out).toMatchObject({
			booked: true,
			attempts: 1,
			slot: { id: earliest.id, start_time: earliest.start_time },
		});
		expect(out.appointment).toMatchObject({
			patient_id: '2001',
			start_time: earliest.start_time,
			practitioner_id: earliest.practitioner_id,
			booking_confirmed_at: expect.any(String),
		});
		expect(out).not.toHaveProperty('skipped');

		// every page of the window's slots → reserve → book → get, in that order
		const calls = sandbox.requests.map((r) => `${r.method} ${r.path}`);
		const pages = calls.filter((call) => call === 'GET /v1/slots').length;
		expect(pages).toBeGreaterThan(1);
		expect(calls).toEqual([
			...Array<string>(pages).fill('GET /v1/slots'),
			'POST /v1/appointments',
			`${INFERRED.bookAppointmentMethod} ${INFERRED.bookAppointmentPath(String(out.appointment.id))}`,
			`GET /v1/appointments/${out.appointment.id}`,
			// The names for the output: one read of each list, after the booking.
			'GET /v1/appointment_types',
			'GET /v1/practitioners',
			'GET /v1/locations',
		]);
		expect(sandbox.received('POST', '/v1/appointments')[0].body).toEqual({
			appointment_type_id: '4001',
			location_id: earliest.location_id,
			practitioner_id: earliest.practitioner_id,
			duration: 15,
			start_time: earliest.start_time,
			patient_id: '2001',
			reason: 'Asthma review',
			suppress_mail: true,
		});
		expect(confirmedFor('2001').map((a) => a.slot_id)).toEqual([earliest.id]);
		expect(sandbox.state.events.map((e) => e.event)).toEqual(['appointment.confirmed']);
	});

	it('searches today (Europe/London) to 27 days later by default, reading every page', async () => {
		await runHeroNode(sandbox, { parameters: params() });
		const today = londonDate(Date.now());
		const pages = sandbox.received('GET', '/v1/slots');
		expect(pages[0].query).toEqual({
			appointment_type_id: '4001',
			start_date: today,
			end_date: addDays(today, 27),
			page_index: String(INFERRED.firstPageIndex),
			page_size: String(INFERRED.pageSize),
		});
		const matching = ofType('4001').filter(
			(s) => londonDate(s.start_time) <= addDays(today, 27),
		).length;
		expect(pages).toHaveLength(Math.ceil(matching / INFERRED.pageSize));
	});

	it('applies location, practitioners, date and time-of-day filters (Europe/London)', async () => {
		const day = londonDate(ofType('4001')[30].start_time);
		const result = await runHeroNode(sandbox, {
			parameters: params({
				locationId: rl('3001'),
				practitioners: many('practitionerId', '5001', '5002'),
				startDate: day,
				endDate: `${day}T00:00:00`,
				earliestTime: '14:20',
				latestTime: '15:00',
			}),
		});
		const [out] = result.json as Array<Record<string, any>>;
		expect(out.booked).toBe(true);
		// Dr Evans's afternoon session: 14:00, 14:15, 14:30... the first at or after 14:20 is 14:30.
		expect(out.slot.practitioner_id).toBe('5002');
		expect(londonDate(out.slot.start_time)).toBe(day);
		expect(londonTime(out.slot.start_time)).toBe('14:30');
		expect(sandbox.received('GET', '/v1/slots')[0].query).toMatchObject({
			location_id: '3001',
			practitioner_id: ['5001', '5002'],
			start_date: day,
			end_date: day,
		});
	});

	it('reads the window in the workflow time zone when asked', async () => {
		const zone = 'America/New_York';
		const earliestMorning = ofType('4001').find((s) => londonTime(s.start_time) === '09:30')!;
		const wanted = londonTime(earliestMorning.start_time, zone);
		const result = await runHeroNode(sandbox, {
			timezone: zone,
			parameters: params({ earliestTime: wanted, latestTime: wanted }, { timeZone: 'workflow' }),
		});
		const [out] = result.json as Array<Record<string, any>>;
		const expected = ofType('4001').find((s) => londonTime(s.start_time, zone) === wanted)!;
		expect(out.slot.id).toBe(expected.id);
	});

	it('takes the appointment length from the slot unless Duration is set', async () => {
		await runHeroNode(sandbox, {
			parameters: params({}, {}, { appointmentTypeId: rl('4002', 'id') }),
		});
		expect(sandbox.received('POST', '/v1/appointments')[0].body).toMatchObject({
			appointment_type_id: '4002',
			duration: 20,
			practitioner_id: '5003',
			location_id: '3002',
		});
		sandbox.reset();
		await runHeroNode(sandbox, {
			parameters: params({}, { duration: 10 }, { appointmentTypeId: rl('4002', 'id') }),
		});
		expect(sandbox.received('POST', '/v1/appointments')[0].body).toMatchObject({ duration: 10 });
	});

	it('race: a slot taken by another client between list and reserve is skipped, the next one booked', async () => {
		const [first, second] = ofType('4001');
		await control('/__sandbox/slots/race', { take: 1 });
		const result = await runHeroNode(sandbox, { parameters: params() });
		const [out] = result.json as Array<Record<string, any>>;
		expect(out).toMatchObject({ booked: true, attempts: 2, slot: { id: second.id } });
		expect(out.skipped).toEqual([
			{
				slot_id: first.id,
				start_time: first.start_time,
				outcome: 'taken before it could be reserved',
			},
		]);
		const reserves = sandbox.received('POST', '/v1/appointments');
		expect(reserves.map((r) => [r.status, (r.body as { start_time: string }).start_time])).toEqual([
			[409, first.start_time],
			[200, second.start_time],
		]);
		expect(confirmedFor(OTHER_CLIENT_PATIENT_ID).map((a) => a.slot_id)).toEqual([first.id]);
		expect(confirmedFor('2001').map((a) => a.slot_id)).toEqual([second.id]);
	});

	it('race: gives up after Max Attempts with booked = false, leaving no reservation behind', async () => {
		await control('/__sandbox/slots/race', { take: 3 });
		const result = await runHeroNode(sandbox, { parameters: params({}, { maxAttempts: 2 }) });
		expect(result.error).toBeUndefined();
		const [out] = result.json as Array<Record<string, any>>;
		expect(out).toMatchObject({ booked: false, attempts: 2 });
		expect(out.reason).toMatch(
			/^The 2 earliest matching slots were taken by someone else first; \d+ later slots were not tried/,
		);
		expect(sandbox.received('POST', '/v1/appointments')).toHaveLength(2);
		expect(
			[...appointments(sandbox.state).values()].filter((a) => a.patient_id === '2001'),
		).toEqual([]);
	});

	it('a reservation that cannot be booked is released and the next slot tried', async () => {
		const [first, second] = ofType('4001');
		sandbox.faults.add({
			kind: 'status',
			status: INFERRED.slotTakenStatus,
			method: INFERRED.bookAppointmentMethod,
			path: '/book$',
			times: 1,
		});
		const result = await runHeroNode(sandbox, { parameters: params() });
		const [out] = result.json as Array<Record<string, any>>;
		expect(out).toMatchObject({ booked: true, attempts: 2, slot: { id: second.id } });
		expect(out.skipped[0]).toMatchObject({
			slot_id: first.id,
			outcome: 'reserved but could not be booked',
		});
		const released = appointments(sandbox.state).get(out.skipped[0].appointment_id)!;
		expect(released.status).toBe('cancelled');
		expect(sandbox.received('PATCH', `/v1/appointments/${released.id}/cancel`)[0].body).toEqual({
			suppress_mail: true,
		});
		expect(slots(sandbox.state).get(first.id)!.held_by).toBeNull();
	});

	it('outputs booked = false with a reason when no slot matches, without reserving anything', async () => {
		const result = await runHeroNode(sandbox, { parameters: params({ earliestTime: '18:00' }) });
		expect(result.error).toBeUndefined();
		const [out] = result.json as Array<Record<string, any>>;
		const today = londonDate(Date.now());
		expect(out).toEqual({
			booked: false,
			reason: `No free slot matched (GP Appointment, ${today} to ${addDays(today, 27)}, starting 18:00-23:59 Europe/London)`,
			attempts: 0,
			slots_matched: 0,
			patient_id: '2001',
		});
		expect(sandbox.received('POST')).toHaveLength(0);
	});

	it('books one slot per item, one item at a time, each the next earliest', async () => {
		sandbox.faults.add({ kind: 'latency', latencyMs: 10, path: '^/v1/appointments$' });
		const result = await runHeroNode(sandbox, {
			items: [{ patient: '2001' }, { patient: '2002' }, { patient: '2003' }],
			parameters: {
				...params(),
				patientId: '={{ $json.patient }}',
				requestOptions: { requestsInFlight: 5 },
			},
		});
		expect(result.json.map((j) => (j as Record<string, any>).slot.id)).toEqual(
			ofType('4001')
				.slice(0, 3)
				.map((s) => s.id),
		);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sandbox.peakInFlight).toBe(1);
	});

	it.each([
		[
			'a time of day that is not HH:mm',
			{ earliestTime: '9am' },
			{},
			'Start Time From: expected a time of day such as 09:30',
		],
		[
			'a window that ends before it starts',
			{ earliestTime: '12:00', latestTime: '09:00' },
			{},
			'Start Time To: must be at or after Start Time From',
		],
		[
			'an end date before the start date',
			{ startDate: '2030-03-15', endDate: '2030-03-01' },
			{},
			'Date To: must be on or after Date From',
		],
		[
			'too many attempts',
			{},
			{ maxAttempts: 11 },
			'Max Attempts: expected a whole number from 1 to 10',
		],
		[
			'a practitioner that is not an id',
			{ practitioners: many('practitionerId', 'Dr Shah') },
			{},
			'Practitioners: expected a numeric Hero ID',
		],
	])('rejects %s before any request', async (_name, filters, options, message) => {
		const result = await runHeroNode(sandbox, { parameters: params(filters, options) });
		expect(result.error?.message.startsWith(message)).toBe(true);
		expect(result.error?.message).toMatch(/\[row 1 \(n8n item 0\)\]$/);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('Continue On Fail reports an invalid patient without a request and books the valid item', async () => {
		const result = await runHeroNode(sandbox, {
			continueOnFail: true,
			items: [{ patient: '943 476 5919' }, { patient: '2002' }],
			parameters: { ...params(), patientId: '={{ $json.patient }}' },
		});
		expect(result.json[0].error).toBe(
			'Patient ID: expected a numeric Hero ID such as 1234 [row 1 (n8n item 0)]',
		);
		expect(result.json[0].error).not.toContain('943');
		expect(result.json[1]).toMatchObject({ booked: true });
		expect(sandbox.received('POST', '/v1/appointments')).toHaveLength(1);
	});
});

describe('Book Next Available when Hero answers a write with no body', () => {
	const bookedEmpty = async (status: 204 | 200) => {
		const earliest = ofType('4001')[0];
		sandbox.faults.add({
			kind: 'empty-after',
			status,
			method: INFERRED.bookAppointmentMethod,
			path: '/book$',
			times: 1,
		});
		const result = await runHeroNode(sandbox, { parameters: params() });
		expect(result.error).toBeUndefined();
		const [out] = result.json as Array<Record<string, any>>;
		expect(out).toMatchObject({ booked: true, attempts: 1, slot: { id: earliest.id } });
		expect(out.appointment).toMatchObject({
			id: out.appointment_id,
			patient_id: '2001',
			start_time: earliest.start_time,
			booking_confirmed_at: expect.any(String),
		});
		expect(out).not.toHaveProperty('warning');
		expect(sandbox.received('POST', '/v1/appointments')).toHaveLength(1);
		expect(confirmedFor('2001').map((a) => a.id)).toEqual([out.appointment_id]);
	};
	it('a booking answered 204 with no body is reported booked (not failed), with the appointment read back, and books once', () =>
		bookedEmpty(204));
	it('a booking answered 200 with no body is reported booked (not failed), with the appointment read back, and books once', () =>
		bookedEmpty(200));

	it('a release answered 204 with no body does not stop the search: the reservation is cancelled and the next slot booked', async () => {
		const [first, second] = ofType('4001');
		sandbox.faults.add({
			kind: 'status',
			status: INFERRED.slotTakenStatus,
			method: INFERRED.bookAppointmentMethod,
			path: '/book$',
			times: 1,
		});
		sandbox.faults.add({
			kind: 'empty-after',
			status: 204,
			method: 'PATCH',
			path: '/cancel$',
			times: 1,
		});
		const result = await runHeroNode(sandbox, { parameters: params() });
		const [out] = result.json as Array<Record<string, any>>;
		expect(out).toMatchObject({ booked: true, attempts: 2, slot: { id: second.id } });
		expect(appointments(sandbox.state).get(out.skipped[0].appointment_id)!.status).toBe(
			'cancelled',
		);
		expect(slots(sandbox.state).get(first.id)!.held_by).toBeNull();
	});
});

describe('candidate slots', () => {
	const search = {
		patientId: '2001',
		appointmentTypeId: '4001',
		practitionerIds: [] as string[],
		startDate: '2030-03-01',
		endDate: '2030-03-31',
		earliestTime: '09:00',
		latestTime: '12:00',
		timeZone: 'Europe/London',
		maxAttempts: 5,
	};
	const slot = (id: string, start: string, extra: Record<string, unknown> = {}) => ({
		id,
		start_time: start,
		appointment_type_id: '4001',
		practitioner_id: '5001',
		location_id: '3001',
		...extra,
	});

	it('sorts by start time whatever order Hero answers in, and drops what does not match', () => {
		const result = candidates(
			[
				slot('5', '2030-03-12T10:00:00Z'),
				slot('1', '2030-03-11T09:00:00Z'),
				slot('9', '2030-03-11T08:59:00Z'), // 08:59 London: before the window
				slot('8', '2030-03-11T12:01:00Z'), // after it
				slot('7', '2030-03-10T09:00:00Z', { appointment_type_id: '4002' }), // another type
				slot('6', '2030-04-01T09:00:00Z'), // after the end date
				slot('4', '2020-03-11T09:00:00Z'), // in the past
				slot('2', '2030-03-11T12:00:00Z'), // 12:00 is inside (inclusive)
			],
			search,
			Date.parse('2026-01-01T00:00:00Z'),
		);
		expect(result.map((s) => s.id)).toEqual(['1', '2', '5']);
	});

	it('drops a slot that names no practitioner, or no location when none is chosen (it could not be reserved)', () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		const loose = [
			slot('1', '2030-03-11T09:00:00Z', { practitioner_id: undefined }),
			slot('2', '2030-03-11T09:10:00Z', { location_id: undefined }),
			slot('3', '2030-03-11T09:20:00Z'),
		];
		expect(candidates(loose, { ...search, locationId: '3001' }, now).map((s) => s.id)).toEqual([
			'2',
			'3',
		]);
		expect(candidates(loose, search, now).map((s) => s.id)).toEqual(['3']);
	});

	it('reads British Summer Time: 09:00 London in July is 08:00 UTC', () => {
		const result = candidates(
			[slot('1', '2030-07-10T08:00:00Z'), slot('2', '2030-07-10T07:59:00Z')],
			{ ...search, startDate: '2030-07-01', endDate: '2030-07-31' },
			Date.parse('2026-01-01T00:00:00Z'),
		);
		expect(result.map((s) => s.id)).toEqual(['1']);
	});
});
