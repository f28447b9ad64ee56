import { runHeroNode } from '../../../harness/runNode';
import { consultants, hcaSearchAnswer } from '../../../sandbox/routes/hca';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const search = (extra: Record<string, unknown> = {}) => ({
	resource: 'hcaConsultant',
	operation: 'search',
	returnAll: true,
	...extra,
});
const get = (gmcNumber: unknown) => ({ resource: 'hcaConsultant', operation: 'get', gmcNumber });
const searches = () => sandbox.received('GET', '/v1/booking-hca/consultants');

describe('HCA Consultant → Search', () => {
	it('sends search, and each field name as a repeated fields key, one item per consultant', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: search({ search: ' Patel ', options: { fields: ['first_name', 'last_name'] } }),
		});
		expect(result.error).toBeUndefined();
		expect(searches()).toHaveLength(1);
		expect(searches()[0].query).toEqual({ search: 'Patel', fields: ['first_name', 'last_name'] });
		expect(result.json).toEqual([
			{ first_name: 'Priya', last_name: 'Patel' },
			{ first_name: 'Anika', last_name: 'Patel' },
		]);
	});

	it('sends no query without search or fields, and applies Limit', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: search({ returnAll: false, limit: 2 }),
		});
		expect(searches()[0].query).toEqual({});
		expect(result.json.map((c) => c.gmc_number)).toEqual(['7012345', '7023456']);
	});

	it('takes fields mapped as text separated by commas', async () => {
		await runHeroNode(sandbox, {
			parameters: search({ options: { fields: '={{ "gmc_number, specialty" }}' } }),
		});
		expect(searches()[0].query).toEqual({ fields: ['gmc_number', 'specialty'] });
	});

	it('reads a bare array as the list too', async () => {
		hcaSearchAnswer(sandbox.state).shape = 'array';
		const result = await runHeroNode(sandbox, { parameters: search({ search: 'Okafor' }) });
		expect(result.json.map((c) => c.gmc_number)).toEqual(['7023456']);
	});

	it('outputs an answer that is not a list as one item, as Hero sends it (its answer was never captured)', async () => {
		hcaSearchAnswer(sandbox.state).shape = 'object';
		const result = await runHeroNode(sandbox, { parameters: search({ search: 'Okafor' }) });
		expect(result.json).toEqual([{ consultant: consultants(sandbox.state).get('7023456') }]);
	});

	it('refuses a field name with spaces or symbols before sending', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: search({ options: { fields: ['first name'] } }),
		});
		expect(result.error?.message).toBe(
			'Fields: expected field names such as first_name [row 1 (n8n item 0)]',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('HCA Consultant → Get', () => {
	it('reads the consultant by GMC number', async () => {
		const result = await runHeroNode(sandbox, { parameters: get('7023456') });
		expect(result.error).toBeUndefined();
		expect(sandbox.received('GET', '/v1/booking-hca/consultants/7023456')).toHaveLength(1);
		expect(result.json).toEqual([consultants(sandbox.state).get('7023456')]);
	});

	it('sends a GMC number of another form (Hero documents none), encoded as one segment', async () => {
		consultants(sandbox.state).set('GMC 123', {
			gmc_number: 'GMC 123',
			first_name: 'Ana',
			last_name: 'Silva',
			specialty: 'ENT',
		});
		const result = await runHeroNode(sandbox, { parameters: get('GMC 123') });
		expect(sandbox.received('GET')[0].path).toBe('/v1/booking-hca/consultants/GMC%20123');
		expect(result.json[0].last_name).toBe('Silva');
	});

	it.each([
		['empty', '={{ "" }}', 'GMC Number: is required'],
		['a path', '7023456/../..', 'GMC Number: expected one ID such as 1234567'],
	])('refuses a GMC number that is %s before sending', async (_n, value, message) => {
		const result = await runHeroNode(sandbox, { parameters: get(value) });
		expect(result.error?.message).toContain(message);
		expect(result.error?.message).toContain('[row 1 (n8n item 0)]');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('reports a GMC number Hero does not know as not found', async () => {
		const result = await runHeroNode(sandbox, { parameters: get('7999999') });
		expect(result.error?.message).toBe('Consultant not found');
	});
});
