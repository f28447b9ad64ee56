import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { minimalOutput, minimalOutputField } from '../../privacy/minimalOutput';
import { heroApiRequest } from '../../transport';
import { findPatientId, identifyPatientFields, sayingPatient } from '../patients.descriptions';
import { chosenTemplateId, templateLocator, textOfTemplate } from './template';
import { claimSend, practiceOf, refuseRepeatSendField } from './repeatGuard';
import { buildSend } from './send.check';
import { FIELDS_BELOW, MAP_AUTOMATICALLY, SEND_FIELDS } from './send.input';

// What a send reads (either Input Data mode) is in send.input.ts, its checks and body in send.check.ts.
// `SEND_FIELDS` is named here too, as the operation's tests import it.
export { SEND_FIELDS };

/**
 * Parameters of "Map Each Field Below" only. Said as "not Map Automatically": on the tool, Input Data
 * is hidden (so has no value), and these fields must still show there.
 */
const fieldsBelow = { hide: { inputData: [MAP_AUTOMATICALLY] } };

const MESSAGE_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'SMS', value: 'sms', description: "Sent through the practice's SMS provider" },
	{ name: 'Email', value: 'email', description: "Sent through Hero's email service" },
	{ name: 'NHS App', value: 'nhs_app', description: 'Delivered through the NHS App' },
	{
		name: 'Hero (Audit Record Only)',
		value: 'hero',
		description: 'Not delivered: records a message sent elsewhere',
	},
];

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
					"Each item holds the send under Hero's field names: patient_id (or nhs_number and dob, to find the patient), message_type, message_string, recipient_contact_detail, fallback_message_type, fallback_contact_detail, send_at, … Other fields are ignored. No expressions per item: the fastest way to send a list.",
			},
			{
				name: 'Map Each Field Below',
				value: FIELDS_BELOW,
				description: 'Set each field below, typed or with expressions',
			},
		],
	},
	{
		displayName:
			"Each input item is sent as it is, read by Hero's field names (patient_id, message_type, message_string, recipient_contact_detail, …); other fields of the item are ignored. An item without message_type is sent as the Default Message Type below. Without patient_id, the patient is found by the item's nhs_number and dob (exactly one match); with both, they must name the same patient.",
		name: 'mapNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { inputData: [MAP_AUTOMATICALLY] } },
	},
	{
		// The field mode's Message Type (same name, so the choice carries over between the modes).
		displayName: 'Default Message Type',
		name: 'messageType',
		type: 'options',
		displayOptions: { show: { inputData: [MAP_AUTOMATICALLY] } },
		required: true,
		default: 'sms',
		options: MESSAGE_TYPE_OPTIONS,
		description:
			'How to send items that have no message_type (or an empty one). An item\'s own message_type is used when given: sms, email, nhs_app or hero, in capitals or not ("SMS", "NHS App").',
	},
	...identifyPatientFields(fieldsBelow),
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		displayOptions: fieldsBelow,
		required: true,
		default: 'sms',
		options: MESSAGE_TYPE_OPTIONS,
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
		description:
			"The text sent to the patient. Leave empty to send the chosen template's text (shown after its name in the Template list). Required when no Template is chosen.",
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
				placeholder: 'e.g. name@email.com',
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
				description:
					'Channel Hero uses if the message cannot be delivered, on any message type (e.g. an NHS App message that falls back to SMS)',
			},
			{
				displayName: 'Recipient Contact Detail',
				name: 'recipientContactDetail',
				type: 'string',
				default: '',
				placeholder: 'e.g. 07700 900123 or name@email.com',
				description:
					"For SMS a phone number: UK numbers such as 07700 900123, or any number in international form such as +33 6 12 34 56 78 (sent as +…). Only the number's form is checked, not that it is a mobile: Hero documents a phone number, so a landline is accepted, though most landlines cannot receive a text. For email an address. Leave empty to use the patient's record.",
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
				description:
					'Whether to write to the EHR without admin approval (honoured only if the API key allows it)',
			},
			{
				displayName: 'Write to Record: SNOMED Code',
				name: 'snomedCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. 185087000',
				description:
					"SNOMED CT code of the EHR entry. Has an effect only when the message is written to the patient's record (Write to Record on); Hero then applies a default if empty.",
			},
			{
				displayName: 'Write to Record: SNOMED Term',
				name: 'snomedTerm',
				type: 'string',
				default: '',
				description:
					"SNOMED CT term of the EHR entry. Has an effect only when the message is written to the patient's record (Write to Record on); Hero then applies a default if empty.",
			},
		],
	},
	minimalOutputField,
	refuseRepeatSendField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['send'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { body: checked, find } = buildSend(this, itemIndex);
	// A patient named by NHS number is found first (in the check pass, before any item is sent).
	const found = find
		? await findPatientId(
				this,
				itemIndex,
				find,
				checked.patient_id === undefined
					? undefined
					: { id: String(checked.patient_id), field: 'patient_id' },
			)
		: undefined;
	const body = found === undefined ? checked : { ...checked, patient_id: found };
	const minimal = this.getNodeParameter('minimalOutput', itemIndex, false) === true;
	if (body.message_string === undefined)
		body.message_string = await textOfTemplate(this, itemIndex, chosenTemplateId(this, itemIndex));
	const claim = claimSend(this, itemIndex, body, Date.now(), await practiceOf(this, itemIndex));
	// Not repeatable: a send that may have reached Hero is never retried (no duplicate SMS).
	const outcome = await heroApiRequest
		.call(this, { method: 'POST', path: '/v1/messages/send', body, repeatable: false, itemIndex })
		.then(
			(result) => ({ ok: true as const, result }),
			(error: unknown) => ({ ok: false as const, error }),
		);
	if (!outcome.ok) {
		// The claim is kept when the outcome is unknown (it may have reached the patient), forgotten when it surely did not.
		claim?.failed(outcome.error);
		throw outcome.error;
	}
	claim?.sent(outcome.result);
	return sayingPatient(minimal ? minimalOutput(outcome.result) : outcome.result, found);
}
