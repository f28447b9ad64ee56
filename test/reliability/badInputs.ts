/**
 * The bad-input table: one row per case. `parameters` are the node's parameters for the operation
 * (resource and operation come from `op`); the field under test reads `{{ $json.v }}` (or another
 * item key), as a field mapped from an earlier node would. `good` items must succeed against the
 * sandbox; `bad` must fail before any request, with an error that starts with `field`.
 */
import type { IDataObject, NodeParameterValueType } from 'n8n-workflow';

import { runHeroNode } from '../harness/runNode';
import type { Sandbox } from '../sandbox/server';
import { slots, type SandboxSlot } from '../sandbox/routes/slots';
import { INFERRED } from '../../nodes/HeroHealth/transport/inferred';

export type Kind =
	| 'missing required field'
	| 'wrong enum'
	| 'bad NHS number'
	| 'bad phone'
	| 'bad email'
	| 'past send_at'
	| 'malformed date'
	| 'malformed id'
	| 'wrong type from expression'
	| 'out of range'
	| 'conflicting fields';

export type Parameters = Record<string, NodeParameterValueType | object>;
type Good = IDataObject | ((sandbox: Sandbox, n: number) => Promise<IDataObject>);

export interface BadInput {
	op: string;
	what: string;
	kind: Kind;
	field: string;
	parameters: Parameters;
	/** The valid item(s) of the run (two are used: good[0], good[1 % length]). */
	good: Good | Good[];
	bad: IDataObject;
	/** The values are patient data (phone, email, NHS number): errors must not repeat them. */
	patientData?: boolean;
}

/** Operations that take no input a user could get wrong (nothing to validate). */
export const EXEMPT_OPERATIONS: Record<string, string> = {
	'accessToken.create': 'no parameters',
	'partner.getHeidiToken': 'no parameters',
	'practiceGroup.get': 'no parameters',
	'practiceGroup.getCapabilities': 'no parameters',
	'practiceGroup.getConfiguration': 'no parameters',
	'practiceGroup.getElements': 'no parameters',
};

const v = '={{ $json.v }}';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const past = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

// ---- Message -------------------------------------------------------------------------------------
const send = (
	extra: Record<string, unknown> = {},
	additionalFields: Record<string, unknown> = {},
) => ({
	patientId: '2001',
	messageType: 'sms',
	message: 'Your appointment is confirmed.',
	additionalFields,
	...extra,
});
/** A message that exists in the sandbox (sent through the node, before the counted run). */
const existingMessage = async (sandbox: Sandbox): Promise<IDataObject> => {
	const sent = await runHeroNode(sandbox, {
		parameters: { resource: 'message', operation: 'send', ...send() },
	});
	return { v: String(sent.json[0].message_id) };
};

const message: BadInput[] = [
	{
		op: 'message.send',
		what: 'Patient ID missing (expression gives nothing)',
		kind: 'missing required field',
		field: 'Patient ID',
		parameters: send({ patientId: v }),
		good: { v: '2001' },
		bad: {},
	},
	{
		op: 'message.send',
		what: 'Patient ID not numeric',
		kind: 'malformed id',
		field: 'Patient ID',
		parameters: send({ patientId: v }),
		good: { v: '2002' },
		bad: { v: 'P-2001' },
	},
	{
		op: 'message.send',
		what: 'Patient ID is an object',
		kind: 'wrong type from expression',
		field: 'Patient ID',
		parameters: send({ patientId: v }),
		good: { v: 2003 },
		bad: { v: { id: 2001 } },
	},
	{
		op: 'message.send',
		what: 'Message empty',
		kind: 'missing required field',
		field: 'Message',
		parameters: send({ message: v }),
		good: { v: 'Hello' },
		bad: { v: '   ' },
	},
	{
		op: 'message.send',
		what: 'Message is a list',
		kind: 'wrong type from expression',
		field: 'Message',
		parameters: send({ message: v }),
		good: { v: 'Hello' },
		bad: { v: ['Hello', 'there'] },
	},
	{
		op: 'message.send',
		what: 'Message Type not a channel',
		kind: 'wrong enum',
		field: 'Message Type',
		parameters: send({ messageType: v }),
		good: { v: 'sms' },
		bad: { v: 'fax' },
	},
	{
		op: 'message.send',
		what: 'Message Type in the wrong case',
		kind: 'wrong enum',
		field: 'Message Type',
		parameters: send({ messageType: v }),
		good: { v: 'email' },
		bad: { v: 'SMS' },
	},
	{
		op: 'message.send',
		what: 'SMS to a number one digit short',
		kind: 'bad phone',
		field: 'Recipient Contact Detail',
		parameters: send({}, { recipientContactDetail: v }),
		good: { v: '07700 900456' },
		bad: { v: '07700 90045' },
		patientData: true,
	},
	{
		op: 'message.send',
		what: 'SMS to a foreign number without + or 00',
		kind: 'bad phone',
		field: 'Recipient Contact Detail',
		parameters: send({}, { recipientContactDetail: v }),
		good: { v: '+44 7700 900457' },
		bad: { v: '33 6 98 76 54 32' },
		patientData: true,
	},
	{
		op: 'message.send',
		what: 'SMS to a number longer than E.164 allows',
		kind: 'bad phone',
		field: 'Recipient Contact Detail',
		parameters: send({}, { recipientContactDetail: v }),
		good: { v: '+33 6 12 34 56 79' },
		bad: { v: '+33 6 12 34 56 78 90 12 3' },
		patientData: true,
	},
	{
		op: 'message.send',
		what: 'email without a domain suffix',
		kind: 'bad email',
		field: 'Recipient Contact Detail',
		parameters: send({ messageType: 'email' }, { recipientContactDetail: v }),
		good: { v: 'ada@example.com' },
		bad: { v: 'ada.lovelace@example' },
		patientData: true,
	},
	{
		op: 'message.send',
		what: 'email with a space',
		kind: 'bad email',
		field: 'Recipient Contact Detail',
		parameters: send({ messageType: 'email' }, { recipientContactDetail: v }),
		good: { v: 'alan@example.com' },
		bad: { v: 'alan turing@example.com' },
		patientData: true,
	},
	{
		op: 'message.send',
		what: 'fallback email malformed',
		kind: 'bad email',
		field: 'Fallback Contact Detail',
		parameters: send({}, { fallbackMessageType: 'email', fallbackContactDetail: v }),
		good: { v: 'mary@example.com' },
		bad: { v: 'mary.seacole.example.com' },
		patientData: true,
	},
	{
		op: 'message.send',
		what: 'fallback SMS to a bad number',
		kind: 'bad phone',
		field: 'Fallback Contact Detail',
		parameters: send(
			{ messageType: 'email' },
			{ fallbackMessageType: 'sms', fallbackContactDetail: v },
		),
		good: { v: '07700900459' },
		bad: { v: '07700-9004' },
		patientData: true,
	},
	{
		op: 'message.send',
		what: 'Fallback Message Type not sms/email',
		kind: 'wrong enum',
		field: 'Fallback Message Type',
		parameters: send({}, { fallbackMessageType: v }),
		good: { v: 'email' },
		bad: { v: 'nhs_app' },
	},
	{
		op: 'message.send',
		what: 'Send At in the past',
		kind: 'past send_at',
		field: 'Send At',
		parameters: send({}, { sendAt: v }),
		good: { v: future(2) },
		bad: { v: past(1) },
	},
	{
		op: 'message.send',
		what: 'Send At a minute ago',
		kind: 'past send_at',
		field: 'Send At',
		parameters: send({}, { sendAt: v }),
		good: { v: future(1) },
		bad: { v: new Date(Date.now() - 60_000).toISOString() },
	},
	{
		op: 'message.send',
		what: 'Send At in UK day/month order',
		kind: 'malformed date',
		field: 'Send At',
		parameters: send({}, { sendAt: v }),
		good: { v: future(3) },
		bad: { v: '15/03/2030 09:30' },
	},
	{
		op: 'message.send',
		what: 'Send At on 31 February',
		kind: 'malformed date',
		field: 'Send At',
		parameters: send({}, { sendAt: v }),
		good: { v: future(3) },
		bad: { v: '2030-02-31T09:30:00Z' },
	},
	{
		op: 'message.send',
		what: 'Send At is a boolean',
		kind: 'wrong type from expression',
		field: 'Send At',
		parameters: send({}, { sendAt: v }),
		good: { v: future(4) },
		bad: { v: true },
	},
	{
		op: 'message.send',
		what: 'Task ID not numeric',
		kind: 'malformed id',
		field: 'Task ID',
		parameters: send({}, { taskId: v }),
		good: { v: '77' },
		bad: { v: 'task-77' },
	},
	{
		op: 'message.send',
		what: 'Assignee ID not numeric',
		kind: 'malformed id',
		field: 'Assignee ID',
		parameters: send({}, { assigneeId: v }),
		good: { v: '42' },
		bad: { v: 'dr-jones' },
	},
	{
		op: 'message.send',
		what: 'Assignee Type unknown',
		kind: 'wrong enum',
		field: 'Assignee Type',
		parameters: send({}, { assigneeId: '42', assigneeType: v }),
		good: { v: 'AdminTeam' },
		bad: { v: 'Robot' },
	},
	{
		op: 'message.send',
		what: 'SNOMED Code with letters',
		kind: 'malformed id',
		field: 'Write to Record: SNOMED Code',
		parameters: send({}, { writeToRecord: true, snomedCode: v }),
		good: { v: '185087000' },
		bad: { v: '18508X000' },
	},
	{
		op: 'message.send',
		what: 'Assignee Type without an Assignee ID',
		kind: 'conflicting fields',
		field: 'Assignee Type',
		parameters: send({}, { assigneeId: v, assigneeType: 'Admin' }),
		good: { v: '42' },
		bad: { v: '' },
	},
	{
		op: 'message.send',
		what: 'Write to Record is "yes"',
		kind: 'wrong type from expression',
		field: 'Write to Record',
		parameters: send({}, { writeToRecord: v }),
		good: { v: 'true' },
		bad: { v: 'yes' },
	},
	{
		op: 'message.send',
		what: 'Encrypted is a number',
		kind: 'wrong type from expression',
		field: 'Encrypted',
		parameters: send({}, { encrypted: v }),
		good: { v: false },
		bad: { v: 1 },
	},
	{
		op: 'message.get',
		what: 'Message ID missing',
		kind: 'missing required field',
		field: 'Message ID',
		parameters: { messageId: v },
		good: existingMessage,
		bad: { v: null },
	},
	{
		op: 'message.get',
		what: 'Message ID is a UUID',
		kind: 'malformed id',
		field: 'Message ID',
		parameters: { messageId: v },
		good: existingMessage,
		bad: { v: '0b6f1c2d-4e5f-4a1b-9c8d-7e6f5a4b3c2d' },
	},
	{
		op: 'message.getManyInBatch',
		what: 'Batch ID not numeric',
		kind: 'malformed id',
		field: 'Batch Message',
		parameters: { batchId: byId(v), returnAll: false, limit: 5, filters: {} },
		good: { v: '5001' },
		bad: { v: 'flu-2026' },
	},
	{
		op: 'message.getManyInBatch',
		what: 'Status filter unknown',
		kind: 'wrong enum',
		field: 'Status',
		parameters: { batchId: '5001', returnAll: false, limit: 5, filters: { status: v } },
		good: { v: 'QUEUED' },
		bad: { v: 'SENT' },
	},
	{
		op: 'message.getManyInBatch',
		what: 'Limit 0',
		kind: 'out of range',
		field: 'Limit',
		parameters: { batchId: '5001', returnAll: false, limit: v, filters: {} },
		good: { v: 3 },
		bad: { v: 0 },
	},
	{
		op: 'message.getManyInBatch',
		what: 'Limit is text',
		kind: 'wrong type from expression',
		field: 'Limit',
		parameters: { batchId: '5001', returnAll: false, limit: v, filters: {} },
		good: { v: '10' },
		bad: { v: 'ten' },
	},
];

