import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { templateName } from '../../actions/messageTemplate/template';
import { searchHeroList } from './pagedSearch';

/** Message templates (`GET /v1/templates`, not paged). */
export async function searchMessageTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return searchHeroList.call(this, { path: '/v1/templates', paged: false, label: templateName }, filter);
}
