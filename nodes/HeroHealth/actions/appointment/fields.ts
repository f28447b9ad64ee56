import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readDuration, readStartTime } from '../booking.descriptions';
import { checkBoolean, readCollection, requireId } from '../helpers';

/** Shared fields of the Appointment operations. */
export const appointmentIdField: INodeProperties = {
	displayName: 'Appointment ID',
	name: 'appointmentId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 12345',
	description: 'The appointment ID returned by Appointment → Create or Book Next Available',
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
	description:
		"Whether to skip Hero's check that the practitioner is free at that time (admin override; may double-book)",
};

export const reasonOption: INodeProperties = {
	displayName: 'Reason',
	name: 'reason',
	type: 'string',
	default: '',
	placeholder: 'e.g. Annual asthma review',
	description: 'Why the patient is booking, shown to the practice',
};

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
		if (fields[key] !== undefined)
			body[heroName] = checkBoolean(ctx, itemIndex, label, fields[key]);
	}
}

export const SUPPRESS_MAIL: [string, string, string] = [
	'suppressMail',
	'Suppress Mail',
	'suppress_mail',
];
export const SUPPRESS_AVAILABILITY_CHECK: [string, string, string] = [
	'suppressAvailabilityCheck',
	'Suppress Availability Check',
	'suppress_availability_check',
];

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
export function readMoveBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	startTimeLabel?: string,
): IDataObject {
	const body: IDataObject = {
		practitioner_id: requireId(ctx, 'practitionerId', itemIndex, 'Practitioner'),
		duration: readDuration(ctx, itemIndex),
		start_time: readStartTime(ctx, itemIndex, startTimeLabel),
	};
	copyFlags(ctx, itemIndex, readCollection(ctx, 'additionalFields', itemIndex), body, [
		SUPPRESS_AVAILABILITY_CHECK,
		SUPPRESS_MAIL,
	]);
	return body;
}
