import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { INFERRED } from '../../transport';
import { searchHeroList } from './pagedSearch';

/** The answer of `GET /v2/automated_messages` was never captured: the label uses the inferred fields found. */
export function automatedMessageLabel(record: IDataObject): string {
	const parts = INFERRED.automatedMessageLabelFields
		.map((field) => record[field])
		.filter((value) => typeof value === 'string' && value !== '');
	return [`#${String(record.id)}`, ...parts].join(' · ');
}

/** Automated messages (`GET /v2/automated_messages`), newest first. */
export async function searchAutomatedMessages(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return searchHeroList.call(
		this,
		{
			path: '/v2/automated_messages',
			paged: true,
			qs: { orderBy: 'createdAt', order_descending: true },
			label: automatedMessageLabel,
		},
		filter,
		paginationToken,
	);
}
