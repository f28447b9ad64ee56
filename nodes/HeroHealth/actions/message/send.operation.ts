import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { minimalOutput, minimalOutputField } from '../../privacy/minimalOutput';
import { heroApiRequest } from '../../transport';
import { isEmail, phoneToE164 } from '../../validation';
import { checkBoolean, checkDateTime, checkId, checkOneOf, readCollection, requireText } from '../helpers';
import { invalid } from '../../privacy/invalid';
import { patientIdField } from '../common.descriptions';
import { chosenTemplateId, templateLocator, textOfTemplate } from '../messageTemplate/template';
import { claimSend, practiceOf, refuseRepeatSendField } from './repeatGuard';

export const MESSAGE_TYPES = ['sms', 'email', 'nhs_app', 'hero'] as const;
const FALLBACK_TYPES = ['sms', 'email'] as const;
const ASSIGNEE_TYPES = ['Admin', 'AdminTeam'] as const;

const MAP_AUTOMATICALLY = 'autoMapInputData';
const FIELDS_BELOW = 'defineBelow';
/**
 * Parameters of "Map Each Field Below" only. Said as "not Map Automatically": on the tool, Input Data
 * is hidden (so has no value), and these fields must still show there.
 */
const fieldsBelow = { hide: { inputData: [MAP_AUTOMATICALLY] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Input Data',
		name: 'inputData',
		type: 'options',
		noDataExpression: true,
		// A tool's input is the model's arguments, not items with Hero's field names.
		displayOptions: { hide: { '@tool': [true] } },
		default: FIELDS_BELOW,
		options: [
			{
				name: "Map Automatically (Item Fields by Hero's Names)",
				value: MAP_AUTOMATICALLY,
				description:
					"Each item holds the send under Hero's field names: patient_id, message_type, message_string, recipient_contact_detail, fallback_message_type, fallback_contact_detail, send_at, … Other fields are ignored. No expressions per item: the fastest way to send a list.",
			},
			{ name: 'Map Each Field Below', value: FIELDS_BELOW, description: 'Set each field below, typed or with expressions' },
		],
	},
	{
		displayName:
			"Each input item is sent as it is, read by Hero's field names (patient_id, message_type, message_string, recipient_contact_detail, …); other fields of the item are ignored",
		name: 'mapNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { inputData: [MAP_AUTOMATICALLY] } },
	},
	{ ...patientIdField, displayOptions: fieldsBelow },
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		displayOptions: fieldsBelow,
		required: true,
		default: 'sms',
		options: [
			{ name: 'SMS', value: 'sms', description: "Sent through the practice's SMS provider" },
			{ name: 'Email', value: 'email', description: "Sent through Hero's email service" },
			{ name: 'NHS App', value: 'nhs_app', description: 'Delivered through the NHS App' },
			{ name: 'Hero (Audit Record Only)', value: 'hero', description: 'Not delivered: records a message sent elsewhere' },
		],
	},
	templateLocator,
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		displayOptions: fieldsBelow,
		default: '',
		typeOptions: { rows: 4 },
		placeholder: 'e.g. Dear patient, your appointment is confirmed for 15 March at 09:30.',
		description: "The text sent to the patient. Leave empty to send the chosen template's text (shown after its name in the Template list). Required when no Template is chosen.",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		displayOptions: fieldsBelow,
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Assignee ID',
				name: 'assigneeId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 42',
				description: 'ID of the Admin or Admin Team assigned to the message',
			},
			{
				displayName: 'Assignee Type',
				name: 'assigneeType',
				type: 'options',
				default: 'Admin',
				options: [
					{ name: 'Admin', value: 'Admin' },
					{ name: 'Admin Team', value: 'AdminTeam' },
				],
			},
			{
				displayName: 'Attachment UUID',
				name: 'attachmentUuid',
				type: 'string',
				default: '',
				description: 'From Attachment Link → Create',
			},
			{
				displayName: 'Encrypted',
				name: 'encrypted',
				type: 'boolean',
				default: false,
				description: 'Whether the message should be encrypted',
			},
			{
				displayName: 'Fallback Contact Detail',
				name: 'fallbackContactDetail',
				type: 'string',
				default: '',
				placeholder: 'e.g. patient@example.com',
				description:
					"Where to send the fallback: a phone number for SMS (UK numbers such as 07700 900123, or any number in international form such as +33 6 12 34 56 78; sent as +…), an address for email. Without a Fallback Message Type it is checked as what it looks like. Leave empty to use the patient's record.",
			},
			{
				displayName: 'Fallback Message Type',
				name: 'fallbackMessageType',
				type: 'options',
				default: 'sms',
				options: [
					{ name: 'SMS', value: 'sms' },
					{ name: 'Email', value: 'email' },
				],
				description: 'Channel Hero uses if the message cannot be delivered, on any message type (e.g. an NHS App message that falls back to SMS)',
			},
			{
				displayName: 'Recipient Contact Detail',
				name: 'recipientContactDetail',
				type: 'string',
				default: '',
				placeholder: 'e.g. 07700 900123 or patient@example.com',
				description:
					"For SMS a phone number: UK numbers such as 07700 900123, or any number in international form such as +33 6 12 34 56 78 (sent as +…; SMS reaches mobiles only). For email an address. Leave empty to use the patient's record.",
			},
			{
				displayName: 'Send At',
				name: 'sendAt',
				type: 'dateTime',
				default: '',
				description:
					'Schedule the message for a future time. Sent to Hero in UTC (ISO 8601); a time without offset is read in the workflow time zone (Workflow Settings → Timezone). Hero shows times in Europe/London.',
			},
			{
				displayName: 'Short Link ID',
				name: 'shortLinkId',
				type: 'string',
				default: '',
				description: 'ID of a booking or form short link to attach',
			},
			{
				displayName: 'Task ID',
				name: 'taskId',
				type: 'string',
				default: '',
				description: 'Attach the message to this Hero task',
			},
			{
				displayName: 'Write to Record',
				name: 'writeToRecord',
				type: 'boolean',
				default: false,
				description: "Whether to write the message to the patient's EHR (EMIS/TPP) after approval",
			},
			{
				displayName: 'Write to Record: Auto (No Approval)',
				name: 'autoWriteToRecord',
				type: 'boolean',
				default: false,
				description: 'Whether to write to the EHR without admin approval (honoured only if the API key allows it)',
			},
			{
				displayName: 'Write to Record: SNOMED Code',
				name: 'snomedCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. 185087000',
				description: "SNOMED CT code of the EHR entry. Has an effect only when the message is written to the patient's record (Write to Record on); Hero then applies a default if empty.",
			},
			{
				displayName: 'Write to Record: SNOMED Term',
				name: 'snomedTerm',
				type: 'string',
				default: '',
				description: "SNOMED CT term of the EHR entry. Has an effect only when the message is written to the patient's record (Write to Record on); Hero then applies a default if empty.",
			},
		],
	},
	minimalOutputField,
	refuseRepeatSendField,
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['send'] } }, properties);

