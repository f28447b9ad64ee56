import type { HeroResource } from '../types';
import * as get from './get.operation';
import * as update from './update.operation';

export const task: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		default: 'get',
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a task',
				description: 'Get an inbox task with its status and patient',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a task',
				description: 'Change the status, priority or assignee of a task',
			},
		],
	},
	operations: { get, update },
};
