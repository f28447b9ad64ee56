import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, pathId } from '../../transport';
import { requireId } from '../helpers';
import { batchIdLocator } from './fields';

const properties: INodeProperties[] = [
	{
		...batchIdLocator,
		description:
			'The batch to send, as created by Batch Message → Create. Hero sends a batch once: sending it again is refused.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['batchMessage'], operation: ['send'] } },
	properties,
);

/**
 * `PATCH /v1/batch_message/{id}/send`, no body. Never repeated: if the call may have reached Hero
 * (reset, timeout, 5xx) the item fails with "check before resending" rather than sending twice.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireId(this, 'batchId', itemIndex, 'Batch Message');
	const answer = await heroApiRequest.call(this, {
		method: 'PATCH',
		path: `/v1/batch_message/${pathId(id)}/send`,
		repeatable: false,
		expect: 'optional',
		itemIndex,
	});
	// Hero's answer is not documented: keep whatever it returns, and always say which batch this was.
	const fields = answer && typeof answer === 'object' && !Array.isArray(answer) ? answer : {};
	return { id, ...fields };
}
