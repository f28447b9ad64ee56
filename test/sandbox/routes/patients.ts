/**
 * Patients: PDS registration, create-or-update without PDS, the v2 patient read, the v3 patient
 * search, EHR candidates, connecting an EHR record and previewing a merge; the v1 list and read,
 * merging (with the token a preview hands out), the patient's EHR attachments and payment methods.
 *
 * The sandbox keeps a small "NHS Spine" (`pds` slice): registering via PDS traces the person there
 * and answers the Hero patient id, creating the Hero patient on first registration and answering
 * the same id ever after. `VERIFICATION_NHS_NUMBER` is on the Spine but needs identity
 * verification: Hero answers `{ message, login_url }` instead of a patient id.
 *
 * NHS numbers are accepted as the docs' samples write them (`"943 476 5919"`) and as 10 digits;
 * the check digit (modulus 11) is verified. Stored as 10 digits.
 *
 * The body of `POST /v1/patients/register` was never captured beyond `title`; its fields are
 * `INFERRED.registerPatientFields` (the same list the node uses).
 */
import { randomBytes } from 'node:crypto';

import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { HeroError, badRequest, conflict, notFound } from '../errors';
import { q, s, type Spec } from '../schema';
import { page, type SandboxState } from '../state';
import type { RouteModule } from '../types';

export interface SandboxPatient {
	id: string;
	title: string | null;
	first_name: string;
	last_name: string;
	dob: string;
	nhs_number: string | null;
	email: string | null;
	mobile: string | null;
	postcode: string | null;
	[key: string]: unknown;
}

/** A person on the sandbox's NHS Spine. */
export interface PdsPerson {
	nhs_number: string;
	dob: string;
	title: string | null;
	first_name: string;
	last_name: string;
	sex: string | null;
	postcode: string;
	line_1: string | null;
	town: string | null;
	mobile: string | null;
	email: string | null;
	/** Hero asks the patient to verify their identity before registering them. */
	verification?: boolean;
}

/** An EHR (EMIS) record that Hero may offer as a candidate for a patient. */
export interface EhrRecord {
	ehr_partner_id: string;
	dob: string;
	title: string | null;
	first_name: string;
	last_name: string;
	sex: string | null;
	nhs_number: string | null;
	postcode: string | null;
	/** The Hero patient it is connected to, if any. */
	connected_patient_id: string | null;
}

/** The patients slice: other modules (messages, appointments, links) check ids against it. */
export function patients(state: SandboxState): Map<string, SandboxPatient> {
	return state.slice('patients', () => new Map<string, SandboxPatient>());
}

export function requirePatient(state: SandboxState, id: string): SandboxPatient {
	const patient = patients(state).get(id);
	if (!patient) throw notFound('Patient');
	return patient;
}

export function pds(state: SandboxState): Map<string, PdsPerson> {
	return state.slice('pds', () => new Map<string, PdsPerson>());
}

export function ehrRecords(state: SandboxState): Map<string, EhrRecord> {
	return state.slice('ehrRecords', () => new Map<string, EhrRecord>());
}

/** A file in a patient's EHR record (`GET /v1/patients/{id}/attachments`; fields never captured). */
export interface EhrAttachment {
	id: string;
	file_name: string;
	content_type: string;
	created_at: string;
}

/**
 * The EHR files of the seeded patients: what Patient → Get Attachments lists and Attachment Link →
 * Create accepts as `ehr_file_id` (links.ts reads the ids from here). The answer's fields are a
 * guess shared with the node: the id under `INFERRED.patientAttachmentFields.idField`.
 */
export const EHR_ATTACHMENTS: Record<string, EhrAttachment[]> = {
	'2001': [
		{
			id: '8812',
			file_name: 'blood-test-results.pdf',
			content_type: 'application/pdf',
			created_at: '2026-10-02T09:14:00Z',
		},
		{
			id: '8813',
			file_name: 'discharge-letter.pdf',
			content_type: 'application/pdf',
			created_at: '2026-11-18T15:40:00Z',
		},
	],
	'2002': [
		{
			id: '8820',
			file_name: 'x-ray-report.pdf',
			content_type: 'application/pdf',
			created_at: '2026-09-07T11:05:00Z',
		},
	],
};

