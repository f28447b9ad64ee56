import type { HeroResource } from '../types';
import * as getStatus from './getStatus.operation';

export const link: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['link'] } },
		default: 'getStatus',
		options: [
			{
				name: 'Get Status',
				value: 'getStatus',
				action: 'Get the status of a link',
				description:
					'Whether a booking, form, video or attachment link is unused, used, expired or deactivated',
			},
		],
	},
	operations: { getStatus },
};
