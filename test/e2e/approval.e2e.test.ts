/**
 * Issue 24 point 4: a person approves the Hero tools that act before they run. n8n 2.x puts a
 * "Human review" node between a tool and the AI Agent (node types ending `HitlTool`, made by n8n
 * from every node with a Send and Wait operation). Here the review node is Send Email's: the agent's
 * call to Send SMS or Book Next Available emails the practice manager an Approve / Decline link and
 * the execution waits; the Hero tool runs only when the manager opens Approve. The inbox is a local
 * SMTP server (test/agents/mailbox.ts); the model is the scripted one (test/agents/scriptedModel.ts).
 */
import { approvalWorkflow, importSmtpCredential, MANAGER_EMAIL } from '../agents/approval';
import { ukTime } from '../agents/bookingAssistant';
import { htmlBody, links, startMailbox, subject, type Mailbox } from '../agents/mailbox';
import { startScriptedModel, type ScriptedModel } from '../agents/scriptedModel';
import { AGENT, TOOLS, bookTool, importScriptedModelCredential, sendSmsTool, toolName } from '../agents/workflows';
import { activateWorkflowOffline, cleanupAll, createSandboxHome, defaultN8nLine, importWorkflow, nodeItems, startN8nServer, type ExecutionRun, type N8nHome, type N8nServer } from '../n8n/harness';
import { addDays, appointments, londonDate } from '../sandbox/routes/booking';
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
const reviewed = (toolParameters: Record<string, unknown>) => ({ toolParameters, hitlParameters: {} });

// Human review of tool calls exists from n8n 2.x (the `...HitlTool` node types); n8n 1.123 has no
// such node, so this suite runs on line 2 and is reported as skipped on line 1.
const onLineWithHumanReview = defaultN8nLine() === 2 ? describe : describe.skip;