/** The body fields of POST /v1/messages/send, by Hero's names: what "Map Automatically" reads from each item. */
export const SEND_FIELDS = [
	'patient_id',
	'message_type',
	'message_string',
	'recipient_contact_detail',
	'fallback_message_type',
	'fallback_contact_detail',
	'write_to_record',
	'snomed_code',
	'snomed_term',
	'auto_write_to_record',
	'encrypted',
	'task_id',
	'attachment_uuid',
	'short_link_id',
	'assignee_id',
	'assignee_type',
	'send_at',
] as const;
type SendField = (typeof SEND_FIELDS)[number];

/** One item's send, by Hero's field names, as read (not yet checked), and the name each field has for the user. */
interface SendInput {
	values: Partial<Record<SendField, unknown>>;
	label: (field: SendField) => string;
}

/** Field mode: where each Hero field is set in the node (the Additional Fields key, or a top-level parameter). */
const FIELD_MODE: Record<SendField, [key: string, label: string]> = {
	patient_id: ['patientId', 'Patient ID'],
	message_type: ['messageType', 'Message Type'],
	message_string: ['message', 'Message'],
	recipient_contact_detail: ['recipientContactDetail', 'Recipient Contact Detail'],
	fallback_message_type: ['fallbackMessageType', 'Fallback Message Type'],
	fallback_contact_detail: ['fallbackContactDetail', 'Fallback Contact Detail'],
	write_to_record: ['writeToRecord', 'Write to Record'],
	snomed_code: ['snomedCode', 'Write to Record: SNOMED Code'],
	snomed_term: ['snomedTerm', 'Write to Record: SNOMED Term'],
	auto_write_to_record: ['autoWriteToRecord', 'Write to Record: Auto (No Approval)'],
	encrypted: ['encrypted', 'Encrypted'],
	task_id: ['taskId', 'Task ID'],
	attachment_uuid: ['attachmentUuid', 'Attachment UUID'],
	short_link_id: ['shortLinkId', 'Short Link ID'],
	assignee_id: ['assigneeId', 'Assignee ID'],
	assignee_type: ['assigneeType', 'Assignee Type'],
	send_at: ['sendAt', 'Send At'],
};