// ---- Batch messages, admins, automated messages, episodes, invoicing, templates, tasks --------------
const createBatch = (extra: Record<string, unknown> = {}) => ({
	name: 'Flu clinic',
	channel: 'SMS',
	content: 'Book your flu jab.',
	specifyRecipients: 'json',
	recipientsJson: '[{"nhs_number": "943 476 5919", "dob": "1985-12-10"}]',
	...extra,
});
/** A batch in status CREATED (made through the node, before the counted run), ready to send. */
const createdBatch = async (sandbox: Sandbox): Promise<IDataObject> => {
	const made = await runHeroNode(sandbox, {
		parameters: { resource: 'batchMessage', operation: 'create', ...createBatch() },
	});
	return { v: String(made.json[0].id) };
};
const list = (extra: Record<string, unknown> = {}) => ({ returnAll: false, limit: 5, ...extra });

const messaging: BadInput[] = [
	{
		op: 'batchMessage.create',
		what: 'recipient NHS number fails the check digit',
		kind: 'bad NHS number',
		field: 'Recipients (JSON)',
		parameters: createBatch({ recipientsJson: '={{ $json.v }}' }),
		good: { v: [{ nhs_number: '943 476 5919', dob: '1985-12-10' }] },
		bad: { v: [{ nhs_number: '943 476 5918', dob: '1985-12-10' }] },
		patientData: true,
	},
	{
		op: 'batchMessage.create',
		what: 'recipient NHS number 9 digits',
		kind: 'bad NHS number',
		field: 'Recipients',
		parameters: createBatch({
			specifyRecipients: 'fields',
			recipients: { recipient: [{ nhsNumber: v, dateOfBirth: '1972-06-23' }] },
		}),
		good: { v: '9434765870' },
		bad: { v: '943476587' },
		patientData: true,
	},
	{
		op: 'batchMessage.create',
		what: 'recipient date of birth in the future',
		kind: 'malformed date',
		field: 'Recipients (JSON)',
		parameters: createBatch({ recipientsJson: '={{ $json.v }}' }),
		good: { v: [{ nhs_number: '9434765846', dob: '1990-11-23' }] },
		bad: { v: [{ nhs_number: '9434765846', dob: '2099-01-01' }] },
	},
	{
		op: 'batchMessage.create',
		what: 'recipients JSON is not a list',
		kind: 'wrong type from expression',
		field: 'Recipients (JSON)',
		parameters: createBatch({ recipientsJson: '={{ $json.v }}' }),
		good: { v: [{ nhs_number: '9434765838', dob: null }] },
		bad: { v: { nhs_number: '9434765838' } },
	},
	{
		op: 'batchMessage.create',
		what: 'Content missing',
		kind: 'missing required field',
		field: 'Content',
		parameters: createBatch({ content: v }),
		good: { v: 'Book your flu jab.' },
		bad: { v: '' },
	},
	{
		op: 'batchMessage.create',
		what: 'email campaign without a Subject',
		kind: 'missing required field',
		field: 'Subject',
		parameters: createBatch({ channel: 'EMAIL', subject: v }),
		good: { v: 'Flu jabs' },
		bad: { v: '' },
	},
	{
		op: 'batchMessage.get',
		what: 'Batch Message ID not numeric',
		kind: 'malformed id',
		field: 'Batch Message',
		parameters: { batchId: byId(v) },
		good: { v: '5001' },
		bad: { v: 'batch #5001' },
	},
	{
		op: 'batchMessage.getMany',
		what: 'Status filter unknown',
		kind: 'wrong enum',
		field: 'Status',
		parameters: list({ filters: { status: v } }),
		good: async (sandbox) => (await createdBatch(sandbox), { v: 'CREATED' }),
		bad: { v: 'DRAFT' },
	},
	{
		op: 'batchMessage.getRecipients',
		what: 'Batch Message ID missing',
		kind: 'missing required field',
		field: 'Batch Message',
		parameters: list({ batchId: byId(v), filters: {} }),
		good: { v: '5001' },
		bad: {},
	},
	{
		op: 'batchMessage.getSends',
		what: 'Limit negative',
		kind: 'out of range',
		field: 'Limit',
		parameters: { batchId: byId('5001'), returnAll: false, limit: v, filters: {} },
		good: { v: 2 },
		bad: { v: -5 },
	},
	{
		op: 'batchMessage.send',
		what: 'Batch Message ID is a decimal',
		kind: 'malformed id',
		field: 'Batch Message',
		parameters: { batchId: byId(v) },
		good: createdBatch,
		bad: { v: '5001.5' },
	},
	{
		op: 'admin.getMany',
		what: 'Order By unknown',
		kind: 'wrong enum',
		field: 'Order By',
		parameters: list({ options: { orderBy: v } }),
		good: { v: 'first_name' },
		bad: { v: 'salary' },
	},
	{
		op: 'admin.getMany',
		what: 'Order Descending is "desc"',
		kind: 'wrong type from expression',
		field: 'Order Descending',
		parameters: list({ options: { orderDescending: v } }),
		good: { v: true },
		bad: { v: 'desc' },
	},
	{
		op: 'admin.update',
		what: 'Admin ID not numeric',
		kind: 'malformed id',
		field: 'Admin',
		parameters: { adminId: byId(v), updateFields: { externalPrescriberId: 'RX-1' } },
		good: { v: '42' },
		bad: { v: 'admin-42' },
	},
	{
		op: 'admin.update',
		what: 'prescriber email malformed',
		kind: 'bad email',
		field: 'Prescriber Details: Email',
		parameters: {
			adminId: byId('43'),
			updateFields: { prescriberDetails: { details: { name: 'Dr Jones', email: v } } },
		},
		good: { v: 'jones@example.com' },
		bad: { v: 'jones@' },
	},
	{
		op: 'automatedMessage.get',
		what: 'Automated Message ID missing',
		kind: 'missing required field',
		field: 'Automated Message',
		parameters: { automatedMessageId: byId(v) },
		good: { v: '7001' },
		bad: { v: '' },
	},
	{
		op: 'automatedMessage.getMany',
		what: 'Recipient ID not numeric',
		kind: 'malformed id',
		field: 'Recipient ID',
		parameters: list({ filters: { recipientId: v }, options: {} }),
		good: { v: '2001' },
		bad: { v: 'ada' },
	},
	{
		op: 'automatedMessage.getMany',
		what: 'Status is an object',
		kind: 'wrong type from expression',
		field: 'Status',
		parameters: list({ filters: { status: v }, options: {} }),
		good: { v: 'SENT' },
		bad: { v: { status: 'SENT' } },
	},
	{
		op: 'episode.getMany',
		what: 'Assignee IDs with a name in the list',
		kind: 'malformed id',
		field: 'Assignee IDs',
		parameters: list({ filters: { assigneeIds: v } }),
		good: { v: '42, 43' },
		bad: { v: '42, jones' },
	},
	{
		op: 'episode.getMany',
		what: 'Statuses with an unknown status',
		kind: 'wrong enum',
		field: 'Statuses',
		parameters: list({ filters: { statuses: v } }),
		good: { v: ['open'] },
		bad: { v: ['open', 'archived'] },
	},
	{
		op: 'episode.getMany',
		what: 'Priorities in capitals',
		kind: 'wrong enum',
		field: 'Priorities',
		parameters: list({ filters: { priorities: v } }),
		good: { v: ['high'] },
		bad: { v: ['HIGH'] },
	},
	{
		op: 'invoicing.createCustomer',
		what: 'customer email malformed',
		kind: 'bad email',
		field: 'Email',
		parameters: { name: 'Ada Lovelace', additionalFields: { email: v } },
		good: { v: 'ada.billing@example.com' },
		bad: { v: 'ada.billing@@example.com' },
		patientData: true,
	},
	{
		op: 'invoicing.createCustomer',
		what: 'customer phone with letters',
		kind: 'bad phone',
		field: 'Phone',
		parameters: { name: 'Alan Turing', additionalFields: { phone: v } },
		good: { v: '0113 496 0321' },
		bad: { v: '0113 ABC 0321' },
		patientData: true,
	},
	{
		op: 'invoicing.createCustomer',
		what: 'Name missing',
		kind: 'missing required field',
		field: 'Name',
		parameters: { name: v, additionalFields: {} },
		good: { v: 'Mary Seacole' },
		bad: {},
	},
	{
		op: 'invoicing.getDefaultCustomer',
		what: 'Patient ID is an NHS number',
		kind: 'malformed id',
		field: 'Patient ID',
		parameters: { patientId: v },
		good: { v: '2001' },
		bad: { v: '943 476 5919' },
		patientData: true,
	},
	{
		op: 'invoicing.getManyCoupons',
		what: 'Limit is a fraction below 1',
		kind: 'out of range',
		field: 'Limit',
		parameters: { returnAll: false, limit: v },
		good: { v: 1 },
		bad: { v: 0.5 },
	},
	{
		op: 'invoicing.getManyCustomers',
		what: 'Query missing',
		kind: 'missing required field',
		field: 'Query',
		parameters: list({ query: v }),
		good: { v: 'a' },
		bad: { v: '  ' },
	},
	{
		op: 'invoicing.updateInvoice',
		what: 'Issuer is a name, not an admin ID',
		kind: 'malformed id',
		field: 'Issuer',
		parameters: { invoiceId: '4001', issuerId: byId(v), updateFields: { memo: 'Paid' } },
		good: { v: '42' },
		bad: { v: 'Dr Okafor' },
	},
	{
		op: 'invoicing.updateInvoice',
		what: 'Other Fields (JSON) is a list',
		kind: 'wrong type from expression',
		field: 'Other Fields (JSON)',
		parameters: { invoiceId: '4001', issuerId: byId('42'), updateFields: { otherFields: v } },
		good: { v: '{ "due_date": "2027-01-15" }' },
		bad: { v: '[ "due_date" ]' },
	},
	{
		op: 'messageTemplate.getMany',
		what: 'Has Follow-Up is "sometimes"',
		kind: 'wrong type from expression',
		field: 'Has Follow-Up',
		parameters: list({ filters: { hasFollowUp: v } }),
		good: { v: false },
		bad: { v: 'sometimes' },
	},
	{
		op: 'pharmacy.create',
		what: 'Mobile with letters',
		kind: 'bad phone',
		field: 'Mobile',
		parameters: {
			name: 'Canal Side Pharmacy',
			email: 'canal@pharmacy.example',
			mobile: v,
			prescriberId: '42',
		},
		good: { v: '07700 900301' },
		bad: { v: '07700 PHARM1' },
	},
	{
		op: 'pharmacy.create',
		what: 'Email without @',
		kind: 'bad email',
		field: 'Email',
		parameters: {
			name: 'Canal Side Pharmacy',
			email: v,
			mobile: '0113 496 0301',
			prescriberId: '42',
		},
		good: { v: 'canal@pharmacy.example' },
		bad: { v: 'canal.pharmacy.example' },
	},
	{
		op: 'pharmacy.create',
		what: 'Prescriber ID with a prefix',
		kind: 'malformed id',
		field: 'Prescriber ID',
		parameters: {
			name: 'Canal Side Pharmacy',
			email: 'canal@pharmacy.example',
			mobile: '0113 496 0301',
			prescriberId: v,
		},
		good: { v: '42' },
		bad: { v: 'RX-0042' },
	},
	{
		op: 'prescriber.getPharmacies',
		what: 'Prescriber ID is the external prescriber ID',
		kind: 'malformed id',
		field: 'Prescriber ID',
		parameters: list({ prescriberId: v }),
		good: { v: '42' },
		bad: { v: 'RX-0042' },
	},
	{
		op: 'task.get',
		what: 'Task ID with a prefix',
		kind: 'malformed id',
		field: 'Task ID',
		parameters: { taskId: v },
		good: { v: '8001' },
		bad: { v: 'T-8001' },
	},
	{
		op: 'task.update',
		what: 'Priority unknown',
		kind: 'wrong enum',
		field: 'Priority',
		parameters: { taskId: '8002', updateFields: { priority: v } },
		good: { v: 'high' },
		bad: { v: 'urgent' },
	},
	{
		op: 'task.update',
		what: 'Status unknown',
		kind: 'wrong enum',
		field: 'Status',
		parameters: { taskId: '8003', updateFields: { status: v } },
		good: { v: 'closed' },
		bad: { v: 'done' },
	},
];

