import { notFound } from '../errors';
import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { q, s } from '../schema';
import { page, type SandboxState } from '../state';
import type { RouteModule } from '../types';

/** Automated messages (reminders, confirmations). The answer was never captured: this shape is the sandbox's own. */
export interface SandboxAutomatedMessage {
	id: string;
	notification_type: string;
	status: string;
	recipient_id: string;
	message: string;
	created_at: string;
}

const TYPES = ['appointment_reminder', 'booking_confirmation', 'recall'];
const STATUSES = ['SENT', 'DELIVERED', 'INVALIDATED', 'SCHEDULED'];

/** Seed: 130 messages (ids 7001..7130), one a day back from 2026-10-31, across the seeded patients. */
export function automatedMessages(state: SandboxState): Map<string, SandboxAutomatedMessage> {
	return state.slice('automatedMessages', () => {
		const map = new Map<string, SandboxAutomatedMessage>();
		for (let i = 0; i < 130; i++) {
			const id = String(7001 + i);
			map.set(id, {
				id,
				notification_type: TYPES[i % TYPES.length],
				status: STATUSES[i % STATUSES.length],
				recipient_id: String(2001 + (i % 5)),
				message: `${TYPES[i % TYPES.length].replace(/_/g, ' ')} ${id}`,
				created_at: new Date(Date.UTC(2026, 9, 31) - i * 86_400_000).toISOString(),
			});
		}
		return map;
	});
}

const listQuery = s.object({
	page_index: q.integer(0),
	page_size: q.integer(1),
	// camelCase, as documented (sample createdAt; the full list of fields is not).
	orderBy: s.string({ minLength: 1 }),
	order_descending: q.boolean(),
	recipient_id: s.id(),
	status: s.string({ minLength: 1 }),
	notification_type: s.string({ minLength: 1 }),
});

const SORT_FIELDS: Record<string, keyof SandboxAutomatedMessage> = {
	createdAt: 'created_at',
	status: 'status',
	notificationType: 'notification_type',
	id: 'id',
};

export const automatedMessageRoutes: RouteModule = {
	routes: [
		{
			method: 'GET',
			path: '/v2/automated_messages',
			query: listQuery,
			handler: ({ query, state }) => {
				let rows = [...automatedMessages(state).values()];
				if (query.recipient_id) rows = rows.filter((m) => m.recipient_id === query.recipient_id);
				if (query.status) rows = rows.filter((m) => m.status === query.status);
				if (query.notification_type)
					rows = rows.filter((m) => m.notification_type === query.notification_type);
				const field = SORT_FIELDS[String(query.orderBy ?? 'id')] ?? 'id';
				rows.sort((a, b) => String(a[field]).localeCompare(String(b[field])));
				if (query.order_descending === 'true') rows.reverse();
				return page(rows, query, INFERRED.firstPageIndex);
			},
		},
		{
			method: 'GET',
			path: '/v2/automated_messages/:id',
			handler: ({ params, state }) => {
				const message = automatedMessages(state).get(params.id);
				if (!message) throw notFound('Automated message');
				return message;
			},
		},
	],
};
