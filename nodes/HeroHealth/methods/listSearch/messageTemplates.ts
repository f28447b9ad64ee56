import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { templateName, templateText } from '../../shared/templates';
import { searchHeroList } from './pagedSearch';

const PREVIEW_CHARACTERS = 80;

/** The start of a template's text: white space collapsed, cut at a word within the limit. */
function preview(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= PREVIEW_CHARACTERS) return flat;
	const cut = flat.slice(0, PREVIEW_CHARACTERS + 1);
	const atWord = cut.lastIndexOf(' ');
	return `${(atWord > 0 ? cut.slice(0, atWord) : cut.slice(0, PREVIEW_CHARACTERS)).trimEnd()}…`;
}

/**
 * "Appointment reminder: Reminder: you have an appointment…". n8n's list shows only an entry's
 * name, and keeps it in the field once chosen: the text in the name is what lets a user see what
 * the template will send.
 */
export function templateLabel(record: IDataObject): string {
	const name = templateName(record);
	const text = templateText(record);
	return text && text.trim() ? `${name}: ${preview(text)}` : name;
}

/** Message templates (`GET /v1/templates`, not paged). */
export async function searchMessageTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return searchHeroList.call(
		this,
		{ path: '/v1/templates', paged: false, label: templateLabel },
		filter,
	);
}
