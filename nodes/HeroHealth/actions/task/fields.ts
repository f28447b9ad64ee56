import type { INodeProperties } from 'n8n-workflow';

export const TASK_STATUSES = ['open', 'closed', 'in_progress'] as const;
export const TASK_PRIORITIES = ['lowest', 'low', 'medium', 'high', 'highest'] as const;

export const statusOptions = [
	{ name: 'Closed', value: 'closed' },
	{ name: 'In Progress', value: 'in_progress' },
	{ name: 'Open', value: 'open' },
];

export const priorityOptions = [
	{ name: 'High', value: 'high' },
	{ name: 'Highest', value: 'highest' },
	{ name: 'Low', value: 'low' },
	{ name: 'Lowest', value: 'lowest' },
	{ name: 'Medium', value: 'medium' },
];

/**
 * A task id. Hero has no task list (tasks come with Episode → Get Many, in each episode's `tasks`),
 * so it is typed or mapped rather than picked.
 */
export const taskIdField: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 8101',
	description: "The Hero task ID (numeric), e.g. from an episode's tasks (Episode → Get Many)",
};
