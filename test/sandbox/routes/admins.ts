import { notFound } from '../errors';
import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { q, s } from '../schema';
import { page, type SandboxState } from '../state';
import type { RouteModule } from '../types';

export interface SandboxAdmin {
	id: string;
	first_name: string;
	last_name: string;
	email: string;
	external_prescriber_id: string | null;
	prescriber_details: { name?: string; email?: string; registration_code?: string } | null;
}

const SEED: SandboxAdmin[] = [
	{
		id: '42',
		first_name: 'Priya',
		last_name: 'Shah',
		email: 'priya.shah@sandbox-surgery.nhs.uk',
		external_prescriber_id: 'RX-0042',
		prescriber_details: {
			name: 'Dr Priya Shah',
			email: 'priya.shah@sandbox-surgery.nhs.uk',
			registration_code: '7012345',
		},
	},
	{
		id: '43',
		first_name: 'Tom',
		last_name: 'Evans',
		email: 'tom.evans@sandbox-surgery.nhs.uk',
		external_prescriber_id: null,
		prescriber_details: null,
	},
	{
		id: '44',
		first_name: 'Aisha',
		last_name: 'Khan',
		email: 'aisha.khan@sandbox-surgery.nhs.uk',
		external_prescriber_id: null,
		prescriber_details: null,
	},
	{
		id: '45',
		first_name: 'Gareth',
		last_name: 'Jones',
		email: 'gareth.jones@sandbox-surgery.nhs.uk',
		external_prescriber_id: null,
		prescriber_details: null,
	},
	{
		id: '46',
		first_name: 'Mei',
		last_name: 'Chen',
		email: 'mei.chen@sandbox-surgery.nhs.uk',
		external_prescriber_id: 'RX-0046',
		prescriber_details: null,
	},
	{
		id: '47',
		first_name: 'Liam',
		last_name: 'Murphy',
		email: 'liam.murphy@sandbox-surgery.nhs.uk',
		external_prescriber_id: null,
		prescriber_details: null,
	},
];

export function admins(state: SandboxState): Map<string, SandboxAdmin> {
	return state.slice('admins', () => new Map(SEED.map((a) => [a.id, structuredClone(a)])));
}

const updateBody = s.object({
	external_prescriber_id: s.string({ minLength: 1, nullable: true }),
	prescriber_details: s.object(
		{ name: s.string(), email: s.string({ format: 'email' }), registration_code: s.string() },
		{ nullable: true },
	),
});

export const adminRoutes: RouteModule = {
	routes: [
		{
			method: 'GET',
			path: '/v1/admins',
			query: s.object({
				page_index: q.integer(0),
				page_size: q.integer(1),
				order_by: s.enum(['first_name']),
				order_descending: q.boolean(),
			}),
			handler: ({ query, state }) => {
				const rows = [...admins(state).values()];
				if (query.order_by === 'first_name')
					rows.sort((a, b) => a.first_name.localeCompare(b.first_name));
				if (query.order_descending === 'true') rows.reverse();
				return page(rows, query, INFERRED.firstPageIndex);
			},
		},
		{
			method: 'PATCH',
			path: '/v1/admins/:id',
			body: updateBody,
			bodyRequired: true,
			handler: ({ params, body, state }) => {
				const admin = admins(state).get(params.id);
				if (!admin) throw notFound('Admin');
				if (body.external_prescriber_id !== undefined)
					admin.external_prescriber_id = body.external_prescriber_id;
				if (body.prescriber_details !== undefined)
					admin.prescriber_details = body.prescriber_details;
				return { admin_id: admin.id };
			},
		},
	],
};