// ---- Links, forms, patients, practice group ---------------------------------------------------------
const inDays = (days: number) =>
	new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const bookingLink = (
	additionalFields: Record<string, unknown> = {},
	extra: Record<string, unknown> = {},
) => ({
	linkType: 'patient',
	patientId: '2001',
	appointmentTypeId: byId('4001'),
	locationId: byId('3001'),
	additionalFields,
	...extra,
});
/** A booking link that exists (made through the node before the counted run). */
const existingBookingLink = async (sandbox: Sandbox): Promise<IDataObject> => {
	const made = await runHeroNode(sandbox, {
		parameters: { resource: 'bookingLink', operation: 'create', ...bookingLink() },
	});
	return { v: String(made.json[0].id) };
};
const registerPds = (extra: Record<string, unknown> = {}) => ({
	searchBy: 'nhsNumber',
	nhsNumber: '485 777 3457',
	dateOfBirth: '1986-12-09',
	additionalFields: {},
	...extra,
});
const createOrUpdate = (
	extra: Record<string, unknown> = {},
	additionalFields: Record<string, unknown> = {},
) => ({
	nhsNumber: '9434765919',
	dateOfBirth: '1985-12-10',
	additionalFields,
	...extra,
});

const linksAndPatients: BadInput[] = [
	{
		op: 'bookingLink.create',
		what: 'Patient ID missing for a patient link',
		kind: 'missing required field',
		field: 'Patient ID',
		parameters: bookingLink({}, { patientId: v }),
		good: { v: '2002' },
		bad: {},
	},
	{
		op: 'bookingLink.create',
		what: 'Appointment Type not numeric',
		kind: 'malformed id',
		field: 'Appointment Type',
		parameters: bookingLink({}, { appointmentTypeId: byId(v) }),
		good: { v: '4001' },
		bad: { v: 'gp-15' },
	},
	{
		op: 'bookingLink.create',
		what: 'Expiry Date yesterday',
		kind: 'malformed date',
		field: 'Expiry Date',
		parameters: bookingLink({ expiryDate: v }),
		good: { v: inDays(7) },
		bad: { v: inDays(-1) },
	},
	{
		op: 'bookingLink.create',
		what: 'Date To before Date From',
		kind: 'conflicting fields',
		field: 'Date To',
		parameters: bookingLink({ fromDate: inDays(3), toDate: v }),
		good: { v: inDays(10) },
		bad: { v: inDays(2) },
	},
	{
		op: 'bookingLink.create',
		what: 'Maximum Use Count 0',
		kind: 'out of range',
		field: 'Maximum Use Count',
		parameters: bookingLink({ maximumUseCount: v }),
		good: { v: 3 },
		bad: { v: 0 },
	},
	{
		op: 'bookingLink.get',
		what: 'Booking Link ID not numeric',
		kind: 'malformed id',
		field: 'Booking Link',
		parameters: { bookingLinkId: byId(v) },
		good: existingBookingLink,
		bad: { v: 'https://bookings.example/s/abc' },
	},
	{
		op: 'bookingLink.getMany',
		what: 'Limit is text',
		kind: 'wrong type from expression',
		field: 'Limit',
		parameters: { returnAll: false, limit: v },
		good: async (sandbox) => (await existingBookingLink(sandbox), { v: 10 }),
		bad: { v: 'all' },
	},
	{
		op: 'bookingLink.update',
		what: 'Date From malformed',
		kind: 'malformed date',
		field: 'Date From',
		parameters: { bookingLinkId: byId('={{ $json.id }}'), updateFields: { fromDate: v } },
		good: async (sandbox) => ({ id: (await existingBookingLink(sandbox)).v, v: inDays(2) }),
		bad: { id: '1', v: '2026-13-01' },
	},
	{
		op: 'bookingLink.update',
		what: 'Maximum Use Count is text',
		kind: 'wrong type from expression',
		field: 'Maximum Use Count',
		parameters: {
			bookingLinkId: byId('={{ $json.v }}'),
			updateFields: { maximumUseCount: '={{ $json.count }}' },
		},
		good: async (sandbox) => ({ ...(await existingBookingLink(sandbox)), count: 5 }),
		bad: { v: '1', count: 'lots' },
	},
	{
		op: 'form.get',
		what: 'Form ID not numeric',
		kind: 'malformed id',
		field: 'Form',
		parameters: { formId: byId(v) },
		good: { v: '310' },
		bad: { v: 'asthma-review' },
	},
	{
		op: 'form.getMany',
		what: 'Form Type unknown',
		kind: 'wrong enum',
		field: 'Form Type',
		parameters: list({ filters: { formType: v } }),
		good: { v: 'questionnaire' },
		bad: { v: 'survey' },
	},
	{
		op: 'formResponse.get',
		what: 'Form Response ID with a slash',
		kind: 'malformed id',
		field: 'Form Response ID',
		parameters: { formResponseId: v },
		good: { v: '7001' },
		bad: { v: '7001/notes' },
	},
	{
		op: 'formLink.create',
		what: 'Patient ID not numeric',
		kind: 'malformed id',
		field: 'Patient ID',
		parameters: { formId: byId('310'), additionalFields: { patientId: v } },
		good: { v: '2003' },
		bad: { v: '943 476 5846' },
		patientData: true,
	},
	{
		op: 'formLink.create',
		what: 'Expiry Date on 30 February',
		kind: 'malformed date',
		field: 'Expiry Date',
		parameters: { formId: byId('311'), additionalFields: { expiryDate: v } },
		good: { v: inDays(30) },
		bad: { v: `${new Date().getUTCFullYear() + 1}-02-30` },
	},
	{
		op: 'videoLink.create',
		what: 'Patient ID is a list',
		kind: 'wrong type from expression',
		field: 'Patient ID',
		parameters: { additionalFields: { patientId: v } },
		good: { v: '2004' },
		bad: { v: ['2004', '2005'] },
	},
	{
		op: 'videoLink.create',
		what: 'Patient ID (By ID) is a list',
		kind: 'wrong type from expression',
		field: 'Patient ID',
		parameters: { additionalFields: { patientId: byId(v) } },
		good: { v: '2004' },
		bad: { v: ['2004', '2005'] },
	},
	{
		op: 'attachmentLink.create',
		what: 'File Data not base64',
		kind: 'wrong type from expression',
		field: 'File Data (Base64)',
		parameters: {
			patientId: '2001',
			fileSource: 'base64',
			fileData: v,
			additionalFields: { fileName: 'letter.pdf' },
		},
		good: { v: Buffer.from('%PDF-1.4 letter').toString('base64') },
		bad: { v: 'this is not base64!' },
	},
	{
		op: 'attachmentLink.create',
		what: 'Maximum Use Count 2.5',
		kind: 'out of range',
		field: 'Maximum Use Count',
		parameters: {
			patientId: '2002',
			fileSource: 'base64',
			fileData: Buffer.from('%PDF-1.4').toString('base64'),
			additionalFields: { maximumUseCount: v },
		},
		good: { v: 2 },
		bad: { v: 2.5 },
	},
	{
		op: 'link.getStatus',
		what: 'Short Link URL without a scheme',
		kind: 'malformed id',
		field: 'Short Link URL',
		parameters: { lookUpBy: 'url', url: v },
		good: async (sandbox) => {
			const made = await runHeroNode(sandbox, {
				parameters: { resource: 'bookingLink', operation: 'create', ...bookingLink() },
			});
			return { v: String(made.json[0].short_link) };
		},
		bad: { v: 'bookings.herohealth.net/s/zz9' },
	},
	{
		op: 'link.getStatus',
		what: 'Look Up By unknown',
		kind: 'wrong enum',
		field: 'Look Up By',
		parameters: { lookUpBy: v, url: '={{ $json.url }}', linkId: '={{ $json.url }}' },
		good: async (sandbox) => {
			const made = await runHeroNode(sandbox, {
				parameters: { resource: 'bookingLink', operation: 'create', ...bookingLink() },
			});
			return { v: 'url', url: String(made.json[0].short_link) };
		},
		bad: { v: 'qr', url: 'x' },
	},
	{
		op: 'patient.get',
		what: 'Patient ID is an NHS number with spaces',
		kind: 'malformed id',
		field: 'Patient ID',
		parameters: { patientId: v, options: {} },
		good: { v: '2001' },
		bad: { v: '943 476 5919' },
		patientData: true,
	},
	{
		op: 'patient.get',
		what: 'Data Source unknown',
		kind: 'wrong enum',
		field: 'Data Source',
		parameters: { patientId: '2002', options: { dataSource: v } },
		good: { v: 'hero' },
		bad: { v: 'spine' },
	},
	{
		op: 'patient.search',
		what: 'NHS number filter fails the check digit',
		kind: 'bad NHS number',
		field: 'NHS Number',
		parameters: { filters: { nhsNumber: v } },
		good: { v: '943 476 5919' },
		bad: { v: '943 476 5910' },
		patientData: true,
	},
	{
		op: 'patient.search',
		what: 'Date of Birth filter written day first',
		kind: 'malformed date',
		field: 'Date of Birth',
		parameters: { filters: { dateOfBirth: v } },
		good: { v: '1985-12-10' },
		bad: { v: '10/12/1985' },
		patientData: true,
	},
	{
		op: 'patient.search',
		what: 'the only filter mapped to an empty value',
		kind: 'missing required field',
		field: 'Filters',
		parameters: { filters: { lastName: v } },
		good: { v: 'Lovelace' },
		bad: { v: '' },
	},
	{
		op: 'patient.get',
		what: 'Patient ID (Record: Hero v1) is a name',
		kind: 'malformed id',
		field: 'Patient ID',
		parameters: { patientId: v, record: 'v1' },
		good: { v: '2001' },
		bad: { v: 'Ada Lovelace' },
		patientData: true,
	},
	{
		op: 'patient.getMany',
		what: 'Limit of 0 from an expression',
		kind: 'out of range',
		field: 'Limit',
		parameters: { returnAll: false, limit: v },
		good: { v: 2 },
		bad: { v: 0 },
	},
	{
		op: 'patient.getAttachments',
		what: 'Patient ID is an NHS number with spaces',
		kind: 'malformed id',
		field: 'Patient ID',
		parameters: { patientId: v, returnAll: true },
		good: { v: '2001' },
		bad: { v: '943 476 5919' },
		patientData: true,
	},
	{
		op: 'patient.getPaymentMethods',
		what: 'Patient ID with a letter',
		kind: 'malformed id',
		field: 'Patient ID',
		parameters: { patientId: v },
		good: { v: '2001' },
		bad: { v: '2001a' },
	},
	{
		op: 'patient.merge',
		what: 'Merge With Patient ID is the same patient as Patient ID',
		kind: 'conflicting fields',
		field: 'Merge With Patient ID',
		parameters: {
			patientId: '={{ $json.keep }}',
			otherPatientId: v,
			mergeToken: '={{ $json.token }}',
		},
		// Each valid item merges its own pair, with the token Preview Merge gave for it.
		good: async (sandbox, n) => {
			const [keep, other] = n === 0 ? ['2005', '2001'] : ['2004', '2002'];
			const preview = await runHeroNode(sandbox, {
				parameters: {
					resource: 'patient',
					operation: 'previewMerge',
					patientId: keep,
					otherPatientId: other,
				},
			});
			return { keep, v: other, token: String(preview.json[0][INFERRED.mergeTokenField]) };
		},
		bad: { keep: '2003', v: '2003', token: 'mt_unused' },
	},
	{
		op: 'patient.createOrUpdate',
		what: 'NHS number fails the check digit',
		kind: 'bad NHS number',
		field: 'NHS Number',
		parameters: createOrUpdate({ nhsNumber: v }),
		good: { v: '943 476 5919' },
		bad: { v: '943 476 5910' },
		patientData: true,
	},
	{
		op: 'patient.createOrUpdate',
		what: 'NHS number with a letter',
		kind: 'bad NHS number',
		field: 'NHS Number',
		parameters: createOrUpdate({ nhsNumber: v }),
		good: { v: '9434765919' },
		bad: { v: '94347659I9' },
		patientData: true,
	},
	{
		op: 'patient.createOrUpdate',
		what: 'NHS number missing',
		kind: 'missing required field',
		field: 'NHS Number',
		parameters: createOrUpdate({ nhsNumber: v }),
		good: { v: '9434765919' },
		bad: { v: null },
	},
	{
		op: 'patient.createOrUpdate',
		what: 'Date of Birth in the future',
		kind: 'malformed date',
		field: 'Date of Birth',
		parameters: createOrUpdate({ dateOfBirth: v }),
		good: { v: '1985-12-10' },
		bad: { v: '2090-01-01' },
	},
	{
		op: 'patient.createOrUpdate',
		what: 'Date of Birth in US order',
		kind: 'malformed date',
		field: 'Date of Birth',
		parameters: createOrUpdate({ dateOfBirth: v }),
		good: { v: '1985-12-10' },
		bad: { v: '12/10/1985' },
	},
	{
		op: 'patient.createOrUpdate',
		what: 'Mobile too short to be a phone number',
		kind: 'bad phone',
		field: 'Mobile',
		parameters: createOrUpdate({}, { mobile: v }),
		good: { v: '07700 900460' },
		bad: { v: '020 7946' },
		patientData: true,
	},
	{
		op: 'patient.createOrUpdate',
		what: 'Email with two @',
		kind: 'bad email',
		field: 'Email',
		parameters: createOrUpdate({}, { email: v }),
		good: { v: 'ada.l@example.com' },
		bad: { v: 'ada@l@example.com' },
		patientData: true,
	},
	{
		op: 'patient.createOrUpdate',
		what: "Title not in Hero's list",
		kind: 'wrong enum',
		field: 'Title',
		parameters: createOrUpdate({}, { title: v }),
		good: { v: 'Ms' },
		bad: { v: 'Mrs.' },
	},
	{
		op: 'patient.createOrUpdate',
		what: "Sex not in Hero's list",
		kind: 'wrong enum',
		field: 'Sex',
		parameters: createOrUpdate({}, { sex: v }),
		good: { v: 'Female' },
		bad: { v: 'F' },
	},
	{
		op: 'patient.registerPds',
		what: 'NHS number 11 digits',
		kind: 'bad NHS number',
		field: 'NHS Number',
		parameters: registerPds({ nhsNumber: v }),
		good: { v: '4857773457' },
		bad: { v: '48577734570' },
		patientData: true,
	},
	{
		op: 'patient.registerPds',
		what: 'Date of Birth is a number',
		kind: 'wrong type from expression',
		field: 'Date of Birth',
		parameters: registerPds({ dateOfBirth: v }),
		good: { v: '1986-12-09' },
		bad: { v: 19861209 },
	},
	{
		op: 'patient.registerPds',
		what: 'Surname missing in a demographic search',
		kind: 'missing required field',
		field: 'Surname',
		parameters: {
			searchBy: 'demographics',
			dateOfBirth: '1986-12-09',
			forename: 'Grace',
			surname: v,
			postcode: 'EH1 1YZ',
			additionalFields: {},
		},
		good: { v: 'Hopper' },
		bad: {},
	},
	{
		op: 'patient.registerPds',
		what: 'Postcode missing in a demographic search',
		kind: 'missing required field',
		field: 'Postcode',
		parameters: {
			searchBy: 'demographics',
			dateOfBirth: '1986-12-09',
			forename: 'Grace',
			surname: 'Hopper',
			postcode: v,
			additionalFields: {},
		},
		good: { v: 'EH1 1YZ' },
		bad: { v: null },
	},
	{
		op: 'patient.connectEhr',
		what: 'EHR Partner ID missing',
		kind: 'missing required field',
		field: 'EHR Partner ID',
		parameters: { patientId: '2001', ehrPartnerId: v },
		good: { v: '5012345' },
		bad: {},
	},
	{
		op: 'patient.listEhrCandidates',
		what: 'Patient ID negative',
		kind: 'malformed id',
		field: 'Patient ID',
		parameters: { patientId: v },
		good: { v: '2001' },
		bad: { v: '-2001' },
	},
	{
		op: 'patient.previewMerge',
		what: 'merging a patient with itself',
		kind: 'conflicting fields',
		field: 'Merge With Patient ID',
		parameters: { patientId: '2001', otherPatientId: v },
		good: { v: '2002' },
		bad: { v: '2001' },
	},
	{
		op: 'patient.previewMerge',
		what: 'Merge With Patient ID not numeric',
		kind: 'malformed id',
		field: 'Merge With Patient ID',
		parameters: { patientId: '2001', otherPatientId: v },
		good: { v: '2003' },
		bad: { v: 'duplicate' },
	},
	{
		op: 'practiceGroup.update',
		what: 'Name emptied by an expression',
		kind: 'missing required field',
		field: 'Name',
		parameters: { updateFields: { name: v } },
		good: { v: 'Riverside Surgery' },
		bad: { v: ' ' },
	},
	{
		op: 'practiceGroup.update',
		what: 'Prescription Partner Enabled is "on"',
		kind: 'wrong type from expression',
		field: 'Prescription Partner Enabled',
		parameters: { updateFields: { prescriptionPartnerEnabled: v } },
		good: { v: true },
		bad: { v: 'on' },
	},
];

