import type { HeroResource } from '../types';
import * as getMany from './getMany.operation';

export const messageTemplate: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['messageTemplate'] } },
		default: 'getMany',
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many message templates',
				description:
					"List the practice's message templates (Message → Send can use one as its text)",
			},
		],
	},
	operations: { getMany },
};
