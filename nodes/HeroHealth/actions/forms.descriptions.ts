import type { INodeProperties } from 'n8n-workflow';

/** Form fields shared by Form and Form Link. */

/** A Hero form, picked from `GET /v1/forms` (searchable) or typed. */
export const formLocator: INodeProperties = {
	displayName: 'Form',
	name: 'formId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Hero form',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchForms', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 310',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\d+$', errorMessage: 'A form ID is numeric, e.g. 310' },
				},
			],
		},
	],
};
