import { runHeroNode } from '../../../harness/runNode';
import { invoices } from '../../../sandbox/routes/invoicing';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { loadOptionsList, searchList } from '../../../harness/listSearch';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const issuer = (value: string) => ({ __rl: true, mode: 'list', value });
const update = (invoiceId: string, updateFields: Record<string, unknown>, issuerId = '42') => ({
	resource: 'invoicing',
	operation: 'updateInvoice',
	invoiceId,
	issuerId: issuer(issuerId),
	updateFields,
});
const patches = () => sandbox.received('PATCH', /^\/v1\/invoicing\/invoices\//);

describe('Invoicing → Update Invoice', () => {
	it('changes any field of a draft: issuer, memo, footer, coupons and Other Fields (JSON) in one PATCH', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: update('4001', {
				memo: 'Travel vaccinations, 2 doses',
				footer: 'Thank you',
				coupons: ['TRAVEL5', 'STAFF20'],
				otherFields: '{ "due_date": "2027-01-15", "days_until_due": 30 }',
			}),
		});
		expect(result.error).toBeUndefined();
		expect(patches().map((r) => [r.path, r.body])).toEqual([
			[
				'/v1/invoicing/invoices/4001',
				{
					issuer_id: '42',
					memo: 'Travel vaccinations, 2 doses',
					footer: 'Thank you',
					coupons: ['TRAVEL5', 'STAFF20'],
					due_date: '2027-01-15',
					days_until_due: 30,
				},
			],
		]);
		expect(invoices(sandbox.state).get('4001')).toMatchObject({
			memo: 'Travel vaccinations, 2 doses',
			due_date: '2027-01-15',
		});
		expect(result.json[0]).toMatchObject({ id: '4001', coupons: ['TRAVEL5', 'STAFF20'] });
	});

	it('changes the memo, footer and coupons of a finalised invoice', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: update('4002', { memo: 'Paid in clinic', coupons: '={{ "FLU10, STAFF20" }}' }),
		});
		expect(result.error).toBeUndefined();
		expect(patches()[0].body).toEqual({
			issuer_id: '42',
			memo: 'Paid in clinic',
			coupons: ['FLU10', 'STAFF20'],
		});
		expect(invoices(sandbox.state).get('4002')).toMatchObject({ memo: 'Paid in clinic' });
	});

	it("sends other fields of a finalised invoice to Hero (the node cannot know its state) and reports Hero's refusal by field", async () => {
		const result = await runHeroNode(sandbox, {
			parameters: update('4002', { otherFields: { due_date: '2027-01-15' } }),
		});
		expect(patches()).toHaveLength(1);
		expect(result.error?.message).toBe(
			'Hero rejected the request: field due_date: expected only memo, footer or coupons on a finalised invoice',
		);
		expect(invoices(sandbox.state).get('4002')!.due_date).toBe('2026-12-20');
	});

	it("offers Hero's coupons as the Coupons list and the practice admins as the Issuer list", async () => {
		const params = { resource: 'invoicing', operation: 'updateInvoice' };
		const coupons = await loadOptionsList(sandbox, 'loadCoupons', params);
		expect(coupons).toContainEqual({ name: 'Flu jab 10% off (FLU10)', value: 'FLU10' });
		expect(coupons).toHaveLength(3);
		expect(sandbox.received('GET', '/v1/invoicing/coupons')).toHaveLength(1);
		const admins = await searchList(sandbox, 'searchAdmins', params);
		expect(admins.results.map((a) => a.value)).toContain('42');
	});

	it('clears the coupons when Coupons is added with none chosen', async () => {
		invoices(sandbox.state).get('4001')!.coupons = ['FLU10'];
		await runHeroNode(sandbox, { parameters: update('4001', { coupons: [] }) });
		expect(patches()[0].body).toEqual({ issuer_id: '42', coupons: [] });
		expect(invoices(sandbox.state).get('4001')!.coupons).toEqual([]);
	});

	it.each([
		[
			'no field to change',
			{ otherFields: '{}' },
			'Update Fields: add at least one field to change',
		],
		[
			'Other Fields that are not JSON',
			{ otherFields: '{ due_date: 2027 }' },
			'Other Fields (JSON): expected JSON: one object',
		],
		[
			'Other Fields that are a list',
			{ otherFields: '[1, 2]' },
			'Other Fields (JSON): expected one JSON object',
		],
		[
			'Other Fields naming a field the node sets',
			{ memo: 'a', otherFields: '{ "memo": "b" }' },
			"Other Fields (JSON): set memo with the node's own fields, not here",
		],
		[
			'Coupons given as objects',
			{ coupons: '={{ [{ "id": "FLU10" }] }}' },
			'Coupons: expected coupon IDs, as a list or separated by commas',
		],
	])('refuses %s before sending', async (_name, fields, message) => {
		const result = await runHeroNode(sandbox, { parameters: update('4001', fields) });
		expect(result.error?.message).toBe(`${message} [row 1 (n8n item 0)]`);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('refuses an Issuer that is not an admin id and an invoice id with a slash, before sending', async () => {
		const badIssuer = await runHeroNode(sandbox, {
			parameters: update('4001', { memo: 'x' }, 'Dr Okafor'),
		});
		expect(badIssuer.error?.message).toBe(
			'Issuer: expected a numeric Hero ID such as 1234 [row 1 (n8n item 0)]',
		);
		const badInvoice = await runHeroNode(sandbox, { parameters: update('4001/x', { memo: 'x' }) });
		expect(badInvoice.error?.message).toMatch(/^Invoice ID: expected one ID such as 4001/);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('is retried after a 503 (a PATCH of fixed values lands in the same state) and outputs the invoice once', async () => {
		sandbox.faults.add({
			kind: 'status-after',
			status: 503,
			method: 'PATCH',
			path: '^/v1/invoicing/invoices/4001$',
			times: 1,
		});
		const result = await runHeroNode(sandbox, { parameters: update('4001', { memo: 'Again' }) });
		expect(result.error).toBeUndefined();
		expect(patches()).toHaveLength(2);
		expect(result.json).toHaveLength(1);
		expect(invoices(sandbox.state).get('4001')!.memo).toBe('Again');
	});

	it("is never retried with Other Fields (they may change the draft's state): a 502 after Hero applied it fails as outcome unknown", async () => {
		sandbox.faults.add({
			kind: 'status-after',
			status: 502,
			method: 'PATCH',
			path: '^/v1/invoicing/invoices/4001$',
			times: 1,
		});
		const result = await runHeroNode(sandbox, {
			parameters: update('4001', { otherFields: '{ "due_date": "2027-02-01" }' }),
		});
		expect(patches()).toHaveLength(1);
		expect(invoices(sandbox.state).get('4001')!.due_date).toBe('2027-02-01');
		expect(result.error?.message).toContain(
			'the request may or may not have been carried out by Hero: check before resending',
		);
	});
});
