import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, pathId } from '../../transport';
import { requireId } from '../helpers';
import { formLocator } from '../forms.descriptions';

const properties: INodeProperties[] = [formLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['form'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireId(this, 'formId', itemIndex, 'Form');
	return heroApiRequest.call(this, { method: 'GET', path: `/v1/forms/${pathId(id)}`, itemIndex });
}
