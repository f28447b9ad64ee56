import type { INodeProperties } from 'n8n-workflow';

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
