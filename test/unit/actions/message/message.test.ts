import { sandboxClient } from '../../../harness/sandboxClient';
import { runHeroNode } from '../../../harness/runNode';
import { description as sendDescription } from '../../../../nodes/HeroHealth/actions/message/send.operation';
import { links } from '../../../sandbox/routes/links';
import { messages } from '../../../sandbox/routes/messages';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const send = (
	additionalFields: Record<string, unknown> = {},
	fields: Record<string, unknown> = {},
) => ({
	resource: 'message',
	operation: 'send',
	patientId: '2001',
	messageType: 'sms',
	message: 'Your appointment is confirmed.',
	additionalFields,
	...fields,
});
const sends = () => sandbox.received('POST', '/v1/messages/send');
const { hero } = sandboxClient(() => sandbox);

/** Creates a link through the sandbox's API (as Hero's own links would be made), returning the answer. */
async function createLink(
	path: string,
	body: Record<string, unknown>,
): Promise<Record<string, string>> {
	const answer = await hero('POST', path, body);
	expect(answer.status).toBe(200);
	return answer.body as Record<string, string>;
}
const bookingLink = () =>
	createLink('/v1/booking_links', {
		appointment_type_id: '4001',
		location_id: '3001',
		patient_id: '2001',
	});
const attachmentLink = () =>
	createLink('/v1/attachment_links', {
		patient_id: '2001',
		file_data: Buffer.from('%PDF-1.4 results').toString('base64'),
		file_name: 'results.pdf',
	});

