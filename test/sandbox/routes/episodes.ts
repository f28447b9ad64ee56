import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { q, s, type Spec } from '../schema';
import { page, type SandboxState } from '../state';
import type { RouteModule } from '../types';
import {
	EPISODE_COUNT,
	PRIORITIES,
	TASK_STATUSES,
	episodeShape,
	patientView,
	taskView,
	tasks,
} from './tasks';

/**
 * `GET /v1/episodes`. Its filters are documented with literal brackets (`status[]=open&status[]=closed`):
 * the sandbox takes only those names, so `status=open` is rejected as an unknown parameter.
 */
interface SandboxEpisode {
	id: string;
	status: string;
	priority: string;
	assignee: { type: string; id: string } | null;
	patient_id: string;
	created_at: string;
}

export function episodes(state: SandboxState): Map<string, SandboxEpisode> {
	return state.slice(
		'episodes',
		() =>
			new Map(
				Array.from({ length: EPISODE_COUNT }, (_, i) => episodeShape(i)).map((e) => [e.id, e]),
			),
	);
}

/** One value or the same key repeated. */
const many = (item: Spec): Spec => s.oneOf(item, s.array(item, { minItems: 1 }));
const listOf = (value: unknown): string[] =>
	value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];

const listQuery = s.object({
	page_index: q.integer(0),
	page_size: q.integer(1),
	'assignee_id[]': many(s.id()),
	'assignee_type[]': many(s.enum(['Admin', 'AdminTeam', 'Unassigned'])),
	'status[]': many(s.enum(TASK_STATUSES)),
	'priority[]': many(s.enum(PRIORITIES)),
	'order_by[]': many(s.enum(['created_at', 'priority'])),
	'order_descending[]': many(s.enum(['true', 'false'])),
});

export const episodeRoutes: RouteModule = {
	routes: [
		{
			method: 'GET',
			path: '/v1/episodes',
			query: listQuery,
			handler: ({ query, state }) => {
				const statuses = listOf(query['status[]']);
				const priorities = listOf(query['priority[]']);
				const types = listOf(query['assignee_type[]']);
				const ids = listOf(query['assignee_id[]']);
				let rows = [...episodes(state).values()].filter(
					(e) =>
						(!statuses.length || statuses.includes(e.status)) &&
						(!priorities.length || priorities.includes(e.priority)) &&
						(!types.length || types.includes(e.assignee?.type ?? 'Unassigned')) &&
						(!ids.length || (e.assignee !== null && ids.includes(e.assignee.id))),
				);
				// order_descending[] pairs with order_by[] by position (INFERRED.episodeOrderDescending).
				const orderBy = listOf(query['order_by[]']);
				const descending = listOf(query['order_descending[]']);
				const key = (e: SandboxEpisode, field: string) =>
					field === 'priority' ? PRIORITIES.indexOf(e.priority) : Date.parse(e.created_at);
				rows = [...rows].sort((a, b) => {
					for (const [i, field] of orderBy.entries()) {
						const diff = key(a, field) - key(b, field);
						if (diff !== 0) return descending[i] === 'true' ? -diff : diff;
					}
					return Number(a.id) - Number(b.id);
				});
				const result = page(rows, query, INFERRED.firstPageIndex);
				const allTasks = [...tasks(state).values()];
				return {
					data: result.data.map((e) => ({
						id: e.id,
						status: e.status,
						priority: e.priority,
						assignees: e.assignee ? [e.assignee] : [],
						tasks: allTasks.filter((t) => t.episode_id === e.id).map((t) => taskView(state, t)),
						patient: patientView(state, e.patient_id),
						created_at: e.created_at,
					})),
					count: result.count,
				};
			},
		},
	],
};
