import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkBoolean, checkDateTime, readCollection, requireId } from '../helpers';
import { invalid } from '../../privacy/invalid';

/** Shared fields of the Appointment (and Slot → Check Availability) operations. */
export const appointmentIdField: INodeProperties = {
	displayName: 'Appointment ID',
	name: 'appointmentId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 12345',
	description: 'The appointment ID returned by Appointment → Create or Book Next Available',
};

export const startTimeField: INodeProperties = {
	displayName: 'Start Time',
	name: 'startTime',
	type: 'dateTime',
	required: true,
	default: '',
	description:
		"When the appointment starts, e.g. a slot's start_time. Sent to Hero in UTC (ISO 8601); a time without offset is read in the workflow time zone. Hero shows times in Europe/London.",
};

export const durationField: INodeProperties = {
	displayName: 'Duration (Minutes)',
	name: 'duration',
	type: 'number',
	required: true,
	typeOptions: { minValue: 1 },
	default: 15,
	description: "Length of the appointment in minutes, usually the appointment type's duration (a slot's finish_time minus its start_time)",
};

export const suppressMailOption: INodeProperties = {
	displayName: 'Suppress Mail',
	name: 'suppressMail',
	type: 'boolean',
	default: false,
	description: 'Whether to stop Hero emailing the patient about this change',
};

export const suppressAvailabilityCheckOption: INodeProperties = {
	displayName: 'Suppress Availability Check',
	name: 'suppressAvailabilityCheck',
	type: 'boolean',
	default: false,
	description: "Whether to skip Hero's check that the practitioner is free at that time (admin override; may double-book)",
};

export const reasonOption: INodeProperties = {
	displayName: 'Reason',
	name: 'reason',
	type: 'string',
	default: '',
	placeholder: 'e.g. Annual asthma review',
	description: 'Why the patient is booking, shown to the practice',
};

export function readStartTime(ctx: IExecuteFunctions, itemIndex: number, field = 'Start Time'): string {
	const value = ctx.getNodeParameter('startTime', itemIndex, '');
	if (value === '' || value === undefined || value === null) throw invalid(ctx, itemIndex, field, 'is required');
	return checkDateTime(ctx, itemIndex, field, value);
}

export function readDuration(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = ctx.getNodeParameter('duration', itemIndex, '');
	const minutes = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	// Hero documents a number (at least 1 on the Appointment): whole minutes are not required.
	if (!Number.isFinite(minutes) || minutes < 1) throw invalid(ctx, itemIndex, 'Duration (Minutes)', 'expected a number of minutes, at least 1');
	return minutes;
}

export function readAppointmentId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireId(ctx, 'appointmentId', itemIndex, 'Appointment ID');
}

/** Copies the booleans present in `fields` to `body` under Hero's names. */
export function copyFlags(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: Record<string, unknown>,
	body: Record<string, unknown>,
	flags: Array<[key: string, label: string, heroName: string]>,
): void {
	for (const [key, label, heroName] of flags) {
		if (fields[key] !== undefined) body[heroName] = checkBoolean(ctx, itemIndex, label, fields[key]);
	}
}

export const SUPPRESS_MAIL: [string, string, string] = ['suppressMail', 'Suppress Mail', 'suppress_mail'];
export const SUPPRESS_AVAILABILITY_CHECK: [string, string, string] = ['suppressAvailabilityCheck', 'Suppress Availability Check', 'suppress_availability_check'];

/** Additional Fields of the operations that move an appointment (Update, Reschedule): Hero's two flags. */
export const moveAdditionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [suppressAvailabilityCheckOption, suppressMailOption],
};

/**
 * The body that moves an appointment (Update, Reschedule): practitioner, duration and start time
 * (`startTimeLabel` names the Start Time field in errors), plus the flags set in Additional Fields.
 */
export function readMoveBody(ctx: IExecuteFunctions, itemIndex: number, startTimeLabel?: string): IDataObject {
	const body: IDataObject = {
		practitioner_id: requireId(ctx, 'practitionerId', itemIndex, 'Practitioner'),
		duration: readDuration(ctx, itemIndex),
		start_time: readStartTime(ctx, itemIndex, startTimeLabel),
	};
	copyFlags(ctx, itemIndex, readCollection(ctx, 'additionalFields', itemIndex), body, [SUPPRESS_AVAILABILITY_CHECK, SUPPRESS_MAIL]);
	return body;
}
