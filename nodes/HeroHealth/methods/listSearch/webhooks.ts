import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchHeroList } from './pagedSearch';

function label(webhook: IDataObject): string {
	return `${String(webhook.event_type ?? 'unknown event')} → ${String(webhook.url ?? '')}`.trim();
}

/** Webhook registrations (`GET /v1/webhooks`, not paged per the docs), as "event → url". */
export async function searchWebhooks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return searchHeroList.call(
		this,
		{ path: '/v1/webhooks', paged: false, label },
		filter,
		paginationToken,
	);
}
