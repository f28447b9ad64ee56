import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { outputProperties, readShape } from '../../shared/simplify';
import { INFERRED } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';
import { getList, getMany } from '../helpers';

const properties: INodeProperties[] = [...returnAllOrLimit, ...outputProperties(['patient'])];

export const description = updateDisplayOptions(
	{ show: { resource: ['patient'], operation: ['getMany'] } },
	properties,
);

/**
 * Patient → Get Many (`GET /v1/patients`): every patient of the practice group, one output item
 * each, as Hero sends them. Hero's query and answer were never captured: paging and the `{ data, count }`
 * envelope are a guess (INFERRED.patientListPaged). To find one patient use Patient → Search.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const shape = readShape(this, itemIndex, 'patient');
	const request = { method: 'GET' as const, path: '/v1/patients', itemIndex };
	const found = INFERRED.patientListPaged
		? await getMany(this, itemIndex, request)
		: await getList(this, itemIndex, request);
	return found.map(shape);
}