// ---- Booking ----------------------------------------------------------------------------------------
/** The n-th free slot of a practitioner, in start order (slots are seeded on reset). */
function freeSlot(sandbox: Sandbox, n: number, practitionerId = '5001'): SandboxSlot {
	const free = [...slots(sandbox.state).values()]
		.filter((slot) => slot.practitioner_id === practitionerId && !slot.held_by)
		.sort((a, b) => a.start_time.localeCompare(b.start_time));
	return free[n];
}
const minutes = (slot: SandboxSlot) =>
	Math.round((Date.parse(slot.finish_time) - Date.parse(slot.start_time)) / 60_000);
/** The fields of a slot as item JSON, for parameters that map them with expressions. */
const slotItem = (slot: SandboxSlot): IDataObject => ({
	type: slot.appointment_type_id,
	location: slot.location_id,
	practitioner: slot.practitioner_id,
	duration: minutes(slot),
	start: slot.start_time,
});
const fromSlot = {
	appointmentTypeId: byId('={{ $json.type }}'),
	locationId: byId('={{ $json.location }}'),
	practitionerId: byId('={{ $json.practitioner }}'),
	duration: '={{ $json.duration }}',
	startTime: '={{ $json.start }}',
};
/** A reserved appointment on the n-th free slot, made through the node before the counted run. */
async function reserved(sandbox: Sandbox, n: number, patientId?: string): Promise<string> {
	const slot = freeSlot(sandbox, n);
	const made = await runHeroNode(sandbox, {
		parameters: {
			resource: 'appointment',
			operation: 'create',
			...fromSlot,
			additionalFields: patientId ? { patientId } : {},
		},
		items: [slotItem(slot)],
	});
	if (made.error) throw made.error;
	return String(made.json[0].id);
}
async function booked(sandbox: Sandbox, n: number): Promise<string> {
	const id = await reserved(sandbox, n, '2001');
	const done = await runHeroNode(sandbox, {
		parameters: {
			resource: 'appointment',
			operation: 'book',
			appointmentId: id,
			additionalFields: {},
		},
	});
	if (done.error) throw done.error;
	return id;
}
const slotFilters = (filters: Record<string, unknown>) => ({ returnAll: false, limit: 3, filters });

