import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { INFERRED } from '../../transport';
import { searchHeroList } from './pagedSearch';

function label(link: IDataObject): string {
	const name =
		typeof link.link_name === 'string' && link.link_name
			? link.link_name
			: `Booking link ${String(link.id)}`;
	const state = link.active === false ? ', inactive' : '';
	const patient = link.patient_id ? `patient ${String(link.patient_id)}` : 'generic';
	return `${name} (${patient}${state})`;
}

/** Booking links (`GET /v2/bookinglinks`), by name; one page per scroll. */
export async function searchBookingLinks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return searchHeroList.call(
		this,
		{ path: '/v2/bookinglinks', paged: INFERRED.bookingLinksPaged, label },
		filter,
		paginationToken,
	);
}
