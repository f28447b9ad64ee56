/**
 * With Minimal Output on, the execution n8n saves holds no phone, email, name or message
 * text from the Hero Health nodes: Message → Send run by `n8n execute`, and the trigger's full record
 * of a patient event delivered to a running n8n. Read back from n8n's own database.
 */
import { heroType } from '../n8n/harness/constants';
import { executeWorkflow, nodeItems, readSavedExecution } from '../n8n/harness/execution';
import { cleanupAll, type N8nHome } from '../n8n/harness/home';
import { startN8nServer } from '../n8n/harness/servers';
import {
	createSandboxHome,
	importWorkflow,
	manualWorkflow,
	type WorkflowJson,
} from '../n8n/harness/workflows';
import { sendItemFields } from '../harness/parameters';
import { startSandbox, type Sandbox } from '../sandbox/server';

jest.setTimeout(300_000);

const TEXT = 'Dear Ada, your smear test is booked for 15 March at 09:30.';
const SEND_ID = 'heroE2eMinimal01';
const TRIGGER_ID = 'heroE2eMinimal02';
const WEBHOOK_ID = '7a2b4c6d-8e9f-4a1b-9c2d-3e4f5a6b7c8d';
/** Patient 2001 as the sandbox seeds it, in every form it could be saved. */
const PATIENT_DETAILS = [
	'Ada',
	'Lovelace',
	'9434765919',
	'ada@example.com',
	'+447700900001',
	'1985-12-10',
	'LS1 4AP',
];

let sandbox: Sandbox;
let home: N8nHome;
let credentialId = '';

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	({ home, credentialId } = await createSandboxHome(sandbox));
}, 900_000);

afterAll(async () => {
	await cleanupAll();
	await sandbox?.close();
});

test('Message → Send with Minimal Output: the saved execution keeps the message id and no phone, email or message text', async () => {
	const workflow: WorkflowJson = manualWorkflow(
		SEND_ID,
		'E2E minimal output send',
		sendItemFields({
			additionalFields: {
				recipientContactDetail: '={{ $json.phone }}',
				fallbackMessageType: 'email',
				fallbackContactDetail: '={{ $json.email }}',
			},
			minimalOutput: true,
		}),
		{
			credentialId,
			items: [{ patientId: '2001', phone: '07700 900123', email: 'ada@example.com', text: TEXT }],
		},
	);
	// The items fed in (here by a Code node, in practice a sheet or a database) are saved as that
	// node's output whatever this option says: Minimal Output governs the Hero node's own output.
	await importWorkflow(home, workflow);
	await executeWorkflow(home, SEND_ID);
	expect(
		sandbox
			.received('POST', '/v1/messages/send')
			.map((r) => (r.body as { message_string: string }).message_string),
	).toEqual([TEXT]);
	const saved = await readSavedExecution(home, SEND_ID, { withData: true });
	expect(saved?.status).toBe('success');
	const heroOutput = heroNodeOutput(saved!.data!, 'Hero Health');
	expect(heroOutput).toContain('message_id');
	for (const detail of [TEXT, 'smear', '900123', 'ada@example.com'])
		expect(heroOutput).not.toContain(detail);
});

test("Hero Health Trigger with Minimal Output: the saved execution of a patient event holds the patient's id and none of their details", async () => {
	const workflow: WorkflowJson = {
		id: TRIGGER_ID,
		name: 'E2E minimal output trigger',
		active: false,
		nodes: [
			{
				id: 'hero-trigger-minimal',
				name: 'Hero Health Trigger',
				type: heroType('heroHealthTrigger'),
				typeVersion: 1,
				position: [0, 300],
				webhookId: WEBHOOK_ID,
				parameters: {
					events: ['patient.medical-record-updated'],
					fetchFullRecord: true,
					minimalOutput: true,
				},
				credentials: { heroHealthApi: { id: credentialId, name: 'Hero Health sandbox' } },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
	await importWorkflow(home, workflow);
	const server = await startN8nServer(home, { env: { N8N_PORT: String(home.port) } });
	try {
		await server.prepareApi();
		await server.activateWorkflow(TRIGGER_ID);
		const response = await fetch(`${sandbox.url}/__sandbox/webhooks/emit`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ event: 'patient.medical-record-updated', id: '2001' }),
		});
		expect(response.status).toBe(200);
		const [run] = await server.waitForExecutions(TRIGGER_ID, 1, 60_000);
		expect(run.status).toBe('success');
		const [item] = nodeItems(run, 'Hero Health Trigger');
		expect(item).toMatchObject({
			event: 'patient.medical-record-updated',
			object: 'Patient',
			id: '2001',
			record: { hero_id: '2001' },
		});
		await server.deactivateWorkflow(TRIGGER_ID);
	} finally {
		await server.stop();
	}
	// The whole saved execution, as n8n's database holds it.
	const saved = await readSavedExecution(home, TRIGGER_ID, { withData: true });
	expect(saved?.data).toContain('hero_id');
	for (const detail of PATIENT_DETAILS) expect(saved!.data).not.toContain(detail);
});

/**
 * The saved output of one node, as text. n8n stores run data "flatted" (an array of values that
 * refer to each other by index), so the node's output is found by resolving the references.
 */
function heroNodeOutput(data: string, nodeName: string): string {
	const table = JSON.parse(data) as unknown[];
	const resolve = (value: unknown, seen = new Set<unknown>()): unknown => {
		if (typeof value === 'string' && /^\d+$/.test(value) && Number(value) < table.length) {
			const entry = table[Number(value)];
			return typeof entry === 'string' ? entry : resolve(entry, seen);
		}
		if (value && typeof value === 'object' && !seen.has(value)) {
			seen.add(value);
			return Array.isArray(value)
				? value.map((v) => resolve(v, seen))
				: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, seen)]));
		}
		return value;
	};
	const root = resolve(table[0]) as { resultData: { runData: Record<string, unknown> } };
	return JSON.stringify(root.resultData.runData[nodeName]);
}
