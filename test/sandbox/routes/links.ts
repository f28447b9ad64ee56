/**
 * Shareable links: booking links (create, get, list v2, update), form links (inferred path), video
 * links, attachment links, and the status of any of them (`GET /v1/links/status`).
 *
 * Every link has a short link (`https://<kind>.herohealth.net/s/<slug>`), a use count, an optional
 * maximum, an optional expiry date (a calendar date in Europe/London) and an active flag. Its
 * status follows from those: `deactivated`, `expired`, `used` (no uses left), `in_use` (used, uses
 * left) or `unused`. Only `unused` was seen in Hero's docs; the other words are the sandbox's own.
 *
 * Control routes (no auth), standing in for a patient:
 *   POST /__sandbox/links/use    {short_link} or {id}  → one use (409 when the link cannot be used)
 *   POST /__sandbox/links/open   {short_link} or {id}  → counted as opened, not used
 *
 * Guesses shared with the node (transport/inferred.ts): the form link path and body, the video
 * link body, the booking link update fields beyond the captured sample, which create fields are
 * required, and that `/v2/bookinglinks` pages like Hero's other lists.
 */
import { randomBytes, randomUUID } from 'node:crypto';

import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { badRequest, notFound } from '../errors';
import { q, s, type Spec } from '../schema';
import { page, type SandboxState } from '../state';
import { reply, type RouteModule } from '../types';
import { SEED_APPOINTMENT_TYPES, SEED_LOCATIONS, SEED_PRACTITIONERS } from './catalogue';
import { forms } from './forms';
import { EHR_ATTACHMENTS, requirePatient } from './patients';

export type LinkKind = 'booking' | 'form' | 'video' | 'attachment';

const HOSTS: Record<LinkKind, string> = {
	booking: 'https://bookings.herohealth.net/s/',
	form: 'https://forms.herohealth.net/s/',
	video: 'https://video.herohealth.net/s/',
	attachment: 'https://files.herohealth.net/s/',
};

export interface SandboxLink {
	id: string;
	kind: LinkKind;
	slug: string;
	short_link: string;
	active: boolean;
	/** `YYYY-MM-DD` or null. */
	expiry_date: string | null;
	maximum_uses: number | null;
	number_of_uses: number;
	open_count: number;
	patient_id: string | null;
	created_at: string;
	/** Booking links: what the link offers. */
	meta?: {
		appointment_type_id: string[];
		location_id: string[];
		practitioner_id: string[];
		from_date: string | null;
		to_date: string | null;
	};
	form_id?: string;
	attachment?: {
		uuid: string;
		file_name: string | null;
		ehr_file_id: string | null;
		size: number | null;
	};
	/** Everything the create request carried, for assertions. */
	request: Record<string, unknown>;
}

export function links(state: SandboxState): Map<string, SandboxLink> {
	return state.slice('links', () => new Map<string, SandboxLink>());
}

/** Test switch: answer Create Booking Link with `{ id }` only (its response was never captured). */
export function linkSettings(state: SandboxState): { createBookingLinkAnswersIdOnly: boolean } {
	return state.slice('linkSettings', () => ({ createBookingLinkAnswersIdOnly: false }));
}

/** EHR file ids each patient has (the source of `ehr_file_id`): the files GET /v1/patients/{id}/attachments lists. */
export const EHR_FILES: Record<string, string[]> = Object.fromEntries(
	Object.entries(EHR_ATTACHMENTS).map(([patientId, files]) => [patientId, files.map((f) => f.id)]),
);

/** Today's date in Europe/London, as Hero's calendar dates are. */
export function heroToday(now = Date.now()): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/London',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).format(now);
}

export function linkStatus(
	link: SandboxLink,
	today = heroToday(),
): 'deactivated' | 'expired' | 'used' | 'in_use' | 'unused' {
	if (!link.active) return 'deactivated';
	if (link.expiry_date !== null && link.expiry_date < today) return 'expired';
	if (link.maximum_uses !== null && link.number_of_uses >= link.maximum_uses) return 'used';
	return link.number_of_uses > 0 ? 'in_use' : 'unused';
}

function newLink(
	state: SandboxState,
	kind: LinkKind,
	fields: Partial<SandboxLink> & { request: Record<string, unknown> },
): SandboxLink {
	const id = state.nextId();
	const slug = randomBytes(6).toString('base64url');
	const link: SandboxLink = {
		id,
		kind,
		slug,
		short_link: `${HOSTS[kind]}${slug}`,
		active: true,
		expiry_date: null,
		maximum_uses: null,
		number_of_uses: 0,
		open_count: 0,
		patient_id: null,
		created_at: new Date().toISOString(),
		...fields,
	};
	links(state).set(id, link);
	return link;
}

