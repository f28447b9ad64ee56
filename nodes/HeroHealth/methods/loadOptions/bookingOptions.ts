import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { searchAppointmentTypes } from '../listSearch/appointmentTypes';
import { searchLocations } from '../listSearch/locations';
import { searchPractitioners } from '../listSearch/practitioners';

type ListSearch = (this: ILoadOptionsFunctions, filter?: string) => Promise<INodeListSearchResult>;

/**
 * The options of a multi-select ("Practitioner Names or IDs"...), from the same Hero lists as the
 * "From list" pickers, narrowed the same way by what is already chosen.
 */
function fromListSearch(search: ListSearch) {
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const { results } = await search.call(this);
		return results.map(({ name, value }) => ({ name, value: String(value) }));
	};
}

export const loadAppointmentTypes = fromListSearch(searchAppointmentTypes);
export const loadLocations = fromListSearch(searchLocations);
export const loadPractitioners = fromListSearch(searchPractitioners);
