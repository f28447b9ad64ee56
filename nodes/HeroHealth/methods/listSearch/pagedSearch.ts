import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { INFERRED, readPage } from '../../transport';

export interface SearchSource {
	path: string;
	qs?: IDataObject;
	/** The entry's name in the dropdown. */
	label(record: IDataObject): string;
	/** Whether Hero pages this list with `page_index`/`page_size` (one page per dropdown scroll). */
	paged: boolean;
}

/** Keeps the records whose label contains the typed filter (case-insensitive), as dropdown entries. */
export function toSearchItems(
	records: IDataObject[],
	label: (record: IDataObject) => string,
	filter?: string,
): INodeListSearchItems[] {
	const needle = (filter ?? '').trim().toLowerCase();
	return records
		.filter((record) => record.id !== undefined && record.id !== null && record.id !== '')
		.map((record) => ({ name: label(record), value: String(record.id) }))
		.filter((item) => !needle || item.name.toLowerCase().includes(needle) || item.value === needle);
}

/** A "From list" dropdown over one of Hero's lists; the pagination token is the next page index. */
export async function searchHeroList(
	this: ILoadOptionsFunctions,
	source: SearchSource,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const pageIndex = paginationToken ? Number(paginationToken) : INFERRED.firstPageIndex;
	const { records } = await readPage.call(
		this,
		{ method: 'GET', path: source.path, qs: source.qs },
		source.paged ? pageIndex : undefined,
	);
	const more = source.paged && records.length >= INFERRED.pageSize;
	return {
		results: toSearchItems(records, source.label, filter),
		paginationToken: more ? String(pageIndex + 1) : undefined,
	};
}
