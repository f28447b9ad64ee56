import { badRequest, conflict, notFound } from '../errors';
import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { q, s } from '../schema';
import { page, type SandboxState } from '../state';
import type { RouteModule } from '../types';
import { messages } from './messages';
import { nhsDigits, patients } from './patients';

/**
 * The `status` query of the batch lists (documented; differs from a batch's own status). The docs
 * give Get Recipients "the same enum", so these are the statuses of a batch's recipients (and of
 * its sends): see `SandboxBatchRecipient.status`, and `batchHasStatus` for the list of batches.
 */
export const BATCH_SEND_STATUSES = [
	'CREATED',
	'ENRICHMENT_ERROR',
	'ENRICHED',
	'INVALID_PAYLOAD',
	'QUEUED',
];
export const BATCH_CHANNELS = ['SMS', 'EMAIL', 'NHS_APP'];

export interface SandboxBatchRecipient {
	/** Set for recipients created through the API and the seed. */
	id?: string;
	nhs_number: string;
	dob: string | null;
	/**
	 * CREATED until the batch is sent; then INVALID_PAYLOAD (not an NHS number), ENRICHMENT_ERROR (no
	 * patient matched), ENRICHED (matched, but the patient has no contact detail for the channel, so
	 * nothing was queued) or QUEUED (matched and queued as a message). The words are Hero's query enum;
	 * which condition leads to ENRICHED is the sandbox's own reading.
	 */
	status: string;
}

export interface SandboxBatchSend {
	id: string;
	nhs_number: string;
	status: string;
	created_at: string;
}

export interface SandboxBatch {
	id: string;
	name: string;
	status: 'CREATED' | 'PENDING' | 'SENDING' | 'COMPLETED';
	channel: 'SMS' | 'EMAIL' | 'NHS_APP';
	subject: string | null;
	content: string;
	recipients: SandboxBatchRecipient[];
	/** The individual messages of the batch (its "sends"): none until it is sent. */
	sends: SandboxBatchSend[];
	/** How many times `PATCH .../send` was accepted (must never exceed 1). */
	sendCount?: number;
}

export function batches(state: SandboxState): Map<string, SandboxBatch> {
	return state.slice('batches', () => new Map<string, SandboxBatch>());
}

/** The documented query of the three batch lists (paging and the `status` filter). */
export const listQuery = s.object(
	{ page_index: q.integer(0), page_size: q.integer(1), status: s.enum(BATCH_SEND_STATUSES) },
	{},
);

const createBody = s.object(
	{
		name: s.string({ minLength: 1 }),
		channel: s.enum(BATCH_CHANNELS),
		subject: s.string({ minLength: 1 }),
		content: s.string({ minLength: 1 }),
		recipients: s.array(
			s.object(
				{
					nhs_number: s.string({ minLength: 1 }),
					dob: s.string({ format: 'date-or-date-time', nullable: true }),
				},
				{ required: ['nhs_number', 'dob'] },
			),
			{ minItems: 1 },
		),
	},
	{ required: ['name', 'channel', 'content', 'recipients'] },
);

/** The batch as Hero documents it: id, name, status, channel, subject, content. */
function view(batch: SandboxBatch): Record<string, unknown> {
	const { id, name, status, channel, subject, content } = batch;
	return { id, name, status, channel, ...(subject !== null ? { subject } : {}), content };
}

/** Hero sends in the background: a batch seen again after its send has finished sending. */
function settle(batch: SandboxBatch): SandboxBatch {
	if (batch.status === 'SENDING') batch.status = 'COMPLETED';
	return batch;
}

/**
 * `GET /v1/batch_message?status=X`: X is a recipient status, not the batch's own lifecycle status
 * (CREATED, PENDING, SENDING, COMPLETED), so a batch matches when at least one of its recipients
 * has status X. A batch not yet sent matches CREATED (all its recipients are), a sent one the
 * outcome of each recipient. The docs state only the enum; this reading is the sandbox's.
 */
export function batchHasStatus(batch: SandboxBatch, status: string): boolean {
	return batch.recipients.some((recipient) => recipient.status === status);
}

function requireBatch(state: SandboxState, id: string): SandboxBatch {
	const batch = batches(state).get(id);
	if (!batch) throw notFound('Batch message');
	return batch;
}

