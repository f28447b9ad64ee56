import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { practitionerFullName } from '../../shared/bookingNames';
import { heroApiRequest, recordsOf } from '../../transport';
import { chosenId, toResults } from './appointmentTypes';

/** A practitioner's label in the lists: the name, and the type unless the name says it. */
export function practitionerName(practitioner: IDataObject): string {
	const name = practitionerFullName(practitioner) ?? `Practitioner ${practitioner.id}`;
	const type = practitioner.practitioner_type;
	// "Nurse Ali Khan" already says the type: only add it when the name does not.
	if (typeof type !== 'string' || !type || name.toLowerCase().includes(type.toLowerCase()))
		return name;
	return `${name} (${type})`;
}

/** "From list" of Practitioner locators: narrowed to the chosen location and appointment type. */
export async function searchPractitioners(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const locationId = chosenId(this, ['locationId', 'filters.locationId']);
	const appointmentTypeId = chosenId(this, ['appointmentTypeId', 'filters.appointmentTypeId']);
	const qs: IDataObject = {};
	if (locationId) qs.location_ids = [locationId];
	if (appointmentTypeId) qs.appointment_type_ids = [appointmentTypeId];
	const page = await heroApiRequest.call(this, {
		method: 'GET',
		path: '/v1/practitioners',
		qs,
		expect: 'list',
	});
	const entries = recordsOf(page).map((practitioner) => ({
		name: practitionerName(practitioner),
		value: String(practitioner.id),
	}));
	return toResults(entries, filter);
}
