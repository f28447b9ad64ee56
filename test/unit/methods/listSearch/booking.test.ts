/**
 * The "From list" dropdowns of the appointment type, location and practitioner locators, run in
 * n8n-core's own LoadOptionsContext (the context n8n gives listSearch methods in the editor), with
 * the real httpRequestWithAuthentication against the sandbox: each list is narrowed by what is
 * already chosen in the node, where Hero's filters allow.
 */
import type { IDataObject, INodeListSearchResult } from 'n8n-workflow';

import { searchList } from '../../../harness/listSearch';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

async function search(
	method: string,
	parameters: IDataObject,
	filter?: string,
	token?: string,
): Promise<INodeListSearchResult> {
	return searchList(sandbox, method, parameters, filter, token);
}

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });

describe('Appointment Type "From list"', () => {
	it('lists every type with its length, sorted by name, and filters by the typed text', async () => {
		const all = await search('searchAppointmentTypes', { resource: 'slot', operation: 'getMany' });
		expect(all.results).toEqual([
			{ name: 'Flu Vaccination (5 min)', value: '4004' },
			{ name: 'GP Appointment (15 min)', value: '4001' },
			{ name: 'GP Telephone Consultation (10 min)', value: '4003' },
			{ name: 'Nurse Appointment (20 min)', value: '4002' },
		]);
		const [request] = sandbox.received('GET', '/v1/appointment_types');
		expect(request.headers['x-api-key']).toBe(sandbox.apiKey);
		expect(request.query).toEqual({});
		const gp = await search('searchAppointmentTypes', {}, 'gp ');
		expect(gp.results.map((r) => r.value)).toEqual(['4001', '4003']);
	});

	it('narrows to the location already chosen (top level or in Filters)', async () => {
		const top = await search('searchAppointmentTypes', {
			resource: 'appointment',
			operation: 'create',
			locationId: rl('3002'),
		});
		expect(top.results.map((r) => r.value)).toEqual(['4003', '4002']);
		const inFilters = await search('searchAppointmentTypes', {
			resource: 'slot',
			operation: 'getMany',
			filters: { locationId: rl('3001', 'id') },
		});
		expect(inFilters.results.map((r) => r.value)).toEqual(['4001']);
		expect(sandbox.received('GET', '/v1/appointment_types').map((r) => r.query)).toEqual([
			{ location_ids: '3002' },
			{ location_ids: '3001' },
		]);
	});

	it('ignores a location given as an expression (unknown until run time)', async () => {
		const result = await search('searchAppointmentTypes', {
			locationId: rl('={{ $json.location }}', 'id'),
		});
		expect(result.results).toHaveLength(4);
		expect(sandbox.received('GET', '/v1/appointment_types')[0].query).toEqual({});
	});
});

describe('Location "From list"', () => {
	it('lists locations by name, narrowed to the chosen appointment type', async () => {
		const all = await search('searchLocations', {});
		expect(all.results).toEqual([
			{ name: 'Hillside Branch Surgery', value: '3002' },
			{ name: 'Old Mill Health Centre', value: '3003' },
			{ name: 'Riverside Surgery', value: '3001' },
		]);
		const forNurse = await search('searchLocations', { appointmentTypeId: rl('4002') });
		expect(forNurse.results).toEqual([{ name: 'Hillside Branch Surgery', value: '3002' }]);
		expect(sandbox.received('GET', '/v1/locations')[1].query).toEqual({
			appointment_type_ids: '4002',
		});
		expect((await search('searchLocations', {}, 'mill')).results.map((r) => r.value)).toEqual([
			'3003',
		]);
	});
});

describe('Practitioner "From list"', () => {
	it('labels practitioners with title, name and type (the type once), narrowed by location and type', async () => {
		const all = await search('searchPractitioners', {});
		expect(all.results).toEqual([
			{ name: 'Dr Priya Shah (GP)', value: '5001' },
			{ name: 'Dr Tom Evans (GP)', value: '5002' },
			{ name: 'Nurse Ali Khan', value: '5004' },
			{ name: 'Nurse Jane Brown', value: '5003' },
		]);
		const narrowed = await search('searchPractitioners', {
			filters: { locationId: rl('3002'), appointmentTypeId: rl('4003') },
		});
		expect(narrowed.results.map((r) => r.value)).toEqual(['5001']);
		expect(sandbox.received('GET', '/v1/practitioners')[1].query).toEqual({
			location_ids: '3002',
			appointment_type_ids: '4003',
		});
		expect((await search('searchPractitioners', {}, 'NURSE')).results.map((r) => r.value)).toEqual([
			'5004',
			'5003',
		]);
	});

	it("Hero errors reach the editor as the node's error message", async () => {
		sandbox.faults.add({ kind: 'status', status: 403, path: '^/v1/practitioners$', times: 1 });
		await expect(search('searchPractitioners', {})).rejects.toThrow(
			'Hero did not authorise this request',
		);
	});
});
