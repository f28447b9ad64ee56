/**
 * Appointment → Book Next Available with the patient identified by NHS number and date of birth:
 * found with Hero's search in the check pass, before any slot is reserved or booked.
 */
import { runHeroNode } from '../../../harness/runNode';
import { appointments } from '../../../sandbox/routes/appointments';
import { patients } from '../../../sandbox/routes/patients';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const params = (fields: Record<string, unknown> = {}) => ({
	resource: 'appointment',
	operation: 'bookNextAvailable',
	identifyPatientBy: 'nhsNumberAndDob',
	nhsNumber: '={{ $json.nhs }}',
	dateOfBirth: '={{ $json.dob }}',
	appointmentTypeId: { __rl: true, mode: 'list', value: '4001' },
	...fields,
});
const searches = () => sandbox.received('GET', '/v3/patients');
/** Every request that reserves, books or creates something. */
const writes = () => sandbox.received().filter((r) => r.method !== 'GET');
const bookedFor = () => [...appointments(sandbox.state).values()].map((a) => a.patient_id);

describe('Appointment → Book Next Available: Identify Patient By', () => {
	it('books for the patient found by NHS number and date of birth, and outputs their patient_id', async () => {
		const before = bookedFor().length;
		const result = await runHeroNode(sandbox, {
			parameters: params(),
			items: [{ nhs: '943 476 5870', dob: '1972-06-23' }],
		});
		expect(result.error).toBeUndefined();
		expect(searches().map((r) => r.query)).toMatchObject([
			{ nhs_number: '943 476 5870', dob: '1972-06-23' },
		]);
		expect(result.json[0]).toMatchObject({ booked: true, patient_id: '2002' });
		expect(bookedFor().slice(before)).toEqual(['2002']);
	});

	it('a saved workflow without Identify Patient By books by Patient ID, with no search', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'appointment',
				operation: 'bookNextAvailable',
				patientId: '2001',
				appointmentTypeId: { __rl: true, mode: 'list', value: '4001' },
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.json[0].booked).toBe(true);
		expect(searches()).toHaveLength(0);
	});

	it('the right NHS number with the wrong date of birth books nothing for any item', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: params(),
			items: [
				{ nhs: '9434765919', dob: '1985-12-10' },
				{ nhs: '9434765870', dob: '1972-06-24' },
			],
		});
		expect(result.error?.message).toBe(
			'NHS Number: no Hero patient has this NHS number and date of birth [row 2 (n8n item 1)]',
		);
		expect(writes()).toHaveLength(0);
	});

	it('two Hero records with the NHS number and date of birth book nothing', async () => {
		patients(sandbox.state).set('2902', {
			...patients(sandbox.state).get('2002')!,
			id: '2902',
		});
		const result = await runHeroNode(sandbox, {
			parameters: params(),
			items: [{ nhs: '9434765870', dob: '1972-06-23' }],
		});
		expect(result.error?.message).toMatch(/^NHS Number: 2 Hero patients have this NHS number/);
		expect(writes()).toHaveLength(0);
	});

	it('finds the patients of items booked one by one with concurrent searches, once each', async () => {
		sandbox.faults.add({ kind: 'latency', latencyMs: 40, path: '^/v3/patients$' });
		const result = await runHeroNode(sandbox, {
			parameters: params(),
			items: [
				{ nhs: '9434765919', dob: '1985-12-10' },
				{ nhs: '9434765870', dob: '1972-06-23' },
				{ nhs: '9434765919', dob: '1985-12-10' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(searches()).toHaveLength(2);
		expect(result.json.map((json) => json.patient_id)).toEqual(['2001', '2002', '2001']);
		// Both searches waited on Hero together: neither was answered before the other arrived.
		const [a, b] = searches();
		expect(b.timing.receivedAt).toBeLessThanOrEqual(a.timing.answeredAt ?? Infinity);
	});
});
