import { runHeroNode } from '../../../harness/runNode';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { paymentMethodsOf } from '../../../../nodes/HeroHealth/actions/patient/getPaymentMethods.operation';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const run = (patientId: string) =>
	runHeroNode(sandbox, {
		parameters: { resource: 'patient', operation: 'getPaymentMethods', patientId },
	});

describe('Patient → Get Payment Methods', () => {
	it("outputs one item per card of the patient's default customer, from GET /v1/patients/{id}/payment_methods", async () => {
		const result = await run('2001');
		expect(result.error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v1/patients/2001/payment_methods',
		]);
		expect(sandbox.requests[0].query).toEqual({});
		expect(result.json).toEqual([
			{
				id: 'card_1Ada4242',
				type: 'card',
				fingerprint: 'Xt5EWLLDS7FJjR1c',
				brand: 'visa',
				last4: '4242',
				exp_month: 12,
				exp_year: 2030,
			},
		]);
	});

	it('gives no output items for a patient with no payment method, and 404 for an unknown patient', async () => {
		const none = await run('2002');
		expect(none.error).toBeUndefined();
		expect(none.json).toEqual([]);
		const unknown = await run('9999');
		expect((unknown.error as { httpCode?: string }).httpCode).toBe('404');
	});

	it('reads the guessed answer shapes: a bare list, { data }, { sources }, and outputs any other answer as sent', () => {
		const card = { id: 'card_1', last4: '4242' };
		expect(paymentMethodsOf([card])).toEqual([card]);
		expect(paymentMethodsOf({ data: [card], count: 1 })).toEqual([card]);
		expect(paymentMethodsOf({ id: 'cus_1', sources: [card] })).toEqual([card]);
		expect(paymentMethodsOf({ default_source: 'card_1' })).toEqual([{ default_source: 'card_1' }]);
	});

	it('refuses a non-numeric Patient ID before sending', async () => {
		const result = await run('ada');
		expect(result.error?.message).toMatch(/^Patient ID: expected a numeric Hero ID/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
