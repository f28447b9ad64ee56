import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalid } from '../privacy/invalid';
import { INFERRED } from '../transport';

/*
 * Output: Simplified / Raw / Selected Fields, n8n's choice for answers of more than 10 fields. One
 * description and one function, used by every read that returns large records (and the trigger).
 * - Raw: Hero's answer unchanged (what these reads output before the choice existed).
 * - Simplified: the fields a practice uses, flat (a nested id becomes `<object>_id`), in a fixed
 *   order; a field Hero did not send is left out, never invented. The id is always kept.
 * - Selected Fields: the fields named (dot paths reach into objects, e.g. `patient.id`), plus the id.
 * A saved workflow has no Output, so the normal panel's default is Raw: it keeps today's output.
 * As an AI tool every byte goes to the model, so there the default is Simplified.
 */

export type RecordKind =
	| 'appointment'
	| 'batchMessage'
	| 'batchRecipient'
	| 'batchSend'
	| 'message'
	| 'patient'
	| 'slot';

/** An output field: its name, then where to read it (the first path present wins). */
type Field = readonly [name: string, ...paths: string[]];

/** A Hero patient id: `id` in the v1 read and the search (INFERRED.patientSearchAnswer), `hero_id` in v2. */
const PATIENT_ID: Field = ['id', INFERRED.patientSearchAnswer.idField, 'id', 'hero_id'];

const MESSAGE: readonly Field[] = [
	['id'],
	['patient_id', 'patient.id'],
	['message_type'],
	['recipient_contact_detail'],
	['status'],
	['created_at'],
	['scheduled_at'],
	['sent_at'],
	['write_to_record_status', 'write_to_record.status'],
	['campaign_id', 'campaign.id'],
];

/** The Simplified fields of each kind of record: the one place they are listed. */
export const SIMPLIFIED_FIELDS: Record<RecordKind, readonly Field[]> = {
	appointment: [
		['id'],
		['patient_id'],
		['start_time'],
		['start_time_local'],
		['duration'],
		['appointment_type_name'],
		['practitioner_name'],
		['location_name'],
		['booking_confirmed_at'],
		['can_be_cancelled'],
		['can_be_rescheduled'],
	],
	batchMessage: [['id'], ['name'], ['status'], ['channel'], ['subject']],
	batchRecipient: [['id'], ['nhs_number'], ['dob'], ['status']],
	// The sends' answer was never captured; the docs tie the list to Get Message, so a message's fields.
	batchSend: [...MESSAGE.slice(0, 2), ['nhs_number'], ...MESSAGE.slice(2)],
	message: MESSAGE,
	patient: [
		PATIENT_ID,
		['first_name'],
		['last_name'],
		['dob'],
		['sex'],
		['nhs_number'],
		['mobile'],
		['email'],
		['postcode'],
		['ehr_partner_id'],
		['deceased_at'],
	],
	slot: [
		['id'],
		['start_time'],
		['start_time_local'],
		['finish_time'],
		['appointment_type_id'],
		['appointment_type_name'],
		['practitioner_name'],
		['location_name'],
	],
};

type DisplayShow = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

export type OutputMode = 'raw' | 'selected' | 'simplified';
const MODES: readonly OutputMode[] = ['raw', 'selected', 'simplified'];

/** The value at a dot path (`patient.id`), or undefined. */
function valueAt(record: IDataObject, path: string): unknown {
	let value: unknown = record;
	for (const key of path.split('.')) {
		if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

function setAt(target: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) {
		if (node[key] === null || typeof node[key] !== 'object' || Array.isArray(node[key]))
			node[key] = {};
		node = node[key] as IDataObject;
	}
	node[keys[keys.length - 1]] = value as IDataObject[keyof IDataObject];
}

/** The record's Simplified fields, flat, in the listed order; fields Hero did not send are left out. */
export function simplify(kind: RecordKind, record: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [name, ...paths] of SIMPLIFIED_FIELDS[kind]) {
		for (const path of paths.length ? paths : [name]) {
			const value = valueAt(record, path);
			if (value === undefined) continue;
			result[name] = value as IDataObject[keyof IDataObject];
			break;
		}
	}
	return result;
}

