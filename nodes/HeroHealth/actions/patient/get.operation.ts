import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, pathId } from '../../transport';
import { patientIdField } from '../common.descriptions';
import { checkOneOf, readCollection, requireId } from '../helpers';

const DATA_SOURCES = ['hero', 'ehr'] as const;

const properties: INodeProperties[] = [
	patientIdField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Data Source',
				name: 'dataSource',
				type: 'options',
				default: 'hero',
				options: [
					{
						name: 'EHR',
						value: 'ehr',
						description: "The patient's record in the practice's EHR (EMIS, SystmOne)",
					},
					{ name: 'Hero', value: 'hero', description: "Hero's own copy of the patient" },
				],
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['patient'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireId(this, 'patientId', itemIndex, 'Patient ID');
	const options = readCollection(this, 'options', itemIndex);
	const qs: IDataObject = {};
	if (options.dataSource !== undefined)
		qs.data_source = checkOneOf(this, itemIndex, 'Data Source', options.dataSource, DATA_SOURCES);
	return heroApiRequest.call(this, {
		method: 'GET',
		path: `/v2/patients/${pathId(id)}`,
		qs,
		itemIndex,
	});
}
