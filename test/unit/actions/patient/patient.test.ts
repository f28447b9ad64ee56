import { INFERRED } from '../../../../nodes/HeroHealth/transport/inferred';
import { runHeroNode } from '../../../harness/runNode';
import {
	PDS_ONLY_PEOPLE,
	VERIFICATION_NHS_NUMBER,
	patients,
} from '../../../sandbox/routes/patients';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const GRACE = PDS_ONLY_PEOPLE[0]; // on the Spine, not yet registered with Hero
const spaced = (digits: string) => `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
/** What Hero is sent: the one choice in transport/inferred.ts (the sandbox accepts both forms). */
const sentForm = (digits: string) => INFERRED.nhsNumberForHero(digits);

const registerPds = (fields: Record<string, unknown> = {}) => ({
	resource: 'patient',
	operation: 'registerPds',
	searchBy: 'nhsNumber',
	nhsNumber: spaced(GRACE.nhs_number),
	dateOfBirth: GRACE.dob,
	...fields,
});
const pdsCalls = () => sandbox.received('POST', '/v1/patients/register_pds');

describe('Patient → Register via PDS', () => {
	it('registers a new patient and returns the same id for the same NHS number afterwards', async () => {
		const first = await runHeroNode(sandbox, { parameters: registerPds() });
		expect(first.error).toBeUndefined();
		expect(first.json[0]).toEqual({
			verification_required: false,
			patient_id: expect.stringMatching(/^\d+$/),
		});
		expect(pdsCalls()[0].body).toEqual({ nhs_number: sentForm(GRACE.nhs_number), dob: GRACE.dob });
		const id = first.json[0].patient_id as string;
		expect(patients(sandbox.state).get(id)).toMatchObject({
			first_name: 'Grace',
			last_name: 'Hopper',
			nhs_number: GRACE.nhs_number,
		});

		// Unspaced digits, a date-time from n8n's date picker: the same person, the same id, no new patient.
		const again = await runHeroNode(sandbox, {
			parameters: registerPds({
				nhsNumber: GRACE.nhs_number,
				dateOfBirth: `${GRACE.dob}T00:00:00`,
			}),
		});
		expect(again.json[0].patient_id).toBe(id);
		expect(pdsCalls()[1].body).toEqual({ nhs_number: sentForm(GRACE.nhs_number), dob: GRACE.dob });
		expect(
			[...patients(sandbox.state).values()].filter((p) => p.nhs_number === GRACE.nhs_number),
		).toHaveLength(1);
	});

	it('sends NHS numbers in the one form chosen in transport/inferred.ts: spaced 3-3-4, as the docs write them', async () => {
		await runHeroNode(sandbox, { parameters: registerPds({ nhsNumber: '485-777-3457' }) });
		expect((pdsCalls()[0].body as { nhs_number: string }).nhs_number).toBe(
			sentForm(GRACE.nhs_number),
		);
		expect(sentForm('4857773457')).toBe('485 777 3457');
	});

	it('returns the existing Hero id for an already registered patient', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: registerPds({ nhsNumber: '943 476 5919', dateOfBirth: '1985-12-10' }),
		});
		expect(result.json[0]).toEqual({ verification_required: false, patient_id: '2001' });
	});

	it('outputs the identity-verification hand-off clearly (message and login_url, no patient id)', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: registerPds({
				nhsNumber: spaced(VERIFICATION_NHS_NUMBER),
				dateOfBirth: '1995-03-30',
			}),
		});
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toEqual({
			verification_required: true,
			patient_id: null,
			message: expect.stringContaining('verify'),
			login_url: expect.stringMatching(/^https:\/\/login\.herohealth\.net\//),
		});
	});

	it('searches by name, postcode and date of birth, without an NHS number', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: registerPds({
				searchBy: 'demographics',
				forename: 'Florence',
				surname: 'Nightingale',
				postcode: 'WC2N 5DN',
				dateOfBirth: '1970-05-12',
			}),
		});
		expect(result.error).toBeUndefined();
		expect(pdsCalls()[0].body).toEqual({
			dob: '1970-05-12',
			forename: 'Florence',
			surname: 'Nightingale',
			postcode: 'WC2N 5DN',
		});
		expect(patients(sandbox.state).get(result.json[0].patient_id as string)).toMatchObject({
			nhs_number: '4010232137',
		});
	});

	it('sends the optional names, postcode and EHR partner with an NHS number', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: registerPds({
				additionalFields: {
					forename: 'Grace',
					surname: 'Hopper',
					postcode: 'EH1 1YZ',
					ehrPartner: 'emis',
					ehrPartnerId: '77001',
				},
			}),
		});
		expect(result.error).toBeUndefined();
		expect(pdsCalls()[0].body).toEqual({
			nhs_number: sentForm(GRACE.nhs_number),
			dob: GRACE.dob,
			forename: 'Grace',
			surname: 'Hopper',
			postcode: 'EH1 1YZ',
			ehr_partner: 'emis',
			ehr_partner_id: '77001',
		});
	});

	it('reports Hero\'s "No patient found" (404) without repeating the NHS number', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: registerPds({ dateOfBirth: '1986-12-10' }),
		});
		expect((result.error as { httpCode?: string }).httpCode).toBe('404');
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain('4857773457');
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain('485 777 3457');
	});

	it.each([
		[
			'a wrong check digit',
			{ nhsNumber: '485 777 3458' },
			'NHS Number: expected a valid 10-digit NHS number',
		],
		[
			'nine digits',
			{ nhsNumber: '485 777 345' },
			'NHS Number: expected a valid 10-digit NHS number',
		],
		['letters', { nhsNumber: 'ABC 777 3457' }, 'NHS Number: expected a valid 10-digit NHS number'],
		[
			'an NHS number expression that yields nothing',
			{ nhsNumber: '={{ $json.missing }}' },
			'NHS Number: is required',
		],
		[
			'a date of birth in the future',
			{ dateOfBirth: '2999-01-01' },
			'Date of Birth: cannot be in the future',
		],
		[
			'a UK-style date of birth',
			{ dateOfBirth: '09/12/1986' },
			'Date of Birth: expected a date such as',
		],
		[
			'an impossible date of birth',
			{ dateOfBirth: '1986-02-30' },
			'Date of Birth: expected a date such as',
		],
		[
			'a date of birth 200 years ago',
			{ dateOfBirth: '1820-01-01' },
			'Date of Birth: is more than 130 years ago',
		],
		[
			'demographics without a surname',
			{ searchBy: 'demographics', forename: 'Grace', surname: '={{ "" }}', postcode: 'EH1 1YZ' },
			'Surname: is required',
		],
	])('rejects %s before sending, naming the field and item', async (_name, fields, expected) => {
		const result = await runHeroNode(sandbox, { parameters: registerPds(fields) });
		expect(result.error?.message).toContain(expected);
		expect(result.error?.message).toContain('[row 1 (n8n item 0)]');
		expect(result.error?.message).not.toContain('485');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('names the failing item and sends the valid ones with Continue On Fail', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: registerPds({ nhsNumber: '={{ $json.nhs }}', dateOfBirth: '={{ $json.dob }}' }),
			items: [
				{ nhs: '943 476 5919', dob: '1985-12-10' },
				{ nhs: '943 476 5918', dob: '1985-12-10' },
			],
			continueOnFail: true,
		});
		expect(result.json[0]).toMatchObject({ patient_id: '2001' });
		expect(result.json[1].error).toContain('NHS Number: expected a valid 10-digit NHS number');
		expect(result.json[1].error).toContain('[row 2 (n8n item 1)]');
		expect(result.json[1].error).not.toContain('5918');
		expect(pdsCalls()).toHaveLength(1);
	});
});

describe('the sandbox enforces the register_pds rules', () => {
	const post = (body: unknown) =>
		fetch(`${sandbox.url}/v1/patients/register_pds`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-api-key': sandbox.apiKey,
				'x-practice-group-id': sandbox.practiceGroupId,
			},
			body: JSON.stringify(body),
		});

	it("accepts the docs' spaced form and plain digits, and rejects a bad check digit, a missing dob, undocumented fields and a half demographic search", async () => {
		expect((await post({ nhs_number: '943 476 5919', dob: '1985-12-10' })).status).toBe(200);
		expect((await post({ nhs_number: '9434765919', dob: '1985-12-10' })).status).toBe(200);
		expect((await post({ nhs_number: '943 476 5918', dob: '1985-12-10' })).status).toBe(400);
		expect((await post({ nhs_number: '943 476 5919' })).status).toBe(400);
		expect(
			(await post({ nhs_number: '943 476 5919', dob: '1985-12-10', gender: 'F' })).status,
		).toBe(400);
		expect((await post({ dob: '1985-12-10', forename: 'Ada' })).status).toBe(400);
	});
});

const createOrUpdate = (
	fields: Record<string, unknown> = {},
	additionalFields: Record<string, unknown> = {},
) => ({
	resource: 'patient',
	operation: 'createOrUpdate',
	nhsNumber: '401 023 2137',
	dateOfBirth: '1970-05-12',
	additionalFields: { firstName: 'Florence', lastName: 'Nightingale', ...additionalFields },
	...fields,
});

describe('Patient → Create or Update', () => {
	it('creates a patient with every field, converted to what Hero expects, then updates the same one', async () => {
		const created = await runHeroNode(sandbox, {
			parameters: createOrUpdate(
				{},
				{
					title: 'Miss',
					sex: 'Female',
					email: 'florence@example.com',
					mobile: '07700 900011',
					line1: '10 Strand',
					line2: 'Flat 2',
					line3: 'Charing Cross',
					town: 'London',
					county: 'Greater London',
					postcode: 'WC2N 5DN',
				},
			),
		});
		expect(created.error).toBeUndefined();
		const calls = sandbox.received('POST', '/v1/patients/register');
		expect(calls[0].body).toEqual({
			nhs_number: sentForm('4010232137'),
			dob: '1970-05-12',
			first_name: 'Florence',
			last_name: 'Nightingale',
			title: 'Miss',
			sex: 'Female',
			email: 'florence@example.com',
			mobile: '+447700900011',
			line_1: '10 Strand',
			line_2: 'Flat 2',
			line_3: 'Charing Cross',
			town: 'London',
			county: 'Greater London',
			postcode: 'WC2N 5DN',
		});
		for (const key of Object.keys(calls[0].body as object))
			expect(INFERRED.registerPatientFields).toContain(key);
		const id = created.json[0].patient_id as string;

		const updated = await runHeroNode(sandbox, {
			parameters: createOrUpdate({}, { town: 'Derby' }),
		});
		expect(updated.json[0].patient_id).toBe(id);
		expect(patients(sandbox.state).get(id)).toMatchObject({
			town: 'Derby',
			email: 'florence@example.com',
		});
	});

	it.each([
		['an invalid email', { email: 'florence@' }, 'Email: expected an email address'],
		['a mobile one digit short', { mobile: '07700 90001' }, 'Mobile: expected a phone number'],
		['an unknown title', { title: 'Admiral' }, 'Title: expected one of'],
		['an unknown sex', { sex: 'F' }, 'Sex: expected one of'],
	])('rejects %s before sending', async (_name, extra, expected) => {
		const result = await runHeroNode(sandbox, { parameters: createOrUpdate({}, extra) });
		expect(result.error?.message).toContain(expected);
		expect(result.error?.message).not.toContain('florence@');
		expect(sandbox.requests).toHaveLength(0);
	});

	it.each([
		['a French mobile', '+33 6 12 34 56 78', '+33612345678'],
		['a US number dialled with 00', '001 415 555 0123', '+14155550123'],
	])('Mobile accepts %s and sends it in E.164', async (_name, typed, sent) => {
		const result = await runHeroNode(sandbox, {
			parameters: createOrUpdate({}, { mobile: typed }),
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.received('POST', '/v1/patients/register')[0].body).toMatchObject({
			mobile: sent,
		});
	});

	it('rejects an invalid NHS number before sending', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: createOrUpdate({ nhsNumber: '401 023 2138' }),
		});
		expect(result.error?.message).toContain('NHS Number: expected a valid 10-digit NHS number');
		expect(result.error?.message).toContain('[row 1 (n8n item 0)]');
		expect(sandbox.requests).toHaveLength(0);
	});

	it("surfaces Hero's conflict when the NHS number belongs to someone with another date of birth", async () => {
		const result = await runHeroNode(sandbox, {
			parameters: createOrUpdate({ nhsNumber: '943 476 5919', dateOfBirth: '1985-12-11' }),
		});
		expect((result.error as { httpCode?: string }).httpCode).toBe('409');
	});
});

describe('Patient → Get, List EHR Candidates, Connect to EHR Record, Preview Merge', () => {
	it('gets a patient (v2) from Hero, and from the EHR once connected', async () => {
		const hero = await runHeroNode(sandbox, {
			parameters: { resource: 'patient', operation: 'get', patientId: '2001' },
		});
		expect(hero.json[0]).toMatchObject({
			hero_id: '2001',
			first_name: 'Ada',
			dob: '1985-12-10',
			ehr_registered: false,
		});
		expect(sandbox.received('GET', '/v2/patients/2001')[0].query).toEqual({});

		const before = await runHeroNode(sandbox, {
			parameters: {
				resource: 'patient',
				operation: 'get',
				patientId: '2001',
				options: { dataSource: 'ehr' },
			},
		});
		expect((before.error as { httpCode?: string }).httpCode).toBe('404');
		expect(sandbox.received('GET', '/v2/patients/2001')[1].query).toEqual({ data_source: 'ehr' });

		await runHeroNode(sandbox, {
			parameters: {
				resource: 'patient',
				operation: 'connectEhr',
				patientId: '2001',
				ehrPartnerId: '5012345',
			},
		});
		const ehr = await runHeroNode(sandbox, {
			parameters: {
				resource: 'patient',
				operation: 'get',
				patientId: '2001',
				options: { dataSource: 'ehr' },
			},
		});
		expect(ehr.json[0]).toMatchObject({
			data_source: 'emis',
			ehr_partner_id: '5012345',
			ehr_registered: true,
		});
	});

	it('lists EHR candidates as one item per record, and connects one', async () => {
		const list = await runHeroNode(sandbox, {
			parameters: { resource: 'patient', operation: 'listEhrCandidates', patientId: '2001' },
		});
		expect(list.json.map((c) => c.ehr_partner_id)).toEqual(['5012345', '5012346']);
		expect(list.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);

		const connected = await runHeroNode(sandbox, {
			parameters: {
				resource: 'patient',
				operation: 'connectEhr',
				patientId: '2001',
				ehrPartnerId: '5012346',
			},
		});
		expect(connected.json[0]).toMatchObject({ ehr_partner_id: '5012346', ehr_registered: true });
		expect(sandbox.received('POST', '/v1/patients/2001/ehr/connect')[0].body).toEqual({
			ehr_partner_id: '5012346',
		});
	});

	it('reports connecting to a record that is not a candidate (404)', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'patient',
				operation: 'connectEhr',
				patientId: '2001',
				ehrPartnerId: '5012400',
			},
		});
		expect((result.error as { httpCode?: string }).httpCode).toBe('404');
	});

	it('previews a merge without changing either patient', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'patient',
				operation: 'previewMerge',
				patientId: '2005',
				otherPatientId: '2001',
			},
		});
		expect(sandbox.received('POST', '/v1/patients/2005/merge/preview')[0].body).toEqual({
			patient_id: '2001',
		});
		// 2005 has no email: the preview fills it from the duplicate, and the stored patient keeps none.
		expect(result.json[0]).toMatchObject({
			hero_id: '2005',
			first_name: 'Rosalind',
			email: 'ada@example.com',
		});
		expect(patients(sandbox.state).get('2005')?.email).toBeNull();
	});

	it.each([
		[
			'the same patient twice',
			{ resource: 'patient', operation: 'previewMerge', patientId: '2001', otherPatientId: '2001' },
			'Merge With Patient ID: must be a different patient',
		],
		[
			'a non-numeric patient',
			{ resource: 'patient', operation: 'get', patientId: 'ada' },
			'Patient ID: expected a numeric Hero ID',
		],
		[
			'an unknown data source',
			{ resource: 'patient', operation: 'get', patientId: '2001', options: { dataSource: 'emis' } },
			'Data Source: expected one of hero, ehr',
		],
		[
			'an empty EHR partner id',
			{
				resource: 'patient',
				operation: 'connectEhr',
				patientId: '2001',
				ehrPartnerId: '={{ "" }}',
			},
			'EHR Partner ID: is required',
		],
	])('rejects %s before sending', async (_name, parameters, expected) => {
		const result = await runHeroNode(sandbox, { parameters });
		expect(result.error?.message).toContain(expected);
		expect(sandbox.requests).toHaveLength(0);
	});
});
