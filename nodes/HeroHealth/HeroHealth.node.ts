import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/description';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';
import { HERO_APP_DESCRIPTION } from './nodeDescription';

export class HeroHealth implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Hero Health',
		name: 'heroHealth',
		icon: { light: 'file:heroHealth.svg', dark: 'file:heroHealth.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: HERO_APP_DESCRIPTION,
		defaults: { name: 'Hero Health' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'heroHealthApi', required: true }],
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
