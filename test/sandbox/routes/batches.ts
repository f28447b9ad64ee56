import { notFound } from '../errors';
import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { q, s } from '../schema';
import { page, type SandboxState } from '../state';
import type { RouteModule } from '../types';

export const BATCH_SEND_STATUSES = ['CREATED', 'ENRICHMENT_ERROR', 'ENRICHED', 'INVALID_PAYLOAD', 'QUEUED'];

export interface SandboxBatch {
	id: string;
	name: string;
	status: 'CREATED' | 'PENDING' | 'SENDING' | 'COMPLETED';
	channel: 'SMS' | 'EMAIL' | 'NHS_APP';
	subject: string | null;
	content: string;
	recipients: { nhs_number: string; dob: string | null; status: string }[];
	/** The individual messages of the batch (its "sends"). */
	sends: { id: string; nhs_number: string; status: string; created_at: string }[];
}

export function batches(state: SandboxState): Map<string, SandboxBatch> {
	return state.slice('batches', () => new Map<string, SandboxBatch>());
}

const listQuery = s.object(
	{ page_index: q.integer(0), page_size: q.integer(1), status: s.enum(BATCH_SEND_STATUSES) },
	{},
);

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
		recipients: sends.map((send) => ({ nhs_number: send.nhs_number, dob: null, status: send.status })),
		sends,
	});
}

export const batchRoutes: RouteModule = {
	seed: seedBatch,
	routes: [
		{
			method: 'GET',
			path: '/v1/batch_message/:id/messages',
			query: listQuery,
			handler: ({ params, query, state }) => {
				const batch = batches(state).get(params.id);
				if (!batch) throw notFound('Batch message');
				const rows = query.status ? batch.sends.filter((send) => send.status === query.status) : batch.sends;
				return page(rows, query, INFERRED.firstPageIndex);
			},
		},
	],
};
