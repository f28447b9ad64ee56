/**
 * Message → Send in a real n8n 1.x: the packed package installed as a community package, a sandbox
 * credential, `n8n execute --id --rawOutput`, and what the in-process Hero sandbox received.
 */
import { NODE_NAMES } from '../n8n/harness/constants';
import { executeWorkflow, lastNodeItems, nodeItems } from '../n8n/harness/execution';
import { cleanupAll, type N8nHome } from '../n8n/harness/home';
import {
	createSandboxHome,
	importWorkflow,
	manualWorkflow,
	type WorkflowJson,
} from '../n8n/harness/workflows';
import { loadFilledExamples } from '../n8n/examples';
import { sendItemFields } from '../harness/parameters';
import { startSandbox, type Sandbox } from '../sandbox/server';

jest.setTimeout(180_000);

const MESSAGE = 'Dear Ada, your flu jab is booked for 15 March at 09:30.';
const timings: string[] = [];

/** Manual Trigger → Hero Health: Message → Send, one SMS typed into the node. */
const sendSmsWorkflow = (credentialId: string): WorkflowJson =>
	manualWorkflow(
		'heroE2eSendSms1',
		'E2E send SMS',
		{
			resource: 'message',
			operation: 'send',
			patientId: '2001',
			messageType: 'sms',
			message: MESSAGE,
			additionalFields: { recipientContactDetail: '07700 900123' },
		},
		{ credentialId },
	);

/** Manual Trigger → Code (a valid and an invalid item) → Hero Health with On Error: Continue. */
const continueOnErrorWorkflow = (credentialId: string): WorkflowJson =>
	manualWorkflow('heroE2eContinue1', 'E2E send SMS, continue on error', sendItemFields(), {
		credentialId,
		items: [
			{ patientId: '2001', phone: '07700 900123', text: MESSAGE },
			{ patientId: '2002', phone: '12345', text: 'This one must not be sent' },
		],
		settings: { onError: 'continueRegularOutput' },
	});

/** A list of three sends, the 2nd row's phone invalid, with On Error: Continue: how a practice sends a list. */
const threeRowsWorkflow = (credentialId: string): WorkflowJson =>
	manualWorkflow('heroE2eRows1', 'E2E send a list of 3, row 2 bad', sendItemFields(), {
		credentialId,
		items: [
			{ patientId: '2001', phone: '07700 900001', text: 'Dear Ada, your review is due.' },
			{ patientId: '2002', phone: '12345', text: 'This one must not be sent' },
			{ patientId: '2003', phone: '07700 900003', text: 'Dear Mary, your review is due.' },
		],
		settings: { onError: 'continueRegularOutput' },
	});

/**
 * The demo's example workflows (`npm start`), filled in with sandbox patients as the demo fills them
 * (test/n8n/examples.ts); they use the default sandbox credential id.
 */
const examples: WorkflowJson[] = loadFilledExamples()
	// AI Agent examples need the scripted model: test/e2e/agents.e2e.test.ts runs them.
	.filter((workflow) => !JSON.stringify(workflow.nodes).includes('@n8n/n8n-nodes-langchain.'))
	// `n8n execute` starts a workflow at its manual trigger; trigger-started examples run in test/unit.
	.filter((workflow) =>
		workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger'),
	);

let sandbox: Sandbox;
let home: N8nHome;
let credentialId: string;

beforeAll(async () => {
	const started = Date.now();
	sandbox = await startSandbox({ port: 0 });
	// Installs n8n only if the cache lacks it (npm test runs the installer first).
	const { n8n, ...setUp } = await createSandboxHome(sandbox);
	({ home, credentialId } = setUp);
	// One import for all workflows: every n8n CLI call costs a few seconds of start-up.
	await importWorkflow(home, [
		sendSmsWorkflow(credentialId),
		continueOnErrorWorkflow(credentialId),
		threeRowsWorkflow(credentialId),
		...examples,
	]);
	timings.push(
		`setup (pack, install into .n8n/nodes, import credential and workflows) ${Date.now() - started} ms, n8n ${n8n.version}`,
	);
}, 900_000);

