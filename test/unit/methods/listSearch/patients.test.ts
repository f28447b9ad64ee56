/**
 * The Patient ID locator's "From list": Hero's patient search (`GET /v3/patients`) for what the user
 * types, run in n8n-core's own LoadOptionsContext (the context n8n gives listSearch methods in the
 * editor) with the real httpRequestWithAuthentication against the sandbox.
 */
import type { INodeListSearchResult } from 'n8n-workflow';

import {
	patientLabel,
	patientQuery,
} from '../../../../nodes/HeroHealth/methods/listSearch/patients';
import { INFERRED } from '../../../../nodes/HeroHealth/transport/inferred';
import { searchList } from '../../../harness/listSearch';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { patients } from '../../../sandbox/routes/patients';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const node = { resource: 'patient', operation: 'get' };
const search = (filter?: string, token?: string): Promise<INodeListSearchResult> =>
	searchList(sandbox, 'searchPatients', node, filter, token);
const queries = () => sandbox.received('GET', '/v3/patients').map((request) => request.query);
const first = { page_index: String(INFERRED.firstPageIndex), page_size: String(INFERRED.pageSize) };

const ADA = { name: 'Ada Lovelace · born 10 Dec 1985 · NHS 943 476 5919', value: '2001' };

describe('Patient "From list"', () => {
	it('digits that make a whole NHS number search by nhs_number, spaced as Hero shows it', async () => {
		const found = await search(' 943 476 5919 ');
		expect(found).toEqual({ results: [ADA], paginationToken: undefined });
		const typedTogether = await search('9434765919');
		expect(typedTogether.results).toEqual([ADA]);
		expect(queries()).toEqual([
			{ ...first, nhs_number: '943 476 5919' },
			{ ...first, nhs_number: '943 476 5919' },
		]);
		const [request] = sandbox.received('GET', '/v3/patients');
		expect(request.headers['x-api-key']).toBe(sandbox.apiKey);
	});

	it('part of an NHS number, or ten digits with a wrong check digit, lists nothing and asks Hero nothing', async () => {
		// Hero's nhs_number filter is an exact match: part of a number can find nobody.
		expect(await search('943 476')).toEqual({ results: [] });
		expect(await search('9434765918')).toEqual({ results: [] });
		expect(queries()).toEqual([]);
	});

	it('one word searches by last name (any case)', async () => {
		const found = await search('lovelace');
		expect(found.results).toEqual([ADA]);
		expect(await search('Nobody')).toEqual({ results: [], paginationToken: undefined });
		expect(queries()).toEqual([
			{ ...first, last_name: 'lovelace' },
			{ ...first, last_name: 'Nobody' },
		]);
	});

	it('two words search by first and last name; "Last, First" too', async () => {
		expect((await search('Alan  Turing')).results).toEqual([
			{ name: 'Alan Turing · born 23 Jun 1972 · NHS 943 476 5870', value: '2002' },
		]);
		expect((await search('Turing, Alan')).results.map((r) => r.value)).toEqual(['2002']);
		expect((await search('Ada Turing')).results).toEqual([]);
		expect(queries()).toEqual([
			{ ...first, first_name: 'Alan', last_name: 'Turing' },
			{ ...first, first_name: 'Alan', last_name: 'Turing' },
			{ ...first, first_name: 'Ada', last_name: 'Turing' },
		]);
	});

	it('an empty filter lists nothing and sends nothing (Hero refuses a search without a filter)', async () => {
		expect(await search()).toEqual({ results: [] });
		expect(await search('   ')).toEqual({ results: [] });
		expect(queries()).toEqual([]);
	});

	it('pages with a token: zero-based page_index, pages of INFERRED.pageSize, ends at the last page', async () => {
		const map = patients(sandbox.state);
		for (let i = 0; i < 130; i++) {
			const id = String(9000 + i);
			map.set(id, {
				id,
				title: null,
				first_name: `Pat${i}`,
				last_name: 'Smith',
				dob: '2000-01-01',
				nhs_number: null,
				email: null,
				mobile: null,
				postcode: null,
			});
		}
		const one = await search('Smith');
		expect(one.results).toHaveLength(INFERRED.pageSize);
		expect(one.results[0]).toEqual({ name: 'Pat0 Smith · born 1 Jan 2000', value: '9000' });
		expect(one.paginationToken).toBe(String(INFERRED.firstPageIndex + 1));
		const two = await search('Smith', one.paginationToken as string);
		expect(two.results).toHaveLength(30);
		expect(two.paginationToken).toBeUndefined();
		expect(new Set([...one.results, ...two.results].map((r) => r.value)).size).toBe(130);
		expect(queries()).toEqual([
			{ ...first, last_name: 'Smith' },
			{ ...first, page_index: String(INFERRED.firstPageIndex + 1), last_name: 'Smith' },
		]);
	});

	it('a Hero error reaches the dropdown as an error, with no key in it', async () => {
		sandbox.faults.add({ kind: 'status', status: 500, path: '^/v3/patients$', times: 10 });
		const failure = await search('Lovelace').then(
			() => undefined,
			(error: Error) => error,
		);
		expect(failure).toBeInstanceOf(Error);
		expect(JSON.stringify({ message: failure?.message, ...failure })).not.toContain(sandbox.apiKey);
	});
});

describe('what the list shows and sends', () => {
	it('labels a patient by name, date of birth as read, NHS number, and says when Hero has them as deceased', () => {
		expect(
			patientLabel(
				{
					first_name: 'Mary',
					last_name: 'Seacole',
					dob: '1990-11-23T00:00:00.000Z',
					nhs_number: '9434765846',
					deceased_at: '2026-01-02T10:00:00Z',
				},
				'2003',
			),
		).toBe('Mary Seacole · born 23 Nov 1990 · NHS 943 476 5846 · deceased');
		// Without a name, the Hero id; an NHS number Hero sends in another form is shown as sent.
		expect(patientLabel({ dob: null, nhs_number: 'NHS-UNKNOWN' }, '2009')).toBe(
			'Patient 2009 · NHS NHS-UNKNOWN',
		);
	});

	it('reads typed text into Hero filters: surnames with spaces, "Last, First", dashes in NHS numbers', () => {
		expect(patientQuery('Ada de la Cruz')).toEqual({ first_name: 'Ada', last_name: 'de la Cruz' });
		expect(patientQuery('Lovelace,')).toEqual({ last_name: 'Lovelace' });
		expect(patientQuery(', Ada')).toEqual({ first_name: 'Ada' });
		expect(patientQuery('943-476-5919')).toEqual({ nhs_number: '943 476 5919' });
		expect(patientQuery('O’Brien')).toEqual({ last_name: 'O’Brien' });
	});
});
