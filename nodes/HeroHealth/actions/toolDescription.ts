import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { HeroResource } from './types';

/**
 * What an agent must know about some operations beyond their editor description (how to use the
 * answer, what not to do with it), by `resource:operation`. Added to the tool description only.
 */
const FOR_AGENTS: Record<string, string> = {
	'appointment:bookNextAvailable':
		'Changes a booking. Patient and appointment type IDs are digits, dates YYYY-MM-DD. Returns ' +
		'{ booked, appointment, slot } with times in ISO-8601 UTC, or booked = false and a reason.',
	'patient:search':
		"Use it first to get a patient's Hero patient ID from their NHS number and date of birth " +
		'(or their first and last name): the other Hero tools need that ID. It only reads: it never ' +
		'creates, changes or contacts a patient. Returns one answer with matches (how many patients ' +
		'matched), patients (the matching records), patient_id (only when exactly one matched) and ' +
		'answer (what to do next). Act on a patient only when exactly one matched; with none or ' +
		'several, book or send nothing and ask the user to check the details or add one that tells ' +
		'the patients apart.',
};

/**
 * What an AI agent reads about the tool. n8n's own "Set Automatically" tool description is the
 * operation's `action` label ("Send a message in Hero Health"), and the same label names a tool
 * added from the panel, which becomes the model's function name (OpenAI allows 64 characters).
 * So labels stay short, and the tool brings its own description instead: the label and the
 * operation's description, one default per operation (n8n then adds no description fields of its
 * own). Shown only on the tool (`@tool`); a user's own text replaces it; n8n's editor never offers
 * "let the model define this" on `toolDescription`.
 */
export function toolDescriptionText(option: INodePropertyOptions, resource = ''): string {
	const description = `${option.action} in Hero Health. ${option.description ?? ''}`.trim();
	const forAgents = FOR_AGENTS[`${resource}:${String(option.value)}`];
	if (!forAgents) return description;
	return `${description}${description.endsWith('.') ? '' : '.'} ${forAgents}`;
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
				default: toolDescriptionText(option, resource),
				description:
					'What the AI agent reads about this tool: what it does, what it needs and what it returns. Edit it to suit your agent.',
			}),
		),
	);
}
