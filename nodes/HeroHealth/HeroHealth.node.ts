import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties, subtitle } from './actions/description';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';
import { HERO_APP_DESCRIPTION, PACKAGE_GUIDE_URL } from './nodeDescription';

export class HeroHealth implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Hero Health',
		name: 'heroHealth',
		icon: { light: 'file:heroHealth.svg', dark: 'file:heroHealth.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle,
		description: HERO_APP_DESCRIPTION,
		documentationUrl: PACKAGE_GUIDE_URL,
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
