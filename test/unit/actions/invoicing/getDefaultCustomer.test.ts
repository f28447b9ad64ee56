import { runHeroNode } from '../../../harness/runNode';
import { customers, defaultCustomers } from '../../../sandbox/routes/invoicing';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const get = (patientId: unknown) => ({
	resource: 'invoicing',
	operation: 'getDefaultCustomer',
	patientId,
});

describe('Invoicing → Get Default Customer', () => {
	it("sends the patient as ?patient_id= and outputs the patient's default customer", async () => {
		const result = await runHeroNode(sandbox, { parameters: get('2001') });
		expect(result.error).toBeUndefined();
		const calls = sandbox.received('GET', '/v1/invoicing/customers/default');
		expect(calls.map((c) => c.query)).toEqual([{ patient_id: '2001' }]);
		// Hero's customer, with the patient it was asked for (the node adds it to items about one patient).
		expect(result.json).toEqual([
			{ ...customers(sandbox.state).get('cus_1001'), patient_id: '2001' },
		]);
	});

	it('gives each item its own patient', async () => {
		defaultCustomers(sandbox.state).set('2002', 'cus_1002');
		const result = await runHeroNode(sandbox, {
			parameters: get('={{ $json.patient }}'),
			items: [{ patient: '2002' }, { patient: 2001 }],
		});
		expect(result.json.map((c) => c.id)).toEqual(['cus_1002', 'cus_1001']);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('refuses a patient id that is not a Hero id before sending, without repeating it', async () => {
		const result = await runHeroNode(sandbox, { parameters: get('943 476 5919') });
		expect(result.error?.message).toBe(
			'Patient ID: expected a numeric Hero ID such as 1234 [row 1 (n8n item 0)]',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('reports a patient without a default customer as not found', async () => {
		const result = await runHeroNode(sandbox, { parameters: get('2005') });
		expect(result.error?.message).toBe('Default customer not found');
		expect(result.json).toHaveLength(0);
	});
});
