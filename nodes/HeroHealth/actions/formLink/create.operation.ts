import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { INFERRED, heroApiRequest } from '../../transport';
import { optionalPatientIdField } from '../common.descriptions';
import { optionalId, readCollection, requireId } from '../helpers';
import { formLocator } from '../forms.descriptions';
import {
	checkExpiryDate,
	checkUseCount,
	expiryDateOption,
	maximumUseCountOption,
} from '../links.descriptions';

const FIELDS = INFERRED.formLinkFields;

const properties: INodeProperties[] = [
	formLocator,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			expiryDateOption,
			maximumUseCountOption,
			optionalPatientIdField('Make the link for this patient only'),
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['formLink'], operation: ['create'] } },
	properties,
);

/** Body of Create Form Link. Path and field names are inferred (see transport/inferred.ts). */
export function buildFormLinkBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const body: IDataObject = { [FIELDS.formId]: requireId(ctx, 'formId', itemIndex, 'Form') };
	const extra = readCollection(ctx, 'additionalFields', itemIndex);
	const patientId = optionalId(ctx, itemIndex, 'Patient ID', extra.patientId);
	if (patientId) body[FIELDS.patientId] = patientId;
	if (extra.expiryDate !== undefined && extra.expiryDate !== '')
		body[FIELDS.expiryDate] = checkExpiryDate(ctx, itemIndex, extra.expiryDate);
	if (extra.maximumUseCount !== undefined)
		body[FIELDS.maximumUseCount] = checkUseCount(ctx, itemIndex, extra.maximumUseCount);
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = buildFormLinkBody(this, itemIndex);
	return heroApiRequest.call(this, {
		method: 'POST',
		path: INFERRED.createFormLinkPath,
		body,
		repeatable: false,
		itemIndex,
	});
}