/**
 * Payment methods per patient (`GET /v1/patients/{id}/payment_methods`, answer never captured):
 * modelled on the Customer's `sources[]` cards (Get Default Customer), answered `{ data, count }`,
 * one of the shapes `INFERRED.paymentMethodListKeys` reads.
 */
export function paymentMethods(state: SandboxState): Map<string, Record<string, unknown>[]> {
	return state.slice(
		'paymentMethods',
		() =>
			new Map<string, Record<string, unknown>[]>([
				[
					'2001',
					[
						{
							id: 'card_1Ada4242',
							type: 'card',
							fingerprint: 'Xt5EWLLDS7FJjR1c',
							brand: 'visa',
							last4: '4242',
							exp_month: 12,
							exp_year: 2030,
						},
					],
				],
			]),
	);
}

/** A merge token a preview handed out: for which two patients, and whether a merge used it. */
export interface MergeToken {
	patientId: string;
	otherId: string;
	used: boolean;
}

export function mergeTokens(state: SandboxState): Map<string, MergeToken> {
	return state.slice('mergeTokens', () => new Map<string, MergeToken>());
}

/** Merges carried out: the patient merged away → the patient it was merged into. */
export function mergedPatients(state: SandboxState): Map<string, string> {
	return state.slice('mergedPatients', () => new Map<string, string>());
}

/** Seeded patients 2001..2005 (fictional; NHS numbers pass the modulus-11 check). */
export const SEED_PATIENTS: SandboxPatient[] = [
	{
		id: '2001',
		title: 'Ms',
		first_name: 'Ada',
		last_name: 'Lovelace',
		dob: '1985-12-10',
		nhs_number: '9434765919',
		email: 'ada@example.com',
		mobile: '+447700900001',
		postcode: 'LS1 4AP',
	},
	{
		id: '2002',
		title: 'Mr',
		first_name: 'Alan',
		last_name: 'Turing',
		dob: '1972-06-23',
		nhs_number: '9434765870',
		email: 'alan@example.com',
		mobile: '+447700900002',
		postcode: 'M1 1AE',
	},
	{
		id: '2003',
		title: 'Dr',
		first_name: 'Mary',
		last_name: 'Seacole',
		dob: '1990-11-23',
		nhs_number: '9434765846',
		email: 'mary@example.com',
		mobile: '+447700900003',
		postcode: 'SE1 7EH',
	},
	{
		id: '2004',
		title: 'Mx',
		first_name: 'Sam',
		last_name: 'Taylor',
		dob: '2001-02-14',
		nhs_number: '9434765838',
		email: 'sam@example.com',
		mobile: '+447700900004',
		postcode: 'B1 1BB',
	},
	{
		id: '2005',
		title: 'Mrs',
		first_name: 'Rosalind',
		last_name: 'Franklin',
		dob: '1960-07-25',
		nhs_number: '9434765811',
		email: null,
		mobile: '+447700900005',
		postcode: 'CB2 1TN',
	},
];

/** On the Spine but not yet registered with Hero: PDS registration creates them. */
export const PDS_ONLY_PEOPLE: PdsPerson[] = [
	{
		nhs_number: '4857773457',
		dob: '1986-12-09',
		title: 'Dr',
		first_name: 'Grace',
		last_name: 'Hopper',
		sex: 'Female',
		postcode: 'EH1 1YZ',
		line_1: '2 Castle Street',
		town: 'Edinburgh',
		mobile: '+447700900010',
		email: 'grace@example.com',
	},
	{
		nhs_number: '4010232137',
		dob: '1970-05-12',
		title: 'Miss',
		first_name: 'Florence',
		last_name: 'Nightingale',
		sex: 'Female',
		postcode: 'WC2N 5DN',
		line_1: '10 Strand',
		town: 'London',
		mobile: '+447700900011',
		email: null,
	},
];

