import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { searchHeroList } from './pagedSearch';

/** Practice admins (`GET /v1/admins`), by first name. */
export async function searchAdmins(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return searchHeroList.call(
		this,
		{
			path: '/v1/admins',
			paged: true,
			qs: { order_by: 'first_name' },
			label: (admin) =>
				`${String(admin.first_name ?? '')} ${String(admin.last_name ?? '')}`.trim() +
				(admin.email ? ` (${String(admin.email)})` : ''),
		},
		filter,
		paginationToken,
	);
}