/** "Map Each Field Below": the node's parameters (expressions evaluated for this item). */
function readParameters(ctx: IExecuteFunctions, itemIndex: number): SendInput {
	const extra = readCollection(ctx, 'additionalFields', itemIndex);
	const values: SendInput['values'] = {};
	for (const field of SEND_FIELDS) values[field] = extra[FIELD_MODE[field][0]];
	values.patient_id = ctx.getNodeParameter('patientId', itemIndex, '', { extractValue: true });
	values.message_type = ctx.getNodeParameter('messageType', itemIndex);
	values.message_string = ctx.getNodeParameter('message', itemIndex, '');
	return { values, label: (field) => FIELD_MODE[field][1] };
}

/**
 * "Map Automatically": the item's own fields named as Hero names them; no expression is evaluated.
 * Other keys of the item (a sheet's row number, a name column) are ignored. An empty cell (null or '')
 * counts as not given. Errors name the item's field, e.g. `patient_id`.
 */
function readItem(ctx: IExecuteFunctions, itemIndex: number): SendInput {
	const json = ctx.getInputData()[itemIndex]?.json ?? {};
	const values: SendInput['values'] = {};
	for (const field of SEND_FIELDS) if (json[field] !== null) values[field] = json[field];
	return { values, label: (field) => field };
}

/** A phone (normalised to E.164) for SMS, an address for email; for other channels, as typed. */
function contactFor(ctx: IExecuteFunctions, itemIndex: number, field: string, channel: string, value: string): string {
	if (channel === 'sms') {
		const phone = phoneToE164(value);
		if (!phone) throw invalid(ctx, itemIndex, field, 'expected a phone number such as 07700 900123, or one in international form such as +33 6 12 34 56 78');
		return phone;
	}
	if (channel === 'email') {
		if (!isEmail(value)) throw invalid(ctx, itemIndex, field, 'expected an email address such as patient@example.com');
		return value.trim();
	}
	return value;
}

const given = (value: unknown) => value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');

/**
 * The one set of rules for a send, whichever mode read it: checks every field and builds the body of
 * POST /v1/messages/send; throws (naming the field and the item) before any request on bad input.
 * With a template chosen and no message, `message_string` is left out for execute() to fill.
 */
