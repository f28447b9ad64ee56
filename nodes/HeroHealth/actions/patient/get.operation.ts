import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { outputProperties, readShape } from '../../shared/simplify';
import { heroApiRequest, pathId } from '../../transport';
import { patientIdField } from '../common.descriptions';
import { checkOneOf, readCollection, requireId } from '../helpers';

const DATA_SOURCES = ['hero', 'ehr'] as const;
const RECORDS = ['v1', 'v2'] as const;

const properties: INodeProperties[] = [
	patientIdField,
	{
		displayName: 'Record',
		name: 'record',
		type: 'options',
		// v2 is what this operation read before the choice existed: saved workflows keep it.
		default: 'v2',
		options: [
			{
				name: 'Version 1 (Status, Emails, Notes)',
				value: 'v1',
				description:
					"Hero's v1 read: adds whether the patient is archived (status), all their emails, notes, the address with country and verification credentials; no identifiers or EHR registration, Hero's copy only",
			},
			{
				name: 'Version 2 (Identifiers, EHR Registration)',
				value: 'v2',
				description:
					"Hero's v2 read (as before this choice): the patient's identifiers (NHS, EHR, Hero) and whether they are registered in the EHR; can read the EHR's copy (Options → Data Source)",
			},
		],
		hint: 'Version 1 says whether the patient is archived and adds emails and notes; version 2 (the default) adds identifiers and EHR registration, and can read the EHR copy',
	},
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
				displayOptions: { show: { '/record': ['v2'] } },
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
	...outputProperties(['patient']),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['patient'], operation: ['get'] } },
	properties,
);

/**
 * Patient → Get: `GET /v2/patients/{id}` (the default, as before the choice; Data Source optional) or
 * `GET /v1/patients/{id}` (Record: Version 1; no query parameters are documented for it).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireId(this, 'patientId', itemIndex, 'Patient ID');
	const record = checkOneOf(
		this,
		itemIndex,
		'Record',
		this.getNodeParameter('record', itemIndex, 'v2'),
		RECORDS,
	);
	const shape = readShape(this, itemIndex, 'patient');
	// Data Source is shown for v2 only (n8n drops it when hidden); v1 documents no query parameters.
	if (record === 'v1')
		return shape(
			await heroApiRequest.call(this, {
				method: 'GET',
				path: `/v1/patients/${pathId(id)}`,
				itemIndex,
			}),
		);
	const options = readCollection(this, 'options', itemIndex);
	const qs: IDataObject = {};
	if (options.dataSource !== undefined)
		qs.data_source = checkOneOf(this, itemIndex, 'Data Source', options.dataSource, DATA_SOURCES);
	return shape(
		await heroApiRequest.call(this, {
			method: 'GET',
			path: `/v2/patients/${pathId(id)}`,
			qs,
			itemIndex,
		}),
	);
}
