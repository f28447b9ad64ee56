/**
 * Patient → Search in a real n8n 1.x (`n8n execute`, the packed package installed as a community
 * package): NHS number and date of birth mapped from an earlier node's item, as a practice's list
 * gives them, find the sandbox patient; an NHS number failing its check digit sends nothing.
 */
import { executeWorkflow, nodeItems, type ExecutionRun } from '../n8n/harness/execution';
import { cleanupAll, type N8nHome } from '../n8n/harness/home';
import { CommandError } from '../n8n/harness/process';
import { createSandboxHome, importWorkflow, manualWorkflow } from '../n8n/harness/workflows';
import { startSandbox, type Sandbox } from '../sandbox/server';

jest.setTimeout(180_000);

const HERO = 'Hero Health';

/** Manual Trigger → the given rows → Patient → Search by the row's NHS number and date of birth. */
const searchWorkflow = (id: string, credentialId: string, row: Record<string, string>) =>
	manualWorkflow(
		id,
		`E2E patient search ${id}`,
		{
			resource: 'patient',
			operation: 'search',
			filters: {
				nhsNumber: '={{ $json.nhs_number }}',
				dateOfBirth: '={{ $json.dob }}',
			},
		},
		{ credentialId, items: [row] },
	);

let sandbox: Sandbox;
let home: N8nHome;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	const setUp = await createSandboxHome(sandbox);
	home = setUp.home;
	await importWorkflow(home, [
		searchWorkflow('heroE2ePatientSearch1', setUp.credentialId, {
			nhs_number: '9434765919',
			dob: '1985-12-10',
		}),
		searchWorkflow('heroE2ePatientSearch2', setUp.credentialId, {
			nhs_number: '943 476 5910',
			dob: '1985-12-10',
		}),
	]);
}, 900_000);

afterAll(async () => {
	await home?.cleanup();
	await cleanupAll();
	await sandbox?.close();
});

beforeEach(() => sandbox.reset());

test('in real n8n: Patient → Search by NHS number and date of birth mapped from the item returns the sandbox patient, one request, nothing created', async () => {
	const before = sandbox.state.snapshot().patients;
	const run = await executeWorkflow(home, 'heroE2ePatientSearch1');

	const calls = sandbox.received('GET', '/v3/patients');
	expect(calls).toHaveLength(1);
	expect(calls[0].query).toEqual({
		nhs_number: '943 476 5919',
		dob: '1985-12-10',
		page_index: '0',
		page_size: '50',
	});
	expect(sandbox.requests).toHaveLength(1);

	const items = nodeItems(run.output, HERO);
	expect(items).toHaveLength(1);
	expect(items[0]).toMatchObject({
		id: '2001',
		first_name: 'Ada',
		last_name: 'Lovelace',
		dob: '1985-12-10',
		nhs_number: '9434765919',
	});
	expect(sandbox.state.snapshot().patients).toEqual(before);
});

test('in real n8n: an NHS number failing its check digit fails the search before any request, naming the field and item without repeating the number', async () => {
	let failure: CommandError | undefined;
	try {
		await executeWorkflow(home, 'heroE2ePatientSearch2');
	} catch (error) {
		failure = error as CommandError;
	}
	expect(failure).toBeInstanceOf(CommandError);
	const run = failure?.output as ExecutionRun | undefined;
	const error = (run?.data?.resultData.error ?? run?.data?.resultData.runData[HERO]?.[0]?.error) as
		| { message?: string }
		| undefined;
	expect(error?.message).toMatch(
		/^NHS Number: expected a valid 10-digit NHS number.*\[row 1 \(n8n item 0\)\]$/,
	);
	// The input item itself holds the number (the run's output shows it); the error must not.
	expect(error?.message).not.toContain('943 476 5910');
	expect(error?.message).not.toContain('9434765910');
	expect(sandbox.requests).toHaveLength(0);
});