afterAll(async () => {
	await home?.cleanup();
	await cleanupAll();
	await sandbox?.close();
	process.stderr.write(`\n[message e2e timings]\n  ${timings.join('\n  ')}\n`);
});

beforeEach(() => sandbox.reset());

/** Compares headers without printing the key itself when they differ. */
function authHeaders(headers: Record<string, string | string[] | undefined>) {
	return {
		apiKeyMatches: headers['x-api-key'] === sandbox.apiKey,
		practiceGroupId: headers['x-practice-group-id'],
	};
}

test('sends one SMS with the normalised number and the credential headers', async () => {
	const { output, durationMs } = await executeWorkflow(home, 'heroE2eSendSms1');
	timings.push(`n8n execute (1 item) ${durationMs} ms`);

	const items = nodeItems(output, NODE_NAMES.hero);
	expect(items).toHaveLength(1);
	expect(items[0]).toHaveProperty('message_id');
	expect(typeof items[0].message_id).toBe('string');

	const sends = sandbox.received('POST', '/v1/messages/send');
	expect(sends).toHaveLength(1);
	expect(sandbox.requests).toHaveLength(1);
	expect(authHeaders(sends[0].headers)).toEqual({ apiKeyMatches: true, practiceGroupId: '1001' });
	expect(sends[0].body).toEqual({
		patient_id: '2001',
		message_type: 'sms',
		message_string: MESSAGE,
		recipient_contact_detail: '+447700900123',
	});
	expect(sends[0].status).toBe(200);
	// The id n8n returned is the one the sandbox stored.
	const stored = (sandbox.state.snapshot().messages ?? []) as Array<{ id: string }>;
	expect(stored.map((m) => m.id)).toEqual([items[0].message_id]);
});

test('On Error: Continue keeps the valid item and reports the invalid one without sending it', async () => {
	const { output, durationMs } = await executeWorkflow(home, 'heroE2eContinue1');
	timings.push(`n8n execute (2 items, continue on error) ${durationMs} ms`);

	const items = nodeItems(output, NODE_NAMES.hero);
	expect(items).toHaveLength(2);
	expect(items[0]).toHaveProperty('message_id');
	expect(items[0]).not.toHaveProperty('error');
	expect(items[1]).not.toHaveProperty('message_id');
	expect(items[1].error).toEqual(expect.stringContaining('Recipient Contact Detail'));
	expect(items[1].error).toEqual(expect.stringContaining('[row 2 (n8n item 1)]'));
	// The rejected value is not echoed back.
	expect(items[1].error).not.toEqual(expect.stringContaining('12345'));

	const sends = sandbox.received('POST', '/v1/messages/send');
	expect(sends).toHaveLength(1);
	expect(sends[0].body).toEqual({
		patient_id: '2001',
		message_type: 'sms',
		message_string: MESSAGE,
		recipient_contact_detail: '+447700900123',
	});
});

test('a list of 3 with the 2nd row bad: its error item says item 2 and carries its patient_id, the sent rows carry theirs', async () => {
	const { output, durationMs } = await executeWorkflow(home, 'heroE2eRows1');
	timings.push(`n8n execute (3 items, row 2 bad) ${durationMs} ms`);

	const items = nodeItems(output, NODE_NAMES.hero);
	expect(items).toHaveLength(3);
	// The row as a person counts it (n8n's second item is row 2), and the Hero ID of its patient only.
	expect(items[1]).toEqual({
		error:
			'Recipient Contact Detail: expected a phone number such as 07700 900123, or one in international form such as +33 6 12 34 56 78 [row 2 (n8n item 1)]',
		description: 'Row 2 was not sent to Hero. Correct "Recipient Contact Detail" and run again.',
		row: 2,
		patient_id: '2002',
	});
	expect(JSON.stringify(items[1])).not.toContain('12345');
	expect(items[1]).not.toHaveProperty('message_id');
	// The sent rows say whom they were for.
	expect([items[0], items[2]].map((item) => item.patient_id)).toEqual(['2001', '2003']);
	for (const index of [0, 2]) expect(items[index]).toHaveProperty('message_id');

	const sends = sandbox.received('POST', '/v1/messages/send');
	expect(sends.map((send) => (send.body as { patient_id: string }).patient_id).sort()).toEqual([
		'2001',
		'2003',
	]);
});

