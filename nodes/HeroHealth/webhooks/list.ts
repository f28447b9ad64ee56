import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { INFERRED, readList, type HeroContext } from '../transport';

/** Reading Hero's webhook registrations: used by the trigger and by Webhook → Get Many / Delete. */

export interface Registration {
	id: string;
	event_type: string;
	url: string;
	signing_key?: string;
}

/**
 * `GET /v1/webhooks`: the practice group's registrations (the action node's Webhook → Get Many
 * reads them here too). Paging is not documented for this list: page parameters are sent only when
 * the first answer's `count` says it holds less than all (`INFERRED.webhookListPagedWhenCountExceeds`).
 */
export async function listWebhooks(
	ctx: HeroContext,
	qs?: IDataObject,
	limit?: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const request = { method: 'GET' as const, path: '/v1/webhooks', qs, itemIndex };
	return readList.call(
		ctx,
		request,
		INFERRED.webhookListPagedWhenCountExceeds ? 'pagedWhenCounted' : 'unpaged',
		limit,
	);
}

export async function listRegistrations(ctx: IHookFunctions): Promise<Registration[]> {
	const records = await listWebhooks(ctx);
	return records.map((record) => ({
		id: String(record.id),
		event_type: String(record.event_type),
		url: String(record.url),
		...(typeof record.signing_key === 'string' ? { signing_key: record.signing_key } : {}),
	}));
}
