import type { INodeProperties } from 'n8n-workflow';

export const FORM_TYPES = ['questionnaire', 'response', 'appointment', 'care_navigation'] as const;

export const formTypeOptions = [
	{ name: 'Appointment', value: 'appointment' },
	{ name: 'Care Navigation', value: 'care_navigation' },
	{ name: 'Questionnaire', value: 'questionnaire' },
	{ name: 'Response', value: 'response' },
];

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
			validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A form ID is numeric, e.g. 310' } }],
		},
	],
};
