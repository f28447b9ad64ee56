/**
 * The sandbox's new patient routes, modelled on openapi.yaml (not on the node): the Merge Patients
 * body (PatientMergeRequest: both fields required, `patient_id` digits only, nothing else), the merge
 * token Preview Patient Merging hands out (its field name a guess shared with the node), the v1 list's
 * paging, and 404 for an unknown patient on each per-patient read.
 */
import { sandboxClient } from '../../harness/sandboxClient';
import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { mergedPatients, patients } from '../../sandbox/routes/patients';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const { hero } = sandboxClient(() => sandbox);

async function previewToken(id: string, other: string): Promise<string> {
	const answer = await hero('POST', `/v1/patients/${id}/merge/preview`, { patient_id: other });
	expect(answer.status).toBe(200);
	return answer.body[INFERRED.mergeTokenField] as string;
}

describe('sandbox: Merge Patients', () => {
	it.each([
		['no merge_token', { patient_id: '2001' }],
		['no patient_id', { merge_token: 'mt_x' }],
		['a patient_id that is not digits', { merge_token: 'mt_x', patient_id: 'A2001' }],
		['an undocumented field', { merge_token: 'mt_x', patient_id: '2001', keep: '2005' }],
	])("refuses %s with Hero's 400 body", async (_name, body) => {
		const answer = await hero('POST', '/v1/patients/2005/merge', body);
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ error: true, statusCode: 400 });
		expect(mergedPatients(sandbox.state).size).toBe(0);
	});

	it('hands out a new token with each preview, merges once with it, and refuses it the second time', async () => {
		const token = await previewToken('2005', '2001');
		expect(token).toMatch(/^mt_[0-9a-f]{24}$/);
		expect(await previewToken('2005', '2001')).not.toBe(token);
		const first = await hero('POST', '/v1/patients/2005/merge', {
			merge_token: token,
			patient_id: '2001',
		});
		expect(first.status).toBe(200);
		expect(patients(sandbox.state).has('2001')).toBe(false);
		const second = await hero('POST', '/v1/patients/2005/merge', {
			merge_token: token,
			patient_id: '2002',
		});
		expect(second.status).toBe(400);
		expect(second.body.message[0]).toMatchObject({ path: ['merge_token'] });
		expect(patients(sandbox.state).has('2002')).toBe(true);
	});
});

describe('sandbox: v1 list and per-patient reads', () => {
	it('pages GET /v1/patients by zero-based page_index and page_size, answering { data, count }', async () => {
		const second = await hero('GET', '/v1/patients?page_index=1&page_size=2');
		expect(second.status).toBe(200);
		expect(second.body.count).toBe(5);
		expect(second.body.data.map((p: { id: string }) => p.id)).toEqual(['2003', '2004']);
		const unknown = await hero('GET', '/v1/patients?search=Ada');
		expect(unknown.status).toBe(400);
	});

	it.each([
		'/v1/patients/9999',
		'/v1/patients/9999/attachments',
		'/v1/patients/9999/payment_methods',
	])('answers 404 for an unknown patient: GET %s', async (path) => {
		expect((await hero('GET', path)).status).toBe(404);
	});
});