const booking: BadInput[] = [
	{
		op: 'appointment.create',
		what: 'Start Time malformed',
		kind: 'malformed date',
		field: 'Start Time',
		parameters: { ...fromSlot, additionalFields: {} },
		good: async (sb, n) => slotItem(freeSlot(sb, n)),
		bad: {
			...{ type: '4001', location: '3001', practitioner: '5001', duration: 15 },
			start: 'next Tuesday 9am',
		},
	},
	{
		op: 'appointment.create',
		what: 'Start Time missing',
		kind: 'missing required field',
		field: 'Start Time',
		parameters: { ...fromSlot, additionalFields: {} },
		good: async (sb, n) => slotItem(freeSlot(sb, n)),
		bad: { type: '4001', location: '3001', practitioner: '5001', duration: 15 },
	},
	{
		op: 'appointment.create',
		what: 'Duration 0',
		kind: 'out of range',
		field: 'Duration (Minutes)',
		parameters: { ...fromSlot, additionalFields: {} },
		good: async (sb, n) => slotItem(freeSlot(sb, n)),
		bad: { type: '4001', location: '3001', practitioner: '5001', duration: 0, start: future(2) },
	},
	{
		op: 'appointment.create',
		what: 'Practitioner not numeric',
		kind: 'malformed id',
		field: 'Practitioner',
		parameters: { ...fromSlot, additionalFields: {} },
		good: async (sb, n) => slotItem(freeSlot(sb, n)),
		bad: {
			type: '4001',
			location: '3001',
			practitioner: 'Dr Shah',
			duration: 15,
			start: future(2),
		},
	},
	{
		op: 'appointment.create',
		what: 'Patient ID is an NHS number',
		kind: 'malformed id',
		field: 'Patient ID',
		parameters: { ...fromSlot, additionalFields: { patientId: '={{ $json.patient }}' } },
		good: async (sb, n) => ({ ...slotItem(freeSlot(sb, n)), patient: '2002' }),
		bad: {
			type: '4001',
			location: '3001',
			practitioner: '5001',
			duration: 15,
			start: future(2),
			patient: '943-476-5870',
		},
		patientData: true,
	},
	{
		op: 'appointment.book',
		what: 'Appointment ID missing',
		kind: 'missing required field',
		field: 'Appointment ID',
		parameters: { appointmentId: v, additionalFields: { patientId: '2003' } },
		good: async (sb, n) => ({ v: await reserved(sb, n) }),
		bad: {},
	},
	{
		op: 'appointment.book',
		what: 'Patient ID is a name',
		kind: 'malformed id',
		field: 'Patient ID',
		parameters: { appointmentId: '={{ $json.id }}', additionalFields: { patientId: v } },
		good: async (sb, n) => ({ id: await reserved(sb, n), v: '2004' }),
		bad: { id: '1', v: 'Sam Taylor' },
	},
	{
		op: 'appointment.bookNextAvailable',
		what: 'Start Time From 25:00',
		kind: 'malformed date',
		field: 'Start Time From',
		parameters: {
			patientId: '2001',
			appointmentTypeId: byId('4001'),
			filters: { earliestTime: v },
			options: {},
		},
		good: { v: '09:00' },
		bad: { v: '25:00' },
	},
	{
		op: 'appointment.bookNextAvailable',
		what: 'Date To before Date From',
		kind: 'conflicting fields',
		field: 'Date To',
		parameters: {
			patientId: '2002',
			appointmentTypeId: byId('4001'),
			filters: { startDate: inDays(1), endDate: v },
			options: {},
		},
		good: { v: inDays(20) },
		bad: { v: inDays(0) },
	},
	{
		op: 'appointment.bookNextAvailable',
		what: 'Max Attempts 50',
		kind: 'out of range',
		field: 'Max Attempts',
		parameters: {
			patientId: '2003',
			appointmentTypeId: byId('4001'),
			filters: {},
			options: { maxAttempts: v },
		},
		good: { v: 3 },
		bad: { v: 50 },
	},
	{
		op: 'appointment.bookNextAvailable',
		what: 'Time Zone unknown',
		kind: 'wrong enum',
		field: 'Time Zone',
		parameters: {
			patientId: '2004',
			appointmentTypeId: byId('4001'),
			filters: {},
			options: { timeZone: v },
		},
		good: { v: 'workflow' },
		bad: { v: 'GMT+1' },
	},
	{
		op: 'appointment.cancel',
		what: 'Appointment ID not numeric',
		kind: 'malformed id',
		field: 'Appointment ID',
		parameters: { appointmentId: v, options: {} },
		good: async (sb, n) => ({ v: await reserved(sb, n) }),
		bad: { v: 'appt-1' },
	},
	{
		op: 'appointment.cancel',
		what: 'Suppress Mail is "no"',
		kind: 'wrong type from expression',
		field: 'Suppress Mail',
		parameters: { appointmentId: '={{ $json.id }}', options: { suppressMail: v } },
		good: async (sb, n) => ({ id: await reserved(sb, n), v: 'false' }),
		bad: { id: '1', v: 'no' },
	},
	{
		op: 'appointment.get',
		what: 'Appointment ID is an object',
		kind: 'wrong type from expression',
		field: 'Appointment ID',
		parameters: { appointmentId: v },
		good: async (sb, n) => ({ v: await reserved(sb, n) }),
		bad: { v: { id: 1 } },
	},
	{
		op: 'appointment.getStatus',
		what: 'Appointment ID with spaces inside',
		kind: 'malformed id',
		field: 'Appointment ID',
		parameters: { appointmentId: v },
		good: async (sb, n) => ({ v: await reserved(sb, n) }),
		bad: { v: '10 01' },
	},
	{
		op: 'appointment.reschedule',
		what: 'New Start Time in day/month order',
		kind: 'malformed date',
		field: 'New Start Time',
		parameters: {
			appointmentId: '={{ $json.id }}',
			practitionerId: byId('={{ $json.practitioner }}'),
			duration: '={{ $json.duration }}',
			startTime: '={{ $json.start }}',
			additionalFields: {},
		},
		good: async (sb, n) => {
			const id = await booked(sb, n);
			return { id, ...slotItem(freeSlot(sb, 5 + n)) };
		},
		bad: { id: '1', practitioner: '5001', duration: 15, start: '03/04/2030 09:00' },
	},
	{
		op: 'appointment.update',
		what: 'Practitioner missing',
		kind: 'missing required field',
		field: 'Practitioner',
		parameters: {
			appointmentId: '={{ $json.id }}',
			practitionerId: byId('={{ $json.practitioner }}'),
			duration: '={{ $json.duration }}',
			startTime: '={{ $json.start }}',
			additionalFields: {},
		},
		good: async (sb, n) => {
			const id = await reserved(sb, n);
			return { id, ...slotItem(freeSlot(sb, 5 + n)) };
		},
		bad: { id: '1', duration: 15, start: future(3) },
	},
	{
		op: 'appointmentType.getMany',
		what: 'Locations with a name',
		kind: 'malformed id',
		field: 'Locations',
		parameters: {
			returnAll: true,
			filters: { locations: { items: [{ locationId: byId('3001') }, { locationId: byId(v) }] } },
		},
		good: { v: '3002' },
		bad: { v: 'Riverside' },
	},
	{
		op: 'appointmentType.getMany',
		what: 'Has Availability is "maybe"',
		kind: 'wrong type from expression',
		field: 'Has Availability',
		parameters: { returnAll: true, filters: { hasAvailability: v } },
		good: { v: true },
		bad: { v: 'maybe' },
	},
	{
		op: 'hcaConsultant.get',
		what: 'GMC Number is ".."',
		kind: 'malformed id',
		field: 'GMC Number',
		parameters: { gmcNumber: v },
		good: { v: '7012345' },
		bad: { v: '..' },
	},
	{
		op: 'hcaConsultant.search',
		what: 'Fields mapped to an object',
		kind: 'wrong type from expression',
		field: 'Fields',
		parameters: list({ options: { fields: v } }),
		good: { v: 'last_name' },
		bad: { v: { last: 'name' } },
	},
	{
		op: 'location.getMany',
		what: 'Appointment Types with a decimal',
		kind: 'malformed id',
		field: 'Appointment Types',
		parameters: {
			returnAll: true,
			filters: { appointmentTypes: { items: [{ appointmentTypeId: byId(v) }] } },
		},
		good: { v: '4001' },
		bad: { v: '4001.0' },
	},
	{
		op: 'practitioner.get',
		what: 'Practitioner ID missing',
		kind: 'missing required field',
		field: 'Practitioner',
		parameters: { practitionerId: byId(v) },
		good: { v: '5001' },
		bad: { v: '' },
	},
	{
		op: 'practitioner.getMany',
		what: 'Location ID is an object',
		kind: 'wrong type from expression',
		field: 'Locations',
		parameters: { returnAll: true, filters: { locations: { items: [{ locationId: byId(v) }] } } },
		good: { v: '3001' },
		bad: { v: { id: 3001 } },
	},
	{
		op: 'slot.checkAvailability',
		what: 'Start Time is a number',
		kind: 'wrong type from expression',
		field: 'Start Time',
		parameters: { ...fromSlot },
		good: async (sb, n) => slotItem(freeSlot(sb, n)),
		bad: {
			type: '4001',
			location: '3001',
			practitioner: '5001',
			duration: 15,
			start: 1_900_000_000,
		},
	},
	{
		op: 'slot.checkAvailability',
		what: 'Location missing',
		kind: 'missing required field',
		field: 'Location',
		parameters: { ...fromSlot },
		good: async (sb, n) => slotItem(freeSlot(sb, n)),
		bad: { type: '4001', practitioner: '5001', duration: 15, start: future(2) },
	},
	{
		op: 'slot.count',
		what: 'Date From malformed',
		kind: 'malformed date',
		field: 'Date From',
		parameters: { filters: { startDate: v } },
		good: { v: inDays(1) },
		bad: { v: '2026/03/15' },
	},
	{
		op: 'slot.count',
		what: 'Date To before Date From',
		kind: 'conflicting fields',
		field: 'Date To',
		parameters: { filters: { startDate: inDays(5), endDate: v } },
		good: { v: inDays(9) },
		bad: { v: inDays(4) },
	},
	{
		op: 'slot.get',
		what: 'Slot ID with letters',
		kind: 'malformed id',
		field: 'Slot ID',
		parameters: { slotId: v },
		good: async (sb, n) => ({ v: freeSlot(sb, n).id }),
		bad: { v: 'slot-600001' },
	},
	{
		op: 'slot.getMany',
		what: 'Practitioners with a name',
		kind: 'malformed id',
		field: 'Practitioners',
		parameters: slotFilters({
			practitioners: { items: [{ practitionerId: byId('5001') }, { practitionerId: byId(v) }] },
		}),
		good: { v: '5002' },
		bad: { v: 'Dr Evans' },
	},
	{
		op: 'slot.getMany',
		what: 'Date To on 31 April',
		kind: 'malformed date',
		field: 'Date To',
		parameters: slotFilters({ endDate: v }),
		good: { v: inDays(14) },
		bad: { v: `${new Date().getUTCFullYear() + 1}-04-31` },
	},
];

