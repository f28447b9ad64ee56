import { runHeroNode } from '../../../harness/runNode';
import { pharmacies } from '../../../sandbox/routes/prescriptions';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const list = (prescriberId: unknown, extra: Record<string, unknown> = { returnAll: true }) => ({
	resource: 'prescriber',
	operation: 'getPharmacies',
	prescriberId,
	...extra,
});

describe('Prescriber → Get Pharmacies', () => {
	it('reads GET /v1/prescriber/{id}/pharmacies once, without paging, one item per pharmacy', async () => {
		const result = await runHeroNode(sandbox, { parameters: list('42') });
		expect(result.error).toBeUndefined();
		const calls = sandbox.received('GET', '/v1/prescriber/42/pharmacies');
		expect(calls.map((c) => c.query)).toEqual([{}]);
		expect(result.json.map((p) => p.name)).toEqual([
			'High Street Pharmacy',
			'Station Road Chemist',
		]);
		expect(result.json[0]).toEqual(pharmacies(sandbox.state).get('6101'));
	});

	it('applies Limit to the answer', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: list('42', { returnAll: false, limit: 1 }),
		});
		expect(result.json.map((p) => p.id)).toEqual(['6101']);
		expect(sandbox.received('GET')).toHaveLength(1);
	});

	it('gives no items and no error for a prescriber without pharmacies', async () => {
		const result = await runHeroNode(sandbox, { parameters: list('47') });
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(0);
	});

	it('refuses a prescriber id that is not digits (the pattern Hero gives prescriber_id) before sending', async () => {
		const result = await runHeroNode(sandbox, { parameters: list('RX-0042') });
		expect(result.error?.message).toBe(
			'Prescriber ID: expected a numeric Hero ID such as 1234 [row 1 (n8n item 0)]',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('asks again after a 503 (a read) and outputs each pharmacy once', async () => {
		sandbox.faults.add({
			kind: 'status',
			status: 503,
			path: '^/v1/prescriber/42/pharmacies$',
			times: 1,
		});
		const result = await runHeroNode(sandbox, { parameters: list('42') });
		expect(result.error).toBeUndefined();
		expect(sandbox.received('GET')).toHaveLength(2);
		expect(result.json).toHaveLength(2);
	});
});
