import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { heroApiRequest, recordsOf } from '../../transport';

/** Practice forms (`GET /v1/forms`); the typed text goes to Hero's own `search`. */
export async function searchForms(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const search = (filter ?? '').trim();
	const page = await heroApiRequest.call(this, {
		method: 'GET',
		path: '/v1/forms',
		qs: search ? { search } : undefined,
		expect: 'list',
	});
	const results = recordsOf(page)
		.filter((form) => form.id !== undefined && form.id !== null && form.id !== '')
		.map((form) => ({
			name: `${String(form.title ?? `Form ${String(form.id)}`)}${form.form_type ? ` (${String(form.form_type).replace(/_/g, ' ')})` : ''}`,
			value: String(form.id),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
