import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { heroApiRequest, recordsOf } from '../../transport';
import { chosenId, toResults } from './appointmentTypes';

/** "From list" of Location locators: narrowed to the chosen appointment type when there is one. */
export async function searchLocations(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const appointmentTypeId = chosenId(this, ['appointmentTypeId', 'filters.appointmentTypeId']);
	const page = await heroApiRequest.call(this, {
		method: 'GET',
		path: '/v1/locations',
		qs: appointmentTypeId ? { appointment_type_ids: [appointmentTypeId] } : undefined,
		expect: 'list',
	});
	const entries = recordsOf(page).map((location) => ({
		name: String(location.name ?? `Location ${location.id}`),
		value: String(location.id),
	}));
	return toResults(entries, filter);
}
