import { runHeroNode } from '../../../harness/runNode';
import { patients } from '../../../sandbox/routes/patients';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const get = (extra: Record<string, unknown>) => ({
	resource: 'patient',
	operation: 'get',
	patientId: '2001',
	...extra,
});

describe('Patient → Get (Record: Version 1 or v2)', () => {
	it.each([
		['no options', {}, {}],
		['Data Source: Hero', { options: { dataSource: 'hero' } }, { data_source: 'hero' }],
		['Data Source: EHR', { options: { dataSource: 'ehr' } }, { data_source: 'ehr' }],
	])(
		'a saved workflow without Record (%s) sends exactly the request it sent before: GET /v2/patients/{id}',
		async (_name, saved, query) => {
			await runHeroNode(sandbox, { parameters: get(saved) });
			expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
				'GET /v2/patients/2001',
			]);
			expect(sandbox.requests[0].query).toEqual(query);
			expect(sandbox.requests[0].body).toBeUndefined();
		},
	);

	it('Record: Version 1 reads GET /v1/patients/{id} with no query: archived status, emails and notes, no identifiers', async () => {
		Object.assign(patients(sandbox.state).get('2001')!, {
			status: 'archived',
			notes: 'Prefers phone calls',
		});
		const result = await runHeroNode(sandbox, { parameters: get({ record: 'v1' }) });
		expect(result.error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/patients/2001']);
		expect(sandbox.requests[0].query).toEqual({});
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({
			id: '2001',
			status: 'archived',
			emails: ['ada@example.com'],
			notes: 'Prefers phone calls',
			country: 'United Kingdom',
		});
		expect(result.json[0]).not.toHaveProperty('identifiers');
		expect(result.json[0]).not.toHaveProperty('ehr_registered');
	});

	it('Record: Version 2 explicitly is the same request as before, with identifiers and EHR registration', async () => {
		const result = await runHeroNode(sandbox, { parameters: get({ record: 'v2' }) });
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v2/patients/2001']);
		expect(result.json[0]).toMatchObject({ hero_id: '2001', ehr_registered: false });
		expect(result.json[0].identifiers).toEqual(
			expect.arrayContaining([expect.objectContaining({ name: 'hero_id', value: '2001' })]),
		);
	});

	it('Record: Version 1 sends no data_source even when one was chosen for v2 (the option is hidden for v1)', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: get({ record: 'v1', options: { dataSource: 'ehr' } }),
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/patients/2001']);
		expect(sandbox.requests[0].query).toEqual({});
	});

	it('maps an unknown patient to 404 on v1 as on v2', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: get({ record: 'v1', patientId: '9999' }),
		});
		expect((result.error as { httpCode?: string }).httpCode).toBe('404');
	});
});
