import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest } from '../../transport';
import { isEmail, ukMobileToE164 } from '../../validation';
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
				description: 'Where to send the fallback (phone for SMS, address for email)',
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
				description: 'Channel to use if the main one cannot deliver (only for SMS and email messages)',
			},
			{
				displayName: 'Recipient Contact Detail',
				name: 'recipientContactDetail',
				type: 'string',
				default: '',
				placeholder: 'e.g. 07700 900123',
				description:
					"Phone (SMS, normalised to +44…) or email address. Leave empty to use the patient's record.",
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
				description: 'Code for the EHR entry (only with Write to Record; Hero applies a default if empty)',
			},
			{
				displayName: 'SNOMED Term',
				name: 'snomedTerm',
				type: 'string',
				default: '',
				description: 'Term for the EHR entry (only with Write to Record)',
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
	refuseRepeatSendField,
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['send'] } }, properties);

function contactFor(ctx: IExecuteFunctions, itemIndex: number, field: string, channel: string, value: string): string {
	if (channel === 'sms') {
		const phone = ukMobileToE164(value);
		if (!phone) throw invalid(ctx, itemIndex, field, 'expected a UK mobile number such as 07700 900123 or +447700900123');
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
	if (extra.fallbackMessageType !== undefined || text('fallbackContactDetail')) {
		if (messageType !== 'sms' && messageType !== 'email') {
			throw invalid(ctx, itemIndex, 'Fallback Message Type', 'a fallback is only possible for SMS and email messages');
		}
		const fallbackType = checkOneOf(ctx, itemIndex, 'Fallback Message Type', extra.fallbackMessageType ?? '', FALLBACK_TYPES);
		body.fallback_message_type = fallbackType;
		if (text('fallbackContactDetail')) {
			body.fallback_contact_detail = contactFor(ctx, itemIndex, 'Fallback Contact Detail', fallbackType, text('fallbackContactDetail'));
		}
	}
	const writeToRecord = extra.writeToRecord === undefined ? false : checkBoolean(ctx, itemIndex, 'Write to Record', extra.writeToRecord);
	if (extra.writeToRecord !== undefined) body.write_to_record = writeToRecord;
	for (const [key, field, name] of [['snomedCode', 'SNOMED Code', 'snomed_code'], ['snomedTerm', 'SNOMED Term', 'snomed_term']] as const) {
		if (!text(key)) continue;
		if (!writeToRecord) throw invalid(ctx, itemIndex, field, 'only applies when Write to Record is on');
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
	if (body.message_string === undefined) body.message_string = await textOfTemplate(this, itemIndex, chosenTemplateId(this, itemIndex));
	const claim = claimSend(this, itemIndex, body);
	let result: IDataObject | undefined;
	try {
		// Not repeatable: a send that may have reached Hero is never retried (no duplicate SMS).
		result = await heroApiRequest.call(this, { method: 'POST', path: '/v1/messages/send', body, repeatable: false, itemIndex });
		return result;
	} finally {
		if (result) claim?.sent(result);
		else claim?.failed();
	}
}