onLineWithHumanReview('issue 24 point 4: human approval of Hero tools (n8n 2.x Human review)', () => {
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
			approvalWorkflow({ id: SEND_WORKFLOW, name: 'E2E approval: send', path: SEND_PATH, prompt: 'Text patient 2001 that her results are ready.', gated: [sendSmsTool(), bookTool()] }),
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

	/** Polls the workflow's newest execution until it has `status` (e.g. waiting, success). */
	async function waitForStatus(workflowId: string, status: string, timeoutMs = 60_000): Promise<ExecutionRun> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const runs = await server.listExecutions(workflowId);
			const newest = runs[runs.length - 1];
			if (newest?.status === status) return newest;
			if (newest && ['error', 'crashed', 'canceled'].includes(newest.status ?? '')) throw new Error(`execution ${newest.id} ended ${newest.status}: ${JSON.stringify(newest.data?.resultData.error)}`);
			if (Date.now() > deadline) throw new Error(`no execution of ${workflowId} reached "${status}" within ${timeoutMs} ms (newest: ${newest?.status})`);
			await new Promise((r) => setTimeout(r, 250));
		}
	}

	/** The approval email number `count`: who it went to, what it says, its Approve link. */
	async function approvalEmail(count: number) {
		const mail = await mailbox.waitForMail(count);
		const html = htmlBody(mail);
		return { to: mail.to, subject: subject(mail), html, approve: links(html).get('Approve'), decline: links(html).get('Decline') };
	}

	/** Opens a link as the manager's browser would. */
	async function open(url: string) {
		const response = await fetch(url, { headers: { 'user-agent': BROWSER } });
		return { status: response.status, text: await response.text() };
	}

	async function trigger(path: string) {
		const response = await fetch(`${server.baseUrl}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(response.status).toBe(200);
	}

	test('Send: no SMS goes before the manager approves, exactly one after (and a second click sends nothing)', async () => {
		const text = 'Your test results are ready. Please call the practice.';
		model.reset([
			{ toolCalls: [{ name: toolName(TOOLS.send), arguments: reviewed({ patientId: '2001', message: text }) }] },
			(conversation) => ({ content: `Sent: ${JSON.stringify(conversation.lastToolResult())}` }),
		]);
		await trigger(SEND_PATH);

		// The manager is asked, and is shown which tool and what it would send.
		const email = await approvalEmail(1);
		expect(email.to).toEqual([MANAGER_EMAIL]);
		expect(email.subject).toBe('Approve a Hero Health action');
		expect(email.html).toContain(toolName(TOOLS.send));
		expect(email.html).toContain(text);
		expect(email.approve).toMatch(new RegExp(`^${server.baseUrl}/webhook-waiting/\\d+/.*approved=true.*signature=`));
		expect(email.decline).toMatch(/approved=false/);

		// While the execution waits for the manager, Hero has been asked nothing.
		const waiting = await waitForStatus(SEND_WORKFLOW, 'waiting');
		expect(model.chatRequests()).toHaveLength(1);
		expect(messages(sandbox.state).size).toBe(0);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(0);
		// The model saw Send SMS with its own inputs, wrapped by the review node.
		const offered = model.chatRequests()[0].body.tools!.find((t) => t.function.name === toolName(TOOLS.send))!;
		expect(Object.keys(offered.function.parameters!.properties.toolParameters.properties).sort()).toEqual(['message', 'patientId']);

		// The manager approves: the same execution resumes, Send runs once, the model gets its answer.
		const approved = await open(email.approve!);
		expect(approved.status).toBe(200);
		const done = await waitForStatus(SEND_WORKFLOW, 'success');
		expect(done.id).toBe(waiting.id);
		const sent = [...messages(sandbox.state).values()];
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ message_type: 'sms', patient: { id: '2001' }, message: text });
		const [answer] = nodeItems(done, AGENT) as Array<{ output: string }>;
		expect(answer.output).toContain(`"message_id":"${sent[0].id}"`);

		// Opening Approve again (a second click, a forwarded email) does not send the SMS again.
		const again = await open(email.approve!);
		expect(again.status).toBeLessThan(500);
		expect(messages(sandbox.state).size).toBe(1);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(1);
	});

	test('Book Next Available: nothing is booked before approval, then one booking, and its confirmation SMS only after a second approval', async () => {
		const day = firstDay();
		model.reset([
			{ toolCalls: [{ name: toolName(TOOLS.book), arguments: reviewed({ patientId: '2001', appointmentTypeId: '4001', startDate: day }) }] },
			(conversation) => {
				const [booked] = conversation.lastToolResult() as Array<{ booked: boolean; appointment: { start_time: string } }>;
				if (!booked?.booked) return { content: `Could not book: ${JSON.stringify(booked)}` };
				const message = `Your GP appointment is booked for ${ukTime(booked.appointment.start_time)}. Reply to this number to change it.`;
				return { toolCalls: [{ name: toolName(TOOLS.send), arguments: reviewed({ patientId: '2001', message }) }] };
			},
			{ content: 'Booked and texted.' },
		]);
		await trigger(BOOK_PATH);

		// First approval: the booking. Until then the diary is untouched.
		const bookEmail = await approvalEmail(1);
		expect(bookEmail.html).toContain(toolName(TOOLS.book));
		await waitForStatus(BOOK_WORKFLOW, 'waiting');
		expect(appointments(sandbox.state).size).toBe(0);
		expect(messages(sandbox.state).size).toBe(0);
		expect((await open(bookEmail.approve!)).status).toBe(200);

		// Second approval: the confirmation SMS. The booking is made; the SMS waits for the manager.
		const sendEmail = await approvalEmail(2);
		expect(sendEmail.html).toContain(toolName(TOOLS.send));
		await waitForStatus(BOOK_WORKFLOW, 'waiting');
		const booked = [...appointments(sandbox.state).values()];
		expect(booked).toHaveLength(1);
		expect(booked[0]).toMatchObject({ patient_id: '2001', appointment_type_id: '4001', status: 'confirmed' });
		expect(londonDate(booked[0].start_time!) >= day).toBe(true);
		expect(sendEmail.html).toContain(ukTime(booked[0].start_time!));
		expect(messages(sandbox.state).size).toBe(0);
		expect((await open(sendEmail.approve!)).status).toBe(200);

		const done = await waitForStatus(BOOK_WORKFLOW, 'success');
		const sent = [...messages(sandbox.state).values()];
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ message_type: 'sms', patient: { id: '2001' } });
		expect(sent[0].message).toContain(ukTime(booked[0].start_time!));
		expect(appointments(sandbox.state).size).toBe(1);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(1);
		expect((nodeItems(done, AGENT) as Array<{ output: string }>)[0].output).toBe('Booked and texted.');
	});
});
