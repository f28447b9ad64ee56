/**
 * Attachment Link → Create's EHR File ID "From list": the files of the patient chosen in the node
 * (`GET /v1/patients/{id}/attachments`), run in n8n-core's own LoadOptionsContext against the
 * sandbox. The Patient ID may be stored as a plain id or as a resource locator.
 */
import type { IDataObject } from 'n8n-workflow';

import { searchList } from '../../../harness/listSearch';
import { runHeroNode } from '../../../harness/runNode';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const node = (patientId: unknown): IDataObject => ({
	resource: 'attachmentLink',
	operation: 'create',
	patientId: patientId as IDataObject,
	fileSource: 'ehrFile',
});
const search = (patientId: unknown, filter?: string) =>
	searchList(sandbox, 'searchPatientAttachments', node(patientId), filter);

describe('EHR File ID "From list" (searchPatientAttachments)', () => {
	it("lists the chosen patient's EHR files by name and id, from GET /v1/patients/{id}/attachments", async () => {
		const result = await search('2001');
		expect(result.results).toEqual([
			{ name: 'blood-test-results.pdf (8812)', value: '8812' },
			{ name: 'discharge-letter.pdf (8813)', value: '8813' },
		]);
		const [request] = sandbox.received('GET', '/v1/patients/2001/attachments');
		expect(request.query).toEqual({});
		expect(request.headers['x-api-key']).toBe(sandbox.apiKey);
		expect(result.paginationToken).toBeUndefined();
	});

	it.each([
		['From List', { __rl: true, mode: 'list', value: '2002', cachedResultName: 'Alan Turing' }],
		['By ID', { __rl: true, mode: 'id', value: '2002' }],
	])('reads a Patient ID stored as a resource locator (%s)', async (_mode, locator) => {
		const result = await search(locator);
		expect(result.results).toEqual([{ name: 'x-ray-report.pdf (8820)', value: '8820' }]);
		expect(sandbox.received('GET', '/v1/patients/2002/attachments')).toHaveLength(1);
	});

	it('narrows the list to the typed text (name or exact id)', async () => {
		expect((await search('2001', 'DISCHARGE')).results.map((r) => r.value)).toEqual(['8813']);
		expect((await search('2001', '8812')).results.map((r) => r.value)).toEqual(['8812']);
	});

	it.each([
		['empty', ''],
		['an expression not yet run', '={{ $json.patient_id }}'],
		['not numeric', 'Ada'],
	])(
		'asks for the patient first, without calling Hero, when Patient ID is %s',
		async (_name, id) => {
			await expect(search(id)).rejects.toThrow(/Choose the patient first/);
			expect(sandbox.requests).toHaveLength(0);
		},
	);

	it('a file picked From List, or a plain id string from a saved workflow, is sent as ehr_file_id', async () => {
		const picked = (await search('2001')).results[1].value as string;
		sandbox.requests.length = 0;
		for (const ehrFileId of [{ __rl: true, mode: 'list', value: picked }, '8812']) {
			const result = await runHeroNode(sandbox, {
				parameters: { ...node('2001'), ehrFileId },
			});
			expect(result.error).toBeUndefined();
		}
		expect(sandbox.received('POST', '/v1/attachment_links').map((r) => r.body)).toEqual([
			{ patient_id: '2001', ehr_file_id: '8813' },
			{ patient_id: '2001', ehr_file_id: '8812' },
		]);
	});
});