test.each(examples.map((workflow) => [workflow.name, workflow] as const))(
	'example workflow "%s" runs against the sandbox',
	async (_name, workflow) => {
		const { output, durationMs } = await executeWorkflow(home, workflow.id);
		timings.push(`n8n execute (example ${workflow.id}) ${durationMs} ms`);
		expect(lastNodeItems(output).length).toBeGreaterThan(0);
		// Every call reached Hero and was accepted: bad input is stopped in the node, before any request.
		expect(sandbox.requests.length).toBeGreaterThan(0);
		expect(
			sandbox.requests
				.filter((r) => (r.status ?? 0) >= 400)
				.map((r) => `${r.method} ${r.path} ${r.status}`),
		).toEqual([]);
	},
);

test("the Map Automatically example sends each row by Hero's field names in real n8n, and reports the bad row without sending it", async () => {
	const { output } = await executeWorkflow(home, 'heroExampleMap01');
	const items = nodeItems(output, 'Send each row');
	expect(items).toHaveLength(4);
	expect(items[2]).toEqual({
		error:
			'recipient_contact_detail: expected a phone number such as 07700 900123, or one in international form such as +33 6 12 34 56 78 [row 3 (n8n item 2)]',
		description: 'Row 3 was not sent to Hero. Correct "recipient_contact_detail" and run again.',
		row: 3,
		patient_id: '2003',
	});
	for (const index of [0, 1, 3]) expect(items[index]).toHaveProperty('message_id');
	// Exactly Hero's fields of each valid row (first_name is not sent), the phone normalised.
	const bodies = sandbox.received('POST', '/v1/messages/send').map((r) => JSON.parse(r.rawBody));
	expect(bodies.sort((a, b) => a.patient_id.localeCompare(b.patient_id))).toEqual([
		{
			patient_id: '2001',
			message_type: 'sms',
			recipient_contact_detail: '+447700900001',
			message_string: 'Dear Ada, your annual review is due. Please book at your GP practice.',
		},
		{
			patient_id: '2002',
			message_type: 'sms',
			recipient_contact_detail: '+447700900002',
			message_string: 'Dear Alan, your annual review is due. Please book at your GP practice.',
		},
		{
			patient_id: '2004',
			message_type: 'email',
			recipient_contact_detail: 'grace@example.com',
			message_string: 'Dear Grace, your annual review is due.',
		},
	]);
});

test('the NHS-number example finds each patient with Hero’s search before any send in real n8n, and reports the unmatched row without sending it', async () => {
	const { output } = await executeWorkflow(home, 'heroExampleNhs01');
	const items = nodeItems(output, 'Send by NHS number');
	expect(items).toHaveLength(3);
	expect(items.map((item) => item.patient_id)).toEqual(['2001', '2002', undefined]);
	expect(items[2].error).toBe(
		'NHS Number: no Hero patient has this NHS number and date of birth [row 3 (n8n item 2)]',
	);
	const calls = sandbox.requests.map((r) => `${r.method} ${r.path}`);
	expect(calls).toEqual([
		'GET /v3/patients',
		'GET /v3/patients',
		'GET /v3/patients',
		'POST /v1/messages/send',
		'POST /v1/messages/send',
	]);
	expect(
		sandbox
			.received('POST', '/v1/messages/send')
			.map((r) => JSON.parse(r.rawBody).patient_id)
			.sort(),
	).toEqual(['2001', '2002']);
});
