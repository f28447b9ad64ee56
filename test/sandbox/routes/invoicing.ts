import { s, type Spec } from '../schema';
import type { SandboxState } from '../state';
import type { RouteModule } from '../types';

/** Stripe-backed coupons and customers; Stripe-style ids. */
export interface SandboxCustomer {
	id: string;
	name: string;
	email?: string;
	phone?: string;
	sources?: unknown;
}

const COUPONS = [
	{
		id: 'FLU10',
		name: 'Flu jab 10% off',
		applies_to: { products: ['flu_vaccination'] },
		percent_off: 10,
	},
	{
		id: 'TRAVEL5',
		name: 'Travel vaccines £5 off',
		applies_to: { products: ['travel_vaccination'] },
		amount_off: 500,
	},
	{ id: 'STAFF20', name: 'Staff 20% off', applies_to: {}, percent_off: 20 },
];

export function customers(state: SandboxState): Map<string, SandboxCustomer> {
	return state.slice(
		'customers',
		() =>
			new Map<string, SandboxCustomer>([
				[
					'cus_1001',
					{
						id: 'cus_1001',
						name: 'Ada Lovelace',
						email: 'ada@example.com',
						phone: '+447700900001',
						sources: [],
					},
				],
				[
					'cus_1002',
					{ id: 'cus_1002', name: 'Alan Turing', email: 'alan@example.com', sources: [] },
				],
			]),
	);
}

const anyValue: Spec = () => [];
const sources = s.oneOf(s.array(s.record(anyValue)), s.record(anyValue));

export const invoicingRoutes: RouteModule = {
	routes: [
		{
			method: 'GET',
			path: '/v1/invoicing/coupons',
			query: s.object({}),
			handler: () => ({ data: COUPONS, count: COUPONS.length }),
		},
		{
			method: 'GET',
			path: '/v1/invoicing/customers',
			query: s.object({ query: s.string({ minLength: 1 }) }, { required: ['query'] }),
			handler: ({ query, state }) => {
				const needle = String(query.query).toLowerCase();
				const data = [...customers(state).values()].filter((c) =>
					[c.name, c.email, c.phone].some((v) => v?.toLowerCase().includes(needle)),
				);
				return { data, count: data.length };
			},
		},
		{
			method: 'POST',
			path: '/v1/invoicing/customers',
			body: s.object(
				{
					name: s.string({ minLength: 1 }),
					email: s.string({ format: 'email' }),
					phone: s.string({ minLength: 1 }),
					sources,
				},
				{ required: ['name'] },
			),
			bodyRequired: true,
			handler: ({ body, state }) => {
				const id = `cus_${state.nextId()}`;
				const customer: SandboxCustomer = { id, ...body };
				customers(state).set(id, customer);
				return customer;
			},
		},
	],
};
