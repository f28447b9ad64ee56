/**
 * Booking Link → Create for one patient, identified by NHS number and date of birth: found with
 * Hero's search in the check pass, before any link is created.
 */
import { runHeroNode } from '../../../harness/runNode';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const params = (fields: Record<string, unknown> = {}) => ({
	resource: 'bookingLink',
	operation: 'create',
	linkType: 'patient',
	identifyPatientBy: 'nhsNumberAndDob',
	nhsNumber: '={{ $json.nhs }}',
	dateOfBirth: '={{ $json.dob }}',
	appointmentTypeId: { __rl: true, mode: 'list', value: '4001' },
	locationId: { __rl: true, mode: 'id', value: '3001' },
	...fields,
});
const creates = () => sandbox.received('POST', '/v1/booking_links');
const searches = () => sandbox.received('GET', '/v3/patients');

describe('Booking Link → Create: Identify Patient By', () => {
	it('creates the link for the patient found by NHS number and date of birth, and outputs patient_id', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: params(),
			items: [{ nhs: '9434765919', dob: '1985-12-10' }],
		});
		expect(result.error).toBeUndefined();
		expect(searches()).toHaveLength(1);
		expect(creates().map((r) => JSON.parse(r.rawBody))).toEqual([
			{ appointment_type_id: '4001', location_id: '3001', patient_id: '2001' },
		]);
		expect(result.json[0].patient_id).toBe('2001');
	});

	it('a saved workflow without Identify Patient By creates by Patient ID, with no search', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'bookingLink',
				operation: 'create',
				linkType: 'patient',
				patientId: '2002',
				appointmentTypeId: { __rl: true, mode: 'list', value: '4001' },
				locationId: { __rl: true, mode: 'id', value: '3001' },
			},
		});
		expect(result.error).toBeUndefined();
		expect(searches()).toHaveLength(0);
		expect(JSON.parse(creates()[0].rawBody).patient_id).toBe('2002');
	});

	it('a generic link neither asks for nor searches a patient', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: params({ linkType: 'generic' }),
			items: [{ nhs: 'not a number', dob: '' }],
		});
		expect(result.error).toBeUndefined();
		expect(searches()).toHaveLength(0);
		expect(JSON.parse(creates()[0].rawBody)).not.toHaveProperty('patient_id');
	});

	it('a mistyped check digit creates no link and searches nothing', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: params(),
			items: [
				{ nhs: '9434765919', dob: '1985-12-10' },
				{ nhs: '9434765911', dob: '1985-12-10' },
			],
		});
		expect(result.error?.message).toMatch(/^NHS Number: expected a valid 10-digit NHS number/);
		expect(result.error?.message).toMatch(/\[row 2 \(n8n item 1\)\]$/);
		expect(searches()).toHaveLength(0);
		expect(creates()).toHaveLength(0);
	});

	it('no match for the date of birth creates no link for any item', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: params(),
			items: [
				{ nhs: '9434765919', dob: '1985-12-10' },
				{ nhs: '9434765919', dob: '1986-12-10' },
			],
		});
		expect(result.error?.message).toBe(
			'NHS Number: no Hero patient has this NHS number and date of birth [row 2 (n8n item 1)]',
		);
		expect(creates()).toHaveLength(0);
	});
});