/** On the Spine, but Hero wants the patient to verify their identity first (`{ message, login_url }`). */
export const VERIFICATION_NHS_NUMBER = '4505577104';
const VERIFICATION_PERSON: PdsPerson = {
	nhs_number: VERIFICATION_NHS_NUMBER,
	dob: '1995-03-30',
	title: 'Mr',
	first_name: 'Tim',
	last_name: 'Berners-Lee',
	sex: 'Male',
	postcode: 'OX1 3QD',
	line_1: null,
	town: 'Oxford',
	mobile: '+447700900012',
	email: null,
	verification: true,
};

/** EHR records: two candidates share Ada Lovelace's date of birth, one Alan Turing's. */
export const SEED_EHR_RECORDS: EhrRecord[] = [
	{
		ehr_partner_id: '5012345',
		dob: '1985-12-10',
		title: 'Ms',
		first_name: 'Ada',
		last_name: 'Lovelace',
		sex: 'Female',
		nhs_number: '9434765919',
		postcode: 'LS1 4AP',
		connected_patient_id: null,
	},
	{
		ehr_partner_id: '5012346',
		dob: '1985-12-10',
		title: 'Lady',
		first_name: 'Ada',
		last_name: 'King',
		sex: 'Female',
		nhs_number: null,
		postcode: 'LS2 9JT',
		connected_patient_id: null,
	},
	{
		ehr_partner_id: '5012400',
		dob: '1972-06-23',
		title: 'Mr',
		first_name: 'Alan',
		last_name: 'Turing',
		sex: 'Male',
		nhs_number: '9434765870',
		postcode: 'M1 1AE',
		connected_patient_id: null,
	},
];

// ---------------------------------------------------------------- NHS numbers

/**
 * The one NHS-number check of the sandbox (patients and batch recipients): ten digits with a valid
 * modulus-11 check digit, or undefined. The docs write them spaced 3-3-4 (`"123 456 7891"`); any
 * spacing is accepted, so the sandbox is never stricter than Hero. Independent of the node's own check.
 */
export function nhsDigits(value: string): string | undefined {
	const digits = value.replace(/\s/g, '');
	if (!/^\d{10}$/.test(digits)) return undefined;
	const sum = [...digits.slice(0, 9)].reduce(
		(total, digit, i) => total + Number(digit) * (10 - i),
		0,
	);
	const check = (11 - (sum % 11)) % 11;
	return check !== 10 && check === Number(digits[9]) ? digits : undefined;
}

const nhsNumber = (): Spec => (value, path) => {
	if (typeof value !== 'string') return [{ code: 'invalid_type', expected: 'string', path }];
	return nhsDigits(value)
		? []
		: [{ code: 'invalid_string', expected: 'a valid NHS number, e.g. "943 476 5919"', path }];
};

const dateOnly = (value: string) => value.slice(0, 10);
const same = (a: unknown, b: unknown) =>
	String(a ?? '')
		.replace(/\s+/g, '')
		.toLowerCase() ===
	String(b ?? '')
		.replace(/\s+/g, '')
		.toLowerCase();

// ---------------------------------------------------------------- schemas

const registerPdsBody = s.object(
	{
		nhs_number: nhsNumber(),
		// "ISO 8601 date format", e.g. "1992-01-01"; a date-time is read as its date.
		dob: s.string({ format: 'date-or-date-time' }),
		forename: s.string({ minLength: 1 }),
		surname: s.string({ minLength: 1 }),
		postcode: s.string({ minLength: 1 }),
		ehr_partner: s.string({ minLength: 1 }),
		ehr_partner_id: s.string({ minLength: 1 }),
	},
	{ required: ['dob'] },
);