describe('Message → Send', () => {
	it('sends one request with both auth headers and a normalised phone', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: send({ recipientContactDetail: '07700 900123' }),
		});
		expect(result.error).toBeUndefined();
		expect(result.json[0].message_id).toEqual(expect.any(String));
		expect(sends()).toHaveLength(1);
		expect(sends()[0].headers['x-api-key']).toBe(sandbox.apiKey);
		expect(sends()[0].headers['x-practice-group-id']).toBe(sandbox.practiceGroupId);
		expect(sends()[0].body).toEqual({
			patient_id: '2001',
			message_type: 'sms',
			message_string: 'Your appointment is confirmed.',
			recipient_contact_detail: '+447700900123',
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('sends every documented field, converted to what Hero expects', async () => {
		const sendAt = new Date(Date.now() + 86_400_000).toISOString();
		const { id: shortLinkId } = await bookingLink();
		const { attachment_uuid: attachmentUuid } = await attachmentLink();
		const result = await runHeroNode(sandbox, {
			parameters: send({
				recipientContactDetail: '+44 7700 900 123',
				fallbackMessageType: 'email',
				fallbackContactDetail: 'patient@example.com',
				writeToRecord: true,
				snomedCode: '185087000',
				snomedTerm: 'Appointment confirmed',
				autoWriteToRecord: false,
				encrypted: true,
				taskId: '77',
				attachmentUuid,
				shortLinkId,
				assigneeId: '42',
				assigneeType: 'AdminTeam',
				sendAt,
			}),
		});
		expect(result.error).toBeUndefined();
		expect(sends()[0].body).toEqual({
			patient_id: '2001',
			message_type: 'sms',
			message_string: 'Your appointment is confirmed.',
			recipient_contact_detail: '+447700900123',
			fallback_message_type: 'email',
			fallback_contact_detail: 'patient@example.com',
			write_to_record: true,
			snomed_code: '185087000',
			snomed_term: 'Appointment confirmed',
			auto_write_to_record: false,
			encrypted: true,
			task_id: '77',
			attachment_uuid: attachmentUuid,
			short_link_id: shortLinkId,
			assignee_id: 42,
			assignee_type: 'AdminTeam',
			send_at: sendAt,
		});
		expect(result.json[0]).toMatchObject({ write_to_record: true, send_at: sendAt });
	});

	it('reads a Send At without offset in the workflow time zone (Europe/London, summer time)', async () => {
		const year = new Date().getUTCFullYear() + 1;
		await runHeroNode(sandbox, {
			parameters: send({ sendAt: `${year}-07-01T09:30:00` }),
			timezone: 'Europe/London',
		});
		expect((sends()[0].body as { send_at?: string }).send_at).toBe(`${year}-07-01T08:30:00.000Z`);
	});

	it('Send At says a time without offset is read in the workflow time zone, and reads 09:00 in America/New_York as 14:00 UTC', async () => {
		const sendAt = sendDescription
			.find((p) => p.name === 'additionalFields')
			?.options?.find((o) => 'name' in o && o.name === 'sendAt') as { description?: string };
		expect(sendAt.description).toContain('a time without offset is read in the workflow time zone');
		// n8n's default zone when the server sets none; the demo's Europe/London would hide the shift.
		const year = new Date().getUTCFullYear() + 1;
		await runHeroNode(sandbox, {
			parameters: send({ sendAt: `${year}-12-10T09:00:00` }),
			timezone: 'America/New_York',
		});
		expect((sends()[0].body as { send_at?: string }).send_at).toBe(`${year}-12-10T14:00:00.000Z`);
	});

	it.each([
		[
			'a number too short to be a phone for SMS',
			{ recipientContactDetail: '0113 496' },
			'Recipient Contact Detail: expected a phone number',
		],
		[
			'a malformed email',
			{ recipientContactDetail: 'not-an-email' },
			'Recipient Contact Detail: expected an email address',
			{ messageType: 'email' },
		],
		[
			'a fallback type that is not sms or email',
			{ fallbackMessageType: 'nhs_app' },
			'Fallback Message Type: expected one of sms, email',
			{ messageType: 'nhs_app' },
		],
		[
			'a bad fallback phone',
			{ fallbackMessageType: 'sms', fallbackContactDetail: '12345' },
			'Fallback Contact Detail: expected a phone number',
			{ messageType: 'email' },
		],
		[
			'a non-numeric SNOMED code',
			{ writeToRecord: true, snomedCode: 'abc' },
			'Write to Record: SNOMED Code: expected a SNOMED CT code',
		],
		['a past send time', { sendAt: '2020-01-01T09:00:00Z' }, 'Send At: must be in the future'],
		[
			'a malformed send time',
			{ sendAt: 'next tuesday' },
			'Send At: expected an ISO 8601 date-time',
		],
		['a non-numeric task', { taskId: 'task-1' }, 'Task ID: expected a numeric Hero ID'],
		[
			'an assignee type without id',
			{ assigneeType: 'Admin' },
			'Assignee Type: needs an Assignee ID',
		],
		// An empty literal is caught by n8n itself (required parameter); an expression that yields nothing is ours.
		[
			'a patient id expression that yields nothing',
			{},
			'Patient ID: is required',
			{ patientId: '={{ $json.missing }}' },
		],
		[
			'a patient id expression that yields an object',
			{},
			'Patient ID: expected text',
			{ patientId: '={{ { id: 1 } }}' },
		],
		[
			'a non-numeric patient id',
			{},
			'Patient ID: expected a numeric Hero ID',
			{ patientId: 'abc' },
		],
		['an empty message', {}, 'Message: is required', { message: '   ' }],
		[
			'an unknown message type',
			{},
			'Message Type: expected one of sms, email, nhs_app, hero',
			{ messageType: 'fax' },
		],
	])(
		'rejects %s before sending, naming the field and item',
		async (_name, extra, expected, fields: Record<string, unknown> = {}) => {
			const result = await runHeroNode(sandbox, { parameters: send(extra, fields) });
			expect(result.error?.message).toContain(expected);
			expect(result.error?.message).toContain('[row 1 (n8n item 0)]');
			expect(sandbox.requests).toHaveLength(0);
		},
	);

	it('never repeats the rejected phone number or email in the error', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: send({ recipientContactDetail: '07123 45' }),
		});
		expect(result.error?.message).not.toContain('07123');
		const email = await runHeroNode(sandbox, {
			parameters: send({ recipientContactDetail: 'jane.doe@@example' }, { messageType: 'email' }),
		});
		expect(email.error?.message).not.toContain('jane.doe');
	});

	it('maps a Hero 400 to "field X: expected Y", naming each field, and does not resend it', async () => {
		// The node checks everything Hero documents before sending, so Hero's 400 is injected: its documented shape.
		sandbox.faults.add({
			kind: 'status',
			status: 400,
			method: 'POST',
			path: '^/v1/messages/send$',
			times: 1,
			body: {
				error: true,
				statusCode: 400,
				message: [
					{
						code: 'invalid_string',
						expected: 'UK mobile in E.164 (+447...)',
						path: ['recipient_contact_detail'],
					},
					{ code: 'invalid_type', expected: 'number', path: ['assignee', 0, 'id'] },
				],
			},
		});
		const result = await runHeroNode(sandbox, {
			parameters: send({ recipientContactDetail: '07700 900123' }),
		});
		expect(result.error?.message).toBe(
			'Hero rejected the request: field recipient_contact_detail: expected UK mobile in E.164 (+447...); field assignee.0.id: expected number',
		);
		expect((result.error as { httpCode?: string }).httpCode).toBe('400');
		expect(sends()).toHaveLength(1);
		expect(messages(sandbox.state).size).toBe(0);
	});

	it('maps an unknown patient (Hero answers 404) to "found nothing"', async () => {
		const result = await runHeroNode(sandbox, { parameters: send({}, { patientId: '999999' }) });
		expect(result.error?.message).toBe('Patient not found');
		expect(result.error?.description).toContain('Hero answered 404 to POST /v1/messages/send');
		expect((result.error as { httpCode?: string }).httpCode).toBe('404');
	});
});

