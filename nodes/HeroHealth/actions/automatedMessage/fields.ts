import type { INodeProperties } from 'n8n-workflow';

/** An automated message, picked from Hero's list (`GET /v2/automated_messages`) or typed. */
export const automatedMessageLocator: INodeProperties = {
	displayName: 'Automated Message',
	name: 'automatedMessageId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The automated message to get',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchAutomatedMessages', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 7001',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\d+$',
						errorMessage: 'An automated message ID is numeric, e.g. 7001',
					},
				},
			],
		},
	],
};
