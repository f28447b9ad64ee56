/**
 * The sandbox's invoice update on its own, with plain HTTP: Hero's documented rule for draft and
 * finalised invoices, refusals in Hero's 400 shape.
 */
import { sandboxClient } from '../../harness/sandboxClient';
import { invoices } from '../../sandbox/routes/invoicing';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const { hero } = sandboxClient(() => sandbox);

describe('PATCH /v1/invoicing/invoices/{id}', () => {
	it('requires issuer_id, takes any field on a draft, and only memo, footer and coupons on a finalised invoice', async () => {
		const noIssuer = await hero('PATCH', '/v1/invoicing/invoices/4001', { memo: 'x' });
		expect(noIssuer.status).toBe(400);
		expect(noIssuer.body.message[0].path).toEqual(['issuer_id']);

		const draft = await hero('PATCH', '/v1/invoicing/invoices/4001', {
			issuer_id: '42',
			due_date: '2027-01-01',
		});
		expect(draft.status).toBe(200);
		expect(invoices(sandbox.state).get('4001')!.due_date).toBe('2027-01-01');

		const finalised = await hero('PATCH', '/v1/invoicing/invoices/4002', {
			issuer_id: '42',
			footer: 'Thanks',
			due_date: '2027-01-01',
		});
		expect(finalised.status).toBe(400);
		expect(finalised.body).toEqual({
			error: true,
			statusCode: 400,
			message: [
				{
					code: 'invoice_finalised',
					expected: 'only memo, footer or coupons on a finalised invoice',
					path: ['due_date'],
				},
			],
		});
		expect(invoices(sandbox.state).get('4002')!.footer).toBeNull();
	});
});
