import type { IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * Keys whose text is an identifier, a status, a kind or a time, never a person's details.
 * Everything else that is text (names, contact details, message text, NHS numbers, dates of
 * birth, addresses) is left out: a practice may not keep it in n8n's execution history.
 */
const KEPT_TEXT = /^(?:id|uuid|status|state|type|event|object)$|_(?:id|ids|uuid|status|type|at|time)$/;

/** Numbers are kept only under the same keys, or as counts: a phone or NHS number may come as digits. */
const KEPT_NUMBER = /^(?:count|total|attempts?|page_index|page_size)$/;

function minimalValue(key: string, value: unknown): unknown {
	if (value === null || typeof value === 'boolean') return value;
	if (Array.isArray(value)) {
		const kept = value.map((entry) => minimalValue(key, entry)).filter((entry) => entry !== undefined);
		return kept.length || !value.length ? kept : undefined;
	}
	if (typeof value === 'object') return minimalOutput(value as IDataObject);
	if (typeof value === 'string') return KEPT_TEXT.test(key) ? value : undefined;
	if (typeof value === 'number') return KEPT_TEXT.test(key) || KEPT_NUMBER.test(key) ? value : undefined;
	return undefined;
}

/** The record with only its ids, statuses, kinds, times and flags: no contact details or free text. */
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
	default: false,
	description:
		"Whether to output only IDs, statuses, types and times, leaving out contact details, names and message text, so that n8n's execution history keeps no patient details",
};
