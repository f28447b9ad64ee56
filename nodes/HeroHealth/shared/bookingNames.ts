import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { heroApiRequest, recordsOf, type HeroContext } from '../transport';
import { HERO_TIME_ZONE, localStart } from './time';

/** A practitioner's name ("Dr Priya Shah"); Hero's practitioner fields were not captured, so several names are tried. */
export function practitionerFullName(practitioner: IDataObject): string | undefined {
	const named = practitioner.name ?? practitioner.display_name ?? practitioner.full_name;
	const parts = [practitioner.title, practitioner.first_name, practitioner.last_name].filter(
		(part) => typeof part === 'string' && part !== '',
	);
	return typeof named === 'string' && named ? named : parts.length ? parts.join(' ') : undefined;
}

/**
 * Names of the booking ids (appointment type, location, practitioner) for outputs a person reads,
 * e.g. an SMS after Book Next Available. Each list is read once per execution (Hero has no single
 * GET for an appointment type or a location); a list that cannot be read gives no names, never an
 * error: the names only decorate an output whose booking already happened.
 */
export type NamedKind = 'appointmentType' | 'location' | 'practitioner';

const LISTS: Record<NamedKind, { path: string; name(record: IDataObject): string | undefined }> = {
	appointmentType: { path: '/v1/appointment_types', name: (record) => textOf(record.name) },
	location: { path: '/v1/locations', name: (record) => textOf(record.name) },
	practitioner: { path: '/v1/practitioners', name: practitionerFullName },
};

function textOf(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const readLists = new WeakMap<object, Map<NamedKind, Promise<Map<string, string>>>>();

async function namesOf(
	ctx: HeroContext,
	kind: NamedKind,
	itemIndex: number,
): Promise<Map<string, string>> {
	const { path, name } = LISTS[kind];
	// Only Hero's answers (NodeApiError) are swallowed: anything else, such as the router's check-pass
	// gate, goes on.
	const answer = await heroApiRequest
		.call(ctx, { method: 'GET', path, expect: 'list', itemIndex })
		.then(
			(value) => value,
			(error: unknown) => (error instanceof NodeApiError ? undefined : Promise.reject(error)),
		);
	const named = new Map<string, string>();
	for (const record of answer === undefined ? [] : recordsOf(answer)) {
		const text = name(record);
		if (text !== undefined) named.set(String(record.id), text);
	}
	return named;
}

/** The name Hero gives `id` of `kind`, or undefined when Hero's list does not name it (or cannot be read). */
export async function bookingName(
	ctx: HeroContext,
	itemIndex: number,
	kind: NamedKind,
	id: string | undefined,
): Promise<string | undefined> {
	if (!id) return undefined;
	let lists = readLists.get(ctx);
	if (!lists) readLists.set(ctx, (lists = new Map()));
	let names = lists.get(kind);
	if (!names) lists.set(kind, (names = namesOf(ctx, kind, itemIndex)));
	return (await names).get(id);
}

const NAMED = [
	['appointmentType', 'appointment_type_id', 'appointment_type_name'],
	['practitioner', 'practitioner_id', 'practitioner_name'],
	['location', 'location_id', 'location_name'],
] as const;

/**
 * What a person reads of an appointment or slot, beside Hero's UTC fields: its
 * start in Hero's zone, `start_time_local`, and the names Hero's lists give its appointment type,
 * practitioner and location (left out when they do not; reading them never fails the item). The same
 * fields, in the same form, on every appointment and slot output, so a message can quote them.
 */
export async function readableFields(
	ctx: HeroContext,
	itemIndex: number,
	record: IDataObject,
	timeZone = HERO_TIME_ZONE,
): Promise<IDataObject> {
	const fields = localStart(record, timeZone);
	const found = await Promise.all(
		NAMED.map(([kind, key]) =>
			record[key] === undefined || record[key] === null
				? undefined
				: bookingName(ctx, itemIndex, kind, String(record[key])),
		),
	);
	NAMED.forEach(([, , field], index) => {
		if (found[index] !== undefined) fields[field] = found[index];
	});
	return fields;
}