export const PATIENT_TITLES = [
	'Baron',
	'Baroness',
	'Brigadier',
	'Count',
	'Colonel',
	'Countess',
	'Captain',
	'Dame',
	'The Dowager Viscountess',
	'Dr',
	'Duchess',
	'Duke',
	'Earl',
	'His Excellency',
	'Father',
	'H.E. Ambassador Mr',
	'H.E. Mr',
	'H.E. Mrs',
	'Her Grace',
	'His Grace',
	'The Hon',
	'The Hon Mr',
	'The Hon Mrs',
	'HRH',
	'HRH Prince',
	'HRH Princess',
	'Insurance',
	'HM King',
	'Lady',
	'Lord',
	'Major',
	'Master',
	'Miss',
	'Mr',
	'Mrs',
	'Ms',
	'Mss',
	'Mx',
	'Pr',
	'Professor',
	'HM Queen',
	'Rabbi',
	'Reverend',
	'Sheikh',
	'Sheikha',
	'Sir',
	'The',
	'',
	'Viscount',
	'Viscountess',
];
const SEXES = ['Not known', 'Not specified', 'Male', 'Female', 'Other'];

const registerFieldSpecs: Record<(typeof INFERRED.registerPatientFields)[number], Spec> = {
	nhs_number: nhsNumber(),
	dob: s.string({ format: 'date-or-date-time' }),
	title: s.enum(PATIENT_TITLES, { nullable: true }),
	first_name: s.string({ minLength: 1 }),
	last_name: s.string({ minLength: 1 }),
	sex: s.enum(SEXES, { nullable: true }),
	email: s.string({ format: 'email' }),
	mobile: s.string({ format: 'phone-e164' }),
	line_1: s.string({ minLength: 1 }),
	line_2: s.string({ minLength: 1 }),
	line_3: s.string({ minLength: 1 }),
	town: s.string({ minLength: 1 }),
	county: s.string({ minLength: 1 }),
	postcode: s.string({ minLength: 1 }),
};
const registerBody = s.object(registerFieldSpecs, { required: ['nhs_number', 'dob'] });

const getQuery = s.object({ data_source: s.enum(['hero', 'ehr']) });

/** `GET /v1/patients`: query never captured; paging as Hero's other lists (INFERRED.patientListPaged). */
const listV1Query = s.object({ page_index: q.integer(0), page_size: q.integer(1) });

/** `POST /v1/patients/{id}/merge` (PatientMergeRequest): both required, `patient_id` `^\d+$`. */
const mergeBody = s.object(
	{ merge_token: s.string({ minLength: 1 }), patient_id: s.id() },
	{ required: ['merge_token', 'patient_id'] },
);

/** `GET /v3/patients` (List Patients v3): paging typed string, zero-based `page_index` (documented). */
const SEARCH_FILTERS = ['first_name', 'last_name', 'dob', 'nhs_number', 'ehr_partner_id'] as const;
const searchQuery = s.object({
	page_index: q.integer(0),
	page_size: q.integer(1),
	first_name: s.string({ minLength: 1 }),
	last_name: s.string({ minLength: 1 }),
	dob: s.string({ format: 'date' }),
	nhs_number: nhsNumber(),
	ehr_partner_id: s.string({ minLength: 1 }),
});

// ---------------------------------------------------------------- views

const nullable = (value: unknown) => (value === undefined ? null : value);

function identifiers(patient: SandboxPatient): Record<string, string>[] {
	const list = [
		{ source: 'hero', name: 'hero_id', role: 'main', label: 'Hero', value: patient.id },
	];
	if (patient.nhs_number)
		list.push({
			source: 'nhs',
			name: 'nhs_number',
			role: 'secondary',
			label: 'NHS',
			value: patient.nhs_number,
		});
	if (patient.ehr_partner_id)
		list.push({
			source: 'ehr_partner',
			name: 'ehr_partner_id',
			role: 'secondary',
			label: 'EMIS',
			value: String(patient.ehr_partner_id),
		});
	return list;
}

