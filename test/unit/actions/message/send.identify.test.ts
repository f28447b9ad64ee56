/**
 * Message → Send with the patient identified by NHS number and date of birth: Hero's search
 * (GET /v3/patients) finds the one patient in the check pass, before any item is sent.
 */
import { exactMatches } from '../../../../nodes/HeroHealth/actions/patients.descriptions';
import { runHeroNode } from '../../../harness/runNode';
import { patients, type SandboxPatient } from '../../../sandbox/routes/patients';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

// Seeded: 2001 Ada Lovelace, 943 476 5919, born 1985-12-10; 2002 Alan Turing, 943 476 5870, 1972-06-23.
const ADA = { nhsNumber: '943 476 5919', dateOfBirth: '1985-12-10' };
const ALAN = { nhsNumber: '9434765870', dateOfBirth: '1972-06-23' };

const byNhs = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'send',
	identifyPatientBy: 'nhsNumberAndDob',
	nhsNumber: '={{ $json.nhs }}',
	dateOfBirth: '={{ $json.dob }}',
	messageType: 'sms',
	message: 'Your flu clinic is on Saturday.',
	...extra,
});
const row = (who: { nhsNumber: string; dateOfBirth: string }) => ({
	nhs: who.nhsNumber,
	dob: who.dateOfBirth,
});
const sends = () => sandbox.received('POST', '/v1/messages/send');
const searches = () => sandbox.received('GET', '/v3/patients');
const sentTo = () => sends().map((r) => JSON.parse(r.rawBody).patient_id);

/** A valid NHS number (modulus 11) for `n`, digits only. */
function nhsNumberFor(n: number): string {
	for (let base = 900_000_000 + n * 7; ; base++) {
		const digits = String(base);
		let sum = 0;
		for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
		const check = 11 - (sum % 11);
		if (check === 10) continue;
		return `${digits}${check === 11 ? 0 : check}`;
	}
}

/** A patient in the sandbox with this NHS number and date of birth. */
function seedPatient(id: string, nhsNumber: string, dob: string): void {
	const patient: SandboxPatient = {
		id,
		title: null,
		first_name: `Pat${id}`,
		last_name: 'Example',
		dob,
		nhs_number: nhsNumber,
		email: null,
		mobile: '+447700900999',
		postcode: null,
	};
	patients(sandbox.state).set(id, patient);
}

/** Whether `text` holds the NHS number (in any spacing) or the date of birth. */
const repeats = (text: string, who: { nhsNumber: string; dateOfBirth: string }) =>
	text.replace(/\s/g, '').includes(who.nhsNumber.replace(/\s/g, '')) ||
	text.includes(who.dateOfBirth);

