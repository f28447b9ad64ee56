/**
 * Message → Send with Input Data "Map Automatically": each item's own fields, by Hero's
 * names, become the send; no expression is evaluated per item; the rules are those of the field mode.
 */
import { Expression } from 'n8n-workflow';

import { SEND_FIELDS } from '../../../../nodes/HeroHealth/actions/message/send.operation';
import { runHeroNode } from '../../../harness/runNode';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const mapped = (fields: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'send',
	inputData: 'autoMapInputData',
	...fields,
});
const sends = () => sandbox.received('POST', '/v1/messages/send');
const bodies = () => sends().map((r) => JSON.parse(r.rawBody));
const row = (index: number, extra: Record<string, unknown> = {}) => ({
	patient_id: String(2001 + (index % 5)),
	message_type: 'sms',
	message_string: `Flu clinic on Saturday (ref ${index}).`,
	recipient_contact_detail: `07700 90012${index % 10}`,
	...extra,
});

describe("Message → Send reads each item by Hero's field names (Map Automatically)", () => {
	it('each item becomes one send of its Hero fields, in order, with no expression evaluated', async () => {
		const items = [0, 1, 2].map((i) => row(i, { name: `Patient ${i}`, row_number: i + 2 }));
		// renderExpression is private: every `={{ }}` n8n evaluates goes through it.
		const render = jest.spyOn(
			Expression.prototype as unknown as { renderExpression: (...args: unknown[]) => unknown },
			'renderExpression',
		);
		try {
			const result = await runHeroNode(sandbox, { parameters: mapped(), items });
			expect(result.error).toBeUndefined();
			expect(render).not.toHaveBeenCalled();
			expect(result.items.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
			expect(result.json.map((json) => json.message_id)).toEqual([
				expect.any(String),
				expect.any(String),
				expect.any(String),
			]);
		} finally {
			render.mockRestore();
		}
		// Other keys of the item (name, row_number) are not sent; the phone is normalised as in the field mode.
		expect(bodies()).toEqual(
			[0, 1, 2].map((i) => ({
				patient_id: String(2001 + i),
				message_type: 'sms',
				message_string: `Flu clinic on Saturday (ref ${i}).`,
				recipient_contact_detail: `+44770090012${i}`,
			})),
		);
	});

	it('every body field of POST /v1/messages/send is read and converted as the field mode converts it', async () => {
		const sendAt = new Date(Date.now() + 86_400_000).toISOString();
		const item = {
			patient_id: 2001,
			message_type: 'sms',
			message_string: 'Your appointment is confirmed.',
			recipient_contact_detail: '+44 7700 900 123',
			fallback_message_type: 'email',
			fallback_contact_detail: ' patient@example.com ',
			write_to_record: 'true',
			snomed_code: '185087000',
			snomed_term: 'Appointment confirmed',
			auto_write_to_record: false,
			encrypted: true,
			task_id: 77,
			assignee_id: '42',
			assignee_type: 'AdminTeam',
			send_at: sendAt,
		};
		const field = await runHeroNode(sandbox, {
			parameters: {
				resource: 'message',
				operation: 'send',
				patientId: '2001',
				messageType: 'sms',
				message: item.message_string,
				additionalFields: {
					recipientContactDetail: item.recipient_contact_detail,
					fallbackMessageType: 'email',
					fallbackContactDetail: item.fallback_contact_detail,
					writeToRecord: true,
					snomedCode: item.snomed_code,
					snomedTerm: item.snomed_term,
					autoWriteToRecord: false,
					encrypted: true,
					taskId: '77',
					assigneeId: '42',
					assigneeType: 'AdminTeam',
					sendAt,
				},
			},
		});
		expect(field.error).toBeUndefined();
		const result = await runHeroNode(sandbox, { parameters: mapped(), items: [item] });
		expect(result.error).toBeUndefined();
		const [fromFields, fromItem] = bodies();
		expect(fromItem).toEqual(fromFields);
		expect(fromItem).toEqual({
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
			assignee_id: 42,
			assignee_type: 'AdminTeam',
			send_at: sendAt,
		});
		// The fields read are exactly Hero's documented body fields.
		expect([...SEND_FIELDS].sort()).toEqual(
			Object.keys(fromItem).concat('attachment_uuid', 'short_link_id').sort(),
		);
	});

	it('an empty cell (null or "") counts as not given', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: mapped(),
			items: [
				row(0, { recipient_contact_detail: '', send_at: null, write_to_record: '', task_id: null }),
			],
		});
		expect(result.error).toBeUndefined();
		expect(bodies()[0]).toEqual({
			patient_id: '2001',
			message_type: 'sms',
			message_string: 'Flu clinic on Saturday (ref 0).',
		});
	});

	it("with a Template chosen, an item without message_string sends the template's text", async () => {
		const result = await runHeroNode(sandbox, {
			parameters: mapped({ templateId: { __rl: true, mode: 'id', value: '13' } }),
			items: [row(0, { message_string: '' }), row(1)],
		});
		expect(result.error).toBeUndefined();
		// Item 0 waits for the template list while item 1 is sent: compare by patient.
		const byPatient = Object.fromEntries(bodies().map((b) => [b.patient_id, b.message_string]));
		expect(byPatient).toEqual({
			'2001': 'Your recent blood test results are normal. No action is needed.',
			'2002': 'Flu clinic on Saturday (ref 1).',
		});
	});

	// The same expectation texts as the field mode's tests (message.test.ts); the field is named as the item names it.
	it.each([
		['no patient_id', { patient_id: undefined }, 'patient_id: is required'],
		['a non-numeric patient_id', { patient_id: 'abc' }, 'patient_id: expected a numeric Hero ID'],
		['a patient_id that is an object', { patient_id: { id: 1 } }, 'patient_id: expected text'],
		[
			'an unknown message_type',
			{ message_type: 'fax' },
			'message_type: expected one of sms, email, nhs_app, hero',
		],
		['an empty message_string', { message_string: '   ' }, 'message_string: is required'],
		[
			'a number too short to be a phone for SMS',
			{ recipient_contact_detail: '0113 496' },
			'recipient_contact_detail: expected a phone number',
		],
		[
			'a malformed email',
			{ message_type: 'email', recipient_contact_detail: 'not-an-email' },
			'recipient_contact_detail: expected an email address',
		],
		[
			'a fallback type that is not sms or email',
			{ fallback_message_type: 'nhs_app' },
			'fallback_message_type: expected one of sms, email',
		],
		[
			'a bad fallback phone',
			{ fallback_message_type: 'sms', fallback_contact_detail: '12345' },
			'fallback_contact_detail: expected a phone number',
		],
		['a non-numeric snomed_code', { snomed_code: 'abc' }, 'snomed_code: expected a SNOMED CT code'],
		[
			'a write_to_record that is not a boolean',
			{ write_to_record: 'yes' },
			'write_to_record: expected true or false',
		],
		['a past send_at', { send_at: '2020-01-01T09:00:00Z' }, 'send_at: must be in the future'],
		['a malformed send_at', { send_at: 'next tuesday' }, 'send_at: expected an ISO 8601 date-time'],
		['a non-numeric task_id', { task_id: 'task-1' }, 'task_id: expected a numeric Hero ID'],
		[
			'an assignee_type without assignee_id',
			{ assignee_type: 'Admin' },
			'assignee_type: needs an assignee_id',
		],
	])(
		'%s in item 2 fails the run before any item is sent, naming the field and item',
		async (_name, change, expected) => {
			const items = [row(0), row(1), row(2, change)];
			const result = await runHeroNode(sandbox, { parameters: mapped(), items });
			expect(result.error?.message).toBe(
				`${expected}${result.error?.message.slice(expected.length)}`,
			);
			expect(result.error?.message).toMatch(/ \[row 3 \(n8n item 2\)\]$/);
			expect(sandbox.requests).toHaveLength(0);
		},
	);

	it('an item without message_type (or with an empty one) is sent as the Default Message Type: SMS unless changed', async () => {
		const items = [row(0, { message_type: undefined }), row(1, { message_type: ' ' })];
		const result = await runHeroNode(sandbox, { parameters: mapped(), items });
		expect(result.error).toBeUndefined();
		expect(bodies().map((b) => b.message_type)).toEqual(['sms', 'sms']);

		sandbox.reset();
		const email = await runHeroNode(sandbox, {
			parameters: mapped({ messageType: 'email' }),
			items: [
				row(0, { message_type: undefined, recipient_contact_detail: 'ada@example.com' }),
				row(1, { message_type: 'sms' }),
			],
		});
		expect(email.error).toBeUndefined();
		expect(bodies().map((b) => [b.message_type, b.recipient_contact_detail])).toEqual([
			['email', 'ada@example.com'],
			['sms', '+447700900121'],
		]);
	});

	it('message_type and fallback_message_type are read in any case ("SMS", "Email", "NHS App")', async () => {
		const items = [
			row(0, { message_type: 'SMS' }),
			row(1, { message_type: 'Email', recipient_contact_detail: 'alan@example.com' }),
			row(2, { message_type: 'NHS App', recipient_contact_detail: undefined }),
			row(3, { fallback_message_type: 'EMAIL', fallback_contact_detail: 'g@example.com' }),
		];
		const result = await runHeroNode(sandbox, { parameters: mapped(), items });
		expect(result.error).toBeUndefined();
		expect(bodies().map((b) => [b.message_type, b.fallback_message_type])).toEqual([
			['sms', undefined],
			['email', undefined],
			['nhs_app', undefined],
			['sms', 'email'],
		]);
	});

	it('a Message Type left empty by an expression reads "is required" (field mode, the same rule)', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'message',
				operation: 'send',
				patientId: '2001',
				messageType: '={{ $json.type }}',
				message: 'Hello',
				additionalFields: {},
			},
			items: [{ type: '' }],
		});
		expect(result.error?.message).toBe('Message Type: is required [row 1 (n8n item 0)]');
		expect(sandbox.requests).toHaveLength(0);
	});

	it("an item with none of Hero's field names says so, naming no value of the item, and nothing is sent", async () => {
		const result = await runHeroNode(sandbox, {
			parameters: mapped(),
			items: [row(0), { Name: 'Ada Lovelace', Phone: '07700 900123', Text: 'Hello' }],
		});
		const message = result.error?.message ?? '';
		expect(message).toMatch(
			/^Input Data: no field of this item has one of Hero's field names \(patient_id or nhs_number and dob, message_string, .*\), so it cannot be sent; rename its fields \(a sheet: its header row\), or choose Map Each Field Below \[row 2 \(n8n item 1\)\]$/,
		);
		expect(message).not.toMatch(/Ada|07700|Hello|message_type:/);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('fields named like Hero\'s but for capitals or spaces ("Patient ID", "Message String") are named by Hero\'s names to rename them to', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: mapped(),
			items: [{ 'Patient ID': '2001', 'Message String': 'Hello', 'NHS-Number': '9434765919' }],
		});
		expect(result.error?.message).toMatch(
			/; fields here differ from patient_id, message_string, nhs_number only in capitals, spaces or dashes: rename them exactly so \[row 1 \(n8n item 0\)\]$/,
		);
		expect(result.error?.message).not.toMatch(/2001|Hello|9434765919/);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('a phone a spreadsheet stored as a number (7700900001, its leading 0 lost) is refused with a hint to put the 0 back, never repeating it', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: mapped(),
			items: [row(0, { recipient_contact_detail: 7700900001 })],
		});
		expect(result.error?.message).toBe(
			'recipient_contact_detail: expected a phone number such as 07700 900123, or one in international form such as +33 6 12 34 56 78. It reads as a UK number without its leading 0, as a spreadsheet keeps a phone column stored as numbers: put the 0 back, or format the column as text [row 1 (n8n item 0)]',
		);
		expect(result.error?.message).not.toContain('7700900001');
		// A number that is too short has no such hint.
		const short = await runHeroNode(sandbox, {
			parameters: mapped(),
			items: [row(0, { recipient_contact_detail: '0113 496' })],
		});
		expect(short.error?.message).not.toMatch(/leading 0/);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('never repeats the rejected phone number or email in the error', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: mapped(),
			items: [row(0, { recipient_contact_detail: '07123 45' })],
		});
		expect(result.error?.message).not.toContain('07123');
		const email = await runHeroNode(sandbox, {
			parameters: mapped(),
			items: [row(0, { message_type: 'email', recipient_contact_detail: 'jane.doe@@example' })],
		});
		expect(email.error?.message).toBe(
			'recipient_contact_detail: expected an email address such as name@email.com [row 1 (n8n item 0)]',
		);
	});

	it('with Continue On Fail, an invalid item gets its error and the valid items are sent', async () => {
		const items = [row(0), row(1, { patient_id: 'abc' }), row(2)];
		const result = await runHeroNode(sandbox, {
			parameters: mapped(),
			items,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.json[1]).toEqual({
			error: 'patient_id: expected a numeric Hero ID such as 1234 [row 2 (n8n item 1)]',
			description: 'Row 2 was not sent to Hero. Correct "patient_id" and run again.',
			row: 2,
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.json[0].message_id).toEqual(expect.any(String));
		expect(result.json[2].message_id).toEqual(expect.any(String));
		expect(bodies().map((b) => b.patient_id)).toEqual(['2001', '2003']);
	});

	it('the field mode is unchanged and stays the default (a workflow without Input Data)', async () => {
		const render = jest.spyOn(
			Expression.prototype as unknown as { renderExpression: (...args: unknown[]) => unknown },
			'renderExpression',
		);
		let result;
		try {
			result = await runHeroNode(sandbox, {
				parameters: {
					resource: 'message',
					operation: 'send',
					patientId: '={{ $json.pid }}',
					messageType: 'sms',
					message: 'Hello',
					additionalFields: {},
				},
				items: [{ pid: '2002', patient_id: '2001', message_string: 'not this' }],
			});
			// The spy sees expressions: the mapping test's "not called" means none were evaluated.
			expect(render).toHaveBeenCalled();
		} finally {
			render.mockRestore();
		}
		expect(result.error).toBeUndefined();
		expect(bodies()).toEqual([
			{ patient_id: '2002', message_type: 'sms', message_string: 'Hello' },
		]);
	});
});
