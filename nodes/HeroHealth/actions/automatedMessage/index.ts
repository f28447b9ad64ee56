import type { HeroResource } from '../types';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const automatedMessage: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['automatedMessage'] } },
		default: 'getMany',
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get an automated message',
				description: 'Get one message Hero sent automatically',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many automated messages',
				description: 'List messages Hero sent automatically (e.g. reminders), with filters',
			},
		],
	},
	operations: { get, getMany },
};
