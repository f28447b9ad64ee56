import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { INFERRED, heroApiRequest } from '../../transport';
import { readCollection } from '../helpers';
import { slotFilters, slotQuery } from './filters';

const properties: INodeProperties[] = [slotFilters('one')];

export const description = updateDisplayOptions(
	{ show: { resource: ['slot'], operation: ['count'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const qs = slotQuery(this, itemIndex, readCollection(this, 'filters', itemIndex));
	const answer: unknown = await heroApiRequest.call(this, {
		method: 'GET',
		path: '/v1/slots/count',
		qs,
		expect: 'json',
		itemIndex,
	});
	// The answer's shape was not captured (see INFERRED.slotCountField): `{ count }` or a bare number.
	const count =
		typeof answer === 'number'
			? answer
			: (answer as IDataObject | undefined)?.[INFERRED.slotCountField];
	if (typeof count !== 'number') {
		throw new NodeOperationError(
			this.getNode(),
			'Hero answered Count Bookable Slots without a number of slots',
			{
				itemIndex,
				description: `Expected a number or an object with "${INFERRED.slotCountField}". Use Slot → Get Many with Return All instead.`,
			},
		);
	}
	return { count };
}
