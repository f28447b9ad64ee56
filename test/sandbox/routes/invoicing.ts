import { HeroError, notFound } from '../errors';
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

/** Each patient's default customer: patient id → customer id. */
export function defaultCustomers(state: SandboxState): Map<string, string> {
	return state.slice('defaultCustomers', () => new Map([['2001', 'cus_1001']]));
}

/** An invoice: Hero's fields were not captured beyond the update body; `status` says draft or finalised. */
export interface SandboxInvoice {
	id: string;
	status: 'draft' | 'finalised';
	patient_id: string;
	issuer_id: string;
	memo: string | null;
	footer: string | null;
	coupons: unknown;
	[field: string]: unknown;
}

/** Seeded with a draft (4001) and a finalised invoice (4002). */
export function invoices(state: SandboxState): Map<string, SandboxInvoice> {
	return state.slice(
		'invoices',
		() =>
			new Map<string, SandboxInvoice>([
				[
					'4001',
					{
						id: '4001',
						status: 'draft',
						patient_id: '2001',
						issuer_id: '42',
						memo: null,
						footer: null,
						coupons: [],
						due_date: '2026-12-31',
					},
				],
				[
					'4002',
					{
						id: '4002',
						status: 'finalised',
						patient_id: '2002',
						issuer_id: '42',
						memo: 'Travel vaccinations',
						footer: null,
						coupons: [],
						due_date: '2026-12-20',
					},
				],
			]),
	);
}

/** The fields a finalised invoice still takes (Hero: "only its metadata"). */
const METADATA_FIELDS = ['issuer_id', 'memo', 'footer', 'coupons'];

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
		{
			method: 'GET',
			path: '/v1/invoicing/customers/default',
			// The type and required-ness of patient_id were not captured: a string, as the sample shows.
			query: s.object({ patient_id: s.string() }),
			handler: ({ query, state }) => {
				const customerId = defaultCustomers(state).get(String(query.patient_id ?? ''));
				const customer = customerId ? customers(state).get(customerId) : undefined;
				if (!customer) throw notFound('Default customer');
				return customer;
			},
		},
		{
			method: 'PATCH',
			path: '/v1/invoicing/invoices/:id',
			// Documented: issuer_id required; memo, footer, coupons; other fields not captured (allowed).
			body: s.object(
				{ issuer_id: anyValue, memo: anyValue, footer: anyValue, coupons: anyValue },
				{ required: ['issuer_id'], loose: true },
			),
			bodyRequired: true,
			handler: ({ params, body, state }) => {
				const invoice = invoices(state).get(params.id);
				if (!invoice) throw notFound('Invoice');
				const fields = Object.keys(body as object);
				if (invoice.status === 'finalised') {
					const refused = fields.filter((field) => !METADATA_FIELDS.includes(field));
					if (refused.length)
						throw new HeroError(
							400,
							'Validation error',
							refused.map((field) => ({
								code: 'invoice_finalised',
								expected: 'only memo, footer or coupons on a finalised invoice',
								path: [field],
							})),
						);
				}
				for (const field of ['id', 'status', 'patient_id'])
					if (fields.includes(field))
						throw new HeroError(400, 'Validation error', [
							{ code: 'read_only', expected: 'a field that can be changed', path: [field] },
						]);
				Object.assign(invoice, body);
				return invoice;
			},
		},
	],
};
