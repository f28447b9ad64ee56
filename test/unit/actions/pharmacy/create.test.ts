import { runHeroNode } from '../../../harness/runNode';
import { pharmacies } from '../../../sandbox/routes/prescriptions';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const create = (fields: Record<string, unknown> = {}) => ({
	resource: 'pharmacy',
	operation: 'create',
	name: 'Canal Side Pharmacy',
	email: 'canal@pharmacy.example',
	mobile: '07700 900301',
	prescriberId: '42',
	...fields,
});
const posts = () => sandbox.received('POST', '/v1/pharmacies');

describe('Pharmacy → Create', () => {
	it('sends the four documented fields, the mobile in E.164, and outputs the pharmacy Hero made', async () => {
		const result = await runHeroNode(sandbox, { parameters: create() });
		expect(result.error).toBeUndefined();
		expect(posts().map((r) => r.body)).toEqual([
			{
				name: 'Canal Side Pharmacy',
				email: 'canal@pharmacy.example',
				mobile: '+447700900301',
				prescriber_id: '42',
			},
		]);
		const made = result.json[0];
		expect(made).toMatchObject({ name: 'Canal Side Pharmacy', prescriber_id: '42' });
		expect(pharmacies(sandbox.state).get(String(made.id))).toEqual(made);
	});

	it.each([
		['a UK landline', '0113 496 0555', '+441134960555'],
		['an international number', '+33 1 23 45 67 89', '+33123456789'],
	])('takes %s (Hero gives no format for mobile)', async (_n, given, sent) => {
		await runHeroNode(sandbox, { parameters: create({ mobile: given }) });
		expect(posts()[0].body).toMatchObject({ mobile: sent });
	});

	it.each([
		[
			'Email',
			{ email: 'canal.pharmacy.example' },
			'Email: expected an email address such as name@email.com',
			'canal.pharmacy',
		],
		[
			'Mobile',
			{ mobile: '0770 ABC 0301' },
			'Mobile: expected a phone number such as 07700 900123 or +44 7700 900123',
			'ABC',
		],
		[
			'Prescriber ID',
			{ prescriberId: 'RX-0042' },
			'Prescriber ID: expected a numeric Hero ID such as 1234',
			'RX-0042',
		],
		['Name', { name: '={{ "  " }}' }, 'Name: is required', ''],
	])(
		'refuses a bad %s before sending, without repeating it',
		async (_n, fields, message, value) => {
			const result = await runHeroNode(sandbox, { parameters: create(fields) });
			expect(result.error?.message).toBe(`${message} [row 1 (n8n item 0)]`);
			if (value) expect(result.error?.message).not.toContain(value);
			expect(sandbox.requests).toHaveLength(0);
		},
	);

	it('is never retried once the request may have reached Hero: a 502 after Hero made the pharmacy fails as outcome unknown', async () => {
		sandbox.faults.add({
			kind: 'status-after',
			status: 502,
			method: 'POST',
			path: '^/v1/pharmacies$',
			times: 1,
		});
		const before = pharmacies(sandbox.state).size;
		const result = await runHeroNode(sandbox, { parameters: create() });
		expect(posts()).toHaveLength(1);
		expect(pharmacies(sandbox.state).size).toBe(before + 1);
		expect(result.error?.message).toContain(
			'the request may or may not have been carried out by Hero: check before resending',
		);
	});

	it('is retried after a refused-before-reading 429 (Hero did not act on it) and makes one pharmacy', async () => {
		sandbox.faults.add({
			kind: 'status',
			status: 429,
			retryAfter: 0,
			method: 'POST',
			path: '^/v1/pharmacies$',
			times: 1,
		});
		const before = pharmacies(sandbox.state).size;
		const result = await runHeroNode(sandbox, { parameters: create() });
		expect(result.error).toBeUndefined();
		expect(posts()).toHaveLength(2);
		expect(pharmacies(sandbox.state).size).toBe(before + 1);
	});
});
