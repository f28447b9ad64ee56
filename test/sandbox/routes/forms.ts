/**
 * Practice forms: `GET /v1/forms` (search, reply_form, form_type; no paging documented) and
 * `GET /v1/forms/{id}`. Seeded with one form of each type and a reply form.
 */
import { notFound } from '../errors';
import { q, s } from '../schema';
import type { SandboxState } from '../state';
import type { RouteModule } from '../types';

export const FORM_TYPES = ['questionnaire', 'response', 'appointment', 'care_navigation'];

export interface SandboxForm {
	id: string;
	title: string;
	description: string;
	patient_title: string | null;
	patient_description: string | null;
	reply_form: boolean;
	form_type: string;
	snomed_code: string | null;
	fields: { form_question_id: string; name: string; type: string; required: boolean }[];
}

export function forms(state: SandboxState): Map<string, SandboxForm> {
	return state.slice('forms', () => new Map<string, SandboxForm>());
}

export const SEED_FORMS: SandboxForm[] = [
	{
		id: '310',
		title: 'Asthma review',
		description: 'Annual asthma review questionnaire',
		patient_title: 'Your asthma review',
		patient_description: 'About 5 minutes',
		reply_form: false,
		form_type: 'questionnaire',
		snomed_code: '270442000',
		fields: [
			{
				form_question_id: '3101',
				name: 'How often do you use your reliever inhaler?',
				type: 'select',
				required: true,
			},
			{
				form_question_id: '3102',
				name: 'Any night-time symptoms?',
				type: 'boolean',
				required: true,
			},
		],
	},
	{
		id: '311',
		title: 'Blood pressure reading',
		description: 'Home blood pressure submission',
		patient_title: null,
		patient_description: null,
		reply_form: true,
		form_type: 'response',
		snomed_code: null,
		fields: [
			{ form_question_id: '3111', name: 'Systolic / diastolic', type: 'text', required: true },
		],
	},
	{
		id: '312',
		title: 'Pre-appointment questions',
		description: 'Asked before a booked appointment',
		patient_title: 'Before your appointment',
		patient_description: null,
		reply_form: false,
		form_type: 'appointment',
		snomed_code: null,
		fields: [
			{
				form_question_id: '3121',
				name: 'What would you like to discuss?',
				type: 'text',
				required: false,
			},
		],
	},
	{
		id: '313',
		title: 'Care navigation triage',
		description: 'Routes a request to the right service',
		patient_title: 'How can we help?',
		patient_description: null,
		reply_form: false,
		form_type: 'care_navigation',
		snomed_code: null,
		fields: [
			{
				form_question_id: '3131',
				name: 'What is your request about?',
				type: 'select',
				required: true,
			},
		],
	},
	{
		id: '314',
		title: 'Smoking status',
		description: 'Smoking status update for the record',
		patient_title: null,
		patient_description: null,
		reply_form: true,
		form_type: 'questionnaire',
		snomed_code: '365980008',
		fields: [{ form_question_id: '3141', name: 'Do you smoke?', type: 'boolean', required: true }],
	},
];

const listQuery = s.object({
	search: s.string(),
	reply_form: q.boolean(),
	form_type: s.enum(FORM_TYPES),
});

export const formRoutes: RouteModule = {
	seed(state) {
		const map = forms(state);
		for (const form of SEED_FORMS) map.set(form.id, structuredClone(form));
	},
	routes: [
		{
			method: 'GET',
			path: '/v1/forms',
			query: listQuery,
			handler: ({ query, state }) => {
				const search = typeof query.search === 'string' ? query.search.toLowerCase() : '';
				const rows = [...forms(state).values()]
					.filter(
						(form) =>
							!search ||
							form.title.toLowerCase().includes(search) ||
							form.description.toLowerCase().includes(search),
					)
					.filter((form) => query.form_type === undefined || form.form_type === query.form_type)
					.filter(
						(form) =>
							query.reply_form === undefined || form.reply_form === (query.reply_form === 'true'),
					)
					.map(({ fields: _fields, ...summary }) => summary);
				return { data: rows, count: rows.length };
			},
		},
		{
			method: 'GET',
			path: '/v1/forms/:id',
			handler: ({ params, state }) => {
				const form = forms(state).get(params.id);
				if (!form) throw notFound('Form');
				return form;
			},
		},
	],
};
