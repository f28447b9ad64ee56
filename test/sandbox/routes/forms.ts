/**
 * Practice forms: `GET /v1/forms` (search, reply_form, form_type; no paging documented) and
 * `GET /v1/forms/{id}`. Seeded with one form of each type and a reply form.
 * Form responses: `GET /v1/form_response/{id}` (the path id a string, the sample's ids numbers).
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

/** A submitted form response, with the fields of Hero's 200 sample (ids are numbers there). */
export interface SandboxFormResponse {
	id: number;
	form_id: number;
	client_id: number;
	appointment_id: number | null;
	invoice_id: number | null;
	practice_group_id: number;
	created_at: string;
	updated_at: string;
	hidden: boolean;
	emis_file_record_at: string | null;
	short_link_id: number | null;
	admin_id: number | null;
	write_to_record_error: string | null;
}

export function formResponses(state: SandboxState): Map<string, SandboxFormResponse> {
	return state.slice('formResponses', () => new Map<string, SandboxFormResponse>());
}

export const SEED_FORM_RESPONSES: SandboxFormResponse[] = [
	{
		id: 7001,
		form_id: 310,
		client_id: 2001,
		appointment_id: null,
		invoice_id: null,
		practice_group_id: 12,
		created_at: '2026-11-30T10:15:00Z',
		updated_at: '2026-11-30T10:15:00Z',
		hidden: false,
		emis_file_record_at: '2026-11-30T10:16:02Z',
		short_link_id: 5501,
		admin_id: null,
		write_to_record_error: null,
	},
	{
		id: 7002,
		form_id: 311,
		client_id: 2002,
		appointment_id: null,
		invoice_id: 4001,
		practice_group_id: 12,
		created_at: '2026-12-01T08:40:00Z',
		updated_at: '2026-12-01T09:00:00Z',
		hidden: false,
		emis_file_record_at: null,
		short_link_id: null,
		admin_id: 42,
		write_to_record_error: 'EMIS record locked',
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
		const responses = formResponses(state);
		for (const response of SEED_FORM_RESPONSES)
			responses.set(String(response.id), structuredClone(response));
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
		{
			method: 'GET',
			path: '/v1/form_response/:id',
			handler: ({ params, state }) => {
				const response = formResponses(state).get(params.id);
				if (!response) throw notFound('Form response');
				return response;
			},
		},
	],
};
