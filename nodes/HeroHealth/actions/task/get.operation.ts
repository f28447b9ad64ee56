import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, pathId } from '../../transport';
import { requireId } from '../helpers';
import { taskIdField } from './fields';

const properties: INodeProperties[] = [taskIdField];

export const description = updateDisplayOptions(
	{ show: { resource: ['task'], operation: ['get'] } },
	properties,
);

/** `GET /v2/tasks/{id}`: the task with its status, category and patient. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireId(this, 'taskId', itemIndex, 'Task ID');
	return heroApiRequest.call(this, { method: 'GET', path: `/v2/tasks/${pathId(id)}`, itemIndex });
}
