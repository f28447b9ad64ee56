import type { HeroResource } from '../types';
import * as getHeidiToken from './getHeidiToken.operation';

export const partner: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['partner'] } },
		default: 'getHeidiToken',
		options: [
			{
				name: 'Get Heidi Token',
				value: 'getHeidiToken',
				action: 'Get a heidi token',
				description:
					'Get a token for Heidi (AI scribe) for the practice group; the output includes when it expires',
			},
		],
	},
	operations: { getHeidiToken },
};
