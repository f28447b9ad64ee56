import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest } from '../../transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions(
	{ show: { resource: ['practiceGroup'], operation: ['getCapabilities'] } },
	properties,
);

/** `{ capabilities: ["sms_messaging", ...] }`: one item, so an IF node can test `capabilities.includes(...)`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return heroApiRequest.call(this, { method: 'GET', path: '/v1/me/capabilities', itemIndex });
}
