import { runHeroNode } from '../../../harness/runNode';
import { patients, SEED_PATIENTS, type SandboxPatient } from '../../../sandbox/routes/patients';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const calls = () => sandbox.received('GET', '/v1/patients');

function seedPatients(count: number): void {
	const map = patients(sandbox.state);
	for (let i = 0; i < count; i++) {
		const id = String(9000 + i);
		const patient: SandboxPatient = {
			id,
			title: null,
			first_name: `Pat${i}`,
			last_name: 'Smith',
			dob: '1980-01-01',
			nhs_number: null,
			email: null,
			mobile: null,
			postcode: null,
		};
		map.set(id, patient);
	}
}

describe('Patient → Get Many', () => {
	it('lists patients with Limit: one request, zero-based page_index, page_size the limit, one item per patient', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'patient', operation: 'getMany', limit: 3 },
		});
		expect(result.error).toBeUndefined();
		expect(calls().map((r) => r.query)).toEqual([{ page_index: '0', page_size: '3' }]);
		expect(result.json.map((p) => p.id)).toEqual(['2001', '2002', '2003']);
		expect(result.json[0]).toMatchObject({ first_name: 'Ada', status: 'unarchived' });
		expect(result.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('Return All walks every page until Hero has sent them all', async () => {
		seedPatients(150);
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'patient', operation: 'getMany', returnAll: true },
		});
		expect(result.error).toBeUndefined();
		expect(calls().map((r) => r.query)).toEqual([
			{ page_index: '0', page_size: '100' },
			{ page_index: '1', page_size: '100' },
		]);
		expect(result.json).toHaveLength(SEED_PATIENTS.length + 150);
		expect(new Set(result.json.map((p) => p.id)).size).toBe(result.json.length);
	});

	it('refuses a Limit of 0 before sending', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'patient', operation: 'getMany', limit: '={{ 0 }}' },
		});
		expect(result.error?.message).toMatch(/^Limit: expected a number of at least 1/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
