/**
 * In a real n8n 1.x: a run of sends with one invalid item sends nothing, and a
 * run that Hero stops mid-way names the items already sent (with their message ids) in the saved error.
 */
import { executeWorkflow, type ExecutionRun } from '../n8n/harness/execution';
import { cleanupAll, type N8nHome } from '../n8n/harness/home';
import { CommandError } from '../n8n/harness/process';
import {
	createSandboxHome,
	importWorkflow,
	manualWorkflow,
	type WorkflowJson,
} from '../n8n/harness/workflows';
import { sendItemFields } from '../harness/parameters';
import { startSandbox, type Sandbox } from '../sandbox/server';

jest.setTimeout(180_000);

const sendFromItems = (requestsInFlight: number) =>
	sendItemFields({ requestOptions: { requestsInFlight } });
const person = (n: number, phone = '07700 900123', patientId = '2001') => ({
	patientId,
	phone,
	text: `Reminder ${n}`,
});

/** Six sends, item 3's number is not a mobile number, five in flight: the issue's reproduction. */
const invalidItemWorkflow = (credentialId: string): WorkflowJson =>
	manualWorkflow('heroE2ePartial1', 'E2E six sends, item 3 invalid', sendFromItems(5), {
		credentialId,
		items: Array.from({ length: 6 }, (_, n) => (n === 3 ? person(n, '12345') : person(n))),
	});

/** Five sends, one at a time; Hero refuses item 2 (an unknown patient) after items 0 and 1 were sent. */
const heroRefusesWorkflow = (credentialId: string): WorkflowJson =>
	manualWorkflow('heroE2ePartial2', 'E2E five sends, Hero refuses item 2', sendFromItems(1), {
		credentialId,
		items: [person(0), person(1), person(2, '07700 900123', '424242'), person(3), person(4)],
	});

let sandbox: Sandbox;
let home: N8nHome;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	const { n8n: _n8n, ...setUp } = await createSandboxHome(sandbox);
	home = setUp.home;
	await importWorkflow(home, [
		invalidItemWorkflow(setUp.credentialId),
		heroRefusesWorkflow(setUp.credentialId),
	]);
}, 900_000);

afterAll(async () => {
	await home?.cleanup();
	await cleanupAll();
	await sandbox?.close();
});

beforeEach(() => sandbox.reset());

/** Runs a workflow that must fail and returns the error n8n saved with the execution. */
async function failedRun(
	workflowId: string,
): Promise<{ message: string; description: string; run: ExecutionRun }> {
	let failure: CommandError | undefined;
	try {
		await executeWorkflow(home, workflowId);
	} catch (error) {
		failure = error as CommandError;
	}
	expect(failure).toBeInstanceOf(CommandError);
	const run = failure?.output;
	const error = (run?.data?.resultData.error ??
		run?.data?.resultData.runData['Hero Health']?.[0]?.error) as
		| { message?: string; description?: string }
		| undefined;
	expect(error).toBeDefined();
	return {
		message: String(error?.message ?? ''),
		description: String(error?.description ?? ''),
		run: run!,
	};
}

const storedMessageIds = () =>
	((sandbox.state.snapshot().messages ?? []) as Array<{ id: string }>).map((m) => String(m.id));

test('in n8n, six sends with item 3 invalid (5 in flight) fail before any request and name the field and item', async () => {
	const { message } = await failedRun('heroE2ePartial1');
	expect(message).toMatch(
		/^Recipient Contact Detail: expected a phone number.*\[row 4 \(n8n item 3\)\]$/,
	);
	expect(message).not.toContain('12345');
	expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(0);
	expect(sandbox.requests).toHaveLength(0);
});

test('in n8n, a send Hero refuses mid-run names the items already sent and their message ids', async () => {
	const { message, description } = await failedRun('heroE2ePartial2');
	const sent = storedMessageIds();
	expect(sent).toHaveLength(2);
	expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(3);
	expect(message).toMatch(/2 other items were already sent/);
	expect(description).toContain(`row 1 (message_id ${sent[0]})`);
	expect(description).toContain(`row 2 (message_id ${sent[1]})`);
	expect(description).toMatch(
		/Running this execution again \(or Retry On Fail\) will send them again/,
	);
});
