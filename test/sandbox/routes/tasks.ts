import { notFound } from '../errors';
import { s } from '../schema';
import type { SandboxState } from '../state';
import type { RouteModule } from '../types';
import { requirePatient } from './patients';

export const TASK_STATUSES = ['open', 'closed', 'in_progress'];
export const PRIORITIES = ['lowest', 'low', 'medium', 'high', 'highest'];

export interface SandboxTask {
	id: string;
	episode_id: string;
	type_label: string;
	status: string;
	priority: string;
	details: string | null;
	category: string;
	patient_id: string;
	/** `admin` / `admin_team` as the update body spells them; null when unassigned. */
	assignee_type: string | null;
	assignee_id: string | null;
	updated_at: string;
}

const LABELS = [
	{ type_label: 'Prescription request', category: 'prescriptions' },
	{ type_label: 'Test results', category: 'results' },
	{ type_label: 'Appointment request', category: 'appointments' },
	{ type_label: 'Fit note request', category: 'admin' },
];

/**
 * Seed: two tasks for each seeded episode (ids 8001.. in episode order; episode 6001 has 8001 and
 * 8002). Status, priority and assignee follow the episode's.
 */
export function tasks(state: SandboxState): Map<string, SandboxTask> {
	return state.slice('tasks', () => {
		const map = new Map<string, SandboxTask>();
		for (let e = 0; e < EPISODE_COUNT; e++) {
			const shape = episodeShape(e);
			for (let t = 0; t < 2; t++) {
				const id = String(8001 + e * 2 + t);
				const label = LABELS[(e + t) % LABELS.length];
				map.set(id, {
					id,
					episode_id: shape.id,
					...label,
					status: shape.status,
					priority: shape.priority,
					details: t === 0 ? 'Requested through the online form' : null,
					patient_id: shape.patient_id,
					assignee_type: shape.assignee
						? shape.assignee.type === 'Admin'
							? 'admin'
							: 'admin_team'
						: null,
					assignee_id: shape.assignee?.id ?? null,
					updated_at: shape.created_at,
				});
			}
		}
		return map;
	});
}

/** Episodes 6001..6130: status, priority, assignee and patient cycle so every filter has matches. */
export const EPISODE_COUNT = 130;
export function episodeShape(index: number) {
	const assignees = [
		{ type: 'Admin', id: '42' },
		{ type: 'AdminTeam', id: '7' },
		null,
		{ type: 'Admin', id: '43' },
	];
	return {
		id: String(6001 + index),
		status: TASK_STATUSES[index % 3],
		priority: PRIORITIES[index % 5],
		assignee: assignees[index % 4],
		patient_id: String(2001 + (index % 5)),
		created_at: new Date(Date.UTC(2026, 9, 1) + index * 3_600_000).toISOString(),
	};
}

export function requireTask(state: SandboxState, id: string): SandboxTask {
	const task = tasks(state).get(id);
	if (!task) throw notFound('Task');
	return task;
}

/** The patient as Hero nests it in a task (documented fields first; the rest were truncated). */
export function patientView(state: SandboxState, patientId: string): Record<string, unknown> {
	const patient = requirePatient(state, patientId);
	return {
		id: patient.id,
		uid: `hero-${patient.id}`,
		ehr_partner_id: null,
		emis_id: null,
		deceased_at: null,
		dob: patient.dob,
		title: patient.title,
		first_name: patient.first_name,
		last_name: patient.last_name,
	};
}

export function taskView(state: SandboxState, task: SandboxTask): Record<string, unknown> {
	const { id, type_label, status, priority, details, category, assignee_type, assignee_id } = task;
	return {
		id,
		type_label,
		status,
		priority,
		details,
		category,
		assignee_type,
		assignee_id,
		patient: patientView(state, task.patient_id),
	};
}

const updateBody = s.object({
	status: s.enum(TASK_STATUSES),
	priority: s.enum(PRIORITIES),
	assignee_type: s.enum(['admin', 'admin_team']),
	assignee_id: s.id(),
});

export const taskRoutes: RouteModule = {
	routes: [
		{
			method: 'GET',
			path: '/v2/tasks/:id',
			handler: ({ params, state }) => taskView(state, requireTask(state, params.id)),
		},
		{
			method: 'PATCH',
			path: '/v1/tasks/:id',
			body: updateBody,
			bodyRequired: true,
			handler: ({ params, body, state }) => {
				const task = requireTask(state, params.id);
				for (const key of ['status', 'priority', 'assignee_type', 'assignee_id'] as const) {
					if (body[key] !== undefined) task[key] = body[key];
				}
				task.updated_at = new Date().toISOString();
				return { data: { id: task.id } };
			},
		},
	],
};
