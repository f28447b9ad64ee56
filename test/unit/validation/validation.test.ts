import {
	isEmail,
	isHeroId,
	normaliseNhsNumber,
	phoneToE164,
	toIsoDate,
	toIsoDateTime,
} from '../../../nodes/HeroHealth/validation';

describe('UK mobile numbers', () => {
	it.each([
		['07700900123', '+447700900123'],
		['07700 900123', '+447700900123'],
		['+44 7700 900 123', '+447700900123'],
		['447700900123', '+447700900123'],
		['0044 7700-900-123', '+447700900123'],
		['(07700) 900123', '+447700900123'],
		['+44 (0)7700 900123', '+447700900123'],
	])('%s → %s', (input, expected) => expect(phoneToE164(input)).toBe(expected));

	it.each([
		'0770090012',
		'077009001234',
		'+447700900abc',
		'+44 (0)0770 0900123',
		'44770090012',
		'',
	])('rejects %p', (input) => expect(phoneToE164(input)).toBeUndefined());
});

describe('phone numbers (UK formats normalised, any valid E.164 accepted)', () => {
	it.each([
		['07700900123', '+447700900123'],
		['+44 (0)7700 900123', '+447700900123'],
		['447700900123', '+447700900123'],
		['0044 7700-900-123', '+447700900123'],
		['0113 496 0000', '+441134960000'],
		['+44 113 496 0000', '+441134960000'],
		['+33 6 12 34 56 78', '+33612345678'],
		['0033 6 12 34 56 78', '+33612345678'],
		['+1 (415) 555-0123', '+14155550123'],
		['+1.415.555.0123', '+14155550123'],
		['+49 1512 3456789', '+4915123456789'],
		['+86 138 0013 8000', '+8613800138000'],
		['+12345678', '+12345678'],
		['+123456789012345', '+123456789012345'],
	])('%s → %s', (input, expected) => expect(phoneToE164(input)).toBe(expected));

	it.each([
		'',
		'+',
		'+0612345678',
		'+1234567',
		'+1234567890123456',
		'+33 6 12 AB 56 78',
		'33612345678',
		'612345678',
		'07700 90012',
		'077009001234',
		'+44 7700 9001234',
		'+44 7700 90012',
		'+44 0113 496 0000 0',
		'00 0',
		'++447700900123',
	])('refuses %p', (input) => expect(phoneToE164(input)).toBeUndefined());
});

describe('email', () => {
	it.each(['patient@example.com', 'a.b+c@nhs.net', 'x@sub.example.co.uk'])('accepts %s', (v) =>
		expect(isEmail(v)).toBe(true),
	);
	it.each([
		'patient@',
		'@example.com',
		'a b@example.com',
		'a@example',
		'a@@example.com',
		'a@-example.com',
	])('rejects %s', (v) => expect(isEmail(v)).toBe(false));
});

describe('NHS numbers (modulus 11)', () => {
	it.each([
		['943 476 5919', '9434765919'],
		['9434765870', '9434765870'],
		['943-476-5846', '9434765846'],
	])('accepts %s', (input, expected) => expect(normaliseNhsNumber(input)).toBe(expected));
	it.each([
		'9434765918',
		'123456789',
		'12345678901',
		'abcdefghij',
		'1000000010' /* check digit would be 10: never valid */,
	])('rejects %s', (input) => expect(normaliseNhsNumber(input)).toBeUndefined());
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
		expect(toIsoDateTime({ toISO: () => '2026-07-15T09:30:00.000+01:00' })).toBe(
			'2026-07-15T08:30:00.000Z',
		);
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
