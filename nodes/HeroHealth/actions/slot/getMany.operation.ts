import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { INFERRED } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';
import { readableFields } from '../../shared/bookingNames';
import { outputProperties, readShape } from '../../shared/simplify';
import { getList, getMany, readCollection } from '../helpers';
import { slotFilters, slotQuery } from './filters';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	slotFilters('many'),
	...outputProperties(['slot']),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['slot'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const qs = slotQuery(this, itemIndex, readCollection(this, 'filters', itemIndex));
	const shape = readShape(this, itemIndex, 'slot');
	const request = { method: 'GET' as const, path: '/v1/slots', qs };
	// Return All walks every page; Limit stops paging once enough slots are read.
	const found = INFERRED.slotsArePaged
		? await getMany(this, itemIndex, request)
		: await getList(this, itemIndex, request);
	// Each slot's start as a patient reads it, and its names (Hero's lists are read once per execution).
	return await Promise.all(
		found.map(async (slot) => shape({ ...slot, ...(await readableFields(this, itemIndex, slot)) })),
	);
}
