import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { INFERRED, readPage } from '../../transport';
import { normaliseNhsNumber } from '../../validation';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Hero's `GET /v3/patients` filters for what was typed, or undefined when there is nothing Hero
 * could match yet (no request is sent):
 * - digits (spaces or dashes allowed): `nhs_number`, once they are a whole, valid NHS number (Hero's
 *   filter is an exact match, so part of a number finds nobody);
 * - "Last, First": `last_name` and `first_name`;
 * - one word: `last_name`; several: the first is `first_name`, the rest `last_name`.
 */
export function patientQuery(filter?: string): IDataObject | undefined {
	const text = (filter ?? '').trim().replace(/\s+/g, ' ');
	if (!text) return undefined;
	if (/^[\d\s-]+$/.test(text)) {
		const digits = normaliseNhsNumber(text);
		return digits ? { nhs_number: INFERRED.nhsNumberForHero(digits) } : undefined;
	}
	const comma = text.indexOf(',');
	if (comma >= 0) {
		const last = text.slice(0, comma).trim();
		const first = text.slice(comma + 1).trim();
		if (!last) return first ? { first_name: first } : undefined;
		return first ? { first_name: first, last_name: last } : { last_name: last };
	}
	const words = text.split(' ');
	if (words.length === 1) return { last_name: text };
	return { first_name: words[0], last_name: words.slice(1).join(' ') };
}

/** A date of birth as a person reads it: "10 Dec 1985" (the calendar date Hero sent, no time zone). */
export function readableBirthDate(dob: unknown): string | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(dob ?? ''));
	if (!match) return undefined;
	const month = MONTHS[Number(match[2]) - 1];
	return month ? `${Number(match[3])} ${month} ${match[1]}` : undefined;
}

const text = (value: unknown) =>
	value === undefined || value === null ? '' : String(value).replace(/\s+/g, ' ').trim();

/**
 * What practice staff check before picking a patient, as on a clinical system's patient banner:
 * "Ada Lovelace · born 10 Dec 1985 · NHS 943 476 5919" (no title: the field shows the start of the
 * chosen name, and the NHS number should fit), and "· deceased" when Hero says so.
 */
export function patientLabel(patient: IDataObject, id: string): string {
	const name = [patient.first_name, patient.last_name].map(text).filter(Boolean);
	const parts = [name.length ? name.join(' ') : `Patient ${id}`];
	const born = readableBirthDate(patient.dob);
	if (born) parts.push(`born ${born}`);
	const nhs = text(patient.nhs_number);
	const digits = nhs.replace(/[\s-]/g, '');
	if (nhs)
		parts.push(
			`NHS ${/^\d{10}$/.test(digits) ? digits.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3') : nhs}`,
		);
	if (text(patient.deceased_at)) parts.push('deceased');
	return parts.join(' · ');
}

/**
 * "From List" of Patient ID locators: Hero's patient search (`GET /v3/patients`) for the typed text,
 * one page per scroll (zero-based `page_index`). Hero refuses a search without a filter, so an empty
 * filter (the list as it opens; the field's placeholder says what to type) or part of an NHS number
 * lists nothing ("No results") and sends nothing. Hero has no page for a patient, so the entries carry no `url`.
 */
export async function searchPatients(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs = patientQuery(filter);
	if (!qs) return { results: [] };
	const pageIndex = paginationToken ? Number(paginationToken) : INFERRED.firstPageIndex;
	const { records, count } = await readPage.call(
		this,
		{ method: 'GET', path: '/v3/patients', qs },
		pageIndex,
	);
	const { idField } = INFERRED.patientSearchAnswer;
	const results = records
		.filter((patient) => text(patient[idField]) !== '')
		.map((patient) => {
			const id = text(patient[idField]);
			return { name: patientLabel(patient, id), value: id };
		});
	// `count` (a guess: INFERRED.patientSearchAnswer) ends the list early; without it, a short page does.
	const total = count === undefined || count === null || count === '' ? NaN : Number(count);
	const seen = (pageIndex - INFERRED.firstPageIndex) * INFERRED.pageSize + records.length;
	const more = records.length >= INFERRED.pageSize && (!Number.isFinite(total) || seen < total);
	return { results, paginationToken: more ? String(pageIndex + 1) : undefined };
}
