/**
 * A test-only sandbox module: batch 7001, a sent SMS campaign big enough for many pages of
 * Message → Get Many in a Batch (3,000 messages = 30 pages of 100). Seeded on start and on reset,
 * into the batches slice that `routes/batches.ts` serves.
 */
import { batches } from '../sandbox/routes/batches';
import type { RouteModule } from '../sandbox/types';

export const BIG_BATCH_ID = '7001';
export const BIG_BATCH_SIZE = 3_000;

export const bigBatchIds = (): string[] =>
	Array.from({ length: BIG_BATCH_SIZE }, (_, i) => String(7_000_000 + i));

export const bigBatch: RouteModule = {
	routes: [],
	seed(state) {
		const sends = bigBatchIds().map((id, i) => ({
			id,
			nhs_number: String(9_000_000_000 + i),
			status: 'QUEUED',
			created_at: new Date(Date.UTC(2026, 10, 1, 9, 0, i % 60)).toISOString(),
		}));
		batches(state).set(BIG_BATCH_ID, {
			id: BIG_BATCH_ID,
			name: 'Reliability: many pages',
			status: 'COMPLETED',
			channel: 'SMS',
			subject: null,
			content: 'Your flu clinic invitation.',
			recipients: sends.map((send) => ({
				nhs_number: send.nhs_number,
				dob: null,
				status: send.status,
			})),
			sends,
		});
	},
};
