import type { HeroResource } from '../types';
import * as create from './create.operation';

export const accessToken: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['accessToken'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an access token',
				description:
					'Create a 30-minute token (JWT) for Hero Elements; the output includes when it expires',
			},
		],
	},
	operations: { create },
};