// ---- Webhooks ----------------------------------------------------------------------------------------
const createWebhook = (
	extra: Record<string, unknown> = {},
	additionalFields: Record<string, unknown> = {},
) => ({
	eventType: 'appointment.confirmed',
	url: 'https://crm.example.com/hero-events',
	signingKey: '',
	additionalFields,
	...extra,
});
/** A webhook registration that exists (made through the node before the counted run). */
const existingWebhook = async (sandbox: Sandbox, n: number): Promise<IDataObject> => {
	const made = await runHeroNode(sandbox, {
		parameters: {
			resource: 'webhook',
			operation: 'create',
			...createWebhook({ url: `https://crm.example.com/hook/${n}` }),
		},
	});
	if (made.error) throw made.error;
	return { v: String(made.json[0].id) };
};

const webhookCases: BadInput[] = [
	{
		op: 'webhook.create',
		what: 'URL without a scheme',
		kind: 'malformed id',
		field: 'URL',
		parameters: createWebhook({ url: v }),
		good: { v: 'https://crm.example.com/a' },
		bad: { v: 'crm.example.com/hero-events' },
	},
	{
		op: 'webhook.create',
		what: 'URL with no host',
		kind: 'malformed id',
		field: 'URL',
		parameters: createWebhook({ url: v }),
		good: { v: 'http://crm.example.com:8080/b' },
		bad: { v: 'http:///hero-events' },
	},
	{
		op: 'webhook.create',
		what: 'Event Type missing',
		kind: 'missing required field',
		field: 'Event Type',
		parameters: createWebhook({ eventType: v }),
		good: { v: 'appointment.cancelled' },
		bad: {},
	},
	{
		op: 'webhook.create',
		what: 'Event Type not a Hero event',
		kind: 'wrong enum',
		field: 'Event Type',
		parameters: createWebhook({ eventType: v }),
		good: { v: 'prescription.issued' },
		bad: { v: 'appointment.created' },
	},
	{
		op: 'webhook.create',
		what: 'Header value is an object',
		kind: 'wrong type from expression',
		field: 'Headers: Value',
		parameters: createWebhook({}, { headers: { header: [{ name: 'X-Api-Key', value: v }] } }),
		good: { v: 'static-value' },
		bad: { v: { token: 'abc' } },
	},
	{
		op: 'webhook.getMany',
		what: 'Event Type filter not a Hero event',
		kind: 'wrong enum',
		field: 'Event Type',
		parameters: list({ filters: { eventType: v } }),
		good: async (sb, n) => (await existingWebhook(sb, n), { v: 'appointment.confirmed' }),
		bad: { v: 'appointment.booked' },
	},
	{
		op: 'webhook.getMany',
		what: 'Limit 0',
		kind: 'out of range',
		field: 'Limit',
		parameters: { returnAll: false, limit: v, filters: {} },
		good: async (sb, n) => (await existingWebhook(sb, n), { v: 2 }),
		bad: { v: 0 },
	},
	{
		op: 'webhook.delete',
		what: 'Webhook ID with a slash',
		kind: 'malformed id',
		field: 'Webhook',
		parameters: { webhookId: byId(v) },
		good: existingWebhook,
		bad: { v: 'hook/12' },
	},
	{
		op: 'webhook.delete',
		what: 'Webhook ID missing',
		kind: 'missing required field',
		field: 'Webhook',
		parameters: { webhookId: byId(v) },
		good: existingWebhook,
		bad: {},
	},
];

