import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, pathId } from '../../transport';
import { checkId, checkOneOf, readCollection, requireId } from '../helpers';
import { invalid } from '../../privacy/invalid';
import { taskIdField } from './fields';
import {
	TASK_PRIORITIES,
	TASK_STATUSES,
	priorityOptions,
	statusOptions,
} from '../tasks.descriptions';

const ASSIGNEE_TYPES = ['admin', 'admin_team'] as const;

const properties: INodeProperties[] = [
	taskIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Assignee ID',
				name: 'assigneeId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 42',
				description:
					'ID of the admin or admin team to assign the task to (Admin → Get Many lists admins). Needs Assignee Type.',
			},
			{
				displayName: 'Assignee Type',
				name: 'assigneeType',
				type: 'options',
				default: 'admin',
				options: [
					{ name: 'Admin', value: 'admin' },
					{ name: 'Admin Team', value: 'admin_team' },
				],
				description: 'Whether Assignee ID is an admin or an admin team. Needs Assignee ID.',
			},
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'options',
				default: 'medium',
				options: priorityOptions,
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'open',
				options: statusOptions,
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['update'] } },
	properties,
);

/** `PATCH /v1/tasks/{id}` with only the fields given; Hero answers `{ data: { id } }`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireId(this, 'taskId', itemIndex, 'Task ID');
	const fields = readCollection(this, 'updateFields', itemIndex);
	const body: IDataObject = {};
	if (fields.status !== undefined)
		body.status = checkOneOf(this, itemIndex, 'Status', fields.status, TASK_STATUSES);
	if (fields.priority !== undefined)
		body.priority = checkOneOf(this, itemIndex, 'Priority', fields.priority, TASK_PRIORITIES);
	const hasId = fields.assigneeId !== undefined && fields.assigneeId !== '';
	if (hasId !== (fields.assigneeType !== undefined)) {
		throw invalid(
			this,
			itemIndex,
			hasId ? 'Assignee Type' : 'Assignee ID',
			'Assignee ID and Assignee Type go together: add both',
		);
	}
	if (hasId) {
		body.assignee_type = checkOneOf(
			this,
			itemIndex,
			'Assignee Type',
			fields.assigneeType,
			ASSIGNEE_TYPES,
		);
		body.assignee_id = checkId(this, itemIndex, 'Assignee ID', fields.assigneeId);
	}
	if (Object.keys(body).length === 0)
		throw invalid(this, itemIndex, 'Update Fields', 'add at least one field to change');
	// A PATCH of fixed values: repeating it leaves the task as intended, so it may be retried.
	return heroApiRequest.call(this, {
		method: 'PATCH',
		path: `/v1/tasks/${pathId(id)}`,
		body,
		repeatable: true,
		itemIndex,
	});
}
