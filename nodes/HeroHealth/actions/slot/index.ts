import type { HeroResource } from '../types';
import * as checkAvailability from './checkAvailability.operation';
import * as count from './count.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const slot: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['slot'] } },
		default: 'getMany',
		options: [
			{
				name: 'Check Availability',
				value: 'checkAvailability',
				action: 'Check slot availability',
				description:
					'Ask Hero whether a practitioner is free at a given time for an appointment type and location. IDs are digits; the start time is ISO-8601 (UTC). Returns { available }. Books nothing.',
			},
			{
				name: 'Count',
				value: 'count',
				action: 'Count bookable slots',
				description: 'Count the bookable slots matching the filters',
			},
			{ name: 'Get', value: 'get', action: 'Get a slot', description: 'Get one slot by ID' },
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many slots',
				description:
					'List bookable slots, filtered by appointment type, location, practitioners and date window (dates YYYY-MM-DD, IDs digits). Returns one item per slot with start_time and finish_time in ISO-8601 UTC. Books nothing; Limit keeps the page small.',
			},
		],
	},
	operations: { checkAvailability, count, get, getMany },
};