describe('Message → Send with a link or an attachment', () => {
	it('a short link and an attachment the practice made appear on the sent message', async () => {
		const link = await bookingLink();
		const file = await attachmentLink();
		const sent = await runHeroNode(sandbox, {
			parameters: send({ shortLinkId: link.id, attachmentUuid: file.attachment_uuid }),
		});
		expect(sent.error).toBeUndefined();
		const got = await runHeroNode(sandbox, {
			parameters: { resource: 'message', operation: 'get', messageId: sent.json[0].message_id },
		});
		expect(got.json[0].short_link).toEqual({
			id: link.id,
			type: 'booking',
			name: 'Booking link for patient 2001',
			status: 'unused',
		});
		expect(got.json[0].attachments).toEqual([
			{
				uuid: file.attachment_uuid,
				file_name: 'results.pdf',
				attachment_link: file.attachment_link,
			},
		]);
		// The patient books through the link: the message shows the link's status as it is now.
		const used = await fetch(`${sandbox.url}/__sandbox/links/use`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ id: link.id }),
		});
		expect(used.status).toBe(200);
		const again = await runHeroNode(sandbox, {
			parameters: { resource: 'message', operation: 'get', messageId: sent.json[0].message_id },
		});
		expect(again.json[0].short_link).toMatchObject({ id: link.id, status: 'in_use' });
	});

	it.each([
		['a short link id that names no link', async () => ({ shortLinkId: '999999' })],
		// An attachment link is passed by its attachment_uuid, never as a short link.
		[
			'an attachment link id given as a short link',
			async () => (
				await attachmentLink(),
				{ shortLinkId: [...links(sandbox.state).values()].find((l) => l.kind === 'attachment')!.id }
			),
		],
		[
			'an attachment uuid that names no attachment',
			async () => (
				await attachmentLink(),
				{ attachmentUuid: '00000000-0000-4000-8000-000000000000' }
			),
		],
		[
			'a booking link id given as an attachment uuid',
			async () => ({ attachmentUuid: (await bookingLink()).id }),
		],
	])('is refused by Hero (404) for %s, and nothing is stored', async (_name, fields) => {
		const result = await runHeroNode(sandbox, { parameters: send(await fields()) });
		expect(result.error?.message).toMatch(/^(Short link|Attachment) not found$/);
		expect(result.error?.description).toContain('Hero answered 404 to POST /v1/messages/send');
		expect((result.error as { httpCode?: string }).httpCode).toBe('404');
		expect(sends()).toHaveLength(1);
		expect(messages(sandbox.state).size).toBe(0);
	});
});