describe('Message → Send: Identify Patient By', () => {
	it('a saved workflow without Identify Patient By sends by Patient ID, with no search', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'message',
				operation: 'send',
				patientId: '2001',
				messageType: 'sms',
				message: 'Hello',
			},
		});
		expect(result.error).toBeUndefined();
		expect(searches()).toHaveLength(0);
		expect(sentTo()).toEqual(['2001']);
	});

	it('finds the patient by NHS number and date of birth, then sends to that Hero ID and outputs it', async () => {
		const result = await runHeroNode(sandbox, { parameters: byNhs(), items: [row(ADA)] });
		expect(result.error).toBeUndefined();
		expect(searches().map((r) => r.query)).toEqual([
			{ nhs_number: '943 476 5919', dob: '1985-12-10', page_index: '0', page_size: '10' },
		]);
		expect(sentTo()).toEqual(['2001']);
		expect(result.json[0]).toMatchObject({ patient_id: '2001', message_id: expect.any(String) });
		// The search came before the send.
		const order = sandbox.received().map((r) => `${r.method} ${r.path}`);
		expect(order.indexOf('GET /v3/patients')).toBeLessThan(order.indexOf('POST /v1/messages/send'));
	});

	it('with Minimal Output the item still says which patient was messaged', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: byNhs({ minimalOutput: true }),
			items: [row(ADA)],
		});
		expect(result.json[0].patient_id).toBe('2001');
	});

	it('refuses a mistyped check digit: nothing sent, no search made', async () => {
		const typo = { nhsNumber: '943 476 5918', dateOfBirth: '1985-12-10' };
		const result = await runHeroNode(sandbox, {
			parameters: byNhs(),
			items: [row(ALAN), row(typo)],
		});
		expect(result.error?.message).toBe(
			'NHS Number: expected a valid 10-digit NHS number (the check digit does not match, or it is not 10 digits) [row 2 (n8n item 1)]',
		);
		expect(searches()).toHaveLength(0);
		expect(sends()).toHaveLength(0);
	});

	it('the right NHS number with the wrong date of birth matches nobody: nothing in the run is sent', async () => {
		const wrongDob = { nhsNumber: ADA.nhsNumber, dateOfBirth: '1985-12-11' };
		const result = await runHeroNode(sandbox, {
			parameters: byNhs(),
			items: [row(ALAN), row(wrongDob), row(ADA)],
		});
		expect(result.error?.message).toBe(
			'NHS Number: no Hero patient has this NHS number and date of birth [row 2 (n8n item 1)]',
		);
		expect(repeats(`${result.error?.message} ${result.error?.description}`, wrongDob)).toBe(false);
		expect(searches()).toHaveLength(3);
		expect(sends()).toHaveLength(0);
	});

	it('two Hero records with the same NHS number and date of birth: the item fails and nothing is sent', async () => {
		seedPatient('2901', '9434765919', '1985-12-10');
		const result = await runHeroNode(sandbox, {
			parameters: byNhs(),
			items: [row(ALAN), row(ADA)],
		});
		expect(result.error?.message).toBe(
			'NHS Number: 2 Hero patients have this NHS number and date of birth: pick the patient by Hero ID [row 2 (n8n item 1)]',
		);
		expect(repeats(`${result.error?.message} ${result.error?.description}`, ADA)).toBe(false);
		expect(sends()).toHaveLength(0);
	});

	it('with Continue On Fail the unidentified item is an error item and the others are sent', async () => {
		const nobody = { nhsNumber: ADA.nhsNumber, dateOfBirth: '2000-01-01' };
		const result = await runHeroNode(sandbox, {
			parameters: byNhs(),
			items: [row(ADA), row(nobody), row(ALAN)],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.json.map((json) => json.patient_id ?? json.error)).toEqual([
			'2001',
			'NHS Number: no Hero patient has this NHS number and date of birth [row 2 (n8n item 1)]',
			'2002',
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(sentTo()).toEqual(['2001', '2002']);
	});

	it('a search that fails at Hero (5xx after retries) fails the item: nothing in the run is sent', async () => {
		sandbox.faults.add({ kind: 'status', status: 503, path: '^/v3/patients$', method: 'GET' });
		const result = await runHeroNode(sandbox, {
			parameters: byNhs(),
			items: [row(ADA)],
		});
		expect(result.error?.message).toBe(
			'NHS Number: the patient search at Hero failed (503), so the patient is not identified [row 1 (n8n item 0)]',
		);
		expect(sends()).toHaveLength(0);
	});

	it('searches Hero once per distinct NHS number and date of birth, not again when sending', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: byNhs(),
			items: [row(ADA), row(ALAN), row(ADA), row(ADA)],
		});
		expect(result.error).toBeUndefined();
		expect(searches()).toHaveLength(2);
		expect(sentTo()).toEqual(['2001', '2002', '2001', '2001']);
	});

	it('makes the searches concurrently, up to Requests in Flight, all before the first send', async () => {
		const people = Array.from({ length: 12 }, (_, i) => {
			const nhs = nhsNumberFor(i);
			seedPatient(String(3000 + i), nhs, '1970-01-01');
			return { nhsNumber: nhs, dateOfBirth: '1970-01-01' };
		});
		sandbox.faults.add({ kind: 'latency', latencyMs: 40, path: '^/v3/patients$' });
		const result = await runHeroNode(sandbox, {
			parameters: byNhs({ requestOptions: { requestsInFlight: 4 } }),
			items: people.map(row),
		});
		expect(result.error).toBeUndefined();
		const searched = searches();
		expect(searched).toHaveLength(12);
		expect(sentTo()).toEqual(people.map((_, i) => String(3000 + i)));
		// At most 4 searches waited on Hero at once, and more than one did.
		const open = (at: number) =>
			searched.filter((r) => r.timing.receivedAt <= at && (r.timing.answeredAt ?? 0) > at).length;
		const peak = Math.max(...searched.map((r) => open(r.timing.receivedAt)));
		expect(peak).toBeGreaterThan(1);
		expect(peak).toBeLessThanOrEqual(4);
		const lastAnswer = Math.max(...searched.map((r) => r.timing.answeredAt ?? 0));
		expect(Math.min(...sends().map((r) => r.timing.receivedAt))).toBeGreaterThanOrEqual(lastAnswer);
	});

	it('refuses a missing Date of Birth before any search', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: byNhs(),
			items: [{ nhs: ADA.nhsNumber, dob: '' }],
		});
		expect(result.error?.message).toBe('Date of Birth: is required [row 1 (n8n item 0)]');
		expect(searches()).toHaveLength(0);
		expect(sends()).toHaveLength(0);
	});

	it('takes only records that have both the NHS number and the date of birth, whatever the search answers', () => {
		const records = [
			{ id: '1', nhs_number: '9434765919', dob: '1985-12-10' },
			{ id: '2', nhs_number: '943 476 5919', dob: '1985-12-10T00:00:00Z' },
			{ id: '3', nhs_number: '9434765919', dob: '1985-12-11' },
			{ id: '4', nhs_number: '9434765870', dob: '1985-12-10' },
			{ id: '5', dob: '1985-12-10' },
		];
		expect(exactMatches(records, '943 476 5919', '1985-12-10').map((r) => r.id)).toEqual([
			'1',
			'2',
		]);
	});
});

