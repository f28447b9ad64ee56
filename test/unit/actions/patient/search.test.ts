import { runHeroNode } from '../../../harness/runNode';
import { patients, type SandboxPatient } from '../../../sandbox/routes/patients';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const search = (filters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	resource: 'patient',
	operation: 'search',
	filters,
	...extra,
});
const calls = () => sandbox.received('GET', '/v3/patients');

/** `count` more patients named Smith, each a valid-looking record (ids from 9000). */
function seedSmiths(count: number): void {
	const map = patients(sandbox.state);
	for (let i = 0; i < count; i++) {
		const id = String(9000 + i);
		const patient: SandboxPatient = {
			id,
			title: null,
			first_name: `Pat${i}`,
			last_name: 'Smith',
			dob: '1980-01-01',
			nhs_number: null,
			email: null,
			mobile: null,
			postcode: null,
		};
		map.set(id, patient);
	}
}

describe('Patient → Search', () => {
	it('finds a patient by NHS number, sent spaced 3-3-4 with zero-based paging as strings', async () => {
		const result = await runHeroNode(sandbox, { parameters: search({ nhsNumber: '9434765919' }) });
		expect(result.error).toBeUndefined();
		expect(calls().map((r) => r.query)).toEqual([
			{ nhs_number: '943 476 5919', page_index: '0', page_size: '50' },
		]);
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({
			id: '2001',
			first_name: 'Ada',
			last_name: 'Lovelace',
			dob: '1985-12-10',
		});
	});

	it('combines name and date-of-birth filters in one request, each patient one output item', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: search({ firstName: ' Alan ', lastName: 'Turing', dateOfBirth: '1972-06-23' }),
		});
		expect(calls()).toHaveLength(1);
		expect(calls()[0].query).toEqual({
			first_name: 'Alan',
			last_name: 'Turing',
			dob: '1972-06-23',
			page_index: '0',
			page_size: '50',
		});
		expect(result.json.map((p) => p.id)).toEqual(['2002']);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('sends the EHR Patient ID as ehr_partner_id', async () => {
		patients(sandbox.state).get('2003')!.ehr_partner_id = '5019999';
		const result = await runHeroNode(sandbox, { parameters: search({ ehrPatientId: '5019999' }) });
		expect(calls()[0].query).toMatchObject({ ehr_partner_id: '5019999' });
		expect(result.json.map((p) => p.id)).toEqual(['2003']);
	});

	it('gives no output items and no error when nobody matches', async () => {
		const result = await runHeroNode(sandbox, { parameters: search({ lastName: 'Nobody' }) });
		expect(result.error).toBeUndefined();
		expect(calls()).toHaveLength(1);
		expect(result.json).toHaveLength(0);
	});

	it('never creates or changes a patient', async () => {
		const before = JSON.stringify([...patients(sandbox.state).values()]);
		await runHeroNode(sandbox, { parameters: search({ lastName: 'Lovelace' }) });
		expect(JSON.stringify([...patients(sandbox.state).values()])).toBe(before);
		expect(sandbox.requests.every((r) => r.method === 'GET')).toBe(true);
	});

	it.each([
		['no filter at all', {}],
		['only blank filters', { firstName: '  ', lastName: '', nhsNumber: '={{ "" }}' }],
	])('with %s fails naming the filters and the item, and sends nothing', async (_name, filters) => {
		const result = await runHeroNode(sandbox, { parameters: search(filters) });
		expect(result.error?.message).toBe(
			'Filters: add at least one filter (NHS Number, Date of Birth, First Name, Last Name, EHR Patient ID); Hero does not list patients without one [row 1 (n8n item 0)]',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it.each([
		[
			'an NHS number failing the check digit',
			{ nhsNumber: '943 476 5910' },
			'NHS Number: expected a valid 10-digit NHS number',
			'5910',
		],
		[
			'a date of birth that is not a date',
			{ dateOfBirth: '10/12/1985' },
			'Date of Birth: expected a date such as 2026-03-15',
			'1985',
		],
		[
			'a date of birth that does not exist',
			{ dateOfBirth: '1985-02-30' },
			'Date of Birth: expected a date such as 2026-03-15',
			'1985',
		],
	])('rejects %s before sending, without repeating it', async (_name, filters, expected, value) => {
		const result = await runHeroNode(sandbox, { parameters: search(filters) });
		expect(result.error?.message).toContain(expected);
		expect(result.error?.message).toContain('[row 1 (n8n item 0)]');
		expect(result.error?.message).not.toContain(value);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('with Continue On Fail, reports the item without a filter and searches for the others', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: search({ lastName: '={{ $json.last }}' }),
			items: [{ last: 'Seacole' }, { last: '' }, { last: 'Franklin' }],
			continueOnFail: true,
		});
		expect(result.json.map((j) => j.id ?? 'error')).toEqual(['2003', 'error', '2005']);
		expect(result.json[1].error).toContain('Filters: add at least one filter');
		expect(result.json[1].error).toContain('[row 2 (n8n item 1)]');
		expect(calls().map((r) => r.query.last_name)).toEqual(['Seacole', 'Franklin']);
	});

	it('asks again after a 429 (a read is always safe to repeat) and outputs the patient once', async () => {
		sandbox.faults.add({
			kind: 'status',
			status: 429,
			retryAfter: 0,
			path: '^/v3/patients$',
			times: 1,
		});
		const result = await runHeroNode(sandbox, { parameters: search({ lastName: 'Turing' }) });
		expect(result.error).toBeUndefined();
		expect(calls()).toHaveLength(2);
		expect(result.json.map((p) => p.id)).toEqual(['2002']);
	});

	it('Return All walks zero-based pages of 100 until a short page', async () => {
		seedSmiths(130);
		const result = await runHeroNode(sandbox, {
			parameters: search({ lastName: 'Smith' }, { returnAll: true }),
		});
		expect(calls().map((r) => [r.query.page_index, r.query.page_size])).toEqual([
			['0', '100'],
			['1', '100'],
		]);
		expect(result.json).toHaveLength(130);
		expect(new Set(result.json.map((p) => p.id)).size).toBe(130);
		expect(result.json[0].id).toBe('9000');
		expect(result.json[129].id).toBe('9129');
	});

	it('Limit stops reading once enough patients came, across pages when above 100', async () => {
		seedSmiths(130);
		const result = await runHeroNode(sandbox, {
			parameters: search({ lastName: 'Smith' }, { returnAll: false, limit: 120 }),
		});
		expect(calls().map((r) => r.query.page_index)).toEqual(['0', '1']);
		expect(result.json).toHaveLength(120);
		expect(result.json[119].id).toBe('9119');
	});

	it('a small Limit asks for one page of that size', async () => {
		seedSmiths(10);
		const result = await runHeroNode(sandbox, {
			parameters: search({ lastName: 'smith' }, { returnAll: false, limit: 3 }),
		});
		expect(calls().map((r) => r.query)).toEqual([
			{ last_name: 'smith', page_index: '0', page_size: '3' },
		]);
		expect(result.json.map((p) => p.id)).toEqual(['9000', '9001', '9002']);
	});
});

describe('the sandbox enforces the v3 patient search rules', () => {
	const get = (query: string) =>
		fetch(`${sandbox.url}/v3/patients${query}`, {
			headers: { 'x-api-key': sandbox.apiKey, 'x-practice-group-id': sandbox.practiceGroupId },
		});

	it("answers 400 in Hero's error shape without a filter", async () => {
		const response = await get('?page_index=0&page_size=10');
		expect(response.status).toBe(400);
		const body = (await response.json()) as { message: Array<{ expected: string }> };
		expect(body).toMatchObject({ error: true, statusCode: 400 });
		expect(body.message[0].expected).toContain('at least one of');
	});

	it('rejects an undocumented query parameter and a malformed date', async () => {
		expect((await get('?last_name=Turing&surname=Turing')).status).toBe(400);
		expect((await get('?dob=23/06/1972')).status).toBe(400);
	});

	it('pages from index 0', async () => {
		seedSmiths(3);
		const body = (await (await get('?last_name=Smith&page_index=1&page_size=2')).json()) as {
			data: Array<{ id: string }>;
			count: number;
		};
		expect(body.data.map((p) => p.id)).toEqual(['9002']);
		expect(body.count).toBe(3);
	});
});
