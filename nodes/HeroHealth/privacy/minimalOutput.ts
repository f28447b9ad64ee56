import type { IDataObject, INodeProperties } from 'n8n-workflow';

/*
 * Minimal Output keeps a field only when its key is allowed AND its value has the shape that key
 * allows. A key alone is not enough: `deceased_at` ends like `created_at`, and a practice names its
 * own appointment types ("Sexual health clinic"), so a key ending `_type` can hold free text about
 * the patient's care. Anything not listed here is left out (fail closed).
 */

/** Identifiers: Hero's ids are digits or opaque tokens; text with spaces under an id key is not an id. */
const ID_KEY = /^(?:id|uuid)$|_(?:id|ids|uuid)$/;
const ID_VALUE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** Statuses are Hero's own machine words (CREATED, in_progress, delivered): one token, no spaces. */
const STATUS_KEY = /^(?:status|state)$|_status$/;
const STATUS_VALUE = /^[A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)*$/;

/**
 * Kinds are kept only as values Hero documents (openapi.yaml enums), never free text: a practice's
 * appointment type or a practitioner type ("Psychiatrist") says what the patient is being seen for.
 */
const CHANNELS = ['hero', 'sms', 'email', 'nhs_app', 'SMS', 'EMAIL', 'NHS_APP'];
const EVENTS = [
	'appointment.confirmed',
	'appointment.cancelled',
	'appointment.rescheduled',
	'prescription.issued',
	'patient.medical-record-updated',
	'patient.added-to-sequence',
	'write-to-record.succeeded',
	'write-to-record.failed',
	'form-submission.created',
];
const KINDS: Record<string, readonly string[]> = {
	message_type: CHANNELS,
	fallback_message_type: CHANNELS,
	channel: CHANNELS,
	assignee_type: ['Admin', 'AdminTeam'],
	form_type: ['questionnaire', 'response', 'appointment', 'care_navigation'],
	event: EVENTS,
	event_type: EVENTS,
	object: ['Appointment', 'Prescription', 'Patient', 'FormSubmission'],
	// A short link's kind (Get Link Status sample `type: "booking"`; the enum was not captured).
	type: ['booking', 'attachment', 'form', 'video'],
};

/** Times of events in the life of a message, booking or record, never of the person (no `deceased_at`, no dob). */
const TIME_KEY =
	/^(?:(?:created|updated|sent|send|scheduled|delivered|read|failed|cancelled|rescheduled|confirmed|booking_confirmed|write_to_record|next_available|last_sync|expires|completed|deleted|received|submitted|queued|processed)_at|start_time|end_time|reserved_until)$/;
const TIME_VALUE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** Counts only: a phone or NHS number may come as digits under any other key. */
const COUNT_KEY = /^(?:count|total|attempts?|page_index|page_size)$/;

/** Flags about the message or booking; `deceased` and `restricted` describe the person and are left out. */
const FLAG_KEY =
	/^(?:write_to_record|auto_write_to_record|encrypted|video|in_person|telephone|can_be_cancelled|can_be_rescheduled|suppress_mail|ehr_registered|use_partner_bookable_slots|admin_booking_invoice_required|linked)$/;

function allowedKey(key: string): boolean {
	return (
		ID_KEY.test(key) ||
		STATUS_KEY.test(key) ||
		key in KINDS ||
		TIME_KEY.test(key) ||
		COUNT_KEY.test(key) ||
		FLAG_KEY.test(key)
	);
}

function allowedScalar(key: string, value: string | number | boolean): boolean {
	if (typeof value === 'boolean') return FLAG_KEY.test(key);
	if (typeof value === 'number') {
		if (!Number.isInteger(value) || value < 0) return false;
		return ID_KEY.test(key) || COUNT_KEY.test(key);
	}
	if (ID_KEY.test(key) && ID_VALUE.test(value)) return true;
	if (STATUS_KEY.test(key) && value.length <= 64 && STATUS_VALUE.test(value)) return true;
	if (key in KINDS && KINDS[key].includes(value)) return true;
	return TIME_KEY.test(key) && TIME_VALUE.test(value);
}

function minimalValue(key: string, value: unknown): unknown {
	// A null says only "not set", and only under a key whose value would be kept.
	if (value === null) return allowedKey(key) ? null : undefined;
	if (Array.isArray(value)) {
		const kept = value
			.map((entry) => minimalValue(key, entry))
			.filter((entry) => entry !== undefined);
		return kept.length || !value.length ? kept : undefined;
	}
	if (typeof value === 'object') {
		const kept = minimalOutput(value as IDataObject);
		// An object emptied by the filter (a list of identifiers, an address) says nothing: drop it.
		return Object.keys(kept).length || !Object.keys(value as object).length ? kept : undefined;
	}
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
		return allowedScalar(key, value) ? value : undefined;
	}
	return undefined;
}

/** The record with only its ids, statuses, documented kinds, event times, counts and flags. */
export function minimalOutput(record: IDataObject): IDataObject {
	const kept: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		const minimal = minimalValue(key, value);
		if (minimal !== undefined) kept[key] = minimal as IDataObject[keyof IDataObject];
	}
	return kept;
}

/** The parameter, shared by Message → Send and the trigger. */
export const minimalOutputField: INodeProperties = {
	displayName: 'Minimal Output',
	name: 'minimalOutput',
	type: 'boolean',
	// A privacy switch, fixed in the workflow: no expression, so no "let the model define this" on the tool.
	noDataExpression: true,
	default: false,
	description:
		"Whether to output only IDs, statuses, types and times, leaving out contact details, names and message text, so that n8n's execution history keeps no patient details",
};
