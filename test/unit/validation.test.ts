import { isEmail, isHeroId, normaliseNhsNumber, toIsoDate, toIsoDateTime, ukMobileToE164 } from '../../nodes/HeroHealth/validation';

describe('UK mobile numbers', () => {
	it.each([
		['07700900123', '+447700900123'],
		['07700 900123', '+447700900123'],
		['+44 7700 900 123', '+447700900123'],
		['447700900123', '+447700900123'],
		['0044 7700-900-123', '+447700900123'],
		['(07700) 900123', '+447700900123'],
		['+44 (0)7700 900123', '+447700900123'],
	])('%s → %s', (input, expected) => expect(ukMobileToE164(input)).toBe(expected));

	it.each(['0113 496 0000', '+1 202 555 0100', '0770090012', '077009001234', '+447700900abc', '+44 (0)0770 0900123', '007700900123', ''])('rejects %p', (input) =>
		expect(ukMobileToE164(input)).toBeUndefined(),
	);
});

describe('email', () => {
	it.each(['patient@example.com', 'a.b+c@nhs.net', 'x@sub.example.co.uk'])('accepts %s', (v) => expect(isEmail(v)).toBe(true));
	it.each(['patient@', '@example.com', 'a b@example.com', 'a@example', 'a@@example.com', 'a@-example.com'])('rejects %s', (v) =>
		expect(isEmail(v)).toBe(false),
	);
});

describe('NHS numbers (modulus 11)', () => {
	it.each([
		['943 476 5919', '9434765919'],
		['9434765870', '9434765870'],
		['943-476-5846', '9434765846'],
	])('accepts %s', (input, expected) => expect(normaliseNhsNumber(input)).toBe(expected));
	it.each(['9434765918', '123456789', '12345678901', 'abcdefghij', '1000000010' /* check digit would be 10: never valid */])('rejects %s', (input) =>
		expect(normaliseNhsNumber(input)).toBeUndefined(),
	);
});

describe('ids and dates', () => {
	it('Hero ids are digits', () => {
		expect(isHeroId('1234')).toBe(true);
		expect(isHeroId('12a')).toBe(false);
		expect(isHeroId('')).toBe(false);
	});

	it('date-times become ISO UTC; wall-clock times are read in the given zone', () => {
		expect(toIsoDateTime('2026-03-15T09:30:00Z')).toBe('2026-03-15T09:30:00.000Z');
		expect(toIsoDateTime('2026-03-15T09:30:00+01:00')).toBe('2026-03-15T08:30:00.000Z');
		expect(toIsoDateTime('2026-03-15T09:30:00', 'Europe/London')).toBe('2026-03-15T09:30:00.000Z'); // GMT
		expect(toIsoDateTime('2026-07-15T09:30:00', 'Europe/London')).toBe('2026-07-15T08:30:00.000Z'); // BST
		expect(toIsoDateTime('2026-07-15 09:30', 'America/New_York')).toBe('2026-07-15T13:30:00.000Z');
		expect(toIsoDateTime(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00.000Z');
		expect(toIsoDateTime({ toISO: () => '2026-07-15T09:30:00.000+01:00' })).toBe('2026-07-15T08:30:00.000Z');
		expect(toIsoDateTime('15/03/2026 09:30')).toBeUndefined();
		expect(toIsoDateTime('2026-13-45T09:30:00Z')).toBeUndefined();
	});

	it('dates become YYYY-MM-DD', () => {
		expect(toIsoDate('2026-03-15')).toBe('2026-03-15');
		expect(toIsoDate('2026-03-15T23:30:00+01:00')).toBe('2026-03-15');
		expect(toIsoDate({ toISODate: () => '2026-03-16' })).toBe('2026-03-16');
		expect(toIsoDate('March 15')).toBeUndefined();
		expect(toIsoDate('1986-02-30')).toBeUndefined();
		expect(toIsoDateTime('2026-04-31T09:00:00Z')).toBeUndefined();
		expect(toIsoDate('2024-02-29')).toBe('2024-02-29');
	});
});
