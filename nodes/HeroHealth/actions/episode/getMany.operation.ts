import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { INFERRED } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';
import { checkBoolean, checkIdList, checkOneOf, getMany, readCollection } from '../helpers';
import { invalid } from '../../privacy/invalid';
import {
	TASK_PRIORITIES,
	TASK_STATUSES,
	priorityOptions,
	statusOptions,
} from '../tasks.descriptions';

const ASSIGNEE_TYPES = ['Admin', 'AdminTeam', 'Unassigned'] as const;
const SORT_FIELDS = ['created_at', 'priority'] as const;

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Assignee IDs',
				name: 'assigneeIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 42, 43',
				description: 'Only episodes assigned to these admin or admin team IDs (comma-separated)',
			},
			{
				displayName: 'Assignee Types',
				name: 'assigneeTypes',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Admin', value: 'Admin' },
					{ name: 'Admin Team', value: 'AdminTeam' },
					{ name: 'Unassigned', value: 'Unassigned' },
				],
			},
			{
				displayName: 'Priorities',
				name: 'priorities',
				type: 'multiOptions',
				default: [],
				options: priorityOptions,
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				default: [],
				options: statusOptions,
			},
		],
	},
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Sort Rule',
		default: {},
		description: 'Order of the episodes; the first rule sorts first',
		options: [
			{
				displayName: 'Rule',
				name: 'rule',
				values: [
					{
						displayName: 'Field',
						name: 'field',
						type: 'options',
						default: 'created_at',
						options: [
							{ name: 'Created At', value: 'created_at' },
							{ name: 'Priority', value: 'priority' },
						],
					},
					{
						displayName: 'Descending',
						name: 'descending',
						type: 'boolean',
						default: false,
						description: 'Whether to put the newest (or highest priority) first',
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['episode'], operation: ['getMany'] } },
	properties,
);

function list(value: unknown): unknown[] {
	if (value === undefined || value === null || value === '') return [];
	return Array.isArray(value) ? value : [value];
}

/**
 * `GET /v1/episodes`, paged. Hero's filter names carry literal brackets (`status[]=open&status[]=closed`):
 * the keys below are sent as written, each value repeated.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = readCollection(this, 'filters', itemIndex);
	const qs: IDataObject = {};
	const assigneeIds = checkIdList(this, itemIndex, 'Assignee IDs', filters.assigneeIds ?? '');
	if (assigneeIds.length) qs['assignee_id[]'] = assigneeIds;
	const assigneeTypes = list(filters.assigneeTypes).map((value) =>
		checkOneOf(this, itemIndex, 'Assignee Types', value, ASSIGNEE_TYPES),
	);
	if (assigneeTypes.length) qs['assignee_type[]'] = assigneeTypes;
	const statuses = list(filters.statuses).map((value) =>
		checkOneOf(this, itemIndex, 'Statuses', value, TASK_STATUSES),
	);
	if (statuses.length) qs['status[]'] = statuses;
	const priorities = list(filters.priorities).map((value) =>
		checkOneOf(this, itemIndex, 'Priorities', value, TASK_PRIORITIES),
	);
	if (priorities.length) qs['priority[]'] = priorities;

	const rules = this.getNodeParameter('sort.rule', itemIndex, []) as IDataObject[];
	if (Array.isArray(rules) && rules.length) {
		const fields = rules.map((rule) =>
			checkOneOf(this, itemIndex, 'Sort Field', rule.field, SORT_FIELDS),
		);
		if (new Set(fields).size !== fields.length)
			throw invalid(this, itemIndex, 'Sort', 'each field may be used once');
		qs['order_by[]'] = fields;
		qs['order_descending[]'] = rules.map((rule) =>
			INFERRED.episodeOrderDescending(
				rule.descending === undefined
					? false
					: checkBoolean(this, itemIndex, 'Sort Descending', rule.descending),
			),
		);
	}
	return getMany(this, itemIndex, { method: 'GET', path: '/v1/episodes', qs });
}
