/**
 * Batch messaging in a real n8n 1.x (the packed package installed as a community package):
 * Manual Trigger → Batch Message: Create → Batch Message: Send → Batch Message: Get Sends, and
 * Message → Send with its text taken from a Hero template. Asserts on the sandbox's final state.
 */
import { NODE_NAMES } from '../n8n/harness/constants';
import { executeWorkflow, nodeItems } from '../n8n/harness/execution';
import { cleanupAll, type N8nHome } from '../n8n/harness/home';
import { CommandError } from '../n8n/harness/process';
import {
	createSandboxHome,
	heroNode,
	importWorkflow,
	linearWorkflow,
	manualTriggerNode,
	manualWorkflow,
	type WorkflowJson,
} from '../n8n/harness/workflows';
import { INFERRED } from '../../nodes/HeroHealth/transport/inferred';
import { batches } from '../sandbox/routes/batches';
import { templates } from '../sandbox/routes/templates';
import { startSandbox, type Sandbox } from '../sandbox/server';

jest.setTimeout(180_000);

const CONTENT = 'Flu jabs are now available at the surgery: reply or call to book.';
const timings: string[] = [];
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** Create (3 recipients: two seeded patients and one unknown) → Send → Get Sends. */
const batchWorkflow = (credentialId: string): WorkflowJson =>
	linearWorkflow('heroE2eBatch1', 'E2E batch: create, send, list sends', [
		manualTriggerNode(),
		heroNode(
			{
				resource: 'batchMessage',
				operation: 'create',
				name: 'Flu clinic (e2e)',
				channel: 'SMS',
				content: CONTENT,
				specifyRecipients: 'fields',
				recipients: {
					recipient: [
						{ nhsNumber: '943 476 5919', dateOfBirth: '1985-12-10' },
						{ nhsNumber: '9434765870' },
						{ nhsNumber: '943 476 5927' },
					],
				},
			},
			{ credentialId, name: 'Create Batch' },
		),
		heroNode(
			{
				resource: 'batchMessage',
				operation: 'send',
				batchId: byId("={{ $('Create Batch').item.json.id }}"),
			},
			{ credentialId, name: 'Send Batch' },
		),
		heroNode(
			{
				resource: 'batchMessage',
				operation: 'getSends',
				batchId: byId("={{ $('Create Batch').item.json.id }}"),
				returnAll: true,
			},
			{ credentialId, name: 'Get Sends' },
		),
	]);

/** Send an already-sent batch (the seeded 5001): Hero refuses, the workflow fails, nothing is sent. */
const resendWorkflow = (credentialId: string): WorkflowJson =>
	manualWorkflow(
		'heroE2eBatchResend1',
		'E2E batch: send a sent batch',
		{ resource: 'batchMessage', operation: 'send', batchId: byId('5001') },
		{ credentialId },
	);

/** Message → Send with Message left empty and a template chosen. */
const templateWorkflow = (credentialId: string): WorkflowJson =>
	manualWorkflow(
		'heroE2eTemplate1',
		'E2E send SMS from a template',
		{
			resource: 'message',
			operation: 'send',
			patientId: '2002',
			messageType: 'sms',
			templateId: {
				__rl: true,
				mode: 'list',
				value: '11',
				cachedResultName: 'Appointment reminder',
			},
			message: '',
		},
		{ credentialId },
	);

let sandbox: Sandbox;
let home: N8nHome;

beforeAll(async () => {
	const started = Date.now();
	sandbox = await startSandbox({ port: 0 });
	const { n8n, home: n8nHome, credentialId } = await createSandboxHome(sandbox);
	home = n8nHome;
	await importWorkflow(home, [
		batchWorkflow(credentialId),
		resendWorkflow(credentialId),
		templateWorkflow(credentialId),
	]);
	timings.push(`setup ${Date.now() - started} ms, n8n ${n8n.version}`);
}, 900_000);

afterAll(async () => {
	await home?.cleanup();
	await cleanupAll();
	await sandbox?.close();
	process.stderr.write(`\n[batch e2e timings]\n  ${timings.join('\n  ')}\n`);
});

beforeEach(() => sandbox.reset());

test('create a batch message → send it → list its sends', async () => {
	const { output, durationMs } = await executeWorkflow(home, 'heroE2eBatch1');
	timings.push(`n8n execute (create → send → get sends) ${durationMs} ms`);

	const created = nodeItems(output, 'Create Batch');
	expect(created).toHaveLength(1);
	expect(created[0]).toMatchObject({
		name: 'Flu clinic (e2e)',
		status: 'CREATED',
		channel: 'SMS',
		content: CONTENT,
	});
	const id = String(created[0].id);

	const sent = nodeItems(output, 'Send Batch');
	expect(sent).toEqual([expect.objectContaining({ id, status: 'SENDING' })]);

	const listed = nodeItems(output, 'Get Sends');
	expect(listed).toHaveLength(3);
	expect(listed.map((s) => s.status)).toEqual(['QUEUED', 'QUEUED', 'ENRICHMENT_ERROR']);

	// The sandbox's side: one create with the documented body, exactly one send, and the sends listed.
	const posts = sandbox.received('POST', '/v1/batch_message');
	expect(posts).toHaveLength(1);
	expect(posts[0].body).toEqual({
		name: 'Flu clinic (e2e)',
		channel: 'SMS',
		content: CONTENT,
		recipients: [
			{ nhs_number: INFERRED.nhsNumberForHero('9434765919'), dob: '1985-12-10' },
			{ nhs_number: INFERRED.nhsNumberForHero('9434765870'), dob: null },
			{ nhs_number: INFERRED.nhsNumberForHero('9434765927'), dob: null },
		],
	});
	expect(sandbox.received('PATCH', `/v1/batch_message/${id}/send`)).toHaveLength(1);
	const batch = batches(sandbox.state).get(id)!;
	expect(batch.sendCount).toBe(1);
	expect(batch.status).toBe('COMPLETED');
	expect(listed.map((s) => s.id)).toEqual(batch.sends.map((s) => s.id));
	const messages = (sandbox.state.snapshot().messages ?? []) as Array<{
		campaign: { id: string } | null;
		patient: { id: string };
	}>;
	expect(messages.filter((m) => m.campaign?.id === id).map((m) => m.patient.id)).toEqual([
		'2001',
		'2002',
	]);
});

test("sending a batch that was already sent fails with Hero's 409 and sends nothing more", async () => {
	let failure: CommandError | undefined;
	try {
		await executeWorkflow(home, 'heroE2eBatchResend1');
	} catch (error) {
		failure = error as CommandError;
	}
	expect(failure).toBeInstanceOf(CommandError);
	expect(failure?.message).toContain('already been sent');
	expect(sandbox.received('PATCH', '/v1/batch_message/5001/send')).toHaveLength(1);
	expect(batches(sandbox.state).get('5001')?.sendCount).toBe(1);
});

test('Message → Send takes its text from the chosen template', async () => {
	const { output, durationMs } = await executeWorkflow(home, 'heroE2eTemplate1');
	timings.push(`n8n execute (send from template) ${durationMs} ms`);
	const text = templates(sandbox.state).get('11')?.[INFERRED.templateTextFields[0]];
	expect(nodeItems(output, NODE_NAMES.hero)[0]).toMatchObject({ content: text });
	const sends = sandbox.received('POST', '/v1/messages/send');
	expect(sends).toHaveLength(1);
	expect(sends[0].body).toEqual({ patient_id: '2002', message_type: 'sms', message_string: text });
	expect(sandbox.received('GET', '/v1/templates')).toHaveLength(1);
});
