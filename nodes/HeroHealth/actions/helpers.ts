import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { invalid } from '../privacy/invalid';
import { readList, type HeroRequest } from '../transport';
import { isHeroId, toIsoDate, toIsoDateTime } from '../validation';

/**
 * The value of a resource locator (`{ __rl, mode, value }`), as a collection returns it (n8n's
 * `extractValue` only opens top-level locators); anything else as it is, e.g. the plain id string
 * of a workflow saved before the field was a locator.
 */
export function locatorValue(value: unknown): unknown {
	if (value && typeof value === 'object' && !Array.isArray(value) && '__rl' in value)
		return (value as IDataObject).value;
	return value;
}

function asText(value: unknown): string {
	const plain = locatorValue(value);
	if (plain === undefined || plain === null) return '';
	if (typeof plain === 'object') return '';
	return String(plain).trim();
}

export function requireString(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	field: string,
): string {
	return requireText(
		ctx,
		itemIndex,
		field,
		ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }),
	);
}

/** The check of `requireString`, for a value already read (each read of an expression evaluates it again). */
export function requireText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	given: unknown,
): string {
	const value = locatorValue(given);
	if (typeof value === 'object' && value !== null)
		throw invalid(ctx, itemIndex, field, 'expected text, got an object or list');
	const text = asText(value);
	if (!text) throw invalid(ctx, itemIndex, field, 'is required');
	return text;
}

/** A Hero id (numeric string), from a plain field or a resource locator. */
export function requireId(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	field: string,
): string {
	const id = requireString(ctx, name, itemIndex, field);
	if (!isHeroId(id))
		throw invalid(ctx, itemIndex, field, 'expected a numeric Hero ID such as 1234');
	return id;
}

export function checkId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const id = asText(value);
	if (!isHeroId(id))
		throw invalid(ctx, itemIndex, field, 'expected a numeric Hero ID such as 1234');
	return id;
}

/**
 * An optional Hero id (e.g. Additional Fields → Patient ID): undefined when empty (a locator with
 * nothing chosen too), else `checkId` (so a list or object from an expression is refused, not dropped).
 */
export function optionalId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string | undefined {
	const plain = locatorValue(value);
	if (plain === undefined || plain === null || (typeof plain === 'string' && plain.trim() === ''))
		return undefined;
	return checkId(ctx, itemIndex, field, value);
}

/** Several ids given as a list, or as text separated by commas. */
export function checkIdList(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string[] {
	const parts = Array.isArray(value)
		? value.map(asText)
		: asText(value)
				.split(',')
				.map((part) => part.trim());
	const ids = parts.filter((part) => part !== '');
	for (const id of ids)
		if (!isHeroId(id))
			throw invalid(ctx, itemIndex, field, 'expected numeric Hero IDs separated by commas');
	return ids;
}

export function checkDateTime(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const iso = toIsoDateTime(value, ctx.getTimezone());
	if (!iso)
		throw invalid(
			ctx,
			itemIndex,
			field,
			'expected an ISO 8601 date-time such as 2026-03-15T09:30:00Z',
		);
	return iso;
}

export function checkDate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const date = toIsoDate(value);
	if (!date) throw invalid(ctx, itemIndex, field, 'expected a date such as 2026-03-15');
	return date;
}

/**
 * `checkDate`, also refusing days that do not exist (2026-02-30): JavaScript's Date rolls those
 * over to the next month instead of failing.
 */
export function checkCalendarDate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): string {
	const date = checkDate(ctx, itemIndex, field, value);
	const parsed = new Date(`${date}T00:00:00Z`);
	if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date)
		throw invalid(ctx, itemIndex, field, 'expected a date such as 2026-03-15');
	return date;
}

export function checkOneOf<T extends string>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	allowed: readonly T[],
): T {
	const text = asText(value);
	if (!(allowed as readonly string[]).includes(text))
		throw invalid(ctx, itemIndex, field, `expected one of ${allowed.join(', ')}`);
	return text as T;
}

export function checkBoolean(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw invalid(ctx, itemIndex, field, 'expected true or false');
}

export function checkNumber(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	min = Number.NEGATIVE_INFINITY,
): number {
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim() !== ''
				? Number(value)
				: NaN;
	if (!Number.isFinite(number) || number < min)
		throw invalid(
			ctx,
			itemIndex,
			field,
			`expected a number${min > Number.NEGATIVE_INFINITY ? ` of at least ${min}` : ''}`,
		);
	return number;
}

/** The Additional Fields / Filters / Options collection of an operation, as given. */
export function readCollection(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
): IDataObject {
	const value = ctx.getNodeParameter(name, itemIndex, {});
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/** Return All / Limit: the Limit, or undefined for all. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll
		? undefined
		: checkNumber(ctx, itemIndex, 'Limit', ctx.getNodeParameter('limit', itemIndex, 50), 1);
}

/** Get Many: Return All walks every page, otherwise Limit records. */
export async function getMany(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: HeroRequest,
): Promise<IDataObject[]> {
	return readList.call(ctx, { ...request, itemIndex }, 'paged', readLimit(ctx, itemIndex));
}

/** A list that Hero does not page: one request, Return All / Limit applied to its records. */
export async function getList(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: HeroRequest,
): Promise<IDataObject[]> {
	return readList.call(ctx, { ...request, itemIndex }, 'unpaged', readLimit(ctx, itemIndex));
}
