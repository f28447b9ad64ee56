import { runHeroNode } from '../../../harness/runNode';
import {
	mergedPatients,
	mergeTokens,
	patients,
	patientView,
	SEED_PATIENTS,
} from '../../../sandbox/routes/patients';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { INFERRED } from '../../../../nodes/HeroHealth/transport/inferred';
import { patient } from '../../../../nodes/HeroHealth/actions/patient';
import { description as mergeDescription } from '../../../../nodes/HeroHealth/actions/patient/merge.operation';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

/** Patient → Preview Merge of the two, as a user runs it first; returns the token it hands out. */
async function preview(patientId: string, otherPatientId: string): Promise<string> {
	const result = await runHeroNode(sandbox, {
		parameters: { resource: 'patient', operation: 'previewMerge', patientId, otherPatientId },
	});
	expect(result.error).toBeUndefined();
	const token = result.json[0][INFERRED.mergeTokenField];
	expect(typeof token).toBe('string');
	return token as string;
}

const merge = (patientId: string, otherPatientId: string, mergeToken: string) => ({
	resource: 'patient',
	operation: 'merge',
	patientId,
	otherPatientId,
	mergeToken,
});
const mergeCalls = (id: string) => sandbox.received('POST', `/v1/patients/${id}/merge`);

describe('Patient → Merge', () => {
	it("merges with the preview's token: POST /v1/patients/{id}/merge { merge_token, patient_id }, Hero's answer output as sent", async () => {
		const token = await preview('2005', '2001');
		const result = await runHeroNode(sandbox, { parameters: merge('2005', '2001', token) });
		expect(result.error).toBeUndefined();
		const [call] = mergeCalls('2005');
		expect(call.body).toEqual({ merge_token: token, patient_id: '2001' });
		expect(call.headers['content-type']).toMatch(/^application\/json/);
		expect(mergeCalls('2005')).toHaveLength(1);
		// The node adds nothing to Hero's answer (which record survives is not documented): here the
		// sandbox answers the kept patient.
		expect(result.json).toEqual([patientView(patients(sandbox.state).get('2005')!)]);
		expect(mergedPatients(sandbox.state).get('2001')).toBe('2005');
	});

	it('outputs an empty answer as an empty item, adding nothing of its own', async () => {
		const token = await preview('2005', '2001');
		sandbox.faults.add({ kind: 'empty-after', status: 204, path: '/merge$', times: 1 });
		const result = await runHeroNode(sandbox, { parameters: merge('2005', '2001', token) });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{}]);
	});

	it.each([
		['the connection drops after Hero acted on it', { kind: 'reset-after' as const }],
		['Hero answers 503', { kind: 'status' as const, status: 503 }],
		['Hero answers 502 after acting on it', { kind: 'status-after' as const, status: 502 }],
	])(
		'is never retried when %s: one request, and the item says to check before merging again',
		async (_name, fault) => {
			const token = await preview('2005', '2001');
			sandbox.faults.add({ ...fault, method: 'POST', path: '/merge$' });
			const result = await runHeroNode(sandbox, { parameters: merge('2005', '2001', token) });
			expect(result.error?.message).toContain('may or may not have been carried out');
			expect(mergeCalls('2005')).toHaveLength(1);
		},
	);

	it("with n8n's Retry On Fail on, the outcome-unknown error says n8n repeats the merge and to turn Retry On Fail off", async () => {
		const token = await preview('2005', '2001');
		sandbox.faults.add({ kind: 'status', status: 503, method: 'POST', path: '/merge$' });
		const result = await runHeroNode(sandbox, {
			parameters: merge('2005', '2001', token),
			retryOnFail: { maxTries: 2, waitBetweenTries: 0 },
		});
		// One request per try: the second is n8n's own retry of the node, never the node's.
		expect(mergeCalls('2005')).toHaveLength(2);
		expect(result.error?.message).toContain('may or may not have been carried out');
		expect(result.error?.description).toMatch(/n8n's Retry On Fail is on for this node/);
		expect(result.error?.description).toMatch(/turn Retry On Fail off/);
	});

	it('retries after a 429 (Hero did not act on it) and merges exactly once', async () => {
		const token = await preview('2005', '2001');
		sandbox.faults.add({
			kind: 'status',
			status: 429,
			retryAfter: 0,
			method: 'POST',
			path: '/merge$',
			times: 1,
		});
		const result = await runHeroNode(sandbox, { parameters: merge('2005', '2001', token) });
		expect(result.error).toBeUndefined();
		expect(mergeCalls('2005')).toHaveLength(2);
		expect(mergedPatients(sandbox.state).size).toBe(1);
	});

	it("reports Hero's refusal of an unknown or already used merge token (400), merging nothing", async () => {
		const unknown = await runHeroNode(sandbox, {
			parameters: merge('2005', '2001', 'mt_not_from_a_preview'),
		});
		expect((unknown.error as { httpCode?: string }).httpCode).toBe('400');
		expect(patients(sandbox.state).has('2001')).toBe(true);

		const token = await preview('2005', '2001');
		await runHeroNode(sandbox, { parameters: merge('2005', '2001', token) });
		expect(mergeTokens(sandbox.state).get(token)?.used).toBe(true);
		const again = await runHeroNode(sandbox, { parameters: merge('2005', '2002', token) });
		expect((again.error as { httpCode?: string }).httpCode).toBe('400');
		expect(patients(sandbox.state).has('2002')).toBe(true);
	});

	it.each([
		[
			'the same patient twice',
			{ otherPatientId: '2001', patientId: '2001' },
			'Merge With Patient ID: must be a different patient from Patient ID',
		],
		['no merge token', { mergeToken: '  ' }, 'Merge Token: is required'],
		[
			'a non-numeric other patient',
			{ otherPatientId: '943 476 5919' },
			'Merge With Patient ID: expected a numeric Hero ID',
		],
	])('refuses %s before sending anything', async (_name, fields, expected) => {
		const result = await runHeroNode(sandbox, {
			parameters: { ...merge('2005', '2001', 'mt_x'), ...fields },
		});
		expect(result.error?.message).toMatch(new RegExp(`^${expected}`));
		expect(result.error?.message).not.toContain('943 476 5919');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('merges nothing at all when one item of the run is invalid', async () => {
		const token = await preview('2005', '2001');
		sandbox.requests.length = 0;
		const result = await runHeroNode(sandbox, {
			parameters: {
				...merge('2005', '={{ $json.other }}', token),
			},
			items: [{ other: '2001' }, { other: '2005' }],
		});
		expect(result.error?.message).toMatch(/^Merge With Patient ID: must be a different patient/);
		expect(result.error?.message).toContain('[row 2 (n8n item 1)]');
		expect(sandbox.requests).toHaveLength(0);
		expect([...patients(sandbox.state).keys()]).toEqual(SEED_PATIENTS.map((p) => p.id));
	});
});

describe('Patient → Merge as an AI tool', () => {
	it('is refused to an AI agent, sending nothing', async () => {
		const token = await preview('2005', '2001');
		sandbox.requests.length = 0;
		const result = await runHeroNode(sandbox, {
			parameters: merge('2005', '2001', token),
			asTool: true,
		});
		expect(result.error?.message).toMatch(/^Patient → Merge is not available to an AI agent/);
		expect(sandbox.requests).toHaveLength(0);
		expect(patients(sandbox.state).has('2001')).toBe(true);
	});
});

describe('Patient → Merge in the editor', () => {
	it('says it cannot be undone, and the Merge Token field says it comes from Preview Merge', () => {
		const option = patient.operationProperty.options!.find(
			(o) => 'value' in o && o.value === 'merge',
		) as { action?: string; description?: string };
		expect(option.action).toBe('Merge two patients irreversibly');
		expect(option.description).toMatch(/Irreversible: never retried automatically/);
		expect(option.description).toMatch(/merge token from Preview Merge/);
		const token = mergeDescription.find((p) => p.name === 'mergeToken');
		expect(token?.required).toBe(true);
		expect(token?.description).toMatch(/^The token Patient → Preview Merge gives/);
		const notice = mergeDescription.find((p) => p.type === 'notice');
		expect(notice?.displayName).toMatch(/^Merging cannot be undone/);
	});
});
