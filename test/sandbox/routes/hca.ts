/**
 * Booking - HCA: `GET /v1/booking-hca/consultants` (`search`, `fields`: one or several field names,
 * repeated keys) and `GET /v1/booking-hca/consultants/{gmc_number}`. Hero's answers were never
 * captured: the sandbox answers `{ data, count }` and the consultant object, and `fields` narrows
 * each consultant to those fields.
 */
import { notFound } from '../errors';
import { s } from '../schema';
import type { SandboxState } from '../state';
import type { RouteModule } from '../types';

export interface SandboxConsultant {
	gmc_number: string;
	first_name: string;
	last_name: string;
	specialty: string;
}

export function consultants(state: SandboxState): Map<string, SandboxConsultant> {
	return state.slice('hcaConsultants', () => new Map<string, SandboxConsultant>());
}

export const SEED_CONSULTANTS: SandboxConsultant[] = [
	{ gmc_number: '7012345', first_name: 'Priya', last_name: 'Patel', specialty: 'Cardiology' },
	{ gmc_number: '7023456', first_name: 'Tom', last_name: 'Okafor', specialty: 'Dermatology' },
	{ gmc_number: '7034567', first_name: 'Anika', last_name: 'Patel', specialty: 'Orthopaedics' },
];

/** Test switch: the shape of the search answer (never captured): `{ data, count }`, a bare array, or one object. */
export function hcaSearchAnswer(state: SandboxState): { shape: 'envelope' | 'array' | 'object' } {
	return state.slice('hcaSearchAnswer', () => ({
		shape: 'envelope' as 'envelope' | 'array' | 'object',
	}));
}

export const hcaRoutes: RouteModule = {
	seed(state) {
		const map = consultants(state);
		for (const consultant of SEED_CONSULTANTS)
			map.set(consultant.gmc_number, structuredClone(consultant));
	},
	routes: [
		{
			method: 'GET',
			path: '/v1/booking-hca/consultants',
			query: s.object({
				search: s.string(),
				fields: s.oneOf(s.string({ minLength: 1 }), s.array(s.string({ minLength: 1 }))),
			}),
			handler: ({ query, state }) => {
				const needle = typeof query.search === 'string' ? query.search.toLowerCase() : '';
				const fields =
					query.fields === undefined ? undefined : ([] as string[]).concat(query.fields);
				const data = [...consultants(state).values()]
					.filter(
						(c) =>
							!needle ||
							[c.first_name, c.last_name, c.specialty, c.gmc_number].some((v) =>
								v.toLowerCase().includes(needle),
							),
					)
					.map((c) =>
						fields
							? Object.fromEntries(Object.entries(c).filter(([key]) => fields.includes(key)))
							: c,
					);
				const { shape } = hcaSearchAnswer(state);
				if (shape === 'array') return data;
				if (shape === 'object') return { consultant: data[0] ?? null };
				return { data, count: data.length };
			},
		},
		{
			method: 'GET',
			path: '/v1/booking-hca/consultants/:gmc_number',
			handler: ({ params, state }) => {
				const consultant = consultants(state).get(params.gmc_number);
				if (!consultant) throw notFound('Consultant');
				return consultant;
			},
		},
	],
};
