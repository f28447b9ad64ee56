import type { HeroResource } from '../types';
import * as create from './create.operation';

export const attachmentLink: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['attachmentLink'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an attachment link',
				description: 'Share a file with a patient; pass its attachment_uuid to Message → Send',
			},
		],
	},
	operations: { create },
};