describe('Message → Get and Get Many in a Batch', () => {
	it('gets a sent message by id', async () => {
		const sent = await runHeroNode(sandbox, { parameters: send() });
		const got = await runHeroNode(sandbox, {
			parameters: { resource: 'message', operation: 'get', messageId: sent.json[0].message_id },
		});
		expect(got.json[0]).toMatchObject({
			id: sent.json[0].message_id,
			message_type: 'sms',
			message: 'Your appointment is confirmed.',
			status: 'delivered',
		});
		expect(got.json[0].patient).toMatchObject({ id: '2001' });
	});

	it('Return All walks every page of the batch (120 sends, pages of 100)', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'message',
				operation: 'getManyInBatch',
				batchId: '5001',
				returnAll: true,
			},
		});
		expect(result.json).toHaveLength(120);
		expect(new Set(result.json.map((m) => m.id)).size).toBe(120);
		const pages = sandbox.received('GET', '/v1/batch_message/5001/messages');
		expect(pages.map((p) => p.query.page_index)).toEqual(['0', '1']);
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});

	it('Limit stops paging early and the status filter is sent', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'message',
				operation: 'getManyInBatch',
				batchId: '5001',
				returnAll: false,
				limit: 5,
				filters: { status: 'ENRICHMENT_ERROR' },
			},
		});
		expect(result.json).toHaveLength(5);
		expect(result.json.every((m) => m.status === 'ENRICHMENT_ERROR')).toBe(true);
		const pages = sandbox.received('GET', '/v1/batch_message/5001/messages');
		expect(pages).toHaveLength(1);
		expect(pages[0].query).toEqual({ status: 'ENRICHMENT_ERROR', page_index: '0', page_size: '5' });
	});
});

