import { runHeroNode } from '../../../harness/runNode';
import { customers } from '../../../sandbox/routes/invoicing';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const create = (additionalFields: Record<string, unknown> = {}, name = 'Grace Hopper') => ({
	resource: 'invoicing',
	operation: 'createCustomer',
	name,
	additionalFields,
});
const posts = () => sandbox.received('POST', '/v1/invoicing/customers');

describe('Invoicing → Get Many Coupons', () => {
	it('lists coupons in one request with no query, and applies Limit', async () => {
		const all = await runHeroNode(sandbox, {
			parameters: { resource: 'invoicing', operation: 'getManyCoupons', returnAll: true },
		});
		expect(all.json.map((c) => c.id)).toEqual(['FLU10', 'TRAVEL5', 'STAFF20']);
		expect(all.json[0]).toEqual({
			id: 'FLU10',
			name: 'Flu jab 10% off',
			applies_to: { products: ['flu_vaccination'] },
			percent_off: 10,
		});
		const one = await runHeroNode(sandbox, {
			parameters: {
				resource: 'invoicing',
				operation: 'getManyCoupons',
				returnAll: false,
				limit: 1,
			},
		});
		expect(one.json).toHaveLength(1);
		expect(sandbox.received('GET', '/v1/invoicing/coupons').map((r) => r.query)).toEqual([{}, {}]);
	});
});

describe('Invoicing → Get Many Customers', () => {
	it('searches with the required query', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'invoicing',
				operation: 'getManyCustomers',
				query: 'lovelace',
				returnAll: true,
			},
		});
		expect(result.json.map((c) => c.id)).toEqual(['cus_1001']);
		expect(sandbox.received('GET', '/v1/invoicing/customers')[0].query).toEqual({
			query: 'lovelace',
		});
	});

	it('refuses an empty query without calling Hero', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'invoicing',
				operation: 'getManyCustomers',
				query: '={{ $json.nothing }}',
				returnAll: true,
			},
		});
		expect(result.error?.message).toBe('Query: is required [row 1 (n8n item 0)]');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Invoicing → Create Customer', () => {
	it('posts name, email, phone and sources; the new customer is then found by search', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: create({
				email: ' grace@example.com ',
				phone: '0113 496 0000',
				sources: '[{"type": "card", "token": "tok_visa"}]',
			}),
		});
		expect(result.error).toBeUndefined();
		expect(posts()).toHaveLength(1);
		expect(posts()[0].body).toEqual({
			name: 'Grace Hopper',
			email: 'grace@example.com',
			phone: '0113 496 0000',
			sources: [{ type: 'card', token: 'tok_visa' }],
		});
		expect(result.json[0]).toMatchObject({
			id: expect.stringMatching(/^cus_\d+$/),
			name: 'Grace Hopper',
		});
		const found = await runHeroNode(sandbox, {
			parameters: {
				resource: 'invoicing',
				operation: 'getManyCustomers',
				query: 'hopper',
				returnAll: true,
			},
		});
		expect(found.json.map((c) => c.id)).toEqual([result.json[0].id]);
	});

	it('accepts one sources object, and a name alone', async () => {
		await runHeroNode(sandbox, {
			parameters: create({ sources: { type: 'card', token: 'tok_visa' } }),
		});
		await runHeroNode(sandbox, { parameters: create({}, 'Edith Cavell') });
		expect(posts().map((r) => r.body)).toEqual([
			{ name: 'Grace Hopper', sources: { type: 'card', token: 'tok_visa' } },
			{ name: 'Edith Cavell' },
		]);
	});

	it('is not repeated when Hero answers 503 (the customer may exist already)', async () => {
		sandbox.faults.add({
			kind: 'status',
			status: 503,
			method: 'POST',
			path: '^/v1/invoicing/customers$',
		});
		const result = await runHeroNode(sandbox, { parameters: create() });
		expect(result.error?.message).toContain('may or may not have been carried out');
		expect(posts()).toHaveLength(1);
	});

	it.each([
		['a malformed email', { email: 'grace@@example' }, 'Email: expected an email address'],
		['a phone with letters', { phone: '0113 HOPPER' }, 'Phone: expected a phone number'],
		['sources that are not JSON', { sources: '[{type: card' }, 'Sources (JSON): expected JSON'],
		[
			'sources that are a list of text',
			{ sources: '["card"]' },
			'Sources (JSON): expected a list of objects or one object',
		],
	])('rejects %s before sending, naming the field and item', async (_name, fields, expected) => {
		const result = await runHeroNode(sandbox, { parameters: create(fields) });
		expect(result.error?.message).toContain(expected);
		expect(result.error?.message).toContain('[row 1 (n8n item 0)]');
		expect(result.error?.message).not.toMatch(/grace@|HOPPER/);
		expect(sandbox.requests).toHaveLength(0);
		expect(customers(sandbox.state).size).toBe(2);
	});
});
