import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchHeroList } from './pagedSearch';

/** Batch messages (`GET /v1/batch_message`), newest pages first as Hero returns them. */
export async function searchBatchMessages(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return searchHeroList.call(
		this,
		{
			path: '/v1/batch_message',
			paged: true,
			label: (batch) =>
				`${String(batch.name ?? `Batch ${String(batch.id)}`)} (${[batch.channel, batch.status].filter(Boolean).join(', ')})`,
		},
		filter,
		paginationToken,
	);
}