describe('validation no stricter than Hero (Message → Send)', () => {
	it.each([
		['nhs_app', 'sms', '07700 900123', '+447700900123'],
		['nhs_app', 'email', 'ada@example.com', 'ada@example.com'],
		['hero', 'sms', '+33 6 12 34 56 78', '+33612345678'],
	])(
		'a %s message with an %s fallback is sent with fallback_message_type and the fallback contact detail',
		async (messageType, fallbackType, typed, sent) => {
			const result = await runHeroNode(sandbox, {
				parameters: send(
					{ fallbackMessageType: fallbackType, fallbackContactDetail: typed },
					{ messageType },
				),
			});
			expect(result.error).toBeUndefined();
			expect(result.json[0].message_id).toEqual(expect.any(String));
			expect(sends()).toHaveLength(1);
			expect(sends()[0].body).toEqual({
				patient_id: '2001',
				message_type: messageType,
				message_string: 'Your appointment is confirmed.',
				fallback_message_type: fallbackType,
				fallback_contact_detail: sent,
			});
			expect(messages(sandbox.state).size).toBe(1);
		},
	);

	it("an SMS and an email with Recipient Contact Detail left empty send no contact detail, so Hero uses the patient record's", async () => {
		// endpoints.md: recipient_contact_detail "defaults to patient record for that channel" (the sandbox does the same).
		const sms = await runHeroNode(sandbox, { parameters: send({ recipientContactDetail: '' }) });
		const email = await runHeroNode(sandbox, {
			parameters: send(
				{ recipientContactDetail: '  ' },
				{ messageType: 'email', subject: 'Your appointment' },
			),
		});
		expect(sms.error).toBeUndefined();
		expect(email.error).toBeUndefined();
		expect(sends().map((r) => r.body)).toEqual([
			{ patient_id: '2001', message_type: 'sms', message_string: 'Your appointment is confirmed.' },
			expect.not.objectContaining({ recipient_contact_detail: expect.anything() }),
		]);
		const stored = messages(sandbox.state);
		expect(stored.get(String(sms.json[0].message_id))?.recipient_contact_detail).toBe(
			'+447700900001',
		);
		expect(stored.get(String(email.json[0].message_id))?.recipient_contact_detail).toBe(
			'ada@example.com',
		);
	});

	it('an NHS App message with only a fallback type (the patient record gives the contact) is sent', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: send({ fallbackMessageType: 'sms' }, { messageType: 'nhs_app' }),
		});
		expect(result.error).toBeUndefined();
		expect(sends()[0].body).toMatchObject({
			message_type: 'nhs_app',
			fallback_message_type: 'sms',
		});
		expect(sends()[0].body).not.toHaveProperty('fallback_contact_detail');
	});

	it('the Fallback Message Type hint no longer limits it to SMS and email messages', () => {
		const field = findOption('fallbackMessageType');
		expect(field.description).not.toMatch(/only for SMS and email/i);
		expect(field.description).toMatch(/NHS App/);
	});

	it('an SMS with a Fallback Contact Detail that is an email and no Fallback Message Type sends the detail alone', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: send({ fallbackContactDetail: ' ada@example.com ' }),
		});
		expect(result.error).toBeUndefined();
		expect(sends()[0].body).toEqual({
			patient_id: '2001',
			message_type: 'sms',
			message_string: 'Your appointment is confirmed.',
			fallback_contact_detail: 'ada@example.com',
		});
		const bad = await runHeroNode(sandbox, {
			parameters: send({ fallbackContactDetail: 'ada@example' }),
		});
		expect(bad.error?.message).toMatch(/^Fallback Contact Detail: expected an email address/);
	});

	it('SNOMED code and term without Write to Record are passed through to Hero', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: send({ snomedCode: '185087000', snomedTerm: 'Appointment confirmed' }),
		});
		expect(result.error).toBeUndefined();
		expect(sends()).toHaveLength(1);
		expect(sends()[0].body).toEqual({
			patient_id: '2001',
			message_type: 'sms',
			message_string: 'Your appointment is confirmed.',
			snomed_code: '185087000',
			snomed_term: 'Appointment confirmed',
		});
	});

	it('SNOMED code and term with Write to Record off are passed through with write_to_record false', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: send({ writeToRecord: false, snomedTerm: 'Appointment confirmed' }),
		});
		expect(result.error).toBeUndefined();
		expect(sends()[0].body).toMatchObject({
			write_to_record: false,
			snomed_term: 'Appointment confirmed',
		});
	});

	it('the SNOMED hints say they have an effect when the message is written to the record', () => {
		for (const name of ['snomedCode', 'snomedTerm']) {
			const hint = String(findOption(name).description);
			expect(hint).toMatch(/effect only when/i);
			expect(hint).toMatch(/Write to Record/);
		}
	});

	it.each([
		['a French mobile', '+33 6 12 34 56 78', '+33612345678'],
		['a US number', '+1 (415) 555-0123', '+14155550123'],
		['an international number dialled with 00', '0033 612 345 678', '+33612345678'],
		['a UK mobile in national form', '07700 900123', '+447700900123'],
		[
			'a UK number in E.164 that is a landline (Hero documents any phone)',
			'+44 113 496 0000',
			'+441134960000',
		],
		['a UK landline in national form', '0113 496 0000', '+441134960000'],
	])('an SMS to %s is sent with the number in E.164', async (_name, typed, sent) => {
		const result = await runHeroNode(sandbox, {
			parameters: send({ recipientContactDetail: typed }),
		});
		expect(result.error).toBeUndefined();
		expect(sends()[0].body).toMatchObject({ message_type: 'sms', recipient_contact_detail: sent });
	});

	it('an email message with an SMS fallback to a US number sends the fallback in E.164', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: send(
				{
					recipientContactDetail: 'ada@example.com',
					fallbackMessageType: 'sms',
					fallbackContactDetail: '+1 415 555 0123',
				},
				{ messageType: 'email' },
			),
		});
		expect(result.error).toBeUndefined();
		expect(sends()[0].body).toMatchObject({
			recipient_contact_detail: 'ada@example.com',
			fallback_message_type: 'sms',
			fallback_contact_detail: '+14155550123',
		});
	});

	it.each([
		['a number that starts +0', '+0 612 345 678'],
		['an E.164 number of 7 digits', '+1234567'],
		['an E.164 number of 16 digits', '+1234567890123456'],
		['a number with letters', '+33 6 12 AB 56 78'],
		['an international number without + or 00', '33 612 345 678'],
		['a UK mobile one digit short', '07700 90045'],
		['a UK mobile one digit long in E.164', '+44 7700 9001234'],
	])('still refuses %s, without repeating it', async (_name, typed) => {
		const result = await runHeroNode(sandbox, {
			parameters: send({ recipientContactDetail: typed }),
		});
		expect(result.error?.message).toMatch(/^Recipient Contact Detail: expected a phone number/);
		expect(result.error?.message).toContain('[row 1 (n8n item 0)]');
		expect(result.error?.message).not.toContain(typed);
		expect(sandbox.requests).toHaveLength(0);
	});
});

function findOption(name: string): { description?: string; typeOptions?: Record<string, unknown> } {
	const additional = sendDescription.find((p) => p.name === 'additionalFields') as {
		options: Array<{ name: string; description?: string }>;
	};
	const field = additional.options.find((o) => o.name === name);
	if (!field) throw new Error(`no option ${name}`);
	return field;
}
