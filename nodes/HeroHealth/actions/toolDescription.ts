import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { HeroResource } from './types';

/**
 * What an AI agent reads about the tool. n8n's own "Set Automatically" tool description is the
 * operation's `action` label ("Send a message in Hero Health"), and the same label names a tool
 * added from the panel, which becomes the model's function name (OpenAI allows 64 characters).
 * So labels stay short, and the tool brings its own description instead: the label and the
 * operation's description, one default per operation (n8n then adds no description fields of its
 * own). Shown only on the tool (`@tool`); a user's own text replaces it; n8n's editor never offers
 * "let the model define this" on `toolDescription`.
 */
export function toolDescriptionText(option: INodePropertyOptions): string {
	return `${option.action} in Hero Health. ${option.description ?? ''}`.trim();
}

export function toolDescriptionProperties(
	resources: Record<string, HeroResource>,
): INodeProperties[] {
	return Object.entries(resources).flatMap(([resource, { operationProperty }]) =>
		(operationProperty.options as INodePropertyOptions[]).map(
			(option): INodeProperties => ({
				displayName: 'Tool Description',
				name: 'toolDescription',
				type: 'string',
				typeOptions: { rows: 3 },
				displayOptions: {
					show: { '@tool': [true], resource: [resource], operation: [option.value] },
				},
				default: toolDescriptionText(option),
				description:
					'What the AI agent reads about this tool: what it does, what it needs and what it returns. Edit it to suit your agent.',
			}),
		),
	);
}
