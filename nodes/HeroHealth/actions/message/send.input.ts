/** Message → Send: what one item's send reads, in either Input Data mode (not yet checked: send.check.ts). */
import type { IExecuteFunctions } from 'n8n-workflow';

import { invalid } from '../../privacy/invalid';
import { readCollection } from '../helpers';
import { BY_HERO_ID, BY_NHS_NUMBER } from '../patients.descriptions';

export const MAP_AUTOMATICALLY = 'autoMapInputData';
export const FIELDS_BELOW = 'defineBelow';

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
export type SendField = (typeof SEND_FIELDS)[number];

/** One item's send, by Hero's field names, as read (not yet checked), and the name each field has for the user. */
export interface SendInput {
	values: Partial<Record<SendField, unknown>>;
	label: (field: SendField) => string;
	/** The patient named by NHS number and date of birth (as read, not yet checked), with their labels. */
	byNhsNumber?: { nhsNumber: unknown; dob: unknown; labels: { nhsNumber: string; dob: string } };
	/** Identify Patient By, when it is neither of its values (an expression cannot set it, but a saved workflow can). */
	unknownIdentifyBy?: boolean;
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
export function readParameters(ctx: IExecuteFunctions, itemIndex: number): SendInput {
	const extra = readCollection(ctx, 'additionalFields', itemIndex);
	const values: SendInput['values'] = {};
	for (const field of SEND_FIELDS) values[field] = extra[FIELD_MODE[field][0]];
	values.message_type = ctx.getNodeParameter('messageType', itemIndex);
	values.message_string = ctx.getNodeParameter('message', itemIndex, '');
	const input: SendInput = { values, label: (field) => FIELD_MODE[field][1] };
	const by = ctx.getNodeParameter('identifyPatientBy', itemIndex, BY_HERO_ID);
	if (by === BY_NHS_NUMBER)
		input.byNhsNumber = {
			nhsNumber: ctx.getNodeParameter('nhsNumber', itemIndex, ''),
			dob: ctx.getNodeParameter('dateOfBirth', itemIndex, ''),
			labels: { nhsNumber: 'NHS Number', dob: 'Date of Birth' },
		};
	else if (by === BY_HERO_ID)
		values.patient_id = ctx.getNodeParameter('patientId', itemIndex, '', { extractValue: true });
	else input.unknownIdentifyBy = true;
	return input;
}

const given = (value: unknown) =>
	value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');

/** Every field name "Map Automatically" reads from an item. */
const ITEM_NAMES: readonly string[] = [...SEND_FIELDS, 'nhs_number', 'dob'];

/** A field name as a sheet's header may write it ("Patient ID", "message-type", "DOB"), in Hero's form. */
const asHeroName = (key: string) =>
	key
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');

/**
 * The error of an item with none of Hero's field names. It names Hero's names the item's fields
 * match but for capitals, spaces or dashes, never the item's own keys (a sheet without a header row
 * makes its first patient's details the keys).
 */
function noHeroNames(keys: string[]): string {
	const close = ITEM_NAMES.filter((name) => keys.some((key) => asHeroName(key) === name));
	const hint = close.length
		? `; fields here differ from ${close.join(', ')} only in capitals, spaces or dashes: rename them exactly so`
		: '; rename its fields (a sheet: its header row), or choose Map Each Field Below';
	return `no field of this item has one of Hero's field names (patient_id or nhs_number and dob, message_string, message_type, recipient_contact_detail, …), so it cannot be sent${hint}`;
}

/**
 * "Map Automatically": the item's own fields named as Hero names them; no expression is evaluated.
 * Other keys of the item (a sheet's row number, a name column) are ignored. An empty cell (null or '')
 * counts as not given; an item without a `message_type` takes the node's Default Message Type (SMS
 * unless changed), in any case ("SMS"). Errors name the item's field, e.g. `patient_id`. An item without a `patient_id`
 * names its patient by `nhs_number` and `dob` (both required; Hero is searched for them). An item with
 * a `patient_id` and both of them is sent only if they name the same patient (send.operation.ts).
 */
export function readItem(ctx: IExecuteFunctions, itemIndex: number): SendInput {
	const json = ctx.getInputData()[itemIndex]?.json ?? {};
	if (!ITEM_NAMES.some((name) => Object.prototype.hasOwnProperty.call(json, name)))
		throw invalid(ctx, itemIndex, 'Input Data', noHeroNames(Object.keys(json)));
	const values: SendInput['values'] = {};
	for (const field of SEND_FIELDS) if (json[field] !== null) values[field] = json[field];
	// Like the field mode's Message Type, which defaults to SMS: the node's Default Message Type.
	const defaulted = !given(values.message_type);
	if (defaulted) values.message_type = ctx.getNodeParameter('messageType', itemIndex, 'sms');
	const input: SendInput = {
		values,
		label: (field) => (defaulted && field === 'message_type' ? 'Default Message Type' : field),
	};
	// With a patient_id, both are needed to check it against; without one, either names the patient by both.
	const byNhs = given(json.patient_id)
		? given(json.nhs_number) && given(json.dob)
		: given(json.nhs_number) || given(json.dob);
	if (byNhs)
		input.byNhsNumber = {
			nhsNumber: json.nhs_number,
			dob: json.dob,
			labels: { nhsNumber: 'nhs_number', dob: 'dob' },
		};
	return input;
}

/** Which Input Data mode the node is in (the same for every item: the parameter takes no expression). */
export function mapsItems(ctx: IExecuteFunctions): boolean {
	return ctx.getNodeParameter('inputData', 0, FIELDS_BELOW) === MAP_AUTOMATICALLY;
}
