import type { HeroResource } from '../types';
import * as create from './create.operation';

export const formLink: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['formLink'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a form link',
				description:
					'Create a shareable link to a Hero form (the API path is inferred: Hero does not document it)',
			},
		],
	},
	operations: { create },
};