/** `GET /v2/patients/{id}`: the documented fields of a patient record. */
export function patientView(patient: SandboxPatient): Record<string, unknown> {
	return {
		ehr_partner_id: nullable(patient.ehr_partner_id),
		emis_id: nullable(patient.ehr_partner_id),
		deceased_at: null,
		dob: patient.dob,
		title: patient.title,
		first_name: patient.first_name,
		last_name: patient.last_name,
		sex: nullable(patient.sex),
		nhs_number: patient.nhs_number,
		email: patient.email,
		mobile: patient.mobile,
		last_sync_at: nullable(patient.last_sync_at),
		data_source: nullable(patient.data_source) ?? 'hero',
		restricted: false,
		line_1: nullable(patient.line_1),
		line_2: nullable(patient.line_2),
		line_3: nullable(patient.line_3),
		town: nullable(patient.town),
		county: nullable(patient.county),
		postcode: patient.postcode,
		hero_id: patient.id,
		hero_uid: `hero-${patient.id}`,
		identifiers: identifiers(patient),
		ehr_registered: Boolean(patient.ehr_partner_id),
	};
}

/** `GET /v1/patients/{id}` (PatientV1): its own names (`address_line_*`, `country`), `status`, no identifiers. */
export function patientV1View(patient: SandboxPatient): Record<string, unknown> {
	return {
		id: patient.id,
		uid: `hero-${patient.id}`,
		emis_id: nullable(patient.ehr_partner_id),
		ehr_partner_id: nullable(patient.ehr_partner_id),
		// The v1 sample writes dob as a date-time (`2019-08-24T14:15:22Z`).
		dob: `${patient.dob}T00:00:00Z`,
		deceased_at: null,
		title: patient.title,
		first_name: patient.first_name,
		last_name: patient.last_name,
		sex: nullable(patient.sex),
		nhs_number: patient.nhs_number,
		email: patient.email,
		emails: patient.email ? [patient.email] : [],
		mobile: patient.mobile,
		last_sync_at: nullable(patient.last_sync_at),
		address_line_1: nullable(patient.line_1),
		address_line_2: nullable(patient.line_2),
		address_line_3: nullable(patient.line_3),
		country: patient.postcode ? 'United Kingdom' : null,
		postcode: patient.postcode,
		town: nullable(patient.town),
		county: nullable(patient.county),
		notes: nullable(patient.notes),
		verification_credentials: [],
		data_source: nullable(patient.data_source) ?? 'hero',
		restricted: false,
		sex_changed_at: null,
		status: patient.status === 'archived' ? 'archived' : 'unarchived',
	};
}

function ehrView(record: EhrRecord): Record<string, unknown> {
	const identifiers = [
		{
			source: 'ehr_partner',
			name: 'ehr_partner_id',
			role: 'main',
			label: 'EMIS',
			value: record.ehr_partner_id,
		},
	];
	if (record.nhs_number)
		identifiers.push({
			source: 'nhs',
			name: 'nhs_number',
			role: 'secondary',
			label: 'NHS',
			value: record.nhs_number,
		});
	return {
		ehr_partner_id: record.ehr_partner_id,
		emis_id: record.ehr_partner_id,
		deceased_at: null,
		dob: record.dob,
		title: record.title,
		first_name: record.first_name,
		last_name: record.last_name,
		sex: record.sex,
		nhs_number: record.nhs_number,
		email: null,
		mobile: null,
		last_sync_at: null,
		data_source: 'emis',
		restricted: false,
		line_1: null,
		line_2: null,
		line_3: null,
		town: null,
		county: null,
		postcode: record.postcode,
		hero_id: record.connected_patient_id,
		hero_uid: null,
		identifiers,
	};
}

// ---------------------------------------------------------------- handlers

function findByNhs(state: SandboxState, digits: string): SandboxPatient | undefined {
	return [...patients(state).values()].find((patient) => patient.nhs_number === digits);
}