/** The id (as Simplified names it) and the fields named, each at its place in Hero's record. */
export function selectFields(kind: RecordKind, record: IDataObject, paths: string[]): IDataObject {
	const { id } = simplify(kind, record);
	const result: IDataObject = id === undefined ? {} : { id };
	for (const path of paths) {
		const value = valueAt(record, path);
		if (value !== undefined) setAt(result, path, value);
	}
	return result;
}

/** The names in a comma-separated Fields list. */
export function fieldList(value: unknown): string[] {
	const text = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
	return text
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
}

export type Shape = (record: IDataObject) => IDataObject;

export function shapeOf(kind: RecordKind, mode: OutputMode, fields: string[]): Shape {
	if (mode === 'simplified') return (record) => simplify(kind, record);
	if (mode === 'selected') return (record) => selectFields(kind, record, fields);
	return (record) => record;
}

const listed = (kind: RecordKind) => SIMPLIFIED_FIELDS[kind].map(([name]) => name).join(', ');

const KIND_LABELS: Record<RecordKind, string> = {
	appointment: 'an appointment',
	batchMessage: 'a batch',
	batchRecipient: 'a recipient',
	batchSend: 'a send',
	message: 'a message',
	patient: 'a patient',
	slot: 'a slot',
};

function outputOptions(kinds: readonly RecordKind[]) {
	const simplified =
		kinds.length === 1
			? `Only ${listed(kinds[0])}`
			: `Only, of ${kinds.map((kind) => `${KIND_LABELS[kind]}: ${listed(kind)}`).join('; of ')}`;
	return [
		{ name: 'Raw', value: 'raw', description: "Hero's answer unchanged, every field" },
		{
			name: 'Selected Fields',
			value: 'selected',
			description: 'Only the fields named in Fields, and the ID',
		},
		{ name: 'Simplified', value: 'simplified', description: simplified },
	];
}

/**
 * The Output parameter and its Fields for records of these kinds. An action gets Output twice: Raw
 * by default in the normal panel, so saved workflows keep their output, and Simplified by default
 * on the AI tool (`@tool`). The trigger is never a tool: one Output, Raw by default.
 */
export function outputProperties(
	kinds: readonly RecordKind[],
	{ tool = true, show = {} }: { tool?: boolean; show?: DisplayShow } = {},
): INodeProperties[] {
	const output: INodeProperties = {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		noDataExpression: true,
		default: 'raw',
		options: outputOptions(kinds),
		description: 'How much of each record to output',
	};
	const outputs: INodeProperties[] = tool
		? [
				{ ...output, displayOptions: { show, hide: { '@tool': [true] } } },
				{
					...output,
					default: 'simplified',
					description: 'How much of each record the model receives (every field costs its tokens)',
					displayOptions: { show: { ...show, '@tool': [true] } },
				},
			]
		: [{ ...output, displayOptions: { show } }];
	return [
		...outputs,
		{
			displayName: 'Fields',
			name: 'outputFields',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. first_name, last_name, mobile',
			description:
				'Field names, separated by commas; a dot reaches into an object (e.g. patient.first_name). The ID is always included.',
			displayOptions: { show: { ...show, output: ['selected'] } },
		},
	];
}

/** The default Output when the parameter is not stored: Simplified for the AI tool, else Raw. */
export function defaultMode(nodeType: string): OutputMode {
	return nodeType.endsWith('Tool') ? 'simplified' : 'raw';
}

/**
 * The shape an action's item is output in, read and checked before any request (so an invalid
 * Output or an empty Fields list sends nothing).
 */
export function readShape(ctx: IExecuteFunctions, itemIndex: number, kind: RecordKind): Shape {
	const value = ctx.getNodeParameter('output', itemIndex, defaultMode(ctx.getNode().type));
	if (!(MODES as readonly unknown[]).includes(value))
		throw invalid(ctx, itemIndex, 'Output', `expected one of ${MODES.join(', ')}`);
	const mode = value as OutputMode;
	const fields =
		mode === 'selected' ? fieldList(ctx.getNodeParameter('outputFields', itemIndex, '')) : [];
	if (mode === 'selected' && fields.length === 0)
		throw invalid(ctx, itemIndex, 'Fields', `name at least one field, e.g. ${listed(kind)}`);
	return shapeOf(kind, mode, fields);
}