/** A link's display name (booking links: the `link_name` of the BookingLink object; the rest the sandbox's words). */
export function linkName(link: SandboxLink): string {
	const forPatient = link.patient_id ? ` for patient ${link.patient_id}` : '';
	if (link.kind === 'booking')
		return link.patient_id ? `Booking link${forPatient}` : 'Generic booking link';
	if (link.kind === 'form') return `Form link${forPatient}`;
	if (link.kind === 'video') return `Video link${forPatient}`;
	return link.attachment?.file_name ?? `Attachment${forPatient}`;
}

/** The BookingLink object of `GET /v1/booking_links/{id}`. */
export function bookingLinkView(
	link: SandboxLink,
	practiceGroupId: string,
): Record<string, unknown> {
	return {
		id: link.id,
		practice_group_id: practiceGroupId,
		short_link: link.short_link,
		active: link.active,
		expiry_date: link.expiry_date ? `${link.expiry_date}T23:59:59.000Z` : null,
		maximum_uses: link.maximum_uses,
		number_of_uses: link.number_of_uses,
		open_count: link.open_count,
		unlimited_use: link.maximum_uses === null,
		meta: {
			...link.meta,
			from_date: link.meta?.from_date ? `${link.meta.from_date}T00:00:00.000Z` : null,
			to_date: link.meta?.to_date ? `${link.meta.to_date}T23:59:59.000Z` : null,
		},
		created_at: link.created_at,
		link_name: linkName(link),
		patient_id: link.patient_id,
	};
}

function requireBookingLink(state: SandboxState, id: string): SandboxLink {
	const link = links(state).get(id);
	if (!link || link.kind !== 'booking') throw notFound('Booking link');
	return link;
}

// ---------------------------------------------------------------- checks shared by the creates

const useCount = s.number({ integer: true, min: 1 });
const date = s.string({ format: 'date' });

function checkExpiry(value: unknown, field = 'expiry_date'): void {
	if (typeof value === 'string' && value < heroToday())
		throw badRequest([{ code: 'too_small', expected: 'a date today or later', path: [field] }]);
}

function checkWindow(from: unknown, to: unknown): void {
	if (typeof from === 'string' && typeof to === 'string' && from > to) {
		throw badRequest([
			{ code: 'invalid_date_range', expected: 'to_date on or after from_date', path: ['to_date'] },
		]);
	}
}

/**
 * A booking link offers an appointment type at a location (optionally with one practitioner): each
 * must exist (the booking module's seeded catalogue), the location must offer the type, and the
 * practitioner must see it there.
 */
function checkBookingChoice(
	typeId: string,
	locationId: string,
	practitionerId: string | undefined,
): void {
	const type = SEED_APPOINTMENT_TYPES.find((candidate) => candidate.id === typeId);
	if (!type) throw notFound('Appointment type');
	if (!SEED_LOCATIONS.some((location) => location.id === locationId)) throw notFound('Location');
	if (!type.location_ids.includes(locationId)) {
		throw badRequest([
			{
				code: 'invalid_combination',
				expected: 'a location that offers the appointment type',
				path: ['location_id'],
			},
		]);
	}
	if (practitionerId === undefined) return;
	const practitioner = SEED_PRACTITIONERS.find((candidate) => candidate.id === practitionerId);
	if (!practitioner) throw notFound('Practitioner');
	if (
		!practitioner.appointment_type_ids.includes(typeId) ||
		!practitioner.location_ids.includes(locationId)
	) {
		throw badRequest([
			{
				code: 'invalid_combination',
				expected: 'a practitioner who sees the appointment type at the location',
				path: ['practitioner_id'],
			},
		]);
	}
}

function checkRequired(body: Record<string, unknown>, required: readonly string[]): void {
	const missing = required.filter((key) => body[key] === undefined);
	if (missing.length)
		throw badRequest(
			missing.map((key) => ({ code: 'invalid_type', expected: 'required', path: [key] })),
		);
}

// ---------------------------------------------------------------- schemas

const bookingLinkCreate = s.object({
	appointment_type_id: s.id(),
	location_id: s.id(),
	patient_id: s.id(),
	practitioner_id: s.id(),
	from_date: date,
	to_date: date,
	expiry_date: date,
	maximum_use_count: useCount,
});

const UPDATE = INFERRED.bookingLinkUpdateFields;
const bookingLinkUpdate = s.object({
	appointment_type_id: s.id(),
	location_id: s.id(),
	practitioner_id: s.id(),
	from_date: date,
	to_date: date,
	[UPDATE.active]: s.boolean(),
	[UPDATE.expiryDate]: date,
	[UPDATE.maximumUseCount]: useCount,
});