function registerPds(state: SandboxState, body: Record<string, string>): Record<string, unknown> {
	const dob = dateOnly(body.dob);
	let person: PdsPerson | undefined;
	if (body.nhs_number !== undefined) {
		person = pds(state).get(nhsDigits(body.nhs_number)!);
		if (person && person.dob !== dob) person = undefined;
		// Names or postcode given with the NHS number must match the Spine's record too.
		if (person && body.forename !== undefined && !same(body.forename, person.first_name))
			person = undefined;
		if (person && body.surname !== undefined && !same(body.surname, person.last_name))
			person = undefined;
		if (person && body.postcode !== undefined && !same(body.postcode, person.postcode))
			person = undefined;
	} else {
		const missing = ['forename', 'surname', 'postcode'].filter((key) => body[key] === undefined);
		if (missing.length) {
			throw badRequest(
				missing.map((key) => ({
					code: 'invalid_type',
					expected: 'required (nhs_number, or forename + surname + postcode)',
					path: [key],
				})),
			);
		}
		person = [...pds(state).values()].find(
			(p) =>
				p.dob === dob &&
				same(p.first_name, body.forename) &&
				same(p.last_name, body.surname) &&
				same(p.postcode, body.postcode),
		);
	}
	if (!person) throw new HeroError(404, 'No patient found');
	if (person.verification) {
		return {
			message:
				'The patient must verify their identity before they can be registered. Send them to login_url, then try again.',
			login_url: `https://login.herohealth.net/verify?ref=${person.nhs_number.slice(-4)}${state.nextId()}`,
		};
	}
	const existing = findByNhs(state, person.nhs_number);
	if (existing) {
		if (body.ehr_partner_id !== undefined) existing.ehr_partner_id = body.ehr_partner_id;
		return { patient_id: existing.id };
	}
	const id = state.nextId();
	patients(state).set(id, {
		id,
		title: person.title,
		first_name: person.first_name,
		last_name: person.last_name,
		dob: person.dob,
		nhs_number: person.nhs_number,
		email: person.email,
		mobile: person.mobile,
		postcode: person.postcode,
		sex: person.sex,
		line_1: person.line_1,
		town: person.town,
		data_source: 'pds',
		last_sync_at: new Date().toISOString(),
		...(body.ehr_partner_id !== undefined ? { ehr_partner_id: body.ehr_partner_id } : {}),
	});
	return { patient_id: id };
}

function registerWithoutPds(
	state: SandboxState,
	body: Record<string, unknown>,
): Record<string, unknown> {
	const digits = nhsDigits(body.nhs_number as string)!;
	const dob = dateOnly(body.dob as string);
	const { nhs_number: _nhs, dob: _dob, ...details } = body;
	const existing = findByNhs(state, digits);
	if (existing) {
		if (existing.dob !== dob)
			throw conflict('A patient with this NHS number has a different date of birth');
		Object.assign(existing, details);
		return { patient_id: existing.id };
	}
	const missing = ['first_name', 'last_name'].filter((key) => body[key] === undefined);
	if (missing.length)
		throw badRequest(
			missing.map((key) => ({
				code: 'invalid_type',
				expected: 'required for a new patient',
				path: [key],
			})),
		);
	const id = state.nextId();
	patients(state).set(id, {
		id,
		title: null,
		email: null,
		mobile: null,
		postcode: null,
		...(details as Record<string, string>),
		first_name: body.first_name as string,
		last_name: body.last_name as string,
		dob,
		nhs_number: digits,
		data_source: 'hero',
	});
	return { patient_id: id };
}

/**
 * Patient search: every filter given must match exactly (names ignoring case, NHS numbers ignoring
 * spacing); at least one filter, as the docs say. Changes nothing. The answer's shape beyond `data`
 * and the fields up to `sex` was never captured: `INFERRED.patientSearchAnswer`.
 */
