import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { rowName, rowNumber } from '../privacy/invalid';
import { isHeroId } from '../validation';
import { MAP_AUTOMATICALLY } from './message/send.input';
import { BY_HERO_ID } from './patients.descriptions';

/** What the router shows for an item: outcome texts of the action node's item loop. */
export type ItemError = NodeApiError | NodeOperationError;

export function errorJson(error: Error): IDataObject {
	const json: IDataObject = { error: error.message };
	const description = (error as NodeApiError).description;
	if (description) json.description = description;
	const httpCode = (error as NodeApiError).httpCode;
	if (httpCode) json.httpCode = httpCode;
	return json;
}

const heroIdOf = (value: unknown): string | undefined =>
	(typeof value === 'string' || typeof value === 'number') && isHeroId(String(value).trim())
		? String(value).trim()
		: undefined;

/**
 * The patients a request to Hero names: its body's `patient_id` and `/patients/{id}` in its path
 * (Patient → Merge names two: the one kept and the duplicate).
 */
export function patientsNamedBy(request: { path: string; body?: IDataObject }): string[] {
	const inBody = heroIdOf(request.body?.patient_id);
	const inPath = /\/patients\/(\d+)(?:\/|$)/.exec(request.path)?.[1];
	return [...new Set([inBody, inPath].filter((id): id is string => id !== undefined))];
}

/**
 * The Hero ID of the patient an item is about when no request of it named one (e.g. it failed before
 * any request): a valid Hero ID it gave (the Patient ID field, or `patient_id` under Map Automatically).
 * An item whose request named patients is about the one it named (router.passes.ts, `patientsNamedBy`).
 * Never the NHS number or anything else of the patient.
 */
export function patientOfItem(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	try {
		if (ctx.getNodeParameter('inputData', itemIndex, '') === MAP_AUTOMATICALLY)
			return heroIdOf(ctx.getInputData()[itemIndex]?.json.patient_id);
		if (ctx.getNodeParameter('identifyPatientBy', itemIndex, BY_HERO_ID) !== BY_HERO_ID)
			return undefined;
		return heroIdOf(ctx.getNodeParameter('patientId', itemIndex, '', { extractValue: true }));
	} catch {
		// An expression that fails for this item gives no patient: the item's error says why.
		return undefined;
	}
}

/** A single output object with the item's patient added, when it does not name one already. */
export function withPatient(
	result: IDataObject | IDataObject[],
	patientId: string | undefined,
): IDataObject | IDataObject[] {
	if (patientId === undefined || Array.isArray(result) || result.patient_id !== undefined)
		return result;
	return { ...result, patient_id: patientId };
}

/**
 * The output item of a failed item under Continue On Fail: the error, the row it failed on (`row`,
 * counted from 1 as in its message) and, when the item named a valid one, the Hero ID of its patient
 * (`patient_id`), so a person finds the row and the patient. Nothing else of the item: no NHS number,
 * date of birth or message text (docs/data-protection.md). An AI tool's answer gets no `row`.
 */
export function errorItem(
	error: Error,
	itemIndex: number,
	patientId: string | undefined,
	forModel = false,
): INodeExecutionData {
	const json = errorJson(error);
	if (!forModel) json.row = rowNumber(itemIndex);
	if (patientId !== undefined) json.patient_id = patientId;
	return { json, pairedItem: { item: itemIndex } };
}

/** The item's error as n8n shows it: tied to the item, Hero's errors kept as they are. */
export function itemError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): ItemError {
	if (error instanceof NodeApiError) {
		error.context.itemIndex ??= itemIndex;
		// The constructor hands back the same instance: the error keeps its message and code.
		return new NodeApiError(ctx.getNode(), error as unknown as JsonObject);
	}
	const wrapped = new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	wrapped.context.itemIndex ??= itemIndex;
	return wrapped;
}

/** `message_id 123`, `appointment_id 45`, `id 6`: how the output of a done item is found at Hero. */
function referenceOf(output: INodeExecutionData[] | undefined): string | undefined {
	const json = output?.[0]?.json;
	for (const key of ['message_id', 'appointment_id', 'id']) {
		const value = json?.[key];
		if (typeof value === 'string' || typeof value === 'number') return `${key} ${value}`;
	}
	return undefined;
}

const LISTED = 50;

/** An item the run pass never started because the user pressed Stop. */
export function notSentError(ctx: IExecuteFunctions, itemIndex: number): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		'Not sent: the execution was stopped before this item was sent to Hero',
		{
			itemIndex,
			description:
				'Nothing of this item left n8n, so Hero did nothing with it. Run it again when ready.',
		},
	);
}

/** Adds to a run-stopping error what had already been done at Hero, so nobody re-runs blindly. */
export function noteDone(
	error: ItemError,
	done: number[],
	unknown: number[],
	outputs: INodeExecutionData[][],
	notSent: number[] = [],
): ItemError {
	if (notSent.length)
		error.description = [
			error.description,
			`Not sent (the execution was stopped first): ${notSent.map((i) => rowName(i)).join(', ')}.`,
		]
			.filter(Boolean)
			.join('\n');
	if (done.length === 0 && unknown.length === 0) return error;
	const lines: string[] = [];
	if (done.length) {
		const listed = done.slice(0, LISTED).map((index) => {
			const reference = referenceOf(outputs[index]);
			return reference ? `${rowName(index)} (${reference})` : rowName(index);
		});
		if (done.length > LISTED) listed.push(`and ${done.length - LISTED} more`);
		lines.push(
			`Already sent to Hero before the run stopped (${done.length}): ${listed.join(', ')}.`,
		);
	}
	if (unknown.length) {
		lines.push(
			`Also failed after a request that changes data was sent (check them in Hero: it may have been carried out): ${unknown.map((i) => rowName(i)).join(', ')}.`,
		);
	}
	lines.push(
		done.length
			? 'Running this execution again (or Retry On Fail) will send them again: take those items out, or check Hero, first.'
			: 'Check these items in Hero before running this execution again (or using Retry On Fail).',
	);
	error.description = [error.description, ...lines].filter(Boolean).join('\n');
	error.message = done.length
		? `${error.message} (${done.length} other item${done.length === 1 ? ' was' : 's were'} already sent: running the execution again will send them again; see the details)`
		: `${error.message} (other items may have been sent: see the details before running again)`;
	return error;
}