export const BAD_INPUTS: BadInput[] = [
	...message,
	...messaging,
	...linksAndPatients,
	...booking,
	...webhookCases,
];

/**
 * Inputs that were refused once but that Hero's docs allow: each must
 * now reach Hero, with `sent` in the body (or `query` in the query) of the one `method` request to `path`.
 */
export interface AcceptedInput {
	op: string;
	what: string;
	parameters: Parameters;
	item: Good;
	method?: 'GET' | 'POST' | 'PATCH';
	path: string;
	sent?: IDataObject;
	query?: IDataObject;
	patientData?: boolean;
}

export const ACCEPTED_INPUTS: AcceptedInput[] = [
	{
		op: 'message.send',
		what: 'SMS to a UK landline (was "SMS to a landline")',
		parameters: send({}, { recipientContactDetail: v }),
		item: { v: '0113 496 0555' },
		path: '/v1/messages/send',
		sent: { recipient_contact_detail: '+441134960555' },
		patientData: true,
	},
	{
		op: 'message.send',
		what: 'SMS to a foreign mobile (was "SMS to a foreign mobile")',
		parameters: send({}, { recipientContactDetail: v }),
		item: { v: '+33 6 98 76 54 31' },
		path: '/v1/messages/send',
		sent: { recipient_contact_detail: '+33698765431' },
		patientData: true,
	},
	{
		op: 'message.send',
		what: 'fallback SMS to a US number',
		parameters: send(
			{ messageType: 'email' },
			{ fallbackMessageType: 'sms', fallbackContactDetail: v },
		),
		item: { v: '+1 415 555 0123' },
		path: '/v1/messages/send',
		sent: { fallback_message_type: 'sms', fallback_contact_detail: '+14155550123' },
		patientData: true,
	},
	{
		op: 'message.send',
		what: 'SNOMED Code without Write to Record (was "SNOMED Code without Write to Record")',
		parameters: send({}, { writeToRecord: v, snomedCode: '185087000' }),
		item: { v: false },
		path: '/v1/messages/send',
		sent: { write_to_record: false, snomed_code: '185087000' },
	},
	{
		op: 'message.send',
		what: 'NHS App message with an SMS fallback',
		parameters: send(
			{ messageType: v },
			{ fallbackMessageType: 'sms', fallbackContactDetail: '07700 900461' },
		),
		item: { v: 'nhs_app' },
		path: '/v1/messages/send',
		sent: {
			message_type: 'nhs_app',
			fallback_message_type: 'sms',
			fallback_contact_detail: '+447700900461',
		},
	},
	{
		op: 'patient.createOrUpdate',
		what: 'Mobile is a landline (was "Mobile is a landline")',
		parameters: createOrUpdate({}, { mobile: v }),
		item: { v: '020 7946 0018' },
		path: '/v1/patients/register',
		sent: { mobile: '+442079460018' },
		patientData: true,
	},
	{
		op: 'message.send',
		what: 'Fallback Contact Detail without a Fallback Message Type',
		parameters: send({ messageType: 'nhs_app' }, { fallbackContactDetail: v }),
		item: { v: '07700 900462' },
		path: '/v1/messages/send',
		sent: { message_type: 'nhs_app', fallback_contact_detail: '+447700900462' },
		patientData: true,
	},
	{
		op: 'appointment.create',
		what: 'Duration 7.5 (was "Duration 7.5"; Hero documents a number of at least 1)',
		parameters: { ...fromSlot, additionalFields: {} },
		item: async (sb, n) => ({ ...slotItem(freeSlot(sb, n)), duration: 7.5 }),
		path: '/v1/appointments',
		sent: { duration: 7.5 },
	},
	{
		op: 'slot.checkAvailability',
		what: 'Duration 7.5 (Hero documents a number)',
		parameters: { ...fromSlot },
		item: async (sb, n) => ({ ...slotItem(freeSlot(sb, n)), duration: 7.5 }),
		path: '/v1/slots/availability',
		sent: { duration: 7.5 },
	},
	{
		op: 'automatedMessage.getMany',
		what: 'Status of two words (Hero documents a string)',
		parameters: list({ filters: { status: v }, options: {} }),
		item: { v: 'NOT SENT' },
		method: 'GET',
		path: '/v2/automated_messages',
		query: { status: 'NOT SENT' },
	},
	{
		op: 'automatedMessage.getMany',
		what: 'Order By with an underscore and a space',
		parameters: list({ filters: {}, options: { orderBy: v } }),
		item: { v: 'created_at desc' },
		method: 'GET',
		path: '/v2/automated_messages',
		query: { orderBy: 'created_at desc' },
	},
	{
		op: 'practiceGroup.update',
		what: 'Prescription Partner Email that is a login name (was "prescription partner email malformed")',
		parameters: {
			updateFields: { prescriptionPartnerEmail: v, prescriptionPartnerPassword: 'hunter2-example' },
		},
		item: { v: 'rx.example.com' },
		method: 'PATCH',
		path: '/v1/me',
		sent: {
			prescription_partner_credentials: { email: 'rx.example.com', password: 'hunter2-example' },
		},
	},
];