function searchPatients(
	state: SandboxState,
	query: Record<string, string>,
): Record<string, unknown> {
	const given = SEARCH_FILTERS.filter((name) => query[name] !== undefined);
	if (given.length === 0)
		throw badRequest([
			{
				code: 'invalid_type',
				expected: `at least one of ${SEARCH_FILTERS.join(', ')}`,
				path: [],
			},
		]);
	const lower = (value: unknown) => String(value ?? '').toLowerCase();
	const matches = [...patients(state).values()].filter(
		(patient) =>
			(query.first_name === undefined || lower(patient.first_name) === lower(query.first_name)) &&
			(query.last_name === undefined || lower(patient.last_name) === lower(query.last_name)) &&
			(query.dob === undefined || patient.dob === query.dob) &&
			(query.nhs_number === undefined || patient.nhs_number === nhsDigits(query.nhs_number)) &&
			(query.ehr_partner_id === undefined ||
				String(patient.ehr_partner_id ?? '') === query.ehr_partner_id),
	);
	const { idField, countField } = INFERRED.patientSearchAnswer;
	const found = page(matches, query, 0);
	return {
		data: found.data.map((patient) => ({
			[idField]: patient.id,
			...patientView(patient),
		})),
		[countField]: found.count,
	};
}

function candidatesOf(state: SandboxState, patient: SandboxPatient): EhrRecord[] {
	return [...ehrRecords(state).values()].filter((record) => record.dob === patient.dob);
}

const refuseToken = (expected: string) =>
	badRequest([{ code: 'invalid_value', expected, path: ['merge_token'] }]);

/**
 * Merge Patients: the token must come from a preview and be unused. Which record survives and the
 * answer were never captured: here the path's patient is kept, the other is gone from the list, and
 * the kept patient is answered (the node outputs whatever Hero answers).
 */
function mergePatients(
	state: SandboxState,
	id: string,
	body: { merge_token: string; patient_id: string },
): Record<string, unknown> {
	const kept = requirePatient(state, id);
	const token = mergeTokens(state).get(body.merge_token);
	if (!token) throw refuseToken('a merge token from Preview Patient Merging');
	if (token.used) throw refuseToken('a merge token not used already');
	if (body.patient_id === kept.id)
		throw badRequest([
			{ code: 'invalid_value', expected: 'a different patient', path: ['patient_id'] },
		]);
	const other = requirePatient(state, body.patient_id);
	token.used = true;
	for (const [key, value] of Object.entries(other))
		if ((kept[key] === null || kept[key] === undefined) && value !== null) kept[key] = value;
	patients(state).delete(other.id);
	mergedPatients(state).set(other.id, kept.id);
	return patientView(kept);
}

