/**
 * A person approves the Hero tools that act before they run. n8n 2.x puts a
 * "Human review" node between a tool and the AI Agent (node types ending `HitlTool`, made by n8n
 * from every node with a Send and Wait operation). Here the review node is Send Email's: the agent's
 * call to Send SMS or Book Next Available emails the practice manager an Approve / Decline link and
 * the execution waits; the Hero tool runs only when the manager opens Approve. The inbox is a local
 * SMTP server (test/agents/mailbox.ts); the model is the scripted one (test/agents/scriptedModel.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { approvalWorkflow, importSmtpCredential, MANAGER_EMAIL } from '../agents/approval';
import { ukTime } from '../agents/bookingAssistant';
import { htmlBody, links, startMailbox, subject, type Mailbox } from '../agents/mailbox';
import { startScriptedModel, type ScriptedModel } from '../agents/scriptedModel';
import {
	AGENT,
	TOOLS,
	bookTool,
	importScriptedModelCredential,
	sendSmsTool,
	toolName,
} from '../agents/workflows';
import { defaultN8nLine } from '../n8n/harness/constants';
import { nodeItems, type ExecutionRun } from '../n8n/harness/execution';
import { cleanupAll, ensureN8n, type N8nHome } from '../n8n/harness/home';
import { startN8nServer, type N8nServer } from '../n8n/harness/servers';
import {
	activateWorkflowOffline,
	createSandboxHome,
	importWorkflow,
} from '../n8n/harness/workflows';
import { appointments } from '../sandbox/routes/appointments';
import { addDays, londonDate } from '../sandbox/routes/slots';
import { messages } from '../sandbox/routes/messages';
import { startSandbox, type Sandbox } from '../sandbox/server';

jest.setTimeout(240_000);

const SEND_WORKFLOW = 'heroE2eApprovalSend1';
const BOOK_WORKFLOW = 'heroE2eApprovalBook1';
const SEND_PATH = 'approval-send';
const BOOK_PATH = 'approval-book';
/** The manager opens the link in a browser; n8n ignores link-preview bots, so say who we are. */
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
/** Three days ahead: clear of the 24-hour cancellation policy, whatever the time of day. */
const firstDay = () => addDays(londonDate(Date.now()), 3);

/** What the model sends to a reviewed tool: n8n wraps the tool's inputs as `toolParameters`. */
const reviewed = (toolParameters: Record<string, unknown>) => ({
	toolParameters,
	hitlParameters: {},
});

// Human review of tool calls exists from n8n 2.x (the `...HitlTool` node types). n8n 1.x has no such
// node: there this file proves that absence instead, and the approval suite runs on line 2.
const humanReviewLine = defaultN8nLine() === 2;
const onLineWithHumanReview = (name: string, suite: () => void) =>
	humanReviewLine ? describe(name, suite) : undefined;

if (!humanReviewLine) {
	test('n8n 1.x has no Human review tool nodes (no HitlTool in n8n or its AI nodes), so approval is proven on the 2.x line', async () => {
		const n8n = await ensureN8n(1);
		const folders = ['node_modules/n8n/dist', 'node_modules/@n8n/n8n-nodes-langchain/dist'].map(
			(folder) => join(n8n.dir, folder),
		);
		for (const folder of folders) expect(existsSync(folder)).toBe(true);
		const search = spawnSync('grep', ['-rl', '--include=*.js', 'HitlTool', ...folders], {
			encoding: 'utf8',
		});
		// grep exits 1 when nothing matches, 0 when a file does.
		expect([search.status, search.stdout]).toEqual([1, '']);
	}, 900_000);
}