describe('Message → Send, Map Automatically: nhs_number and dob', () => {
	const mapped = { resource: 'message', operation: 'send', inputData: 'autoMapInputData' };
	const send = (extra: Record<string, unknown>) => ({
		message_type: 'sms',
		message_string: 'Your flu clinic is on Saturday.',
		...extra,
	});

	it('an item without patient_id is sent to the patient its nhs_number and dob name', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: mapped,
			items: [
				send({ nhs_number: '9434765919', dob: '1985-12-10' }),
				send({ nhs_number: 9434765870, dob: '1972-06-23' }),
			],
		});
		expect(result.error).toBeUndefined();
		expect(sentTo()).toEqual(['2001', '2002']);
		expect(result.json.map((json) => json.patient_id)).toEqual(['2001', '2002']);
		// The search fields are not sent to Hero.
		expect(JSON.parse(sends()[0].rawBody)).not.toHaveProperty('nhs_number');
		expect(JSON.parse(sends()[0].rawBody)).not.toHaveProperty('dob');
	});

	it('a patient_id with an nhs_number and dob that name another patient is refused: nothing sent', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: mapped,
			items: [
				send({ patient_id: '2001', nhs_number: '9434765919', dob: '1985-12-10' }),
				send({ patient_id: '2002', nhs_number: '9434765919', dob: '1985-12-10' }),
			],
		});
		expect(result.error?.message).toBe(
			'patient_id: names a different patient than nhs_number and the date of birth: give one or the other, or correct it [row 2 (n8n item 1)]',
		);
		expect(sends()).toHaveLength(0);
	});

	it('a patient_id with an nhs_number and dob of the same patient is sent', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: mapped,
			items: [send({ patient_id: '2001', nhs_number: '9434765919', dob: '1985-12-10' })],
		});
		expect(result.error).toBeUndefined();
		expect(searches()).toHaveLength(1);
		expect(sentTo()).toEqual(['2001']);
	});

	it('a patient_id with only a dob column is sent by patient_id, as before, with no search', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: mapped,
			items: [send({ patient_id: '2002', dob: '1985-12-10' })],
		});
		expect(result.error).toBeUndefined();
		expect(searches()).toHaveLength(0);
		expect(sentTo()).toEqual(['2002']);
	});

	it('an nhs_number without dob (and no patient_id) is refused naming dob, before any search', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: mapped,
			items: [send({ nhs_number: '9434765919' })],
		});
		expect(result.error?.message).toBe('dob: is required [row 1 (n8n item 0)]');
		expect(searches()).toHaveLength(0);
	});
});
