// Task statuses and priorities: the values Hero accepts and their options, shared by Task and Episode.

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
