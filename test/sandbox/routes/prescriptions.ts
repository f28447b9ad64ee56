/**
 * Prescription: `GET /v1/prescriber/{id}/pharmacies` (`{ data, count }`, no paging documented) and
 * `POST /v1/pharmacies` (name, email, mobile, prescriber_id, all required; Hero gives no format
 * for email or mobile beyond "string", so the sandbox checks none).
 */
import { s } from '../schema';
import type { SandboxState } from '../state';
import type { RouteModule } from '../types';

export interface SandboxPharmacy {
	id: string;
	prescriber_id: string;
	name: string;
	email: string;
	mobile: string;
}

export function pharmacies(state: SandboxState): Map<string, SandboxPharmacy> {
	return state.slice('pharmacies', () => new Map<string, SandboxPharmacy>());
}

export const SEED_PHARMACIES: SandboxPharmacy[] = [
	{
		id: '6101',
		prescriber_id: '42',
		name: 'High Street Pharmacy',
		email: 'high.street@pharmacy.example',
		mobile: '+447700900201',
	},
	{
		id: '6102',
		prescriber_id: '42',
		name: 'Station Road Chemist',
		email: 'station.road@pharmacy.example',
		mobile: '+447700900202',
	},
	{
		id: '6103',
		prescriber_id: '46',
		name: 'Market Square Pharmacy',
		email: 'market@pharmacy.example',
		mobile: '+441134960203',
	},
];

export const prescriptionRoutes: RouteModule = {
	seed(state) {
		const map = pharmacies(state);
		for (const pharmacy of SEED_PHARMACIES) map.set(pharmacy.id, structuredClone(pharmacy));
	},
	routes: [
		{
			method: 'GET',
			path: '/v1/prescriber/:id/pharmacies',
			handler: ({ params, state }) => {
				const data = [...pharmacies(state).values()].filter((p) => p.prescriber_id === params.id);
				return { data, count: data.length };
			},
		},
		{
			method: 'POST',
			path: '/v1/pharmacies',
			body: s.object(
				{
					name: s.string(),
					email: s.string(),
					mobile: s.string(),
					prescriber_id: s.id(),
				},
				{ required: ['name', 'email', 'mobile', 'prescriber_id'] },
			),
			bodyRequired: true,
			handler: ({ body, state }) => {
				const pharmacy: SandboxPharmacy = { id: String(state.nextId()), ...body };
				pharmacies(state).set(pharmacy.id, pharmacy);
				return pharmacy;
			},
		},
	],
};
