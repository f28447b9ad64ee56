import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { heroApiRequest, recordsOf } from '../../transport';

/**
 * The id already chosen in the first of `paths` that holds one (a locator or plain text of
 * digits); expressions and empty values are skipped. Used to narrow one list by another choice.
 */
export function chosenId(ctx: ILoadOptionsFunctions, paths: string[]): string | undefined {
	for (const path of paths) {
		let value: unknown;
		try {
			value = ctx.getCurrentNodeParameter(path);
		} catch {
			continue;
		}
		if (value && typeof value === 'object' && 'value' in value)
			value = (value as IDataObject).value;
		if (typeof value === 'number') value = String(value);
		if (typeof value === 'string' && /^\d+$/.test(value.trim())) return value.trim();
	}
	return undefined;
}

/** Search results sorted by name, keeping those whose name or id contains the typed filter. */
export function toResults(entries: INodeListSearchItems[], filter?: string): INodeListSearchResult {
	const text = (filter ?? '').trim().toLowerCase();
	const results = entries
		.filter(
			(entry) => !text || entry.name.toLowerCase().includes(text) || String(entry.value) === text,
		)
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/** "From list" of Appointment Type locators: narrowed to the chosen location when there is one. */
export async function searchAppointmentTypes(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const locationId = chosenId(this, ['locationId', 'filters.locationId']);
	const page = await heroApiRequest.call(this, {
		method: 'GET',
		path: '/v1/appointment_types',
		qs: locationId ? { location_ids: [locationId] } : undefined,
		expect: 'list',
	});
	const entries = recordsOf(page).map((type) => {
		const minutes = typeof type.duration === 'number' ? ` (${type.duration} min)` : '';
		return {
			name: `${String(type.name ?? `Appointment type ${type.id}`)}${minutes}`,
			value: String(type.id),
		};
	});
	return toResults(entries, filter);
}
