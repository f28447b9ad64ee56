import type { HeroResource } from '../types';
import * as get from './get.operation';
import * as getCapabilities from './getCapabilities.operation';
import * as getConfiguration from './getConfiguration.operation';
import * as getElements from './getElements.operation';
import * as update from './update.operation';

export const practiceGroup: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['practiceGroup'] } },
		default: 'get',
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get the practice group',
				description: 'Get the practice group the credential acts for',
			},
			{
				name: 'Get Capabilities',
				value: 'getCapabilities',
				action: 'Get the practice group capabilities',
				description: 'What the practice group can do, e.g. sms_messaging',
			},
			{
				name: 'Get Configuration',
				value: 'getConfiguration',
				action: 'Get the practice group configuration',
				description: 'The configuration settings of the practice group',
			},
			{
				name: 'Get Elements',
				value: 'getElements',
				action: 'Get the practice group elements',
				description: 'The Hero Elements set up for the practice group',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update the practice group',
				description: "Change the practice group's name, address or prescription partner",
			},
		],
	},
	operations: { get, getCapabilities, getConfiguration, getElements, update },
};
