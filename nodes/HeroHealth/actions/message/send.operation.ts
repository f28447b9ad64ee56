import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { minimalOutput, minimalOutputField } from '../../privacy/minimalOutput';
import { heroApiRequest } from '../../transport';
import { isEmail, phoneToE164 } from '../../validation';
import { checkBoolean, checkDateTime, checkId, checkOneOf, invalid, readCollection, requireId, requireText } from '../helpers';
import { patientIdField } from '../common.descriptions';
import { chosenTemplateId, templateLocator, textOfTemplate } from '../messageTemplate/template';
import { claimSend, refuseRepeatSendField } from './repeatGuard';

export const MESSAGE_TYPES = ['sms', 'email', 'nhs_app', 'hero'] as const;
const FALLBACK_TYPES = ['sms', 'email'] as const;
const ASSIGNEE_TYPES = ['Admin', 'AdminTeam'] as const;

const properties: INodeProperties[] = [
	patientIdField,
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
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
		default: '',
		typeOptions: { rows: 4 },
		placeholder: 'e.g. Dear patient, your appointment is confirmed for 15 March at 09:30.',
		description: 'The text sent to the patient. Required unless a Template is chosen; leave it empty to send the template\'s text.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
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
				displayName: 'Auto Write to Record',
				name: 'autoWriteToRecord',
				type: 'boolean',
				default: false,
				description: 'Whether to write to the EHR without admin approval (honoured only if the API key allows it)',
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
				placeholder: 'e.g. 07700 900123',
				description:
					"For SMS a phone number: UK numbers such as 07700 900123, or any number in international form such as +33 6 12 34 56 78 (sent as +…; SMS reaches mobiles only). For email an address. Leave empty to use the patient's record.",
			},
			{
				displayName: 'Send At',
				name: 'sendAt',
				type: 'dateTime',
				default: '',
				description: 'Schedule the message for a future time (sent to Hero in UTC; Hero shows Europe/London)',
			},
			{
				displayName: 'Short Link ID',
				name: 'shortLinkId',
				type: 'string',
				default: '',
				description: 'ID of a booking or form short link to attach',
			},
			{
				displayName: 'SNOMED Code',
				name: 'snomedCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. 185087000',
				description: "SNOMED CT code of the EHR entry. Has an effect only when the message is written to the patient's record (Write to Record on); Hero then applies a default if empty.",
			},
			{
				displayName: 'SNOMED Term',
				name: 'snomedTerm',
				type: 'string',
				default: '',
				description: "SNOMED CT term of the EHR entry. Has an effect only when the message is written to the patient's record (Write to Record on); Hero then applies a default if empty.",
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
		],
	},
	minimalOutputField,
	refuseRepeatSendField,
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['send'] } }, properties);

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

/** Builds and checks the body of POST /v1/messages/send; throws before any request on bad input. */
export function buildSendBody(ctx: IExecuteFunctions, itemIndex: number, now = Date.now()): IDataObject {
	const messageType = checkOneOf(ctx, itemIndex, 'Message Type', ctx.getNodeParameter('messageType', itemIndex), MESSAGE_TYPES);
	const body: IDataObject = {
		patient_id: requireId(ctx, 'patientId', itemIndex, 'Patient ID'),
		message_type: messageType,
	};
	// An empty Message with a Template chosen: execute() fills message_string from the template.
	const typed = ctx.getNodeParameter('message', itemIndex, '');
	if (!chosenTemplateId(ctx, itemIndex) || (typeof typed === 'string' ? typed.trim() !== '' : typed !== undefined && typed !== null)) {
		body.message_string = requireText(ctx, itemIndex, 'Message', typed);
	}
	const extra = readCollection(ctx, 'additionalFields', itemIndex);
	const text = (key: string) => (typeof extra[key] === 'string' ? (extra[key] as string).trim() : extra[key] === undefined ? '' : String(extra[key]));

	if (text('recipientContactDetail')) {
		body.recipient_contact_detail = contactFor(ctx, itemIndex, 'Recipient Contact Detail', messageType, text('recipientContactDetail'));
	}
	// Hero documents a fallback (sms or email) on any message type, e.g. NHS App falling back to SMS.
	// Each fallback field is optional on its own; a detail without a type is checked as what it looks like.
	const fallbackType = extra.fallbackMessageType === undefined ? undefined : checkOneOf(ctx, itemIndex, 'Fallback Message Type', extra.fallbackMessageType, FALLBACK_TYPES);
	if (fallbackType) body.fallback_message_type = fallbackType;
	const fallbackDetail = text('fallbackContactDetail');
	if (fallbackDetail) {
		const channel = fallbackType ?? (fallbackDetail.includes('@') ? 'email' : 'sms');
		body.fallback_contact_detail = contactFor(ctx, itemIndex, 'Fallback Contact Detail', channel, fallbackDetail);
	}
	if (extra.writeToRecord !== undefined) body.write_to_record = checkBoolean(ctx, itemIndex, 'Write to Record', extra.writeToRecord);
	// Passed through whatever Write to Record says: Hero's docs only say its defaults apply when it is on.
	for (const [key, field, name] of [['snomedCode', 'SNOMED Code', 'snomed_code'], ['snomedTerm', 'SNOMED Term', 'snomed_term']] as const) {
		if (!text(key)) continue;
		if (key === 'snomedCode' && !/^\d{6,18}$/.test(text(key))) throw invalid(ctx, itemIndex, field, 'expected a SNOMED CT code of 6 to 18 digits');
		body[name] = text(key);
	}
	if (extra.autoWriteToRecord !== undefined) body.auto_write_to_record = checkBoolean(ctx, itemIndex, 'Auto Write to Record', extra.autoWriteToRecord);
	if (extra.encrypted !== undefined) body.encrypted = checkBoolean(ctx, itemIndex, 'Encrypted', extra.encrypted);
	if (text('taskId')) body.task_id = checkId(ctx, itemIndex, 'Task ID', text('taskId'));
	if (text('attachmentUuid')) body.attachment_uuid = text('attachmentUuid');
	if (text('shortLinkId')) body.short_link_id = text('shortLinkId');
	if (text('assigneeId')) {
		body.assignee_id = Number(checkId(ctx, itemIndex, 'Assignee ID', text('assigneeId')));
		body.assignee_type = checkOneOf(ctx, itemIndex, 'Assignee Type', extra.assigneeType ?? 'Admin', ASSIGNEE_TYPES);
	} else if (extra.assigneeType !== undefined) {
		throw invalid(ctx, itemIndex, 'Assignee Type', 'needs an Assignee ID');
	}
	if (extra.sendAt !== undefined && extra.sendAt !== '') {
		const sendAt = checkDateTime(ctx, itemIndex, 'Send At', extra.sendAt);
		if (Date.parse(sendAt) <= now) throw invalid(ctx, itemIndex, 'Send At', 'must be in the future');
		body.send_at = sendAt;
	}
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = buildSendBody(this, itemIndex);
	const minimal = this.getNodeParameter('minimalOutput', itemIndex, false) === true;
	if (body.message_string === undefined) body.message_string = await textOfTemplate(this, itemIndex, chosenTemplateId(this, itemIndex));
	const claim = claimSend(this, itemIndex, body);
	let result: IDataObject | undefined;
	try {
		// Not repeatable: a send that may have reached Hero is never retried (no duplicate SMS).
		result = await heroApiRequest.call(this, { method: 'POST', path: '/v1/messages/send', body, repeatable: false, itemIndex });
		return minimal ? minimalOutput(result) : result;
	} finally {
		if (result) claim?.sent(result);
		else claim?.failed();
	}
}
