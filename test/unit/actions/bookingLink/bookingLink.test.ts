import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';

import { buildAttachmentBody } from '../../../../nodes/HeroHealth/actions/attachmentLink/create.operation';
import { listSearch } from '../../../../nodes/HeroHealth/methods';
import { INFERRED } from '../../../../nodes/HeroHealth/transport/inferred';
import { runHeroNode } from '../../../harness/runNode';
import { heroToday, linkSettings, links, linkStatus } from '../../../sandbox/routes/links';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const daysFromToday = (days: number) => {
	const date = new Date(`${heroToday()}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
};
const locator = (value: string) => ({ __rl: true, mode: 'list', value });

const createBookingLink = (
	fields: Record<string, unknown> = {},
	additionalFields: Record<string, unknown> = {},
) => ({
	resource: 'bookingLink',
	operation: 'create',
	linkType: 'patient',
	patientId: '2001',
	appointmentTypeId: locator('4001'),
	locationId: { __rl: true, mode: 'id', value: '3001' },
	additionalFields,
	...fields,
});
const creates = () => sandbox.received('POST', '/v1/booking_links');

/** POSTs to a control route, standing in for the patient who opens or uses a link. */
const patientUses = async (shortLink: string) =>
	(
		await fetch(`${sandbox.url}/__sandbox/links/use`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ short_link: shortLink }),
		})
	).status;

const statusOf = async (url: string) => {
	const result = await runHeroNode(sandbox, {
		parameters: { resource: 'link', operation: 'getStatus', lookUpBy: 'url', url },
	});
	expect(result.error).toBeUndefined();
	return result.json[0];
};

describe('Booking Link → Create', () => {
	it('creates a patient-specific link with every field and outputs its short_link', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: createBookingLink(
				{},
				{
					practitionerId: locator('5001'),
					fromDate: `${daysFromToday(1)}T00:00:00`,
					toDate: daysFromToday(14),
					expiryDate: daysFromToday(7),
					maximumUseCount: 2,
				},
			),
		});
		expect(result.error).toBeUndefined();
		expect(creates()).toHaveLength(1);
		expect(creates()[0].body).toEqual({
			appointment_type_id: '4001',
			location_id: '3001',
			patient_id: '2001',
			practitioner_id: '5001',
			from_date: daysFromToday(1),
			to_date: daysFromToday(14),
			expiry_date: daysFromToday(7),
			maximum_use_count: 2,
		});
		expect(result.json[0]).toMatchObject({
			patient_id: '2001',
			active: true,
			maximum_uses: 2,
			number_of_uses: 0,
		});
		expect(result.json[0].short_link).toMatch(/^https:\/\/bookings\.herohealth\.net\/s\/\S+$/);
		expect(links(sandbox.state).size).toBe(1);
	});

	it('creates a generic link without a patient', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: createBookingLink({ linkType: 'generic', patientId: '' }),
		});
		expect(result.error).toBeUndefined();
		expect(creates()[0].body).toEqual({ appointment_type_id: '4001', location_id: '3001' });
		expect(result.json[0]).toMatchObject({ patient_id: null, unlimited_use: true });
	});

	it('reads the link back when Hero answers the create with an id only', async () => {
		linkSettings(sandbox.state).createBookingLinkAnswersIdOnly = true;
		const result = await runHeroNode(sandbox, { parameters: createBookingLink() });
		expect(result.error).toBeUndefined();
		const id = [...links(sandbox.state).keys()][0];
		expect(sandbox.received('GET', `/v1/booking_links/${id}`)).toHaveLength(1);
		expect(result.json[0]).toMatchObject({
			id,
			short_link: expect.stringContaining('https://bookings.herohealth.net/s/'),
		});
	});

	it.each([
		[
			'a Date To before the Date From',
			{},
			{ fromDate: daysFromToday(5), toDate: daysFromToday(2) },
			'Date To: must be on or after Date From',
		],
		[
			'an expiry date in the past',
			{},
			{ expiryDate: daysFromToday(-1) },
			'Expiry Date: must be today or later',
		],
		[
			'a date that does not exist',
			{},
			{ fromDate: '2031-02-30' },
			'Date From: expected a date such as',
		],
		['zero uses', {}, { maximumUseCount: 0 }, 'Maximum Use Count: expected a number of at least 1'],
		[
			'a fractional use count',
			{},
			{ maximumUseCount: 1.5 },
			'Maximum Use Count: expected a whole number',
		],
		[
			'a non-numeric practitioner',
			{},
			{ practitionerId: locator('dr-who') },
			'Practitioner: expected a numeric Hero ID',
		],
		[
			'a patient link without a patient',
			{ patientId: '={{ $json.none }}' },
			{},
			'Patient ID: is required',
		],
		[
			'a non-numeric appointment type',
			{ appointmentTypeId: locator('flu') },
			{},
			'Appointment Type: expected a numeric Hero ID',
		],
	])(
		'rejects %s before sending, naming the field and item',
		async (_name, fields, extra, expected) => {
			const result = await runHeroNode(sandbox, { parameters: createBookingLink(fields, extra) });
			expect(result.error?.message).toContain(expected);
			expect(result.error?.message).toContain('[row 1 (n8n item 0)]');
			expect(sandbox.requests).toHaveLength(0);
		},
	);

	it.each([
		['an unknown patient', { patientId: '999999' }, {}, '404'],
		['an unknown appointment type', { appointmentTypeId: locator('4999') }, {}, '404'],
		['a location that does not offer the type', { locationId: locator('3003') }, {}, '400'],
		[
			'a practitioner who does not see the type there',
			{},
			{ practitionerId: locator('5003') },
			'400',
		],
	])("surfaces %s as Hero's error", async (_name, fields, extra, status) => {
		const result = await runHeroNode(sandbox, { parameters: createBookingLink(fields, extra) });
		expect((result.error as { httpCode?: string }).httpCode).toBe(status);
		expect(links(sandbox.state).size).toBe(0);
	});
});

describe('Booking Link → Get, Get Many, Update; uses, expiry and deactivation', () => {
	async function oneLink(additionalFields: Record<string, unknown> = {}): Promise<IDataObject> {
		const result = await runHeroNode(sandbox, {
			parameters: createBookingLink({}, additionalFields),
		});
		expect(result.error).toBeUndefined();
		return result.json[0];
	}

	it('counts uses: Get shows them, and a link with one use left stops working after it', async () => {
		const link = await oneLink({ maximumUseCount: 1 });
		expect(await statusOf(link.short_link as string)).toMatchObject({
			status: 'unused',
			type: 'booking',
		});
		expect(await patientUses(link.short_link as string)).toBe(200);
		expect(await patientUses(link.short_link as string)).toBe(409);

		const got = await runHeroNode(sandbox, {
			parameters: {
				resource: 'bookingLink',
				operation: 'get',
				bookingLinkId: locator(link.id as string),
			},
		});
		expect(got.json[0]).toMatchObject({
			id: link.id,
			number_of_uses: 1,
			open_count: 2,
			maximum_uses: 1,
		});
		expect(await statusOf(link.short_link as string)).toMatchObject({ status: 'used' });
	});

	it('expires a link after its expiry date', async () => {
		const link = await oneLink({ expiryDate: daysFromToday(0) });
		expect((await statusOf(link.short_link as string)).status).toBe('unused');
		links(sandbox.state).get(link.id as string)!.expiry_date = daysFromToday(-1); // a day passes
		expect((await statusOf(link.short_link as string)).status).toBe('expired');
		expect(await patientUses(link.short_link as string)).toBe(409);
	});

	it('deactivates a link with Update (Active off), after which it cannot be used', async () => {
		const link = await oneLink();
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'bookingLink',
				operation: 'update',
				bookingLinkId: { __rl: true, mode: 'id', value: link.id },
				updateFields: { active: false },
			},
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.received('PATCH', `/v1/booking_links/${link.id}`)[0].body).toEqual({
			[INFERRED.bookingLinkUpdateFields.active]: false,
		});
		expect(result.json[0]).toMatchObject({ id: link.id, active: false });
		expect((await statusOf(link.short_link as string)).status).toBe('deactivated');
		expect(await patientUses(link.short_link as string)).toBe(409);
	});

	it('updates what the link offers, its window, expiry and use limit', async () => {
		const link = await oneLink();
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'bookingLink',
				operation: 'update',
				bookingLinkId: locator(link.id as string),
				updateFields: {
					appointmentTypeId: locator('4003'),
					locationId: locator('3002'),
					practitionerId: locator('5001'),
					fromDate: daysFromToday(2),
					toDate: daysFromToday(9),
					expiryDate: daysFromToday(9),
					maximumUseCount: 3,
				},
			},
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.received('PATCH', `/v1/booking_links/${link.id}`)[0].body).toEqual({
			appointment_type_id: '4003',
			location_id: '3002',
			practitioner_id: '5001',
			from_date: daysFromToday(2),
			to_date: daysFromToday(9),
			expiry_date: daysFromToday(9),
			maximum_use_count: 3,
		});
		expect(result.json[0]).toMatchObject({
			maximum_uses: 3,
			meta: { appointment_type_id: ['4003'], location_id: ['3002'], practitioner_id: ['5001'] },
		});
	});

	it('rejects an update with nothing to change, before sending', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'bookingLink',
				operation: 'update',
				bookingLinkId: locator('1234'),
				updateFields: {},
			},
		});
		expect(result.error?.message).toContain(
			'Update Fields: add at least one field to change [row 1 (n8n item 0)]',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('Get Many: Return All pages through every link, Limit stops early', async () => {
		const items = Array.from({ length: 105 }, (_, n) => ({ n }));
		const made = await runHeroNode(sandbox, {
			parameters: createBookingLink({ linkType: 'generic' }),
			items,
		});
		expect(made.json).toHaveLength(105);
		sandbox.requests.length = 0;

		const all = await runHeroNode(sandbox, {
			parameters: { resource: 'bookingLink', operation: 'getMany', returnAll: true },
		});
		expect(all.json).toHaveLength(105);
		expect(new Set(all.json.map((l) => l.id)).size).toBe(105);
		expect(sandbox.received('GET', '/v2/bookinglinks').map((r) => r.query.page_index)).toEqual([
			'0',
			'1',
		]);

		sandbox.requests.length = 0;
		const some = await runHeroNode(sandbox, {
			parameters: { resource: 'bookingLink', operation: 'getMany', returnAll: false, limit: 3 },
		});
		expect(some.json).toHaveLength(3);
		expect(sandbox.received('GET', '/v2/bookinglinks')).toHaveLength(1);
		expect(sandbox.received('GET', '/v2/bookinglinks')[0].query).toEqual({
			page_index: '0',
			page_size: '3',
		});
	});
});

describe('Link → Get Status', () => {
	it('looks a link up by id too, and rejects a malformed URL before sending', async () => {
		const link = (await runHeroNode(sandbox, { parameters: createBookingLink() })).json[0];
		const byId = await runHeroNode(sandbox, {
			parameters: { resource: 'link', operation: 'getStatus', lookUpBy: 'id', linkId: link.id },
		});
		expect(byId.json[0]).toMatchObject({
			status: 'unused',
			type: 'booking',
			reference: [expect.objectContaining({ id: link.id, patient_id: '2001' })],
		});
		expect(sandbox.received('GET', '/v1/links/status')[0].query).toEqual({ id: link.id });

		sandbox.requests.length = 0;
		const bad = await runHeroNode(sandbox, {
			parameters: {
				resource: 'link',
				operation: 'getStatus',
				lookUpBy: 'url',
				url: 'bookings.herohealth.net/s/x',
			},
		});
		expect(bad.error?.message).toContain('Short Link URL: expected a full link');
		expect(sandbox.requests).toHaveLength(0);
	});

	it("reports an unknown link as Hero's 404", async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'link',
				operation: 'getStatus',
				lookUpBy: 'url',
				url: 'https://bookings.herohealth.net/s/nothing',
			},
		});
		expect((result.error as { httpCode?: string }).httpCode).toBe('404');
	});

	it('sandbox: status follows uses, expiry and the active flag', () => {
		const base = {
			id: '1',
			kind: 'booking' as const,
			slug: 'x',
			short_link: 'x',
			active: true,
			expiry_date: null,
			maximum_uses: 2,
			number_of_uses: 0,
			open_count: 0,
			patient_id: null,
			created_at: '',
			request: {},
		};
		expect(linkStatus(base)).toBe('unused');
		expect(linkStatus({ ...base, number_of_uses: 1 })).toBe('in_use');
		expect(linkStatus({ ...base, number_of_uses: 2 })).toBe('used');
		expect(linkStatus({ ...base, expiry_date: '2020-01-01' }, '2020-01-02')).toBe('expired');
		expect(linkStatus({ ...base, expiry_date: '2020-01-02' }, '2020-01-02')).toBe('unused');
		expect(linkStatus({ ...base, active: false })).toBe('deactivated');
	});
});

describe('Form → Get Many and Get', () => {
	it('sends the filters as Hero documents them and applies Limit without paging params', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'form',
				operation: 'getMany',
				returnAll: false,
				limit: 1,
				filters: { search: ' review ', formType: 'questionnaire', replyForm: false },
			},
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.received('GET', '/v1/forms')[0].query).toEqual({
			search: 'review',
			form_type: 'questionnaire',
			reply_form: 'false',
		});
		expect(result.json).toEqual([
			expect.objectContaining({ id: '310', title: 'Asthma review', form_type: 'questionnaire' }),
		]);
	});

	it('Return All gives every form, one item each', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'form', operation: 'getMany', returnAll: true },
		});
		expect(result.json.map((f) => f.id)).toEqual(['310', '311', '312', '313', '314']);
	});

	it('rejects an unknown form type before sending', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'form',
				operation: 'getMany',
				returnAll: true,
				filters: { formType: 'survey' },
			},
		});
		expect(result.error?.message).toContain(
			'Form Type: expected one of questionnaire, response, appointment, care_navigation',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('gets one form with its questions', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'form', operation: 'get', formId: locator('310') },
		});
		expect(result.json[0]).toMatchObject({
			id: '310',
			fields: [expect.objectContaining({ form_question_id: '3101' }), expect.anything()],
		});
	});
});

describe('Form Link, Video Link and Attachment Link → Create', () => {
	it('creates a form link at the inferred path', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'formLink',
				operation: 'create',
				formId: locator('310'),
				additionalFields: { patientId: '2002', expiryDate: daysFromToday(3), maximumUseCount: 1 },
			},
		});
		expect(result.error).toBeUndefined();
		const calls = sandbox.received('POST', INFERRED.createFormLinkPath);
		expect(calls).toHaveLength(1);
		const f = INFERRED.formLinkFields;
		expect(calls[0].body).toEqual({
			[f.formId]: '310',
			[f.patientId]: '2002',
			[f.expiryDate]: daysFromToday(3),
			[f.maximumUseCount]: 1,
		});
		expect(result.json[0]).toMatchObject({
			form_id: '310',
			patient_id: '2002',
			short_link: expect.stringMatching(/^https:\/\/forms\.herohealth\.net\/s\//),
		});
		expect((await statusOf(result.json[0].short_link as string)).type).toBe('form');
	});

	it("reports an unknown form as Hero's 404", async () => {
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'formLink', operation: 'create', formId: locator('999') },
		});
		expect((result.error as { httpCode?: string }).httpCode).toBe('404');
	});

	it('creates a video link, with or without a patient', async () => {
		const bare = await runHeroNode(sandbox, {
			parameters: { resource: 'videoLink', operation: 'create' },
		});
		expect(bare.error).toBeUndefined();
		expect(sandbox.received('POST', '/v1/video_links')[0].rawBody).toBe('');
		expect(bare.json[0].short_link).toMatch(/^https:\/\/video\.herohealth\.net\/s\//);

		const forPatient = await runHeroNode(sandbox, {
			parameters: {
				resource: 'videoLink',
				operation: 'create',
				additionalFields: { patientId: '2003' },
			},
		});
		expect(sandbox.received('POST', '/v1/video_links')[1].body).toEqual({
			[INFERRED.videoLinkFields.patientId]: '2003',
		});
		expect(forPatient.json[0]).toMatchObject({ patient_id: '2003' });
	});

	it('creates an attachment link from base64 text; its attachment_uuid is what Message → Send takes', async () => {
		const data = Buffer.from('%PDF-1.4 results').toString('base64');
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'attachmentLink',
				operation: 'create',
				patientId: '2001',
				fileSource: 'base64',
				fileData: data,
				additionalFields: {
					fileName: 'results.pdf',
					expiryDate: daysFromToday(30),
					maximumUseCount: 3,
				},
			},
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.received('POST', '/v1/attachment_links')[0].body).toEqual({
			patient_id: '2001',
			file_data: data,
			file_name: 'results.pdf',
			expiry_date: daysFromToday(30),
			maximum_use_count: 3,
		});
		expect(result.json[0]).toEqual({
			attachment_link: expect.stringMatching(/^https:\/\//),
			attachment_uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
			patient_id: '2001',
		});

		const sent = await runHeroNode(sandbox, {
			parameters: {
				resource: 'message',
				operation: 'send',
				patientId: '2001',
				messageType: 'sms',
				message: 'Your results',
				additionalFields: { attachmentUuid: result.json[0].attachment_uuid },
			},
		});
		expect(sent.error).toBeUndefined();
		expect(sandbox.received('POST', '/v1/messages/send')[0].body).toMatchObject({
			attachment_uuid: result.json[0].attachment_uuid,
		});
	});

	it('creates an attachment link from an EHR file, and reports an unknown one as 404', async () => {
		const ok = await runHeroNode(sandbox, {
			parameters: {
				resource: 'attachmentLink',
				operation: 'create',
				patientId: '2001',
				fileSource: 'ehrFile',
				ehrFileId: '8812',
			},
		});
		expect(ok.error).toBeUndefined();
		expect(sandbox.received('POST', '/v1/attachment_links')[0].body).toEqual({
			patient_id: '2001',
			ehr_file_id: '8812',
		});
		const missing = await runHeroNode(sandbox, {
			parameters: {
				resource: 'attachmentLink',
				operation: 'create',
				patientId: '2002',
				fileSource: 'ehrFile',
				ehrFileId: '8812',
			},
		});
		expect((missing.error as { httpCode?: string }).httpCode).toBe('404');
	});

	it.each([
		[
			'text that is not base64',
			{ fileSource: 'base64', fileData: 'not base64!' },
			'File Data (Base64): expected base64 text',
		],
		[
			'a missing binary file',
			{ fileSource: 'binary', binaryPropertyName: 'data' },
			'Input Binary Field: the input item has no binary file in that field',
		],
		[
			'a non-numeric patient',
			{ patientId: 'x', fileSource: 'ehrFile', ehrFileId: '8812' },
			'Patient ID: expected a numeric Hero ID',
		],
	])('rejects %s before sending', async (_name, fields, expected) => {
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'attachmentLink', operation: 'create', patientId: '2001', ...fields },
		});
		expect(result.error?.message).toContain(expected);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('reads a binary file from the input item as base64, named after the file', async () => {
		const content = Buffer.from('scan bytes \u0000\u00ff');
		const params: Record<string, unknown> = {
			patientId: '2001',
			fileSource: 'binary',
			binaryPropertyName: 'scan',
			additionalFields: {},
		};
		const ctx = {
			getNode: () => ({ name: 'Hero Health' }) as INode,
			getNodeParameter: (name: string, _i: number, fallback?: unknown) => params[name] ?? fallback,
			getInputData: () => [
				{
					json: {},
					binary: {
						scan: { data: content.toString('base64'), mimeType: 'image/png', fileName: 'scan.png' },
					},
				},
			],
			getTimezone: () => 'Europe/London',
			helpers: {
				getBinaryDataBuffer: async (_i: number, name: string) =>
					name === 'scan' ? content : Buffer.alloc(0),
			},
		} as unknown as IExecuteFunctions;
		expect(await buildAttachmentBody(ctx, 0)).toEqual({
			patient_id: '2001',
			file_data: content.toString('base64'),
			file_name: 'scan.png',
		});
	});
});

describe('searchable lists (resource locators)', () => {
	/**
	 * A minimal load-options context (the methods are called through the node's registry): its HTTP
	 * helper adds the credential headers as n8n's does and answers the sandbox's full response.
	 */
	function loadOptionsContext(): ILoadOptionsFunctions {
		const credentials = {
			apiKey: sandbox.apiKey,
			practiceGroupId: sandbox.practiceGroupId,
			environment: 'custom',
			baseUrl: sandbox.url,
		};
		return {
			getNode: () => ({ name: 'Hero Health' }) as INode,
			getCredentials: async () => credentials,
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
					const url = new URL(String(options.url));
					for (const [key, value] of Object.entries(options.qs ?? {}))
						url.searchParams.append(key, String(value));
					const response = await fetch(url, {
						method: options.method,
						headers: {
							'x-api-key': credentials.apiKey,
							'x-practice-group-id': credentials.practiceGroupId,
						},
					});
					return { statusCode: response.status, headers: {}, body: await response.json() };
				},
			},
		} as unknown as ILoadOptionsFunctions;
	}

	it("searchForms passes the typed text to Hero's search and names each form with its type", async () => {
		const result = await listSearch.searchForms.call(loadOptionsContext(), 'smoking');
		expect(sandbox.received('GET', '/v1/forms')[0].query).toEqual({ search: 'smoking' });
		expect(result.results).toEqual([{ name: 'Smoking status (questionnaire)', value: '314' }]);
	});

	it('searchBookingLinks lists links by name and pages on scroll', async () => {
		await runHeroNode(sandbox, { parameters: createBookingLink() });
		await runHeroNode(sandbox, { parameters: createBookingLink({ linkType: 'generic' }) });
		const result = await listSearch.searchBookingLinks.call(loadOptionsContext(), 'generic');
		expect(result.results).toHaveLength(1);
		expect(result.results[0].name).toContain('Generic booking link');
		expect(sandbox.received('GET', '/v2/bookinglinks')[0].query).toMatchObject({
			page_index: String(INFERRED.firstPageIndex),
		});
		expect(result.paginationToken).toBeUndefined();
	});
});
