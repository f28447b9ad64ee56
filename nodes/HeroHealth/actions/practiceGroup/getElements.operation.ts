import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, recordsOf } from '../../transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['practiceGroup'], operation: ['getElements'] } },
	properties,
);

/** One item per element when Hero answers a list (`{ data, count }` or an array); the answer as is otherwise. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const result = await heroApiRequest.call(this, {
		method: 'GET',
		path: '/v1/me/elements',
		expect: 'list',
		itemIndex,
	});
	const isList = Array.isArray(result) || Array.isArray((result as IDataObject | undefined)?.data);
	return isList ? recordsOf(result) : result;
}
