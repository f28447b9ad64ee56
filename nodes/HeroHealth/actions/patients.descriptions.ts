/**
 * Identifying a patient by NHS number and date of birth where an operation asks for a Hero patient
 * (Message → Send, Appointment → Book Next Available, Booking Link → Create), and the NHS number check
 * that Patient operations share. The patient is found with Hero's search (GET /v3/patients) in the
 * router's check pass, before anything is sent (router.lookups.ts).
 */
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { invalid, itemLabel, rowNumber } from '../privacy/invalid';
import { INFERRED, readPage } from '../transport';
import { isHeroId, normaliseNhsNumber } from '../validation';
import { calendarDateField, patientIdField } from './common.descriptions';
import { checkCalendarDate, requireId } from './helpers';
import { NEEDS_LOOKUP, lookupsOf } from './router.lookups';

export const BY_HERO_ID = 'id';
export const BY_NHS_NUMBER = 'nhsNumberAndDob';

/** A valid NHS number (modulus 11), in the form Hero is sent (one place: INFERRED.nhsNumberForHero). */
export function checkNhsNumber(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field = 'NHS Number',
): string {
	if (typeof value !== 'string' && typeof value !== 'number')
		throw invalid(ctx, itemIndex, field, 'is required');
	const text = String(value).trim();
	if (!text) throw invalid(ctx, itemIndex, field, 'is required');
	const digits = normaliseNhsNumber(text);
	if (!digits)
		throw invalid(
			ctx,
			itemIndex,
			field,
			'expected a valid 10-digit NHS number (the check digit does not match, or it is not 10 digits)',
		);
	return INFERRED.nhsNumberForHero(digits);
}

export const nhsNumberField: INodeProperties = {
	displayName: 'NHS Number',
	name: 'nhsNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 943 476 5919',
	description: 'Ten digits, spaces allowed; the check digit is verified before anything is sent',
};

export const dateOfBirthField: INodeProperties = calendarDateField({
	displayName: 'Date of Birth',
	name: 'dateOfBirth',
	required: true,
	placeholder: 'e.g. 1985-12-10',
	description:
		"The patient's date of birth, YYYY-MM-DD (an ISO date-time or a date from an expression works too)",
});

const withShow = (base: IDisplayOptions, show: IDisplayOptions['show']): IDisplayOptions => ({
	...base,
	show: { ...base.show, ...show },
});
const withHide = (base: IDisplayOptions, hide: IDisplayOptions['hide']): IDisplayOptions => ({
	...base,
	hide: { ...base.hide, ...hide },
});

/**
 * Identify Patient By (Hero ID, the default, so saved workflows run unchanged; or NHS Number and Date of
 * Birth), the shared Patient ID field, and the NHS Number and Date of Birth fields, each shown under
 * `base` (the operation's own display options).
 */
export function identifyPatientFields(base: IDisplayOptions = {}): INodeProperties[] {
	const byNhs = withShow(base, { identifyPatientBy: [BY_NHS_NUMBER] });
	return [
		{
			displayName: 'Identify Patient By',
			name: 'identifyPatientBy',
			type: 'options',
			noDataExpression: true,
			default: BY_HERO_ID,
			...(base.show || base.hide ? { displayOptions: base } : {}),
			options: [
				{ name: 'Hero ID', value: BY_HERO_ID, description: 'The Hero patient ID' },
				{
					name: 'NHS Number and Date of Birth',
					value: BY_NHS_NUMBER,
					description:
						'Hero is searched for the one patient with both, before anything is sent; no match or more than one fails the item',
				},
			],
		},
		// Hidden only for NHS number, so it shows wherever Identify Patient By has no value yet (its default).
		{ ...patientIdField, displayOptions: withHide(base, { identifyPatientBy: [BY_NHS_NUMBER] }) },
		{
			...nhsNumberField,
			description:
				'Ten digits, spaces allowed; the check digit is verified before Hero is searched',
			displayOptions: byNhs,
		},
		{ ...dateOfBirthField, displayOptions: byNhs },
	];
}

/** A patient named by NHS number and date of birth, checked, not yet found; `field` names it in errors. */
export interface PatientByNhsNumber {
	nhsNumber: string;
	dob: string;
	field: string;
}

/** Checks an NHS number and a date of birth (each required), as named by `labels`. */
export function checkNhsIdentity(
	ctx: IExecuteFunctions,
	itemIndex: number,
	nhsNumber: unknown,
	dob: unknown,
	labels: { nhsNumber: string; dob: string },
): PatientByNhsNumber {
	const nhs = checkNhsNumber(ctx, itemIndex, nhsNumber, labels.nhsNumber);
	if (dob === undefined || dob === null || (typeof dob === 'string' && dob.trim() === ''))
		throw invalid(ctx, itemIndex, labels.dob, 'is required');
	return {
		nhsNumber: nhs,
		dob: checkCalendarDate(ctx, itemIndex, labels.dob, dob),
		field: labels.nhsNumber,
	};
}