const FORM = INFERRED.formLinkFields;
const formLinkCreate = s.object(
	{
		[FORM.formId]: s.id(),
		[FORM.patientId]: s.id(),
		[FORM.expiryDate]: date,
		[FORM.maximumUseCount]: useCount,
	},
	{ required: [FORM.formId] },
);

const videoLinkCreate = s.object({ [INFERRED.videoLinkFields.patientId]: s.id() });

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const base64: Spec = (value, path) =>
	typeof value === 'string' && value.length > 0 && BASE64.test(value)
		? []
		: [{ code: 'invalid_string', expected: 'base64 file content', path }];

const attachmentLinkCreate = s.object(
	{
		expiry_date: date,
		ehr_file_id: s.string({ minLength: 1 }),
		file_data: base64,
		file_name: s.string({ minLength: 1 }),
		patient_id: s.id(),
		maximum_use_count: useCount,
	},
	{ required: [...INFERRED.attachmentLinkCreateRequired] },
);

const statusQuery = s.object({ url: s.string({ format: 'uri' }), id: s.string({ minLength: 1 }) });
const listQuery = s.object({ page_index: q.integer(0), page_size: q.integer(1) });

/** The link a control request names by `short_link` or `id`. */
function findLink(
	state: SandboxState,
	body: { short_link?: string; id?: string } | undefined,
): SandboxLink | undefined {
	return [...links(state).values()].find(
		(link) =>
			(body?.id !== undefined && link.id === String(body.id)) ||
			(body?.short_link !== undefined && link.short_link === body.short_link),
	);
}

