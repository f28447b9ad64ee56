import { runHeroNode } from '../../../harness/runNode';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const run = (patientId: unknown, extra: Record<string, unknown> = {}) =>
	runHeroNode(sandbox, {
		parameters: { resource: 'patient', operation: 'getAttachments', patientId, ...extra },
	});

describe('Patient → Get Attachments', () => {
	it("outputs one item per file of the patient's EHR record, from GET /v1/patients/{id}/attachments", async () => {
		const result = await run('2001', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v1/patients/2001/attachments',
		]);
		expect(sandbox.requests[0].query).toEqual({});
		expect(result.json.map((f) => [f.id, f.file_name])).toEqual([
			['8812', 'blood-test-results.pdf'],
			['8813', 'discharge-letter.pdf'],
		]);
	});

	it('applies Limit to the one answer (Hero documents no paging for this list)', async () => {
		const result = await run('2001', { limit: 1 });
		expect(sandbox.requests[0].query).toEqual({});
		expect(result.json.map((f) => f.id)).toEqual(['8812']);
	});

	it('an attachment it lists is accepted by Attachment Link → Create as the EHR File ID', async () => {
		const files = await run('2002', { returnAll: true });
		const link = await runHeroNode(sandbox, {
			parameters: {
				resource: 'attachmentLink',
				operation: 'create',
				patientId: '2002',
				fileSource: 'ehrFile',
				ehrFileId: { __rl: true, mode: 'id', value: String(files.json[0].id) },
			},
		});
		expect(link.error).toBeUndefined();
		expect(sandbox.received('POST', '/v1/attachment_links')[0].body).toEqual({
			patient_id: '2002',
			ehr_file_id: '8820',
		});
	});

	it('gives no output items for a patient with no files, and refuses a non-numeric Patient ID before sending', async () => {
		const none = await run('2003', { returnAll: true });
		expect(none.error).toBeUndefined();
		expect(none.json).toEqual([]);
		sandbox.reset();
		const bad = await run('2001x');
		expect(bad.error?.message).toMatch(/^Patient ID: expected a numeric Hero ID/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
