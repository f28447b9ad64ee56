import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { INFERRED } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';
import { getList, getMany, readCollection } from '../helpers';
import { slotFilters, slotQuery } from './filters';

const properties: INodeProperties[] = [...returnAllOrLimit, slotFilters('many')];

export const description = updateDisplayOptions({ show: { resource: ['slot'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const qs = slotQuery(this, itemIndex, readCollection(this, 'filters', itemIndex));
	const request = { method: 'GET' as const, path: '/v1/slots', qs };
	// Return All walks every page; Limit stops paging once enough slots are read.
	return INFERRED.slotsArePaged ? getMany(this, itemIndex, request) : getList(this, itemIndex, request);
}