/** The item's patient from the node's fields: a Hero ID, or an NHS number and date of birth to find. */
export function readPatient(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { id: string } | { find: PatientByNhsNumber } {
	const by = ctx.getNodeParameter('identifyPatientBy', itemIndex, BY_HERO_ID);
	if (by === BY_HERO_ID) return { id: requireId(ctx, 'patientId', itemIndex, 'Patient ID') };
	if (by !== BY_NHS_NUMBER)
		throw invalid(
			ctx,
			itemIndex,
			'Identify Patient By',
			`expected ${BY_HERO_ID} or ${BY_NHS_NUMBER}`,
		);
	return {
		find: checkNhsIdentity(
			ctx,
			itemIndex,
			ctx.getNodeParameter('nhsNumber', itemIndex, ''),
			ctx.getNodeParameter('dateOfBirth', itemIndex, ''),
			{ nhsNumber: 'NHS Number', dob: 'Date of Birth' },
		),
	};
}

/** Matches fetched per search: enough to tell one patient from several. */
const SEARCH_PAGE_SIZE = 10;

const digitsOf = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).replace(/\D/g, '') : '';

/**
 * The records that have this NHS number (any spacing) and this date of birth (a date-time's date):
 * Hero's search is documented exact, but a wrong patient must never get a message if it is not.
 */
export function exactMatches(
	records: IDataObject[],
	nhsNumber: string,
	dob: string,
): IDataObject[] {
	return records.filter(
		(record) =>
			digitsOf(record.nhs_number) === digitsOf(nhsNumber) &&
			typeof record.dob === 'string' &&
			record.dob.slice(0, 10) === dob,
	);
}

function notIdentified(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	why: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${field}: ${why} ${itemLabel(itemIndex)}`, {
		itemIndex,
		description: `Row ${rowNumber(itemIndex)} was not sent to Hero: its patient was not identified. Check the NHS number and date of birth, or pick the patient by Hero ID.`,
	});
}

/**
 * The Hero ID of the one patient with this NHS number and date of birth. Found with Hero's search in the
 * check pass (once per execution for the same pair); fails the item when none or several match, when a
 * match does not have both (the search is documented exact, but is checked anyway), or when the search
 * fails. No message repeats the NHS number or the date of birth.
 */
export async function findPatientId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	{ nhsNumber, dob, field }: PatientByNhsNumber,
	alsoGiven?: { id: string; field: string },
): Promise<string> {
	const search = async () =>
		(
			await readPage.call(
				ctx,
				{ method: 'GET', path: '/v3/patients', qs: { nhs_number: nhsNumber, dob } },
				INFERRED.firstPageIndex,
				SEARCH_PAGE_SIZE,
			)
		).records;
	const lookups = lookupsOf(ctx);
	let records: IDataObject[];
	try {
		records = lookups ? await lookups.get(`patient ${nhsNumber} ${dob}`, search) : await search();
	} catch (error) {
		if (error === NEEDS_LOOKUP) throw NEEDS_LOOKUP;
		const code = (error as JsonObject).httpCode;
		throw notIdentified(
			ctx,
			itemIndex,
			field,
			`the patient search at Hero failed${typeof code === 'string' || typeof code === 'number' ? ` (${code})` : ''}, so the patient is not identified`,
		);
	}
	const matches = exactMatches(records, nhsNumber, dob);
	if (matches.length === 0)
		throw notIdentified(
			ctx,
			itemIndex,
			field,
			'no Hero patient has this NHS number and date of birth',
		);
	if (matches.length > 1)
		throw notIdentified(
			ctx,
			itemIndex,
			field,
			`${matches.length} Hero patients have this NHS number and date of birth: pick the patient by Hero ID`,
		);
	const id = matches[0][INFERRED.patientSearchAnswer.idField];
	if ((typeof id !== 'string' && typeof id !== 'number') || !isHeroId(String(id)))
		throw notIdentified(ctx, itemIndex, field, "Hero's search gave no patient ID for the match");
	if (alsoGiven && alsoGiven.id !== String(id))
		throw notIdentified(
			ctx,
			itemIndex,
			alsoGiven.field,
			`names a different patient than ${field} and the date of birth: give one or the other, or correct it`,
		);
	return String(id);
}

/** `output` with the patient it was done for, when the patient was found by NHS number (for audit). */
export function sayingPatient(output: IDataObject, patientId: string | undefined): IDataObject {
	if (patientId === undefined || output.patient_id !== undefined) return output;
	return { ...output, patient_id: patientId };
}
