import type { HeroResource } from '../types';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const form: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['form'] } },
		default: 'getMany',
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a form',
				description: 'Get one form with its questions',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many forms',
				description: 'List the practice forms, optionally by search text and type',
			},
		],
	},
	operations: { get, getMany },
};
