/** Message → Send: the one set of rules for a send, and the body of POST /v1/messages/send they build. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isEmail, lostLeadingZero, phoneToE164 } from '../../validation';
import { invalid } from '../../privacy/invalid';
import { EMAIL_EXPECTED } from '../common.descriptions';
import { checkBoolean, checkDateTime, checkId, checkOneOf, requireText } from '../helpers';
import {
	BY_HERO_ID,
	BY_NHS_NUMBER,
	checkNhsIdentity,
	type PatientByNhsNumber,
} from '../patients.descriptions';
import { chosenTemplateId } from './template';
import { mapsItems, readItem, readParameters, type SendField, type SendInput } from './send.input';

export const MESSAGE_TYPES = ['sms', 'email', 'nhs_app', 'hero'] as const;
const FALLBACK_TYPES = ['sms', 'email'] as const;
const ASSIGNEE_TYPES = ['Admin', 'AdminTeam'] as const;

/** Said (never the number itself) when a phone is a UK number's digits without their leading 0. */
const LOST_ZERO_HINT =
	'. It reads as a UK number without its leading 0, as a spreadsheet keeps a phone column stored as numbers: put the 0 back, or format the column as text';

/**
 * A channel as people write it: Hero's values are lower case with underscores, so "SMS", "Email" and
 * "NHS App" read as sms, email and nhs_app. Anything else is left for the check to refuse.
 */
const asChannel = (value: unknown) =>
	typeof value === 'string'
		? value
				.trim()
				.toLowerCase()
				.replace(/[\s-]+/g, '_')
		: value;

/** A phone (normalised to E.164) for SMS, an address for email; for other channels, as typed. */
function contactFor(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	channel: string,
	value: string,
): string {
	if (channel === 'sms') {
		const phone = phoneToE164(value);
		if (!phone)
			throw invalid(
				ctx,
				itemIndex,
				field,
				`expected a phone number such as 07700 900123, or one in international form such as +33 6 12 34 56 78${lostLeadingZero(value) ? LOST_ZERO_HINT : ''}`,
			);
		return phone;
	}
	if (channel === 'email') {
		if (!isEmail(value)) throw invalid(ctx, itemIndex, field, EMAIL_EXPECTED);
		return value.trim();
	}
	return value;
}

const given = (value: unknown) =>
	value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');

/** A send, checked: its body, and the patient to find by NHS number and date of birth, if named so. */
export interface CheckedSend {
	body: IDataObject;
	find?: PatientByNhsNumber;
}

/**
 * The one set of rules for a send, whichever mode read it: checks every field and builds the body of
 * POST /v1/messages/send; throws (naming the field and the item) before any request on bad input.
 * With a template chosen and no message, `message_string` is left out for execute() to fill; with the
 * patient named by NHS number, `patient_id` is left out (or kept, to compare) until the patient is found.
 */
