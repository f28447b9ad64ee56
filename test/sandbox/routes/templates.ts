import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { q, s } from '../schema';
import type { SandboxState } from '../state';
import type { RouteModule } from '../types';

/**
 * `GET /v1/templates`. Hero's answer was never captured: the sandbox answers `{ data, count }` with
 * the name and text under the field names the node guesses (INFERRED), so both change together.
 */
const NAME = INFERRED.templateNameFields[0];
const TEXT = INFERRED.templateTextFields[0];

export interface SandboxTemplate {
	id: string;
	has_follow_up: boolean;
	[field: string]: unknown;
}

const SEED: Array<{ id: string; name: string; text: string; has_follow_up: boolean }> = [
	{
		id: '11',
		name: 'Appointment reminder',
		text: 'Reminder: you have an appointment at the surgery. Reply CANCEL if you cannot attend.',
		has_follow_up: false,
	},
	{
		id: '12',
		name: 'Flu clinic invitation',
		text: 'You are invited to our flu clinic. Reply YES to be booked in.',
		has_follow_up: true,
	},
	{
		id: '13',
		name: 'Blood test results: normal',
		text: 'Your recent blood test results are normal. No action is needed.',
		has_follow_up: false,
	},
	// A follow-up-only template: it carries no text of its own.
	{ id: '14', name: 'Friends and family survey', text: '', has_follow_up: true },
];

export function templates(state: SandboxState): Map<string, SandboxTemplate> {
	return state.slice(
		'templates',
		() =>
			new Map(
				SEED.map((t) => [
					t.id,
					{
						id: t.id,
						[NAME]: t.name,
						[TEXT]: t.text,
						has_follow_up: t.has_follow_up,
					} as SandboxTemplate,
				]),
			),
	);
}

export const templateRoutes: RouteModule = {
	routes: [
		{
			method: 'GET',
			path: '/v1/templates',
			query: s.object({ has_follow_up: q.boolean() }),
			handler: ({ query, state }) => {
				const all = [...templates(state).values()];
				const data =
					query.has_follow_up === undefined
						? all
						: all.filter((t) => t.has_follow_up === (query.has_follow_up === 'true'));
				return { data, count: data.length };
			},
		},
	],
};
