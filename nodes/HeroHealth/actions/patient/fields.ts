import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { patientIdField } from '../common.descriptions';

import { invalid } from '../../privacy/invalid';
import { checkCalendarDate, requireId } from '../helpers';
import { HERO_TIME_ZONE, todayIn } from '../../shared/time';

/** Patient titles Hero accepts (Get a Patient / Create or Update a Patient), '' meaning none. */
export const PATIENT_TITLES = [
	'Baron',
	'Baroness',
	'Brigadier',
	'Count',
	'Colonel',
	'Countess',
	'Captain',
	'Dame',
	'The Dowager Viscountess',
	'Dr',
	'Duchess',
	'Duke',
	'Earl',
	'His Excellency',
	'Father',
	'H.E. Ambassador Mr',
	'H.E. Mr',
	'H.E. Mrs',
	'Her Grace',
	'His Grace',
	'The Hon',
	'The Hon Mr',
	'The Hon Mrs',
	'HRH',
	'HRH Prince',
	'HRH Princess',
	'Insurance',
	'HM King',
	'Lady',
	'Lord',
	'Major',
	'Master',
	'Miss',
	'Mr',
	'Mrs',
	'Ms',
	'Mss',
	'Mx',
	'Pr',
	'Professor',
	'HM Queen',
	'Rabbi',
	'Reverend',
	'Sheikh',
	'Sheikha',
	'Sir',
	'The',
	'',
	'Viscount',
	'Viscountess',
] as const;

export const PATIENT_SEXES = ['Not known', 'Not specified', 'Male', 'Female', 'Other'] as const;

// The NHS number and date of birth fields and check are shared with the operations that identify a
// patient by NHS number.
/** The second patient of Preview Merge and Merge: picked like any patient, or typed. */
export function otherPatientField(description: string): INodeProperties {
	return {
		...patientIdField,
		displayName: 'Merge With Patient ID',
		name: 'otherPatientId',
		description,
	};
}

/** The two patients of Preview Merge and Merge, checked to be two different Hero IDs. */
export function readMergePair(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { id: string; other: string } {
	const id = requireId(ctx, 'patientId', itemIndex, 'Patient ID');
	const other = requireId(ctx, 'otherPatientId', itemIndex, 'Merge With Patient ID');
	if (other === id)
		throw invalid(
			ctx,
			itemIndex,
			'Merge With Patient ID',
			'must be a different patient from Patient ID',
		);
	return { id, other };
}

export { checkNhsNumber, dateOfBirthField, nhsNumberField } from '../patients.descriptions';

/** A date of birth: a real calendar date, not in the future, and not more than 130 years ago. */
export function checkDateOfBirth(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	now = new Date(),
): string {
	if (value === undefined || value === null || value === '')
		throw invalid(ctx, itemIndex, 'Date of Birth', 'is required');
	const date = checkCalendarDate(ctx, itemIndex, 'Date of Birth', value);
	// Hero's calendar day (Europe/London), as for link expiry dates.
	const today = todayIn(HERO_TIME_ZONE, now.getTime());
	if (date > today) throw invalid(ctx, itemIndex, 'Date of Birth', 'cannot be in the future');
	const oldest = `${Number(today.slice(0, 4)) - 130}${today.slice(4)}`;
	if (date < oldest) throw invalid(ctx, itemIndex, 'Date of Birth', 'is more than 130 years ago');
	return date;
}