export const linkRoutes: RouteModule = {
	routes: [
		{
			method: 'POST',
			path: '/v1/booking_links',
			body: bookingLinkCreate,
			bodyRequired: true,
			handler: ({ body, state }) => {
				checkRequired(body, INFERRED.bookingLinkCreateRequired);
				checkBookingChoice(body.appointment_type_id, body.location_id, body.practitioner_id);
				checkWindow(body.from_date, body.to_date);
				checkExpiry(body.expiry_date);
				if (body.patient_id !== undefined) requirePatient(state, body.patient_id);
				const link = newLink(state, 'booking', {
					patient_id: body.patient_id ?? null,
					expiry_date: body.expiry_date ?? null,
					maximum_uses: body.maximum_use_count ?? null,
					meta: {
						appointment_type_id: [body.appointment_type_id],
						location_id: [body.location_id],
						practitioner_id: body.practitioner_id ? [body.practitioner_id] : [],
						from_date: body.from_date ?? null,
						to_date: body.to_date ?? null,
					},
					request: body,
				});
				if (linkSettings(state).createBookingLinkAnswersIdOnly) return { id: link.id };
				return bookingLinkView(link, state.practiceGroupId);
			},
		},
		{
			method: 'GET',
			path: '/v1/booking_links/:id',
			handler: ({ params, state }) =>
				bookingLinkView(requireBookingLink(state, params.id), state.practiceGroupId),
		},
		{
			method: 'PATCH',
			path: '/v1/booking_links/:id',
			body: bookingLinkUpdate,
			bodyRequired: true,
			handler: ({ params, body, state }) => {
				const link = requireBookingLink(state, params.id);
				if (Object.keys(body).length === 0)
					throw badRequest([{ code: 'too_small', expected: 'at least one field', path: [] }]);
				const meta = link.meta!;
				checkBookingChoice(
					body.appointment_type_id ?? meta.appointment_type_id[0],
					body.location_id ?? meta.location_id[0],
					body.practitioner_id ?? meta.practitioner_id[0],
				);
				checkWindow(body.from_date ?? meta.from_date, body.to_date ?? meta.to_date);
				checkExpiry(body[UPDATE.expiryDate], UPDATE.expiryDate);
				if (body.appointment_type_id !== undefined)
					meta.appointment_type_id = [body.appointment_type_id];
				if (body.location_id !== undefined) meta.location_id = [body.location_id];
				if (body.practitioner_id !== undefined) meta.practitioner_id = [body.practitioner_id];
				if (body.from_date !== undefined) meta.from_date = body.from_date;
				if (body.to_date !== undefined) meta.to_date = body.to_date;
				if (body[UPDATE.active] !== undefined) link.active = body[UPDATE.active];
				if (body[UPDATE.expiryDate] !== undefined) link.expiry_date = body[UPDATE.expiryDate];
				if (body[UPDATE.maximumUseCount] !== undefined)
					link.maximum_uses = body[UPDATE.maximumUseCount];
				return bookingLinkView(link, state.practiceGroupId);
			},
		},
		{
			method: 'GET',
			path: '/v2/bookinglinks',
			query: listQuery,
			handler: ({ query, state }) => {
				const rows = [...links(state).values()]
					.filter((link) => link.kind === 'booking')
					.map((link) => bookingLinkView(link, state.practiceGroupId));
				return page(rows, query, INFERRED.firstPageIndex);
			},
		},
		{
			method: 'POST',
			path: INFERRED.createFormLinkPath,
			body: formLinkCreate,
			bodyRequired: true,
			handler: ({ body, state }) => {
				const formId = body[FORM.formId] as string;
				if (!forms(state).has(formId)) throw notFound('Form');
				const patientId = body[FORM.patientId] as string | undefined;
				if (patientId !== undefined) requirePatient(state, patientId);
				checkExpiry(body[FORM.expiryDate], FORM.expiryDate);
				const link = newLink(state, 'form', {
					form_id: formId,
					patient_id: patientId ?? null,
					expiry_date: body[FORM.expiryDate] ?? null,
					maximum_uses: body[FORM.maximumUseCount] ?? null,
					request: body,
				});
				return {
					id: link.id,
					short_link: link.short_link,
					form_id: formId,
					patient_id: link.patient_id,
					expiry_date: link.expiry_date,
					maximum_uses: link.maximum_uses,
					created_at: link.created_at,
				};
			},
		},
		{
			method: 'POST',
			path: '/v1/video_links',
			body: videoLinkCreate,
			handler: ({ body, state }) => {
				const patientId = body[INFERRED.videoLinkFields.patientId] as string | undefined;
				if (patientId !== undefined) requirePatient(state, patientId);
				const link = newLink(state, 'video', { patient_id: patientId ?? null, request: body });
				return {
					id: link.id,
					short_link: link.short_link,
					patient_id: link.patient_id,
					created_at: link.created_at,
				};
			},
		},
		{
			method: 'POST',
			path: '/v1/attachment_links',
			body: attachmentLinkCreate,
			bodyRequired: true,
			handler: ({ body, state }) => {
				if ((body.ehr_file_id === undefined) === (body.file_data === undefined)) {
					throw badRequest([
						{
							code: 'invalid_combination',
							expected: 'either ehr_file_id or file_data',
							path: ['file_data'],
						},
					]);
				}
				requirePatient(state, body.patient_id);
				if (
					body.ehr_file_id !== undefined &&
					!(EHR_FILES[body.patient_id] ?? []).includes(body.ehr_file_id)
				)
					throw notFound('EHR file');
				checkExpiry(body.expiry_date);
				const uuid = randomUUID();
				const link = newLink(state, 'attachment', {
					patient_id: body.patient_id,
					expiry_date: body.expiry_date ?? null,
					maximum_uses: body.maximum_use_count ?? null,
					attachment: {
						uuid,
						file_name: body.file_name ?? null,
						ehr_file_id: body.ehr_file_id ?? null,
						size:
							body.file_data !== undefined ? Buffer.from(body.file_data, 'base64').length : null,
					},
					request: body,
				});
				return { attachment_link: link.short_link, attachment_uuid: uuid };
			},
		},
		{
			method: 'GET',
			path: '/v1/links/status',
			query: statusQuery,
			handler: ({ query, state }) => {
				if (query.url === undefined && query.id === undefined)
					throw badRequest([{ code: 'invalid_type', expected: 'url or id', path: ['url'] }]);
				const all = [...links(state).values()];
				const link = all.find(
					(candidate) =>
						(query.url === undefined || candidate.short_link === query.url) &&
						(query.id === undefined || candidate.id === query.id),
				);
				if (!link) throw notFound('Link');
				const reference: Record<string, unknown> = {
					id: link.id,
					patient_id: link.patient_id,
					number_of_uses: link.number_of_uses,
					maximum_uses: link.maximum_uses,
					expiry_date: link.expiry_date,
				};
				if (link.form_id) reference.form_id = link.form_id;
				if (link.attachment) reference.attachment_uuid = link.attachment.uuid;
				return { status: linkStatus(link), type: link.kind, reference: [reference] };
			},
		},
	],
	control: [
		{
			method: 'POST',
			path: '/__sandbox/links/use',
			handler: ({ body, state }) => {
				const link = findLink(state, body);
				if (!link) return reply(404, { error: 'no such link' });
				link.open_count++;
				const status = linkStatus(link);
				if (status === 'deactivated' || status === 'expired' || status === 'used')
					return reply(409, { error: `link is ${status}`, status });
				link.number_of_uses++;
				return { id: link.id, status: linkStatus(link), number_of_uses: link.number_of_uses };
			},
		},
		{
			method: 'POST',
			path: '/__sandbox/links/open',
			handler: ({ body, state }) => {
				const link = findLink(state, body);
				if (!link) return reply(404, { error: 'no such link' });
				link.open_count++;
				return { id: link.id, status: linkStatus(link), open_count: link.open_count };
			},
		},
	],
};
