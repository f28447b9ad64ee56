import type { IDataObject } from 'n8n-workflow';

import { INFERRED } from '../transport';

/**
 * A message template's name and text (`GET /v1/templates`), for Message → Send and the template list.
 * Hero's answer was never captured: the fields read for them are guesses kept in INFERRED.
 */

function firstText(record: IDataObject, fields: readonly string[]): string | undefined {
	for (const field of fields) {
		const value = record[field];
		if (typeof value === 'string' && value.trim() !== '') return value;
	}
	return undefined;
}

export function templateName(record: IDataObject): string {
	return firstText(record, INFERRED.templateNameFields) ?? `Template ${String(record.id)}`;
}

export function templateText(record: IDataObject): string | undefined {
	return firstText(record, INFERRED.templateTextFields);
}
