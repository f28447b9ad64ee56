import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { invalid } from '../../privacy/invalid';
import { outputProperties, readShape } from '../../shared/simplify';
import { returnAllOrLimit } from '../common.descriptions';
import { checkCalendarDate, getMany, readCollection, requireText } from '../helpers';
import { checkNhsNumber } from './fields';

/** The filters in the order the error names them: editor name, label, Hero's query name. */
const FILTERS = [
	{ name: 'nhsNumber', label: 'NHS Number', query: 'nhs_number' },
	{ name: 'dateOfBirth', label: 'Date of Birth', query: 'dob' },
	{ name: 'firstName', label: 'First Name', query: 'first_name' },
	{ name: 'lastName', label: 'Last Name', query: 'last_name' },
	{ name: 'ehrPatientId', label: 'EHR Patient ID', query: 'ehr_partner_id' },
] as const;

const NO_FILTER = `add at least one filter (${FILTERS.map((f) => f.label).join(', ')}); Hero does not list patients without one`;

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'At least one is required; a patient must match every filter given (exact match)',
		options: [
			{
				displayName: 'Date of Birth',
				name: 'dateOfBirth',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1985-12-10',
				description: 'Exact date of birth, YYYY-MM-DD (an ISO date-time or a date works too)',
			},
			{
				displayName: 'EHR Patient ID',
				name: 'ehrPatientId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 5012345',
				description: "The patient's identifier in the practice's EHR (Hero's ehr_partner_id)",
			},
			{
				displayName: 'First Name',
				name: 'firstName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Ada',
			},
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Lovelace',
			},
			{
				displayName: 'NHS Number',
				name: 'nhsNumber',
				type: 'string',
				default: '',
				placeholder: 'e.g. 943 476 5919',
				description:
					'Ten digits, spaces allowed; the check digit is verified before anything is sent',
			},
		],
	},
	...outputProperties(['patient']),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['patient'], operation: ['search'] } },
	properties,
);

const given = (value: unknown) =>
	value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');

/** Hero's query for the filters given: each checked, at least one required. */
function searchQuery(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = readCollection(ctx, 'filters', itemIndex);
	const qs: IDataObject = {};
	for (const { name, label, query } of FILTERS) {
		const value = filters[name];
		if (!given(value)) continue;
		if (name === 'nhsNumber') qs[query] = checkNhsNumber(ctx, itemIndex, value, label);
		else if (name === 'dateOfBirth') qs[query] = checkCalendarDate(ctx, itemIndex, label, value);
		else qs[query] = requireText(ctx, itemIndex, label, value);
	}
	if (Object.keys(qs).length === 0) throw invalid(ctx, itemIndex, 'Filters', NO_FILTER);
	return qs;
}

/**
 * Patient → Search (`GET /v3/patients`): one output item per matching patient, as Hero answers it
 * (the answer's shape is a guess: INFERRED.patientSearchAnswer). A read: nothing is created.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const qs = searchQuery(this, itemIndex);
	const shape = readShape(this, itemIndex, 'patient');
	const found = await getMany(this, itemIndex, {
		method: 'GET',
		path: '/v3/patients',
		qs,
		itemIndex,
	});
	return found.map(shape);
}
