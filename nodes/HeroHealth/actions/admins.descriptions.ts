import type { INodeProperties } from 'n8n-workflow';

/** A practice admin, picked from Hero's list (`GET /v1/admins`) or typed; used by Admin and Invoicing. */
export const adminLocator: INodeProperties = {
	displayName: 'Admin',
	name: 'adminId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The practice admin (staff user) to update',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchAdmins', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 42',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\d+$', errorMessage: 'An admin ID is numeric, e.g. 42' },
				},
			],
		},
	],
};
