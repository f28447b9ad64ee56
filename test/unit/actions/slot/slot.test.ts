/**
 * Appointment Type, Location, Practitioner and Slot operations through n8n's engine against the
 * sandbox: the exact query Hero receives, Return All across pages, Limit, filters and validation.
 */
import { INFERRED } from '../../../../nodes/HeroHealth/transport/inferred';
import { runHeroNode } from '../../../harness/runNode';
import { londonDate, slots } from '../../../sandbox/routes/slots';
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
const gpSlots = () =>
	[...slots(sandbox.state).values()].filter((s) => s.appointment_type_id === '4001');

describe('Appointment Type → Get Many', () => {
	it('sends the location and availability filters as Hero documents them (repeated keys)', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'appointmentType',
				operation: 'getMany',
				returnAll: true,
				filters: { hasAvailability: true, locations: many('locationId', '3001', '3002') },
			},
		});
		expect(result.error).toBeUndefined();
		const [request] = sandbox.received('GET', '/v1/appointment_types');
		expect(request.query).toEqual({ location_ids: ['3001', '3002'], has_availability: 'true' });
		expect(result.json.map((t) => t.id).sort()).toEqual(['4001', '4002', '4003']);
		expect(result.json[0]).toHaveProperty('slot_count');
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});

	it('one location chosen in the list sends location_ids once; Limit cuts the unpaged list', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'appointmentType',
				operation: 'getMany',
				returnAll: false,
				limit: 1,
				filters: { locations: { items: [{ locationId: rl('3002') }] } },
			},
		});
		expect(result.json).toHaveLength(1);
		expect(sandbox.received('GET', '/v1/appointment_types')[0].query).toEqual({
			location_ids: '3002',
		});
	});

	it('rejects a location that is not an id, naming the field and sending nothing', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'appointmentType',
				operation: 'getMany',
				returnAll: true,
				filters: { locations: many('locationId', 'Riverside') },
			},
		});
		expect(result.error?.message).toBe(
			'Locations: expected a numeric Hero ID such as 1234 [row 1 (n8n item 0)]',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Location and Practitioner', () => {
	it('Location → Get Many filters by appointment types', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'location',
				operation: 'getMany',
				returnAll: true,
				filters: { appointmentTypes: many('appointmentTypeId', '4002') },
			},
		});
		expect(sandbox.received('GET', '/v1/locations')[0].query).toEqual({
			appointment_type_ids: '4002',
		});
		expect(result.json).toEqual([
			expect.objectContaining({ id: '3002', name: 'Hillside Branch Surgery' }),
		]);
	});

	it('Practitioner → Get Many filters by location, type and availability', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'practitioner',
				operation: 'getMany',
				returnAll: true,
				filters: {
					locations: many('locationId', '3001'),
					appointmentTypes: many('appointmentTypeId', '4001'),
					hasAvailability: true,
				},
			},
		});
		expect(sandbox.received('GET', '/v1/practitioners')[0].query).toEqual({
			location_ids: '3001',
			appointment_type_ids: '4001',
			has_availability: 'true',
		});
		expect(result.json.map((p) => p.id)).toEqual(['5001', '5002']);
	});

	it('Practitioner → Get reads the locator (list or id mode); unknown ids map to a 404 message', async () => {
		const listed = await runHeroNode(sandbox, {
			parameters: { resource: 'practitioner', operation: 'get', practitionerId: rl('5003') },
		});
		expect(listed.json[0]).toMatchObject({ id: '5003', last_name: 'Brown' });
		const byId = await runHeroNode(sandbox, {
			parameters: {
				resource: 'practitioner',
				operation: 'get',
				practitionerId: rl(' 5001 ', 'id'),
			},
		});
		expect(byId.json[0]).toMatchObject({ id: '5001' });
		const missing = await runHeroNode(sandbox, {
			parameters: { resource: 'practitioner', operation: 'get', practitionerId: rl('5999', 'id') },
		});
		expect(missing.error?.message).toBe('Practitioner not found');
		expect(missing.error?.description).toContain('Hero answered 404 to GET /v1/practitioners/5999');
		expect(sandbox.received('GET').map((r) => r.path)).toEqual([
			'/v1/practitioners/5003',
			'/v1/practitioners/5001',
			'/v1/practitioners/5999',
		]);
	});
});

