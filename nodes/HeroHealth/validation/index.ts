/**
 * Checks run before a request is built, so an invalid item never reaches Hero.
 * Each returns the value in the form Hero expects, or undefined when the input is invalid.
 * Error texts elsewhere never repeat the rejected value: it may be a patient's phone or email.
 */

/**
 * A phone number in E.164 (`+` then 8 to 15 digits, the first 1-9), or undefined.
 * Hero documents contact details only as "phone", so any valid E.164 number is accepted, landlines
 * included. UK forms are normalised: 07700 900123, 0113 496 0000, 447700900123, +44 (0)7700 900123.
 * An international number needs `+` or `00`. A +44 number must fit the UK plan: 9 or 10 digits after
 * 44, and exactly 10 for the 7 (mobile) range, so a UK mobile one digit short or long is refused.
 */
export function phoneToE164(input: string): string | undefined {
	const compact = input.replace(/[\s\-().]/g, '');
	let digits: string;
	if (/^(?:\+|00)\d+$/.test(compact)) digits = compact.replace(/^(?:\+|00)/, '');
	else if (/^0[1-9]\d+$/.test(compact)) digits = `44${compact.slice(1)}`;
	else if (/^447\d{9}$/.test(compact))
		digits = compact; // a UK mobile written without the +
	else return undefined;
	// The trunk 0 after the country code ("+44 (0)7700 900123") is written but not dialled.
	if (digits.startsWith('440')) digits = `44${digits.slice(3)}`;
	if (!/^[1-9]\d{7,14}$/.test(digits)) return undefined;
	if (digits.startsWith('44')) {
		const national = digits.slice(2);
		if (!/^[1-9]\d{8,9}$/.test(national) || (national.startsWith('7') && national.length !== 10))
			return undefined;
	}
	return `+${digits}`;
}

/**
 * Whether `input` is only the digits of a UK number whose leading 0 was lost (7700900001 for
 * 07700 900001): what a spreadsheet keeps of a phone column it stores as numbers. Never accepted as
 * such (it could be meant otherwise); the error says how to put the 0 back.
 */
export function lostLeadingZero(input: string): boolean {
	const compact = input.replace(/[\s\-().]/g, '');
	return /^[1-9]\d{8,9}$/.test(compact) && phoneToE164(`0${compact}`) !== undefined;
}

export function isEmail(input: string): boolean {
	return (
		/^[^\s@"<>(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(
			input.trim(),
		) && input.length <= 254
	);
}

/** NHS numbers: 10 digits (spaces or dashes allowed), modulus-11 check digit. Returns the digits. */
export function normaliseNhsNumber(input: string): string | undefined {
	const digits = input.replace(/[\s-]/g, '');
	if (!/^\d{10}$/.test(digits)) return undefined;
	let sum = 0;
	for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
	const check = 11 - (sum % 11);
	const expected = check === 11 ? 0 : check;
	if (expected === 10 || expected !== Number(digits[9])) return undefined;
	return digits;
}

/** Hero ids are numeric strings. */
export function isHeroId(input: string): boolean {
	return /^\d+$/.test(input);
}

/**
 * An id Hero documents only as a string (no pattern): any text that stays one path segment once
 * encoded, so not `.` or `..` and no slash, backslash or NUL (the transport refuses those).
 */
export function isPathSegmentText(input: string): boolean {
	return input !== '' && !/^\.+$/.test(input) && !/[/\\]/.test(input) && !input.includes('\u0000');
}

// One formatter per zone: building an Intl.DateTimeFormat costs far more than using it, and a Return
// All of 10,000 slots formats each start five times (readableTime).
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `date` in `timeZone`: `year`, `month`, `day`, `hour` (00-23), `minute`, `second`, zero-padded. */
export function zonedParts(date: Date, timeZone: string): Record<string, string> {
	let format = partsFormatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-GB', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		partsFormatters.set(timeZone, format);
	}
	return Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
}

/** Offset of `timeZone` from UTC at `date`, in minutes. */
function zoneOffsetMinutes(date: Date, timeZone: string): number {
	const parts = zonedParts(date, timeZone);
	const get = (type: string) => Number(parts[type]);
	const asUtc = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second'),
	);
	return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

/** Anything n8n may hand us for a date: a string, a JS Date, a Luxon DateTime from an expression. */
function toDate(input: unknown, timeZone = 'UTC'): Date | undefined {
	if (input === undefined || input === null || input === '') return undefined;
	if (input instanceof Date) return Number.isNaN(input.getTime()) ? undefined : input;
	if (typeof input === 'object' && typeof (input as { toISO?: unknown }).toISO === 'function') {
		const iso = (input as { toISO: () => string | null }).toISO();
		return iso ? toDate(iso, timeZone) : undefined;
	}
	if (typeof input !== 'string') return undefined;
	const text = input.trim();
	// Full ISO 8601 date-time with an offset or Z, or a bare date; n8n's UI emits `YYYY-MM-DDTHH:mm:ss`.
	if (
		!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(
			text,
		)
	)
		return undefined;
	// JavaScript rolls 2026-02-30 over to March: reject calendar dates that do not exist.
	const [year, month, day] = text.slice(0, 10).split('-').map(Number);
	const calendar = new Date(Date.UTC(year, month - 1, day));
	if (
		calendar.getUTCFullYear() !== year ||
		calendar.getUTCMonth() !== month - 1 ||
		calendar.getUTCDate() !== day
	)
		return undefined;
	if (text.length === 10) return calendar;
	const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/.test(text);
	const date = new Date(`${text.replace(' ', 'T')}${hasOffset ? '' : 'Z'}`);
	if (Number.isNaN(date.getTime())) return undefined;
	if (hasOffset || timeZone === 'UTC') return date;
	// A wall-clock time without offset (n8n's date picker) is read in the workflow's time zone.
	const guess = new Date(date.getTime() - zoneOffsetMinutes(date, timeZone) * 60000);
	return new Date(date.getTime() - zoneOffsetMinutes(guess, timeZone) * 60000);
}

/**
 * ISO 8601 UTC date-time, e.g. `2026-03-15T09:30:00.000Z`. Text without an offset is a wall-clock
 * time in `timeZone` (the workflow's, e.g. Europe/London).
 */
export function toIsoDateTime(input: unknown, timeZone = 'UTC'): string | undefined {
	return toDate(input, timeZone)?.toISOString();
}

/** `YYYY-MM-DD`. A date-time keeps its own calendar date where given as text. */
export function toIsoDate(input: unknown): string | undefined {
	if (typeof input === 'string' && /^\d{4}-\d{2}-\d{2}/.test(input.trim()) && toDate(input))
		return input.trim().slice(0, 10);
	if (
		input &&
		typeof input === 'object' &&
		typeof (input as { toISODate?: unknown }).toISODate === 'function'
	) {
		return (input as { toISODate: () => string | null }).toISODate() ?? undefined;
	}
	return toDate(input)?.toISOString().slice(0, 10);
}
