import type { IDataObject } from 'n8n-workflow';

import { zonedParts } from '../validation';

// Dates and times as Hero shows them: its time zone, today's date there, times as a person reads them.

/** Hero's calendar: dates are as Hero shows them, in Europe/London. */
export const HERO_TIME_ZONE = 'Europe/London';

/** Today's calendar date in `timeZone`, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now = Date.now()): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).format(now);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const wallClock = (p: Record<string, string>) =>
	`${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;

/**
 * A time as a patient reads it in `timeZone`: "Thu 4 Dec 2026, 10:00" (fixed English, whatever n8n's
 * locale). A wall-clock time that happens twice (01:30 on the day the clocks go back) names its zone,
 * "01:30 BST" or "01:30 GMT", so the two are never read as one.
 */
export function readableTime(iso: unknown, timeZone: string): string | undefined {
	const time = Date.parse(String(iso ?? ''));
	if (!Number.isFinite(time)) return undefined;
	const p = zonedParts(new Date(time), timeZone);
	const weekday =
		WEEKDAYS[new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day))).getUTCDay()];
	const text = `${weekday} ${Number(p.day)} ${MONTHS[Number(p.month) - 1]} ${p.year}, ${p.hour}:${p.minute}`;
	// Clocks go back by an hour (in Europe/London; other zones' shifts are also an hour or less).
	const here = wallClock(p);
	const repeated = [-3_600_000, 3_600_000, -1_800_000, 1_800_000].some(
		(shift) => wallClock(zonedParts(new Date(time + shift), timeZone)) === here,
	);
	if (!repeated) return text;
	const zone = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
		.formatToParts(new Date(time))
		.find((part) => part.type === 'timeZoneName')?.value;
	return zone ? `${text} ${zone}` : text;
}

/** `start_time_local`: the record's start as a patient reads it in Hero's zone (no request). */
export function localStart(record: IDataObject, timeZone = HERO_TIME_ZONE): IDataObject {
	const local = readableTime(record.start_time, timeZone);
	return local ? { start_time_local: local } : {};
}