export const patientRoutes: RouteModule = {
	seed(state) {
		const map = patients(state);
		for (const patient of SEED_PATIENTS) map.set(patient.id, { ...patient });
		const spine = pds(state);
		for (const patient of SEED_PATIENTS) {
			spine.set(patient.nhs_number!, {
				nhs_number: patient.nhs_number!,
				dob: patient.dob,
				title: patient.title,
				first_name: patient.first_name,
				last_name: patient.last_name,
				sex: null,
				postcode: patient.postcode!,
				line_1: null,
				town: null,
				mobile: patient.mobile,
				email: patient.email,
			});
		}
		for (const person of [...PDS_ONLY_PEOPLE, VERIFICATION_PERSON])
			spine.set(person.nhs_number, { ...person });
		const ehr = ehrRecords(state);
		for (const record of SEED_EHR_RECORDS) ehr.set(record.ehr_partner_id, { ...record });
	},
	routes: [
		{
			method: 'POST',
			path: '/v1/patients/register_pds',
			body: registerPdsBody,
			bodyRequired: true,
			handler: ({ body, state }) => registerPds(state, body),
		},
		{
			method: 'POST',
			path: '/v1/patients/register',
			body: registerBody,
			bodyRequired: true,
			handler: ({ body, state }) => registerWithoutPds(state, body),
		},
		{
			method: 'GET',
			path: '/v2/patients/:id',
			query: getQuery,
			handler: ({ params, query, state }) => {
				const patient = requirePatient(state, params.id);
				if (query.data_source === 'ehr') {
					const record = patient.ehr_partner_id
						? ehrRecords(state).get(String(patient.ehr_partner_id))
						: undefined;
					if (!record) throw new HeroError(404, 'Patient is not connected to an EHR record');
					return { ...ehrView(record), ehr_registered: true };
				}
				return patientView(patient);
			},
		},
		{
			method: 'GET',
			path: '/v3/patients',
			query: searchQuery,
			handler: ({ query, state }) => searchPatients(state, query as Record<string, string>),
		},
		{
			method: 'GET',
			path: '/v1/patients/:id/ehr/candidates',
			handler: ({ params, state }) => {
				const records = candidatesOf(state, requirePatient(state, params.id)).map(ehrView);
				return { data: records, count: records.length };
			},
		},
		{
			method: 'POST',
			path: '/v1/patients/:id/ehr/connect',
			body: s.object(
				{ ehr_partner_id: s.string({ minLength: 1 }) },
				{ required: ['ehr_partner_id'] },
			),
			bodyRequired: true,
			handler: ({ params, body, state }) => {
				const patient = requirePatient(state, params.id);
				const record = candidatesOf(state, patient).find(
					(candidate) => candidate.ehr_partner_id === body.ehr_partner_id,
				);
				if (!record) throw notFound('EHR record');
				if (record.connected_patient_id && record.connected_patient_id !== patient.id)
					throw conflict('EHR record is connected to another patient');
				if (patient.ehr_partner_id && patient.ehr_partner_id !== record.ehr_partner_id) {
					const previous = ehrRecords(state).get(String(patient.ehr_partner_id));
					if (previous) previous.connected_patient_id = null;
				}
				record.connected_patient_id = patient.id;
				patient.ehr_partner_id = record.ehr_partner_id;
				patient.last_sync_at = new Date().toISOString();
				return patientView(patient);
			},
		},
		{
			method: 'POST',
			path: '/v1/patients/:id/merge/preview',
			body: s.object({ patient_id: s.id() }, { required: ['patient_id'] }),
			bodyRequired: true,
			handler: ({ params, body, state }) => {
				const patient = requirePatient(state, params.id);
				if (body.patient_id === patient.id)
					throw badRequest([
						{ code: 'invalid_value', expected: 'a different patient', path: ['patient_id'] },
					]);
				const other = requirePatient(state, body.patient_id);
				// The kept patient's values win; the duplicate fills in what is missing. Nothing is changed.
				const kept = patientView(patient);
				const merged: Record<string, unknown> = { ...kept };
				for (const [key, value] of Object.entries(patientView(other))) {
					if ((merged[key] === null || merged[key] === undefined) && value !== null)
						merged[key] = value;
				}
				merged.hero_id = patient.id;
				merged.identifiers = kept.identifiers;
				// The docs say the preview provides the merge token; its field name is a guess.
				const token = `mt_${randomBytes(12).toString('hex')}`;
				mergeTokens(state).set(token, { patientId: patient.id, otherId: other.id, used: false });
				merged[INFERRED.mergeTokenField] = token;
				return merged;
			},
		},
		{
			method: 'POST',
			path: '/v1/patients/:id/merge',
			body: mergeBody,
			bodyRequired: true,
			handler: ({ params, body, state }) => mergePatients(state, params.id, body),
		},
		{
			method: 'GET',
			path: '/v1/patients',
			query: listV1Query,
			handler: ({ query, state }) => {
				const found = page([...patients(state).values()], query, INFERRED.firstPageIndex);
				return { data: found.data.map(patientV1View), count: found.count };
			},
		},
		{
			method: 'GET',
			path: '/v1/patients/:id',
			handler: ({ params, state }) => patientV1View(requirePatient(state, params.id)),
		},
		{
			method: 'GET',
			path: '/v1/patients/:id/attachments',
			handler: ({ params, state }) => {
				requirePatient(state, params.id);
				const files = EHR_ATTACHMENTS[params.id] ?? [];
				return { data: files.map((file) => ({ ...file })), count: files.length };
			},
		},
		{
			method: 'GET',
			path: '/v1/patients/:id/payment_methods',
			handler: ({ params, state }) => {
				requirePatient(state, params.id);
				const cards = paymentMethods(state).get(params.id) ?? [];
				return { data: cards, count: cards.length };
			},
		},
	],
};