/** Matches each recipient to a patient (NHS number, and date of birth when given) and creates its send. */
function sendBatch(state: SandboxState, batch: SandboxBatch): void {
	const now = new Date().toISOString();
	const byNhs = new Map(
		[...patients(state).values()]
			.filter((p) => p.nhs_number)
			.map((p) => [p.nhs_number as string, p]),
	);
	for (const recipient of batch.recipients) {
		const digits = nhsDigits(recipient.nhs_number);
		const patient = digits ? byNhs.get(digits) : undefined;
		const matched =
			patient && (recipient.dob === null || recipient.dob.slice(0, 10) === patient.dob);
		const type = batch.channel.toLowerCase();
		const contact = !patient
			? null
			: type === 'email'
				? patient.email
				: type === 'sms'
					? patient.mobile
					: null;
		// NHS App messages need no contact detail (the patient record holds none for it).
		const reachable = type === 'nhs_app' || contact !== null;
		recipient.status = !digits
			? 'INVALID_PAYLOAD'
			: !matched
				? 'ENRICHMENT_ERROR'
				: reachable
					? 'QUEUED'
					: 'ENRICHED';
		const id = state.nextId();
		batch.sends.push({
			id,
			nhs_number: recipient.nhs_number,
			status: recipient.status,
			created_at: now,
		});
		if (!matched || !patient || !reachable) continue;
		// A queued send is a message like any other: Message → Get finds it, with its campaign.
		messages(state).set(id, {
			id,
			patient: {
				id: patient.id,
				title: patient.title,
				first_name: patient.first_name,
				last_name: patient.last_name,
			},
			message_type: type,
			message: batch.content,
			recipient_contact_detail: contact,
			status: 'delivered',
			created_at: now,
			sent_at: now,
			scheduled_at: null,
			write_to_record: null,
			short_link: null,
			campaign: { id: batch.id, name: batch.name },
			sent_by_admin: null,
			attachments: [],
			request: { batch_message_id: batch.id },
		});
	}
	batch.status = 'SENDING';
	batch.sendCount = (batch.sendCount ?? 0) + 1;
}

/** Seed: batch 5001, a sent SMS campaign of 120 recipients (enough for several pages). */
function seedBatch(state: SandboxState): void {
	const sends = Array.from({ length: 120 }, (_, i) => ({
		id: String(900000 + i),
		nhs_number: `943476${String(5000 + i).slice(-4)}`,
		status: i % 10 === 0 ? 'ENRICHMENT_ERROR' : 'QUEUED',
		created_at: '2026-11-01T09:00:00.000Z',
	}));
	batches(state).set('5001', {
		id: '5001',
		name: 'Flu clinic invitations',
		status: 'COMPLETED',
		channel: 'SMS',
		subject: null,
		content: 'Book your flu jab: reply or call the surgery.',
		recipients: sends.map((send, i) => ({
			id: String(800000 + i),
			nhs_number: send.nhs_number,
			dob: null,
			status: send.status,
		})),
		sends,
		sendCount: 1,
	});
}

export const batchRoutes: RouteModule = {
	seed: seedBatch,
	routes: [
		{
			method: 'POST',
			path: '/v1/batch_message',
			body: createBody,
			bodyRequired: true,
			handler: ({ body, state }) => {
				if (body.channel === 'EMAIL' && body.subject === undefined) {
					throw badRequest([
						{ code: 'invalid_type', expected: 'required when channel is EMAIL', path: ['subject'] },
					]);
				}
				const id = state.nextId();
				const batch: SandboxBatch = {
					id,
					name: body.name,
					status: 'CREATED',
					channel: body.channel,
					subject: body.subject ?? null,
					content: body.content,
					recipients: (body.recipients as { nhs_number: string; dob: string | null }[]).map(
						(r) => ({
							id: state.nextId(),
							nhs_number: r.nhs_number,
							dob: r.dob,
							status: 'CREATED',
						}),
					),
					sends: [],
					sendCount: 0,
				};
				batches(state).set(id, batch);
				return view(batch);
			},
		},
		{
			method: 'GET',
			path: '/v1/batch_message',
			query: listQuery,
			handler: ({ query, state }) => {
				// Newest first.
				const all = [...batches(state).values()].map(settle).reverse();
				const result = page(
					query.status ? all.filter((b) => batchHasStatus(b, query.status as string)) : all,
					query,
					INFERRED.firstPageIndex,
				);
				return { data: result.data.map(view), count: result.count };
			},
		},
		{
			method: 'GET',
			path: '/v1/batch_message/:id',
			handler: ({ params, state }) => view(settle(requireBatch(state, params.id))),
		},
		{
			method: 'PATCH',
			path: '/v1/batch_message/:id/send',
			handler: ({ params, state }) => {
				const batch = requireBatch(state, params.id);
				if (batch.status !== 'CREATED')
					throw conflict(`Batch message has already been sent (status ${settle(batch).status})`);
				sendBatch(state, batch);
				return view(batch);
			},
		},
		{
			method: 'GET',
			path: '/v1/batch_message/:id/recipients',
			query: listQuery,
			handler: ({ params, query, state }) => {
				const batch = settle(requireBatch(state, params.id));
				const rows = query.status
					? batch.recipients.filter((r) => r.status === query.status)
					: batch.recipients;
				return page(rows, query, INFERRED.firstPageIndex);
			},
		},
		{
			method: 'GET',
			path: '/v1/batch_message/:id/messages',
			query: listQuery,
			handler: ({ params, query, state }) => {
				const batch = settle(requireBatch(state, params.id));
				const rows = query.status
					? batch.sends.filter((send) => send.status === query.status)
					: batch.sends;
				return page(rows, query, INFERRED.firstPageIndex);
			},
		},
	],
};
