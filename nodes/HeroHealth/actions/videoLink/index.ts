import type { HeroResource } from '../types';
import * as create from './create.operation';

export const videoLink: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['videoLink'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a video link',
				description: 'Create a link to a Hero video consultation',
			},
		],
	},
	operations: { create },
};
