import { notFound } from '../errors';
import type { SandboxState } from '../state';
import type { RouteModule } from '../types';

export interface SandboxPatient {
	id: string;
	title: string | null;
	first_name: string;
	last_name: string;
	dob: string;
	nhs_number: string | null;
	email: string | null;
	mobile: string | null;
	postcode: string | null;
	[key: string]: unknown;
}

/** The patients slice: other modules (messages, appointments, links) check ids against it. */
export function patients(state: SandboxState): Map<string, SandboxPatient> {
	return state.slice('patients', () => new Map<string, SandboxPatient>());
}

export function requirePatient(state: SandboxState, id: string): SandboxPatient {
	const patient = patients(state).get(id);
	if (!patient) throw notFound('Patient');
	return patient;
}

/** Seeded patients 2001..2005 (fictional; NHS numbers pass the modulus-11 check). */
export const SEED_PATIENTS: SandboxPatient[] = [
	{ id: '2001', title: 'Ms', first_name: 'Ada', last_name: 'Lovelace', dob: '1985-12-10', nhs_number: '9434765919', email: 'ada@example.com', mobile: '+447700900001', postcode: 'LS1 4AP' },
	{ id: '2002', title: 'Mr', first_name: 'Alan', last_name: 'Turing', dob: '1972-06-23', nhs_number: '9434765870', email: 'alan@example.com', mobile: '+447700900002', postcode: 'M1 1AE' },
	{ id: '2003', title: 'Dr', first_name: 'Mary', last_name: 'Seacole', dob: '1990-11-23', nhs_number: '9434765846', email: 'mary@example.com', mobile: '+447700900003', postcode: 'SE1 7EH' },
	{ id: '2004', title: 'Mx', first_name: 'Sam', last_name: 'Taylor', dob: '2001-02-14', nhs_number: '9434765838', email: 'sam@example.com', mobile: '+447700900004', postcode: 'B1 1BB' },
	{ id: '2005', title: 'Mrs', first_name: 'Rosalind', last_name: 'Franklin', dob: '1960-07-25', nhs_number: '9434765811', email: null, mobile: '+447700900005', postcode: 'CB2 1TN' },
];

export const patientRoutes: RouteModule = {
	routes: [],
	seed(state) {
		const map = patients(state);
		for (const patient of SEED_PATIENTS) map.set(patient.id, { ...patient });
	},
};
