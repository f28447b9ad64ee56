import type { HeroResource } from '../types';
import * as get from './get.operation';
import * as getManyInBatch from './getManyInBatch.operation';
import * as send from './send.operation';

export const message: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		default: 'send',
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a message',
				description: 'Get one sent message with its delivery status',
			},
			{
				name: 'Get Many in a Batch',
				value: 'getManyInBatch',
				action: 'Get many messages in a batch',
				description:
					'List the individual messages of a batch (bulk) message; the same as Batch Message → Get Sends',
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send a message',
				description:
					'Sends to the patient: an SMS, email or NHS App message, or records one sent elsewhere. The patient ID is digits; UK mobile numbers are accepted in national or +44 form. Returns message_id and content.',
			},
		],
	},
	operations: { get, getManyInBatch, send },
};
