import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { INFERRED } from '../transport';
import { readLimit } from './helpers';

/*
 * What some operations answer an AI agent, in place of their plain output. n8n hands a tool's output
 * items to the model as JSON, and an empty output as `""`: a search that found nobody would tell the
 * model nothing, and a list of three patients would not tell it that it must not pick one. Only the
 * tool variant answers this way (the router calls it for `...Tool` nodes); the plain node's output is
 * unchanged. The records inside are already in the operation's Output (Simplified by default on the
 * tool: shared/simplify.ts), so `patients` carries the simplified patients. Bearer tokens are removed afterwards, as for every tool answer (privacy/toolAnswer.ts).
 */

type ToolResult = (
	ctx: IExecuteFunctions,
	itemIndex: number,
	records: IDataObject[],
) => IDataObject | IDataObject[];

export const NO_PATIENT_MATCHES =
	'No patient in Hero matches this search. Nothing was created or changed. Do not book, send or ' +
	'act for any patient: ask the user to check the NHS number and date of birth (a mistyped digit ' +
	"or date is the usual cause), or for the patient's first and last name, and search again.";

/**
 * The Hero patient id of a search result (the answer's shape is a guess: INFERRED.patientSearchAnswer),
 * also when the patients are output Simplified or Selected (shared/simplify.ts names it `id`).
 */
function patientIdOf(record: IDataObject): string | undefined {
	const id = record[INFERRED.patientSearchAnswer.idField] ?? record.id;
	return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/**
 * Patient → Search: one answer whatever the number of matches, saying how many matched and what to
 * do next. A patient is identified only by exactly one match from a search that was not cut short
 * by its Limit; with none or several, the model is told to act on nobody and what to ask the user.
 */
function patientMatches(
	ctx: IExecuteFunctions,
	itemIndex: number,
	records: IDataObject[],
): IDataObject {
	const limit = readLimit(ctx, itemIndex);
	const cutShort = limit !== undefined && records.length >= limit;
	const ids = records.map(patientIdOf).filter((id): id is string => id !== undefined);
	if (records.length === 0) return { matches: 0, patients: [], answer: NO_PATIENT_MATCHES };
	if (records.length === 1 && !cutShort && ids.length === 1)
		return {
			matches: 1,
			patient_id: ids[0],
			patients: records,
			answer:
				`Exactly one patient in Hero matches: Hero patient ID ${ids[0]}. Use this patient ID for ` +
				'this patient. If the name or date of birth differs from what the user said, ask the user before acting.',
		};
	const one = records.length === 1;
	const listed = ids.length
		? ` (${ids.length === 1 ? 'patient ID' : 'patient IDs'} ${ids.join(', ')})`
		: '';
	const found =
		`${cutShort ? 'At least ' : ''}${records.length} ${one ? 'patient' : 'patients'} in Hero ` +
		`${one ? 'matches' : 'match'} this search${listed}` +
		(cutShort ? `; the search stopped at its Limit of ${limit}, so more may match` : '');
	return {
		matches: records.length,
		...(cutShort ? { more_may_match: true } : {}),
		patients: records,
		answer:
			`${found}. This does not identify one patient. Do not book, send or act for any of them: ` +
			"ask the user for a detail that tells them apart (the NHS number, or the patient's full " +
			'name with the date of birth) and search again.',
	};
}

const TOOL_RESULTS: Partial<Record<string, ToolResult>> = {
	'patient:search': patientMatches,
};

/** The answer an AI agent gets from this operation: its own shape if it has one, else the output. */
export function toolResult(
	ctx: IExecuteFunctions,
	operation: string,
	itemIndex: number,
	result: IDataObject | IDataObject[],
): IDataObject | IDataObject[] {
	const shape = TOOL_RESULTS[operation];
	return shape && Array.isArray(result) ? shape(ctx, itemIndex, result) : result;
}