function checkSend(
	ctx: IExecuteFunctions,
	itemIndex: number,
	{ values, label, byNhsNumber, unknownIdentifyBy }: SendInput,
	hasTemplate: boolean,
	now: number,
): CheckedSend {
	const fail = (field: SendField, expectation: string) =>
		invalid(ctx, itemIndex, label(field), expectation);
	const text = (field: SendField) => {
		const value = values[field];
		if (!given(value)) return '';
		if (typeof value === 'object') throw fail(field, 'expected text, got an object or list');
		return String(value).trim();
	};
	if (!given(values.message_type)) throw fail('message_type', 'is required');
	const messageType = checkOneOf(
		ctx,
		itemIndex,
		label('message_type'),
		asChannel(values.message_type),
		MESSAGE_TYPES,
	);
	if (unknownIdentifyBy)
		throw invalid(
			ctx,
			itemIndex,
			'Identify Patient By',
			`expected ${BY_HERO_ID} or ${BY_NHS_NUMBER}`,
		);
	const find = byNhsNumber
		? checkNhsIdentity(ctx, itemIndex, byNhsNumber.nhsNumber, byNhsNumber.dob, byNhsNumber.labels)
		: undefined;
	const body: IDataObject = {};
	if (!find || given(values.patient_id))
		body.patient_id = checkId(
			ctx,
			itemIndex,
			label('patient_id'),
			requireText(ctx, itemIndex, label('patient_id'), values.patient_id),
		);
	body.message_type = messageType;
	const typed = values.message_string;
	if (
		!hasTemplate ||
		(typeof typed === 'string' ? typed.trim() !== '' : typed !== undefined && typed !== null)
	) {
		body.message_string = requireText(ctx, itemIndex, label('message_string'), typed);
	}
	if (text('recipient_contact_detail')) {
		body.recipient_contact_detail = contactFor(
			ctx,
			itemIndex,
			label('recipient_contact_detail'),
			messageType,
			text('recipient_contact_detail'),
		);
	}
	// Hero documents a fallback (sms or email) on any message type, e.g. NHS App falling back to SMS.
	// Each fallback field is optional on its own; a detail without a type is checked as what it looks like.
	const fallbackType = given(values.fallback_message_type)
		? checkOneOf(
				ctx,
				itemIndex,
				label('fallback_message_type'),
				asChannel(values.fallback_message_type),
				FALLBACK_TYPES,
			)
		: undefined;
	if (fallbackType) body.fallback_message_type = fallbackType;
	const fallbackDetail = text('fallback_contact_detail');
	if (fallbackDetail) {
		const channel = fallbackType ?? (fallbackDetail.includes('@') ? 'email' : 'sms');
		body.fallback_contact_detail = contactFor(
			ctx,
			itemIndex,
			label('fallback_contact_detail'),
			channel,
			fallbackDetail,
		);
	}
	for (const field of ['write_to_record', 'auto_write_to_record', 'encrypted'] as const) {
		if (given(values[field]))
			body[field] = checkBoolean(ctx, itemIndex, label(field), values[field]);
	}
	// Passed through whatever Write to Record says: Hero's docs only say its defaults apply when it is on.
	if (text('snomed_code')) {
		if (!/^\d{6,18}$/.test(text('snomed_code')))
			throw fail('snomed_code', 'expected a SNOMED CT code of 6 to 18 digits');
		body.snomed_code = text('snomed_code');
	}
	if (text('snomed_term')) body.snomed_term = text('snomed_term');
	if (text('task_id')) body.task_id = checkId(ctx, itemIndex, label('task_id'), text('task_id'));
	if (text('attachment_uuid')) body.attachment_uuid = text('attachment_uuid');
	if (text('short_link_id')) body.short_link_id = text('short_link_id');
	if (text('assignee_id')) {
		body.assignee_id = Number(checkId(ctx, itemIndex, label('assignee_id'), text('assignee_id')));
		body.assignee_type = checkOneOf(
			ctx,
			itemIndex,
			label('assignee_type'),
			given(values.assignee_type) ? values.assignee_type : 'Admin',
			ASSIGNEE_TYPES,
		);
	} else if (given(values.assignee_type)) {
		throw fail('assignee_type', `needs an ${label('assignee_id')}`);
	}
	if (given(values.send_at)) {
		const sendAt = checkDateTime(ctx, itemIndex, label('send_at'), values.send_at);
		if (Date.parse(sendAt) <= now) throw fail('send_at', 'must be in the future');
		body.send_at = sendAt;
	}
	return { body, find };
}

/** Builds and checks the body of POST /v1/messages/send in either mode; throws before any request on bad input. */
export function buildSend(
	ctx: IExecuteFunctions,
	itemIndex: number,
	now = Date.now(),
): CheckedSend {
	const input = mapsItems(ctx) ? readItem(ctx, itemIndex) : readParameters(ctx, itemIndex);
	return checkSend(ctx, itemIndex, input, chosenTemplateId(ctx, itemIndex) !== '', now);
}