onLineWithHumanReview('human approval of Hero tools (n8n 2.x Human review)', () => {
	let sandbox: Sandbox;
	let model: ScriptedModel;
	let mailbox: Mailbox;
	let home: N8nHome;
	let server: N8nServer;

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
		model = await startScriptedModel();
		mailbox = await startMailbox();
		home = (await createSandboxHome(sandbox, 2)).home;
		await importScriptedModelCredential(home, model.baseUrl);
		await importSmtpCredential(home, mailbox);
		await importWorkflow(home, [
			approvalWorkflow({
				id: SEND_WORKFLOW,
				name: 'E2E approval: send',
				path: SEND_PATH,
				prompt: 'Text patient 2001 that her results are ready.',
				gated: [sendSmsTool(), bookTool()],
			}),
			approvalWorkflow({
				id: BOOK_WORKFLOW,
				name: 'E2E approval: book and text',
				path: BOOK_PATH,
				prompt: `Book the next available GP appointment (type 4001) for patient 2001 from ${firstDay()} and text them the time.`,
				gated: [sendSmsTool(), bookTool()],
			}),
		]);
		await activateWorkflowOffline(home, SEND_WORKFLOW);
		await activateWorkflowOffline(home, BOOK_WORKFLOW);
		server = await startN8nServer(home);
		await server.prepareApi();
	}, 900_000);

	afterAll(async () => {
		await server?.stop();
		await home?.cleanup();
		await cleanupAll();
		await mailbox?.close();
		await model?.close();
		await sandbox?.close();
	});

	beforeEach(() => {
		sandbox.reset();
		mailbox.clear();
	});

	/**
	 * Polls until the execution `id` has `status`. n8n's public API leaves running executions out
	 * of its list, so "the newest listed" could be an older one: the id is what identifies a run.
	 */
	async function waitForStatus(
		workflowId: string,
		id: string,
		status: string,
		timeoutMs = 60_000,
	): Promise<ExecutionRun> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const run = (await server.listExecutions(workflowId)).find((e) => e.id === id);
			if (run?.status === status) return run;
			if (run && ['error', 'crashed', 'canceled'].includes(run.status ?? ''))
				throw new Error(
					`execution ${id} ended ${run.status}: ${JSON.stringify(run.data?.resultData.error)}`,
				);
			if (Date.now() > deadline)
				throw new Error(
					`execution ${id} of ${workflowId} did not reach "${status}" within ${timeoutMs} ms (it is ${run?.status ?? 'not listed'})`,
				);
			await new Promise((r) => setTimeout(r, 250));
		}
	}

	/** Starts the workflow through its webhook and returns the id of the execution that then waits for approval. */
	async function startAndWait(
		workflowId: string,
		path: string,
		timeoutMs = 60_000,
	): Promise<string> {
		const before = new Set(
			(await server.listExecutions(workflowId, { includeData: false })).map((e) => e.id),
		);
		const response = await fetch(`${server.baseUrl}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		expect(response.status).toBe(200);
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const fresh = (await server.listExecutions(workflowId, { includeData: false })).find(
				(e) => !before.has(e.id!),
			);
			if (fresh?.status === 'waiting') return fresh.id!;
			if (fresh && fresh.status !== 'running' && fresh.status !== 'new')
				throw new Error(`execution ${fresh.id} is ${fresh.status}, not waiting for approval`);
			if (Date.now() > deadline)
				throw new Error(`no execution of ${workflowId} waited for approval within ${timeoutMs} ms`);
			await new Promise((r) => setTimeout(r, 250));
		}
	}

	/** The approval email number `count`: who it went to, what it says, its Approve link. */
	async function approvalEmail(count: number) {
		const mail = await mailbox.waitForMail(count);
		const html = htmlBody(mail);
		return {
			to: mail.to,
			subject: subject(mail),
			html,
			approve: links(html).get('Approve'),
			decline: links(html).get('Decline'),
		};
	}

	/** Opens a link as the manager's browser would. */
	async function open(url: string) {
		const response = await fetch(url, { headers: { 'user-agent': BROWSER } });
		return { status: response.status, text: await response.text() };
	}

	test('Send: no SMS goes before the manager approves, exactly one after (and a second click sends nothing)', async () => {
		const text = 'Your test results are ready. Please call the practice.';
		model.reset([
			{
				toolCalls: [
					{ name: toolName(TOOLS.send), arguments: reviewed({ patientId: '2001', message: text }) },
				],
			},
			(conversation) => ({ content: `Sent: ${JSON.stringify(conversation.lastToolResult())}` }),
		]);
		const id = await startAndWait(SEND_WORKFLOW, SEND_PATH);

		// The manager is asked, and is shown which tool and what it would send.
		const email = await approvalEmail(1);
		expect(email.to).toEqual([MANAGER_EMAIL]);
		expect(email.subject).toBe('Approve a Hero Health action');
		expect(email.html).toContain(`The agent wants to run this tool: ${toolName(TOOLS.send)}`);
		expect(email.html).toContain(text);
		expect(email.approve).toMatch(
			new RegExp(`^${server.baseUrl}/webhook-waiting/${id}/.*approved=true.*signature=`),
		);
		expect(email.decline).toMatch(/approved=false/);

		// While the execution waits for the manager, Hero has been asked nothing.
		expect(model.chatRequests()).toHaveLength(1);
		expect(messages(sandbox.state).size).toBe(0);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(0);
		// The model saw Send SMS with its own inputs, wrapped by the review node.
		const offered = model
			.chatRequests()[0]
			.body.tools!.find((t) => t.function.name === toolName(TOOLS.send))!;
		expect(
			Object.keys(offered.function.parameters!.properties.toolParameters.properties).sort(),
		).toEqual(['message', 'patientId']);

		// The manager approves: the same execution resumes, Send runs once, the model gets its answer.
		const approved = await open(email.approve!);
		expect(approved.status).toBe(200);
		expect(approved.text).toContain('<title>Action recorded</title>');
		const done = await waitForStatus(SEND_WORKFLOW, id, 'success');
		const sent = [...messages(sandbox.state).values()];
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ message_type: 'sms', patient: { id: '2001' }, message: text });
		const [answer] = nodeItems(done, AGENT) as Array<{ output: string }>;
		expect(answer.output).toContain(`"message_id":"${sent[0].id}"`);

		// Opening Approve again (a second click, a forwarded email) does not send the SMS again.
		const again = await open(email.approve!);
		expect(again.status).toBe(200);
		expect(again.text).toContain('No action required');
		expect(messages(sandbox.state).size).toBe(1);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(1);
	});

	test('Send declined: the SMS is never sent, and the model is told the manager rejected the call', async () => {
		model.reset([
			{
				toolCalls: [
					{
						name: toolName(TOOLS.send),
						arguments: reviewed({ patientId: '2001', message: 'Your test results are ready.' }),
					},
				],
			},
			(conversation) => ({ content: `Not sent: ${JSON.stringify(conversation.lastToolResult())}` }),
		]);
		const id = await startAndWait(SEND_WORKFLOW, SEND_PATH);
		const email = await approvalEmail(1);
		expect(messages(sandbox.state).size).toBe(0);
		expect((await open(email.decline!)).status).toBe(200);

		const done = await waitForStatus(SEND_WORKFLOW, id, 'success');
		expect(messages(sandbox.state).size).toBe(0);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(0);
		const [answer] = nodeItems(done, AGENT) as Array<{ output: string }>;
		expect(answer.output).toContain(`User rejected the tool call to ${TOOLS.send}`);
	});

	test('Book Next Available: nothing is booked before approval, then one booking, and its confirmation SMS only after a second approval', async () => {
		const day = firstDay();
		model.reset([
			{
				toolCalls: [
					{
						name: toolName(TOOLS.book),
						arguments: reviewed({ patientId: '2001', appointmentTypeId: '4001', startDate: day }),
					},
				],
			},
			(conversation) => {
				const [booked] = conversation.lastToolResult() as Array<{
					booked: boolean;
					appointment: { start_time: string };
				}>;
				if (!booked?.booked) return { content: `Could not book: ${JSON.stringify(booked)}` };
				const message = `Your GP appointment is booked for ${ukTime(booked.appointment.start_time)}. Reply to this number to change it.`;
				return {
					toolCalls: [
						{ name: toolName(TOOLS.send), arguments: reviewed({ patientId: '2001', message }) },
					],
				};
			},
			{ content: 'Booked and texted.' },
		]);
		const id = await startAndWait(BOOK_WORKFLOW, BOOK_PATH);

		// First approval: the booking. Until then the diary is untouched.
		const bookEmail = await approvalEmail(1);
		expect(bookEmail.html).toContain(`The agent wants to run this tool: ${toolName(TOOLS.book)}`);
		expect(bookEmail.html).toContain(day);
		expect(appointments(sandbox.state).size).toBe(0);
		expect(messages(sandbox.state).size).toBe(0);
		expect((await open(bookEmail.approve!)).status).toBe(200);

		// Second approval: the confirmation SMS. The booking is made; the SMS waits for the manager.
		const sendEmail = await approvalEmail(2);
		expect(sendEmail.html).toContain(`The agent wants to run this tool: ${toolName(TOOLS.send)}`);
		await waitForStatus(BOOK_WORKFLOW, id, 'waiting');
		const booked = [...appointments(sandbox.state).values()];
		expect(booked).toHaveLength(1);
		expect(booked[0]).toMatchObject({
			patient_id: '2001',
			appointment_type_id: '4001',
			status: 'confirmed',
		});
		expect(londonDate(booked[0].start_time!) >= day).toBe(true);
		expect(sendEmail.html).toContain(ukTime(booked[0].start_time!));
		expect(messages(sandbox.state).size).toBe(0);
		expect((await open(sendEmail.approve!)).status).toBe(200);

		const done = await waitForStatus(BOOK_WORKFLOW, id, 'success');
		const sent = [...messages(sandbox.state).values()];
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ message_type: 'sms', patient: { id: '2001' } });
		expect(sent[0].message).toContain(ukTime(booked[0].start_time!));
		expect(appointments(sandbox.state).size).toBe(1);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(1);
		expect((nodeItems(done, AGENT) as Array<{ output: string }>)[0].output).toBe(
			'Booked and texted.',
		);
	});
});