describe('Slot → Get Many', () => {
	it('Return All walks every page (pages of 100) and returns every matching slot once', async () => {
		const expected = gpSlots().length;
		expect(expected).toBeGreaterThan(2 * INFERRED.pageSize);
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'slot',
				operation: 'getMany',
				returnAll: true,
				filters: { appointmentTypeId: rl('4001') },
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(expected);
		expect(new Set(result.json.map((s) => s.id)).size).toBe(expected);
		const pages = sandbox.received('GET', '/v1/slots');
		expect(pages.map((p) => p.query.page_index)).toEqual(
			Array.from({ length: Math.ceil(expected / 100) }, (_, n) =>
				String(INFERRED.firstPageIndex + n),
			),
		);
		expect(
			pages.every((p) => p.query.page_size === '100' && p.query.appointment_type_id === '4001'),
		).toBe(true);
	});

	it('Return All also works with 10,000 slots', async () => {
		await fetch(`${sandbox.url}/__sandbox/slots/generate`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ count: 10_000 }),
		});
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'slot', operation: 'getMany', returnAll: true },
		});
		expect(result.json).toHaveLength(10_000);
		expect(sandbox.received('GET', '/v1/slots')).toHaveLength(100);
	}, 60_000);

	it('Limit stops paging early', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'slot', operation: 'getMany', returnAll: false, limit: 7 },
		});
		expect(result.json).toHaveLength(7);
		const pages = sandbox.received('GET', '/v1/slots');
		expect(pages).toHaveLength(1);
		expect(pages[0].query).toEqual({ page_index: String(INFERRED.firstPageIndex), page_size: '7' });
	});

	it('sends every filter: one location, several practitioners as repeated keys, dates as YYYY-MM-DD', async () => {
		const day = londonDate(gpSlots()[0].start_time);
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'slot',
				operation: 'getMany',
				returnAll: true,
				filters: {
					appointmentTypeId: rl('4001', 'id'),
					locationId: rl('3001'),
					practitioners: many('practitionerId', '5001', '5002'),
					startDate: `${day}T00:00:00`,
					endDate: day,
				},
			},
		});
		expect(sandbox.received('GET', '/v1/slots')[0].query).toEqual({
			appointment_type_id: '4001',
			location_id: '3001',
			practitioner_id: ['5001', '5002'],
			start_date: day,
			end_date: day,
			page_index: String(INFERRED.firstPageIndex),
			page_size: '100',
		});
		expect(result.json).toHaveLength(24);
		expect(result.json.every((s) => londonDate(String(s.start_time)) === day)).toBe(true);
	});

	it('one practitioner is sent as a plain value', async () => {
		await runHeroNode(sandbox, {
			parameters: {
				resource: 'slot',
				operation: 'getMany',
				returnAll: false,
				limit: 1,
				filters: { practitioners: many('practitionerId', '5003') },
			},
		});
		expect(sandbox.received('GET', '/v1/slots')[0].query.practitioner_id).toBe('5003');
	});

	it.each([
		[
			'a malformed start date',
			{ startDate: '15/03/2030' },
			'Date From: expected a date such as 2026-03-15',
		],
		[
			'an end date before the start date',
			{ startDate: '2030-03-15', endDate: '2030-03-14' },
			'Date To: must be on or after Date From',
		],
		[
			'a practitioner that is not an id',
			{ practitioners: many('practitionerId', 'Dr Shah') },
			'Practitioners: expected a numeric Hero ID',
		],
		[
			'a location expression giving an object',
			{ locationId: rl('={{ { id: 1 } }}', 'id') },
			'Location: expected a numeric Hero ID',
		],
	])('rejects %s before any request', async (_name, filters, message) => {
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'slot', operation: 'getMany', returnAll: true, filters },
		});
		expect(result.error?.message).toContain(message);
		expect(result.error?.message).toContain('[row 1 (n8n item 0)]');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Slot → Get, Count, Check Availability', () => {
	it('gets one slot by id', async () => {
		const slot = gpSlots()[3];
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'slot', operation: 'get', slotId: slot.id },
		});
		expect(result.json[0]).toEqual({
			id: slot.id,
			practitioner_id: slot.practitioner_id,
			appointment_type_id: '4001',
			location_id: '3001',
			start_time: slot.start_time,
			finish_time: slot.finish_time,
			// As a patient reads them.
			start_time_local: expect.stringMatching(/^\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/),
			appointment_type_name: 'GP Appointment',
			practitioner_name: expect.any(String),
			location_name: 'Riverside Surgery',
		});
	});

	it('counts with single-valued filters and outputs { count }', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'slot',
				operation: 'count',
				filters: {
					appointmentTypeId: rl('4001'),
					practitionerId: rl('5002'),
					locationId: rl('3001'),
				},
			},
		});
		expect(result.json).toEqual([
			{ count: gpSlots().filter((s) => s.practitioner_id === '5002').length },
		]);
		expect(sandbox.received('GET', '/v1/slots/count')[0].query).toEqual({
			appointment_type_id: '4001',
			practitioner_id: '5002',
			location_id: '3001',
		});
	});

	it('checks availability with a POST that is retried like a read', async () => {
		const slot = gpSlots().find((s) => Date.parse(s.start_time) > Date.now() + 48 * 3_600_000)!;
		sandbox.faults.add({ kind: 'status', status: 503, path: '^/v1/slots/availability$', times: 1 });
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'slot',
				operation: 'checkAvailability',
				practitionerId: rl(slot.practitioner_id),
				appointmentTypeId: rl('4001'),
				locationId: rl('3001', 'id'),
				startTime: slot.start_time,
				duration: 15,
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ available: true }]);
		const calls = sandbox.received('POST', '/v1/slots/availability');
		expect(calls.map((c) => c.status)).toEqual([503, 200]);
		expect(calls[1].body).toEqual({
			practitioner_id: slot.practitioner_id,
			appointment_type_id: '4001',
			location_id: '3001',
			start_time: slot.start_time,
			duration: 15,
		});
	});

	it('reads a start time without offset in the workflow time zone', async () => {
		const slot = gpSlots().find((s) => Date.parse(s.start_time) > Date.now() + 48 * 3_600_000)!;
		const wallClock = new Date(slot.start_time)
			.toLocaleString('sv-SE', { timeZone: 'Europe/London' })
			.replace(' ', 'T');
		await runHeroNode(sandbox, {
			timezone: 'Europe/London',
			parameters: {
				resource: 'slot',
				operation: 'checkAvailability',
				practitionerId: rl(slot.practitioner_id),
				appointmentTypeId: rl('4001'),
				locationId: rl('3001'),
				startTime: wallClock,
				duration: 15,
			},
		});
		expect(sandbox.received('POST', '/v1/slots/availability')[0].body).toMatchObject({
			start_time: slot.start_time,
		});
	});

	it.each([
		[
			'a zero duration',
			{ duration: 0 },
			'Duration (Minutes): expected a number of minutes, at least 1',
		],
		[
			'a duration that is not a number',
			{ duration: 'quarter hour' },
			'Duration (Minutes): expected a number of minutes',
		],
		[
			'a malformed start time',
			{ startTime: 'tomorrow 9am' },
			'Start Time: expected an ISO 8601 date-time',
		],
		[
			'a practitioner expression that yields nothing',
			{ practitionerId: rl('={{ $json.missing }}', 'id') },
			'Practitioner: is required',
		],
	])('Check Availability rejects %s before sending', async (_name, override, message) => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'slot',
				operation: 'checkAvailability',
				practitionerId: rl('5001'),
				appointmentTypeId: rl('4001'),
				locationId: rl('3001'),
				startTime: '2030-03-15T09:00:00Z',
				duration: 15,
				...override,
			},
		});
		expect(result.error?.message).toContain(message);
		expect(sandbox.requests).toHaveLength(0);
	});
});
