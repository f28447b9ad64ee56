import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { INFERRED } from './inferred';
import { heroApiRequest, type HeroContext, type HeroRequest } from './request';

/** Most pages Return All reads in one call, whatever Hero's `count` says. */
export const MAX_PAGES = 1_000;

/**
 * How Hero serves a list: `paged` with `page_index`/`page_size`; `unpaged` in one answer; `pagedWhenCounted`
 * (paging undocumented) in one answer, walked page by page only when that answer's `count` says it holds
 * less than all.
 */
export type Paging = 'paged' | 'unpaged' | 'pagedWhenCounted';

/** Hero lists answer `{ data: [...], count }`; some answer a bare array. */
export function recordsOf(page: unknown): IDataObject[] {
	if (Array.isArray(page)) return page as IDataObject[];
	const data = (page as { data?: unknown })?.data;
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}

/** What one request of a list brought: its records and Hero's `count` (the total or the page's size). */
export interface ListPage {
	records: IDataObject[];
	count: unknown;
}

/** One answer of a list: one page (`pageIndex` given, `pageSize` records a page) or the unpaged list. */
export async function readPage(
	this: HeroContext,
	request: HeroRequest,
	pageIndex?: number,
	pageSize: number = INFERRED.pageSize,
): Promise<ListPage> {
	const qs =
		pageIndex === undefined
			? request.qs
			: { ...request.qs, page_index: pageIndex, page_size: pageSize };
	const page = await heroApiRequest.call(this, { ...request, qs, expect: 'list' });
	return { records: recordsOf(page), count: (page as { count?: unknown })?.count };
}

/**
 * Walks `page_index`/`page_size` pages until `limit` records (or every record, when no limit)
 * have been read. Stops on a short or empty page, or once `count` records have been seen.
 * Never more than MAX_PAGES pages, and Return All fails at once when `count` says the list is
 * longer than that: a Hero that keeps sending full pages fails the call instead of looping.
 */
export async function heroApiRequestAllItems(
	this: HeroContext,
	request: HeroRequest,
	limit?: number,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	let previousFirst: string | undefined;
	const pageSize = limit !== undefined ? Math.min(limit, INFERRED.pageSize) : INFERRED.pageSize;
	const endless = (why: string) =>
		new NodeOperationError(this.getNode(), `Return All stopped: ${why}`, {
			itemIndex: request.itemIndex,
			description: `${request.method} ${request.path} was read page by page (${pageSize} records a page, at most ${MAX_PAGES} pages). Use Limit, or narrow the list with the operation's filters.`,
		});
	for (let pageIndex = INFERRED.firstPageIndex, pagesRead = 0; ; pageIndex++, pagesRead++) {
		if (pagesRead >= MAX_PAGES)
			throw endless(`Hero kept sending full pages for more than ${MAX_PAGES} pages`);
		const { records, count: total } = await readPage.call(this, request, pageIndex, pageSize);
		// A server that ignores page_index would send the same page forever: stop at a repeat.
		const first = records.length ? JSON.stringify(records[0]) : undefined;
		if (first !== undefined && first === previousFirst) return results;
		previousFirst = first;
		for (const record of records) {
			results.push(record);
			if (limit !== undefined && results.length >= limit) return results;
		}
		if (records.length === 0) return results;
		// A count beyond what MAX_PAGES pages hold fails at once rather than after MAX_PAGES requests.
		if (limit === undefined && typeof total === 'number' && total > MAX_PAGES * pageSize) {
			throw endless(`Hero counts ${total} records, more than ${MAX_PAGES} pages of ${pageSize}`);
		}
		// `count` may be the total or the page's own size (undocumented). A count above what was read
		// can only be the total: keep walking, even past a short page (Hero may cap page_size below ours).
		// Otherwise trust it only when it says more than one page exists, and let a short page end the walk.
		if (typeof total === 'number' && total > results.length) continue;
		const seenAll = typeof total === 'number' && total > pageSize && results.length >= total;
		if (records.length < pageSize || seenAll) return results;
	}
}

/**
 * Every record of a list (or the first `limit`), however Hero serves it (`paging`). The one way the
 * action node, the trigger and Get Many read a whole list.
 */
export async function readList(
	this: HeroContext,
	request: HeroRequest,
	paging: Paging,
	limit?: number,
): Promise<IDataObject[]> {
	if (paging === 'paged') return heroApiRequestAllItems.call(this, request, limit);
	const { records, count } = await readPage.call(this, request);
	const enough = limit !== undefined && records.length >= limit;
	if (
		paging === 'pagedWhenCounted' &&
		!enough &&
		typeof count === 'number' &&
		count > records.length
	) {
		return heroApiRequestAllItems.call(this, request, limit);
	}
	return limit === undefined ? records : records.slice(0, limit);
}
