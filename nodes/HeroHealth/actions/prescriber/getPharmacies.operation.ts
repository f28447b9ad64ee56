import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { INFERRED, pathId, readList } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';
import { readLimit, requireId } from '../helpers';

const properties: INodeProperties[] = [
	{
		displayName: 'Prescriber ID',
		name: 'prescriberId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 42',
		description: "The prescriber whose pharmacies to list (Hero's numeric ID)",
	},
	...returnAllOrLimit,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['prescriber'], operation: ['getPharmacies'] } },
	properties,
);

/**
 * `GET /v1/prescriber/{id}/pharmacies` (`{ data, count }`): one output item per pharmacy. Hero
 * documents no paging for it (INFERRED.prescriberPharmaciesPaging): Return All / Limit apply to its
 * one answer. The id is checked as digits, the pattern of every `prescriber_id` Hero documents.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = requireId(this, 'prescriberId', itemIndex, 'Prescriber ID');
	return readList.call(
		this,
		{ method: 'GET', path: `/v1/prescriber/${pathId(id)}/pharmacies`, itemIndex },
		INFERRED.prescriberPharmaciesPaging,
		readLimit(this, itemIndex),
	);
}
