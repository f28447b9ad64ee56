/**
 * Output (Simplified / Raw / Selected Fields) in a real n8n 1.x (`n8n execute`, the packed package
 * installed as a community package): Patient → Get saved without Output outputs Hero's record as
 * before, Raw the same, Simplified the practice's fields with the Hero ID as `id`, Selected Fields
 * the id and the fields named.
 */
import { executeWorkflow, nodeItems } from '../n8n/harness/execution';
import { cleanupAll, type N8nHome } from '../n8n/harness/home';
import { createSandboxHome, importWorkflow, manualWorkflow } from '../n8n/harness/workflows';
import { sandboxClient } from '../harness/sandboxClient';
import { startSandbox, type Sandbox } from '../sandbox/server';

jest.setTimeout(180_000);

const HERO = 'Hero Health';
const OUTPUTS: Record<string, Record<string, unknown>> = {
	heroE2eOutputSaved: {},
	heroE2eOutputRaw: { output: 'raw' },
	heroE2eOutputSimplified: { output: 'simplified' },
	heroE2eOutputSelected: { output: 'selected', outputFields: 'mobile, identifiers' },
};

let sandbox: Sandbox;
let home: N8nHome;
const { hero } = sandboxClient(() => sandbox);

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	const setUp = await createSandboxHome(sandbox);
	home = setUp.home;
	await importWorkflow(
		home,
		Object.entries(OUTPUTS).map(([id, output]) =>
			manualWorkflow(
				id,
				`E2E output ${id}`,
				{ resource: 'patient', operation: 'get', patientId: '2001', ...output },
				{ credentialId: setUp.credentialId },
			),
		),
	);
}, 900_000);

afterAll(async () => {
	await home?.cleanup();
	await cleanupAll();
	await sandbox?.close();
});

beforeEach(() => sandbox.reset());

/** The Hero Health node's output items when the workflow runs, and the requests it made. */
async function run(id: string) {
	const execution = await executeWorkflow(home, id);
	const requests = sandbox.requests.map((r) => `${r.method} ${r.path}`);
	return { items: nodeItems(execution.output, HERO), requests };
}

test('in real n8n: Patient → Get saved without Output, and with Output Raw, outputs Hero’s record unchanged', async () => {
	const heroRecord = (await hero('GET', '/v2/patients/2001')).body;
	sandbox.reset();
	const saved = await run('heroE2eOutputSaved');
	expect(saved.requests).toEqual(['GET /v2/patients/2001']);
	expect(saved.items).toEqual([heroRecord]);
	sandbox.reset();
	const raw = await run('heroE2eOutputRaw');
	expect(raw.items).toEqual([heroRecord]);
});

test('in real n8n: Patient → Get with Output Simplified outputs the patient flat, the Hero ID as id', async () => {
	const { items, requests } = await run('heroE2eOutputSimplified');
	expect(requests).toEqual(['GET /v2/patients/2001']);
	expect(items).toEqual([
		{
			id: '2001',
			first_name: 'Ada',
			last_name: 'Lovelace',
			dob: '1985-12-10',
			sex: null,
			nhs_number: '9434765919',
			mobile: '+447700900001',
			email: 'ada@example.com',
			postcode: 'LS1 4AP',
			ehr_partner_id: null,
			deceased_at: null,
		},
	]);
});

test('in real n8n: Patient → Get with Output Selected Fields outputs the id and the fields named', async () => {
	const heroRecord = (await hero('GET', '/v2/patients/2001')).body;
	sandbox.reset();
	const { items } = await run('heroE2eOutputSelected');
	expect(items).toEqual([
		{ id: '2001', mobile: '+447700900001', identifiers: heroRecord.identifiers },
	]);
});