function checkSend(ctx: IExecuteFunctions, itemIndex: number, { values, label }: SendInput, hasTemplate: boolean, now: number): IDataObject {
	const fail = (field: SendField, expectation: string) => invalid(ctx, itemIndex, label(field), expectation);
	const text = (field: SendField) => {
		const value = values[field];
		if (!given(value)) return '';
		if (typeof value === 'object') throw fail(field, 'expected text, got an object or list');
		return String(value).trim();
	};
	const messageType = checkOneOf(ctx, itemIndex, label('message_type'), values.message_type, MESSAGE_TYPES);
	const body: IDataObject = {
		patient_id: checkId(ctx, itemIndex, label('patient_id'), requireText(ctx, itemIndex, label('patient_id'), values.patient_id)),
		message_type: messageType,
	};
	const typed = values.message_string;
	if (!hasTemplate || (typeof typed === 'string' ? typed.trim() !== '' : typed !== undefined && typed !== null)) {
		body.message_string = requireText(ctx, itemIndex, label('message_string'), typed);
	}
	if (text('recipient_contact_detail')) {
		body.recipient_contact_detail = contactFor(ctx, itemIndex, label('recipient_contact_detail'), messageType, text('recipient_contact_detail'));
	}
	// Hero documents a fallback (sms or email) on any message type, e.g. NHS App falling back to SMS.
	// Each fallback field is optional on its own; a detail without a type is checked as what it looks like.
	const fallbackType = given(values.fallback_message_type)
		? checkOneOf(ctx, itemIndex, label('fallback_message_type'), values.fallback_message_type, FALLBACK_TYPES)
		: undefined;
	if (fallbackType) body.fallback_message_type = fallbackType;
	const fallbackDetail = text('fallback_contact_detail');
	if (fallbackDetail) {
		const channel = fallbackType ?? (fallbackDetail.includes('@') ? 'email' : 'sms');
		body.fallback_contact_detail = contactFor(ctx, itemIndex, label('fallback_contact_detail'), channel, fallbackDetail);
	}
	for (const field of ['write_to_record', 'auto_write_to_record', 'encrypted'] as const) {
		if (given(values[field])) body[field] = checkBoolean(ctx, itemIndex, label(field), values[field]);
	}
	// Passed through whatever Write to Record says: Hero's docs only say its defaults apply when it is on.
	if (text('snomed_code')) {
		if (!/^\d{6,18}$/.test(text('snomed_code'))) throw fail('snomed_code', 'expected a SNOMED CT code of 6 to 18 digits');
		body.snomed_code = text('snomed_code');
	}
	if (text('snomed_term')) body.snomed_term = text('snomed_term');
	if (text('task_id')) body.task_id = checkId(ctx, itemIndex, label('task_id'), text('task_id'));
	if (text('attachment_uuid')) body.attachment_uuid = text('attachment_uuid');
	if (text('short_link_id')) body.short_link_id = text('short_link_id');
	if (text('assignee_id')) {
		body.assignee_id = Number(checkId(ctx, itemIndex, label('assignee_id'), text('assignee_id')));
		body.assignee_type = checkOneOf(ctx, itemIndex, label('assignee_type'), given(values.assignee_type) ? values.assignee_type : 'Admin', ASSIGNEE_TYPES);
	} else if (given(values.assignee_type)) {
		throw fail('assignee_type', `needs an ${label('assignee_id')}`);
	}
	if (given(values.send_at)) {
		const sendAt = checkDateTime(ctx, itemIndex, label('send_at'), values.send_at);
		if (Date.parse(sendAt) <= now) throw fail('send_at', 'must be in the future');
		body.send_at = sendAt;
	}
	return body;
}

/** Which Input Data mode the node is in (the same for every item: the parameter takes no expression). */
export function mapsItems(ctx: IExecuteFunctions): boolean {
	return ctx.getNodeParameter('inputData', 0, FIELDS_BELOW) === MAP_AUTOMATICALLY;
}

/** Builds and checks the body of POST /v1/messages/send in either mode; throws before any request on bad input. */
export function buildSendBody(ctx: IExecuteFunctions, itemIndex: number, now = Date.now()): IDataObject {
	const input = mapsItems(ctx) ? readItem(ctx, itemIndex) : readParameters(ctx, itemIndex);
	return checkSend(ctx, itemIndex, input, chosenTemplateId(ctx, itemIndex) !== '', now);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = buildSendBody(this, itemIndex);
	const minimal = this.getNodeParameter('minimalOutput', itemIndex, false) === true;
	if (body.message_string === undefined) body.message_string = await textOfTemplate(this, itemIndex, chosenTemplateId(this, itemIndex));
	const claim = claimSend(this, itemIndex, body, Date.now(), await practiceOf(this, itemIndex));
	// Not repeatable: a send that may have reached Hero is never retried (no duplicate SMS).
	const outcome = await heroApiRequest.call(this, { method: 'POST', path: '/v1/messages/send', body, repeatable: false, itemIndex }).then(
		(result) => ({ ok: true as const, result }),
		(error: unknown) => ({ ok: false as const, error }),
	);
	if (!outcome.ok) {
		// The claim is kept when the outcome is unknown (it may have reached the patient), forgotten when it surely did not.
		claim?.failed(outcome.error);
		throw outcome.error;
	}
	claim?.sent(outcome.result);
	return minimal ? minimalOutput(outcome.result) : outcome.result;
}
