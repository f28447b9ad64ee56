import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { practitionerFullName } from '../../methods/listSearch/practitioners';
import { heroApiRequest, recordsOf, type HeroContext } from '../../transport';
import { zonedParts } from '../../validation';

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

async function namesOf(ctx: HeroContext, kind: NamedKind, itemIndex: number): Promise<Map<string, string>> {
	const { path, name } = LISTS[kind];
	// Only Hero's answers (NodeApiError) are swallowed: anything else, such as the router's check-pass
	// gate, goes on.
	const answer = await heroApiRequest.call(ctx, { method: 'GET', path, expect: 'list', itemIndex }).then(
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
export async function bookingName(ctx: HeroContext, itemIndex: number, kind: NamedKind, id: string | undefined): Promise<string | undefined> {
	if (!id) return undefined;
	let lists = readLists.get(ctx);
	if (!lists) readLists.set(ctx, (lists = new Map()));
	let names = lists.get(kind);
	if (!names) lists.set(kind, (names = namesOf(ctx, kind, itemIndex)));
	return (await names).get(id);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const wallClock = (p: Record<string, string>) => `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;

/**
 * A time as a patient reads it in `timeZone`: "Thu 4 Dec 2026, 10:00" (fixed English, whatever n8n's
 * locale). A wall-clock time that happens twice (01:30 on the day the clocks go back) names its zone,
 * "01:30 BST" or "01:30 GMT", so the two are never read as one.
 */
export function readableTime(iso: unknown, timeZone: string): string | undefined {
	const time = Date.parse(String(iso ?? ''));
	if (!Number.isFinite(time)) return undefined;
	const p = zonedParts(new Date(time), timeZone);
	const weekday = WEEKDAYS[new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day))).getUTCDay()];
	const text = `${weekday} ${Number(p.day)} ${MONTHS[Number(p.month) - 1]} ${p.year}, ${p.hour}:${p.minute}`;
	// Clocks go back by an hour (in Europe/London; other zones' shifts are also an hour or less).
	const here = wallClock(p);
	const repeated = [-3_600_000, 3_600_000, -1_800_000, 1_800_000].some((shift) => wallClock(zonedParts(new Date(time + shift), timeZone)) === here);
	if (!repeated) return text;
	const zone = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(new Date(time)).find((part) => part.type === 'timeZoneName')?.value;
	return zone ? `${text} ${zone}` : text;
}

/** Hero's zone, in which its own screens show times. */
export const HERO_DISPLAY_ZONE = 'Europe/London';

/** `start_time_local`: the record's start as a patient reads it in Hero's zone (no request). */
export function localStart(record: IDataObject, timeZone = HERO_DISPLAY_ZONE): IDataObject {
	const local = readableTime(record.start_time, timeZone);
	return local ? { start_time_local: local } : {};
}

const NAMED = [
	['appointmentType', 'appointment_type_id', 'appointment_type_name'],
	['practitioner', 'practitioner_id', 'practitioner_name'],
	['location', 'location_id', 'location_name'],
] as const;

/**
 * What a person reads of an appointment or slot, beside Hero's UTC fields (issue 24 point 21): its
 * start in Hero's zone, `start_time_local`, and the names Hero's lists give its appointment type,
 * practitioner and location (left out when they do not; reading them never fails the item). The same
 * fields, in the same form, on every appointment and slot output, so a message can quote them.
 */
export async function readableFields(ctx: HeroContext, itemIndex: number, record: IDataObject, timeZone = HERO_DISPLAY_ZONE): Promise<IDataObject> {
	const fields = localStart(record, timeZone);
	const found = await Promise.all(NAMED.map(([kind, key]) => (record[key] === undefined || record[key] === null ? undefined : bookingName(ctx, itemIndex, kind, String(record[key])))));
	NAMED.forEach(([, , field], index) => {
		if (found[index] !== undefined) fields[field] = found[index];
	});
	return fields;
}
