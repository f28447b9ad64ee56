/**
 * A failed row in a list is easy to find (issue 26): every message numbers items as a person counts
 * rows (`[row 1 (n8n item 0)]` is n8n's first item), and the output items of a run (done or failed) carry the
 * row (`item`, on error items) and the Hero ID of the patient they are about (`patient_id`).
 */
import { sendFromItems, sendItemFields } from '../../harness/parameters';
import { runHeroNode } from '../../harness/runNode';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const BAD_PHONE =
	'Recipient Contact Detail: expected a phone number such as 07700 900123, or one in international form such as +33 6 12 34 56 78';
const rows = [
	{ n: 1, patient: '2001', phone: '07700 900001' },
	{ n: 2, patient: '2002', phone: '07700 900002' },
	{ n: 3, patient: '2003', phone: '12345' },
];

describe('rows numbered as a person counts them', () => {
	it('a failed 3rd row outputs row 3 with its patient_id, and its message says [row 3 (n8n item 2)]', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems(),
			items: rows,
			continueOnFail: true,
		});
		expect(result.json[2]).toEqual({
			error: `${BAD_PHONE} [row 3 (n8n item 2)]`,
			description: 'Row 3 was not sent to Hero. Correct "Recipient Contact Detail" and run again.',
			row: 3,
			patient_id: '2003',
		});
		// n8n still pairs it with its input item (0-based, n8n's own index).
		expect(result.items[2].pairedItem).toEqual({ item: 2 });
		// Nothing of the row but the patient's Hero ID: not the rejected phone, not the text.
		expect(JSON.stringify(result.json[2])).not.toMatch(/12345|Hello/);
		// The rows sent say whom they were for, and were sent for them.
		expect(result.json.slice(0, 2).map((json) => json.patient_id)).toEqual(['2001', '2002']);
		for (const json of result.json.slice(0, 2)) expect(json.message_id).toBeDefined();
		const sent = sandbox.received('POST', '/v1/messages/send');
		expect(sent.map((r) => (r.body as { patient_id: string }).patient_id).sort()).toEqual([
			'2001',
			'2002',
		]);
	});

	it('without Continue On Fail, the error says [row 3 (n8n item 2)] and n8n links it to its 3rd item (index 2)', async () => {
		const result = await runHeroNode(sandbox, { parameters: sendFromItems(), items: rows });
		expect(result.error?.message).toBe(`${BAD_PHONE} [row 3 (n8n item 2)]`);
		expect(result.error?.description).toBe(
			'Row 3 was not sent to Hero. Correct "Recipient Contact Detail" and run again.',
		);
		expect(result.error?.context?.itemIndex).toBe(2);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(0);
	});

	it('a row Hero refuses outputs its row and the patient its request named', async () => {
		const items = [rows[0], { n: 2, patient: '424242', phone: '07700 900002' }];
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems(),
			items,
			continueOnFail: true,
		});
		expect(result.json[1]).toEqual({
			error: expect.stringContaining('Patient not found'),
			description: expect.stringContaining('Hero answered 404 to POST /v1/messages/send'),
			httpCode: '404',
			row: 2,
			patient_id: '424242',
		});
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(2);
	});

	it('a row whose Patient ID is not a valid Hero ID outputs its row but no patient_id', async () => {
		const items = [rows[0], { n: 2, patient: 'Ada Lovelace', phone: '07700 900002' }];
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems(),
			items,
			continueOnFail: true,
		});
		expect(result.json[1]).toEqual({
			error: 'Patient ID: expected a numeric Hero ID such as 1234 [row 2 (n8n item 1)]',
			description: 'Row 2 was not sent to Hero. Correct "Patient ID" and run again.',
			row: 2,
		});
	});

	it('Map Automatically: the failed row carries its patient_id, never its NHS number, date of birth or text', async () => {
		const items = [
			{
				patient_id: '2001',
				message_type: 'sms',
				message_string: 'Hello 1',
				recipient_contact_detail: '07700 900001',
			},
			{
				patient_id: '2002',
				message_type: 'sms',
				message_string: 'Hello 2',
				recipient_contact_detail: '12345',
			},
			{ nhs_number: '9434765919', dob: '1956-03-12', message_type: 'sms', message_string: 'Hi 3' },
		];
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'message', operation: 'send', inputData: 'autoMapInputData' },
			items,
			continueOnFail: true,
		});
		expect(result.json[1]).toMatchObject({ row: 2, patient_id: '2002' });
		expect(result.json[1].error).toMatch(/\[row 2 \(n8n item 1\)\]$/);
		expect(JSON.stringify(result.json[1])).not.toMatch(/12345|Hello/);
		// A row identified by NHS number: its output names the patient found, never the NHS number or dob.
		expect(JSON.stringify(result.json[2])).not.toMatch(/9434765919|943 476 5919|1956-03-12|Hi 3/);
		expect(result.json[0].patient_id).toBe('2001');
	});

	it('a row with no Patient ID outputs its row and no patient_id', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: sendItemFields(),
			items: [{ patientId: '', phone: '07700 900001', text: 'Hi' }],
			continueOnFail: true,
		});
		expect(result.json[0]).toEqual({
			error: expect.stringMatching(/^Patient ID: .*\[row 1 \(n8n item 0\)\]$/),
			description: 'Row 1 was not sent to Hero. Correct "Patient ID" and run again.',
			row: 1,
		});
	});

	it('a read about one patient carries its patient_id; Patient → Get, the patient itself, is left as Hero sent it; one about none does not', async () => {
		const customer = await runHeroNode(sandbox, {
			parameters: { resource: 'invoicing', operation: 'getDefaultCustomer', patientId: '2001' },
		});
		expect(customer.error).toBeUndefined();
		expect(customer.json).toHaveLength(1);
		expect(customer.json[0]).toMatchObject({ patient_id: '2001' });
		const patient = await runHeroNode(sandbox, {
			parameters: { resource: 'patient', operation: 'get', patientId: '2001' },
		});
		expect(patient.json).toHaveLength(1);
		expect(patient.json[0]).toMatchObject({ first_name: 'Ada', hero_id: '2001' });
		expect(patient.json[0]).not.toHaveProperty('patient_id');
		const practice = await runHeroNode(sandbox, {
			parameters: { resource: 'practiceGroup', operation: 'get' },
		});
		expect(practice.json[0]).not.toHaveProperty('patient_id');
	});
});
