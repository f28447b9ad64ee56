/**
 * Hero Health as tools of n8n's AI Agent, in a real n8n (the packed package installed as a
 * community package). The model is the scripted OpenAI-compatible server (test/agents/scriptedModel.ts):
 * it makes the tool calls of its script and records what the agent sent, so the tests check what n8n
 * passed through (tool definitions, arguments, tool results) and what the Hero sandbox ended with.
 */

import { bookingAssistant, ukTime } from '../agents/bookingAssistant';
import {
	Conversation,
	startScriptedModel,
	type RecordedChatRequest,
	type ScriptedModel,
} from '../agents/scriptedModel';
import {
	AGENT,
	FIND_PATIENT_SYSTEM_MESSAGE,
	SEND_SMS_INPUTS,
	TOOLS,
	accessTokenTool,
	agentWorkflow,
	bookTool,
	chatTriggerNode,
	everyActionAsTool,
	findPatientTool,
	findSlotsTool,
	heroToolDescription,
	importScriptedModelCredential,
	n8nToolName,
	sendSmsTool,
	toolName,
} from '../agents/workflows';
import { executeWorkflow, nodeItems } from '../n8n/harness/execution';
import { cleanupAll, type N8nHome } from '../n8n/harness/home';
import { startN8nServer } from '../n8n/harness/servers';
import {
	activateWorkflowOffline,
	createSandboxHome,
	importWorkflow,
} from '../n8n/harness/workflows';
import { loadFilledExamples } from '../n8n/examples';
import { appointments } from '../sandbox/routes/appointments';
import { addDays, londonDate } from '../sandbox/routes/slots';
import { messages, sendAnswerSettings } from '../sandbox/routes/messages';
import { patients, patientView } from '../sandbox/routes/patients';
import { issuedTokens } from '../sandbox/routes/practiceGroup';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { writeFileSync } from 'node:fs';

jest.setTimeout(240_000);

const WORKFLOW = 'heroE2eAgentBooking1';
const BAD_ARGS_WORKFLOW = 'heroE2eAgentBadArgs1';
const REPEAT_WORKFLOW = 'heroE2eAgentRepeat1';
const CHAT_WORKFLOW = 'heroE2eAgentChatStream1';
const EVERY_ACTION_WORKFLOW = 'heroE2eAgentEveryAction1';
const TOKENS_WORKFLOW = 'heroE2eAgentTokens1';
const NO_MATCH_WORKFLOW = 'heroE2eAgentNoPatient1';
/** Every action as a tool, named as the panel names it; Send and Access Token → Create get $fromAI inputs / nothing. */
const everyActionTools = everyActionAsTool({ 'message:send': SEND_SMS_INPUTS });
const CHAT_WEBHOOK_ID = '6f1d2c3b-8a4e-4b7f-9e21-3c5d7a9b0c11';
/** Three days ahead: clear of the 24-hour cancellation policy, whatever the time of day. */
const firstDay = () => addDays(londonDate(Date.now()), 3);

/** The "Booking assistant" example, filled in with sandbox patient 2001 as `npm start` imports it. */
const example = loadFilledExamples().find((workflow) => workflow.id === 'heroExampleAgent01')!;

/** The tool messages of a request: [tool_call_id, parsed content]. */
function toolMessages(request: RecordedChatRequest): Array<{ id?: string; content: unknown }> {
	return (request.body.messages ?? [])
		.filter((m) => m.role === 'tool')
		.map((m) => {
			const text = Conversation.text(m);
			try {
				return { id: m.tool_call_id, content: JSON.parse(text) };
			} catch {
				return { id: m.tool_call_id, content: text };
			}
		});
}

let sandbox: Sandbox;
let model: ScriptedModel;
let home: N8nHome;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	model = await startScriptedModel();
	const created = await createSandboxHome(sandbox);
	home = created.home;
	await importScriptedModelCredential(home, model.baseUrl);
	await importWorkflow(home, [
		agentWorkflow({
			id: WORKFLOW,
			name: 'E2E agent: book and text',
			prompt:
				'Please book the next available GP appointment (type 4001) for patient 2001 from ' +
				firstDay() +
				' and text them the time.',
			tools: [findSlotsTool(), bookTool(), sendSmsTool()],
		}),
		agentWorkflow({
			id: BAD_ARGS_WORKFLOW,
			name: 'E2E agent: bad arguments',
			prompt: 'Text patient Ada that her results are ready.',
			tools: [sendSmsTool()],
		}),
		example,
		agentWorkflow({
			id: CHAT_WORKFLOW,
			name: 'E2E agent: chat, streaming',
			prompt: '',
			trigger: chatTriggerNode(CHAT_WEBHOOK_ID),
			systemMessage: FIND_PATIENT_SYSTEM_MESSAGE,
			tools: [findPatientTool(), findSlotsTool(), bookTool(), sendSmsTool()],
		}),
		agentWorkflow({
			id: NO_MATCH_WORKFLOW,
			name: 'E2E agent: no patient matches',
			// Ada Lovelace's NHS number with her day and month swapped: nobody matches.
			prompt:
				'Book the next available GP appointment for the patient with NHS number 943 476 5919, born 1985-10-12, and text them the time.',
			systemMessage: FIND_PATIENT_SYSTEM_MESSAGE,
			tools: [findPatientTool(), findSlotsTool(), bookTool(), sendSmsTool()],
		}),
		agentWorkflow({
			id: REPEAT_WORKFLOW,
			name: 'E2E agent: repeated send',
			prompt: 'Text patient 2001 that her results are ready.',
			tools: [sendSmsTool()],
		}),
		agentWorkflow({
			id: TOKENS_WORKFLOW,
			name: 'E2E agent: tokens',
			prompt: 'Text patient 2001 that her results are ready, then get a Hero Elements token.',
			tools: [
				sendSmsTool(undefined, { additionalFields: { writeToRecord: true } }),
				accessTokenTool(),
			],
		}),
		agentWorkflow({
			id: EVERY_ACTION_WORKFLOW,
			name: 'E2E agent: every action as a tool',
			prompt: 'Text patient 2001 that her results are ready, then get a Hero Elements token.',
			tools: everyActionTools,
		}),
	]);
}, 900_000);

afterAll(async () => {
	await home?.cleanup();
	await cleanupAll();
	await model?.close();
	await sandbox?.close();
});

beforeEach(() => sandbox.reset());

/** The booking script: find slots, book the next available, text the booked time, then answer. */
function bookingScript(day: string) {
	return [
		{
			toolCalls: [
				{
					name: toolName(TOOLS.findSlots),
					arguments: { appointmentTypeId: '4001', startDate: day },
				},
			],
		},
		() => ({
			toolCalls: [
				{
					name: toolName(TOOLS.book),
					arguments: { patientId: '2001', appointmentTypeId: '4001', startDate: day },
				},
			],
		}),
		(conversation: Conversation) => {
			const [booked] = conversation.lastToolResult() as Array<{
				booked: boolean;
				appointment: { start_time: string };
			}>;
			if (!booked?.booked) return { content: `Could not book: ${JSON.stringify(booked)}` };
			const when = ukTime(booked.appointment.start_time);
			return {
				toolCalls: [
					{
						name: toolName(TOOLS.send),
						arguments: {
							patientId: '2001',
							message: `Your GP appointment is booked for ${when}. Reply to this number to change it.`,
						},
					},
				],
			};
		},
		(conversation: Conversation) => ({
			content: `Done: booked and texted. Last tool said ${JSON.stringify(conversation.lastToolResult())}`,
		}),
	];
}

/** The sandbox's final state after a booking conversation: one confirmed appointment for patient 2001, one SMS naming its time. */
function expectOneBookingAndItsSms() {
	const booked = [...appointments(sandbox.state).values()];
	expect(booked).toHaveLength(1);
	expect(booked[0]).toMatchObject({
		patient_id: '2001',
		appointment_type_id: '4001',
		status: 'confirmed',
	});
	const sent = [...messages(sandbox.state).values()];
	expect(sent).toHaveLength(1);
	expect(sent[0]).toMatchObject({ message_type: 'sms', patient: { id: '2001' } });
	expect(sent[0].message).toContain(ukTime(booked[0].start_time!));
	return { booked, sent };
}

test('an AI Agent with Hero Health tools finds slots, books one appointment and sends one SMS with its time', async () => {
	const day = firstDay();
	model.reset(bookingScript(day));
	const { output } = await executeWorkflow(home, WORKFLOW);

	// The agent's final answer is the script's last message.
	const [answer] = nodeItems(output, AGENT) as Array<{ output: string }>;
	expect(answer.output).toMatch(/^Done: booked and texted/);

	// Sandbox final state: one confirmed appointment for 2001, one SMS to 2001 naming its time.
	const { booked, sent } = expectOneBookingAndItsSms();
	expect(londonDate(booked[0].start_time!) >= day).toBe(true);

	// What the agent sent the model: four requests, the Hero tools offered with JSON schemas.
	const requests = model.chatRequests();
	// HERO_AGENT_TRANSCRIPT=<file> keeps the conversation (tools as the model sees them, messages) for reading.
	if (process.env.HERO_AGENT_TRANSCRIPT)
		writeFileSync(process.env.HERO_AGENT_TRANSCRIPT, JSON.stringify(requests, null, 2));
	expect(requests).toHaveLength(4);
	const tools = requests[0].body.tools ?? [];
	expect(tools.map((t) => t.function.name).sort()).toEqual(
		[toolName(TOOLS.book), toolName(TOOLS.findSlots), toolName(TOOLS.send)].sort(),
	);
	const schema = (name: string) =>
		tools.find((t) => t.function.name === toolName(name))!.function.parameters!;
	expect(Object.keys(schema(TOOLS.findSlots).properties).sort()).toEqual([
		'appointmentTypeId',
		'startDate',
	]);
	expect(Object.keys(schema(TOOLS.book).properties).sort()).toEqual([
		'appointmentTypeId',
		'patientId',
		'startDate',
	]);
	expect(Object.keys(schema(TOOLS.send).properties).sort()).toEqual(['message', 'patientId']);
	expect(schema(TOOLS.send).properties.patientId).toMatchObject({
		type: 'string',
		description: 'Hero patient ID (digits)',
	});

	// The tool answers the model received are well formed: JSON, tied to the tool call ids, with the records.
	const [slotsResult] = toolMessages(requests[1]);
	expect(slotsResult.id).toBe('call_scripted_1');
	const slotList = slotsResult.content as Array<Record<string, unknown>>;
	expect(Array.isArray(slotList)).toBe(true);
	expect(slotList.length).toBeGreaterThan(0);
	expect(slotList.length).toBeLessThanOrEqual(5);
	// Simplified, the tool's default Output: the slot's ids and names, not the practitioner's or location's ids.
	for (const slot of slotList)
		expect(slot).toEqual({
			id: expect.stringMatching(/^\d+$/),
			start_time: expect.any(String),
			start_time_local: expect.any(String),
			finish_time: expect.any(String),
			appointment_type_id: '4001',
			appointment_type_name: 'GP Appointment',
			practitioner_name: expect.any(String),
			location_name: expect.any(String),
		});
	const bookResult = toolMessages(requests[2])[1];
	expect(bookResult.content).toEqual([
		expect.objectContaining({
			booked: true,
			appointment: expect.objectContaining({ id: booked[0].id, patient_id: '2001' }),
		}),
	]);
	const sendResult = toolMessages(requests[3])[2];
	expect(sendResult.content).toEqual([
		expect.objectContaining({ message_id: sent[0].id, content: sent[0].message }),
	]);

	// The arguments the model chose reached Hero unchanged.
	expect(sandbox.received('GET', '/v1/slots')[0].query).toMatchObject({
		appointment_type_id: '4001',
		start_date: day,
	});
	expect(
		sandbox
			.received('POST', '/v1/messages/send')
			.map((r) => (r.body as Record<string, unknown>).patient_id),
	).toEqual(['2001']);
});

test('a tool call with an invalid patient ID comes back to the model as a clear error, and nothing is sent', async () => {
	model.reset([
		{
			toolCalls: [
				{
					name: toolName(TOOLS.send),
					arguments: { patientId: 'Ada Lovelace', message: 'Your results are ready.' },
				},
			],
		},
		(conversation) => ({
			content: `The tool refused: ${JSON.stringify(conversation.lastToolResult())}`,
		}),
	]);
	const { output } = await executeWorkflow(home, BAD_ARGS_WORKFLOW);

	const requests = model.chatRequests();
	expect(requests).toHaveLength(2);
	const [result] = toolMessages(requests[1]);
	expect(result.content).toEqual([
		{
			error: expect.stringMatching(/^Patient ID: expected a numeric Hero ID/),
			description: 'Row 1 was not sent to Hero. Correct "Patient ID" and run again.',
		},
	]);
	// The error names the field and never repeats the rejected value.
	expect(JSON.stringify(result.content)).not.toContain('Ada Lovelace');
	const [answer] = nodeItems(output, AGENT) as Array<{ output: string }>;
	expect(answer.output).toContain('Patient ID: expected a numeric Hero ID');

	expect(messages(sandbox.state).size).toBe(0);
	expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(0);
});

test('exactly once under agents: the model calling Send twice with the same arguments sends one SMS; the repeat is refused with a clear answer', async () => {
	const args = {
		patientId: '2001',
		message: 'Your test results are ready. Please call the practice.',
	};
	model.reset([
		{ toolCalls: [{ name: toolName(TOOLS.send), arguments: args }] },
		{ toolCalls: [{ name: toolName(TOOLS.send), arguments: args }] },
		// A different text to the same patient is a new message, not a repeat.
		{
			toolCalls: [
				{
					name: toolName(TOOLS.send),
					arguments: { ...args, message: 'Sorry, one more thing: bring your repeat prescription.' },
				},
			],
		},
		{ content: 'Sent.' },
	]);
	await executeWorkflow(home, REPEAT_WORKFLOW);

	const requests = model.chatRequests();
	expect(requests).toHaveLength(4);
	const [first, repeat, other] = toolMessages(requests[3]);
	expect(first.content).toEqual([
		expect.objectContaining({ message_id: expect.any(String), content: args.message }),
	]);
	const firstId = (first.content as Array<{ message_id: string }>)[0].message_id;
	expect(repeat.content).toEqual([
		{
			error: `Refused: this message was already sent to this patient in this execution (message_id ${firstId}); it was not sent again [row 1 (n8n item 0)]`,
			description: expect.stringContaining('Refuse Repeat Send'),
			// The patient's Hero ID, as on every error item about one patient.
			patient_id: '2001',
		},
	]);
	expect(other.content).toEqual([
		expect.objectContaining({ content: 'Sorry, one more thing: bring your repeat prescription.' }),
	]);

	const sent = [...messages(sandbox.state).values()];
	expect(sent.map((m) => m.message)).toEqual([
		args.message,
		'Sorry, one more thing: bring your repeat prescription.',
	]);
	expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(2);
});

/** A repeated send after an error: the model calls Send, gets an error, and calls it again with the same arguments. */
function sendAgainScript(args: Record<string, unknown>) {
	return [
		{ toolCalls: [{ name: toolName(TOOLS.send), arguments: args }] },
		{ toolCalls: [{ name: toolName(TOOLS.send), arguments: args }] },
		{ content: 'Done.' },
	];
}
const UNKNOWN_REFUSAL =
	'Refused: an identical message was sent earlier in this execution and its outcome is unknown (it may have reached the patient); it was not sent again [row 1 (n8n item 0)]';

test('Hero records the SMS then answers 502; the model calls Send again with the same arguments and is told the repeat was refused; the patient has one SMS', async () => {
	const args = { patientId: '2001', message: 'Your blood test results are ready (agent, 502).' };
	sandbox.faults.add({
		kind: 'status-after',
		status: 502,
		method: 'POST',
		path: '^/v1/messages/send$',
		times: 1,
	});
	model.reset(sendAgainScript(args));
	await executeWorkflow(home, REPEAT_WORKFLOW);

	// What the model was answered: the first send's outcome is unknown, the second was refused and says why.
	const answers = model
		.toolAnswers()
		.map((answer) => JSON.parse(answer.text) as Array<{ error?: string; description?: string }>);
	expect(answers).toHaveLength(2);
	expect(answers[0][0].error).toMatch(/may or may not have been carried out/);
	expect(answers[1]).toEqual([
		{
			error: UNKNOWN_REFUSAL,
			description: expect.stringMatching(/^The earlier send got no usable answer from Hero/),
			patient_id: '2001',
		},
	]);
	// Hero was asked once, and holds the one SMS.
	expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(1);
	expect([...messages(sandbox.state).values()].map((m) => [m.patient.id, m.message])).toEqual([
		['2001', args.message],
	]);
});

test('Hero stalls past the Timeout (and records the SMS late); the model calls Send again with the same arguments and is told the repeat was refused; the patient has one SMS', async () => {
	const args = {
		patientId: '2001',
		message: 'Your blood test results are ready (agent, timeout).',
	};
	// The tool's Timeout is the default 30 s (Request Options are hidden on the tool); Hero answers after 33 s.
	sandbox.faults.add({
		kind: 'latency',
		latencyMs: 33_000,
		method: 'POST',
		path: '^/v1/messages/send$',
		times: 1,
	});
	model.reset(sendAgainScript(args));
	await executeWorkflow(home, REPEAT_WORKFLOW);

	const answers = model
		.toolAnswers()
		.map((answer) => JSON.parse(answer.text) as Array<{ error?: string; description?: string }>);
	expect(answers).toHaveLength(2);
	expect(answers[0][0].error).toMatch(
		/^The request to Hero timed out; the request may or may not have been carried out/,
	);
	expect(answers[1]).toEqual([
		{
			error: UNKNOWN_REFUSAL,
			description: expect.stringMatching(/^The earlier send got no usable answer from Hero/),
			patient_id: '2001',
		},
	]);
	// The stalled send is carried out once its delay has passed: one request, one SMS.
	for (let waited = 0; messages(sandbox.state).size === 0 && waited < 10_000; waited += 250)
		await new Promise((resolve) => setTimeout(resolve, 250));
	expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(1);
	expect([...messages(sandbox.state).values()].map((m) => [m.patient.id, m.message])).toEqual([
		['2001', args.message],
	]);
});

/** The position of the first request the sandbox received that matches, in the order received. */
const firstRequest = (method: string, path: RegExp) =>
	sandbox.requests.findIndex((r) => r.method === method && path.test(r.path));

test('the example workflow "Booking assistant" finds the patient by NHS number and date of birth first, then books with the Hero ID the search returned and texts the patient its time', async () => {
	// Ada Lovelace (the example's NHS number and date of birth) under a Hero ID made for this run:
	// no script, prompt or example holds it, so only the search can have told it to the model.
	const ada = patients(sandbox.state).get('2001')!;
	const heroId = sandbox.state.nextId();
	patients(sandbox.state).delete('2001');
	patients(sandbox.state).set(heroId, { ...ada, id: heroId });

	// The same conversation-driven fixture `npm start` serves (test/agents/bookingAssistant.ts).
	model.reset(Array.from({ length: 5 }, () => bookingAssistant));
	const { output } = await executeWorkflow(home, example.id);

	// Hero was asked in this order: the patient search (by the example's NHS number and date of
	// birth), then the booking, then the SMS.
	const search = firstRequest('GET', /^\/v3\/patients$/);
	const booking = firstRequest('POST', /^\/v1\/appointments$/);
	const sms = firstRequest('POST', /^\/v1\/messages\/send$/);
	expect(search).toBeGreaterThanOrEqual(0);
	expect(sandbox.requests[search].query).toMatchObject({
		nhs_number: '943 476 5919',
		dob: '1985-12-10',
	});
	expect(sandbox.received('GET', '/v3/patients')).toHaveLength(1);
	expect(search).toBeLessThan(booking);
	expect(booking).toBeLessThan(sms);

	// The booking and the SMS are for the Hero ID the search returned.
	const booked = [...appointments(sandbox.state).values()];
	expect(booked.map((a) => [a.patient_id, a.status])).toEqual([[heroId, 'confirmed']]);
	const sent = [...messages(sandbox.state).values()];
	expect(sent.map((m) => [m.message_type, m.patient.id])).toEqual([['sms', heroId]]);
	expect(sent[0].message).toContain(ukTime(booked[0].start_time!));
	expect(
		sandbox
			.received('POST', '/v1/messages/send')
			.map((r) => (r.body as Record<string, unknown>).patient_id),
	).toEqual([heroId]);

	// What the model saw: before the search answered, nothing it was sent held the Hero ID; the
	// search's answer gave it, with exactly one match; then it booked and texted with that ID.
	const requests = model.chatRequests();
	expect(requests).toHaveLength(5);
	expect(JSON.stringify(requests[0].body)).not.toContain(heroId);
	expect(requests[0].reply?.toolCalls).toEqual([
		{
			name: toolName(TOOLS.findPatient),
			arguments: { nhsNumber: '943 476 5919', dateOfBirth: '1985-12-10' },
		},
	]);
	const [lookup] = toolMessages(requests[1]);
	expect(lookup.content).toEqual([
		expect.objectContaining({
			matches: 1,
			patient_id: heroId,
			answer: expect.stringMatching(/^Exactly one patient in Hero matches/),
		}),
	]);
	// The patient inside the answer is Simplified (the tool's default Output): the practice's fields
	// with the Hero ID the model needs, in fewer bytes than Hero's whole record.
	const [{ patients: found }] = lookup.content as Array<{
		patients: Array<Record<string, unknown>>;
	}>;
	expect(found).toEqual([
		{
			id: heroId,
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
	const heroRecord = { id: heroId, ...patientView(patients(sandbox.state).get(heroId)!) };
	expect(JSON.stringify(found[0]).length).toBeLessThan(JSON.stringify(heroRecord).length / 2);
	expect(requests[2].reply?.toolCalls?.[0]).toMatchObject({
		name: toolName(TOOLS.book),
		arguments: { patientId: heroId },
	});
	expect(requests[3].reply?.toolCalls?.[0]).toMatchObject({
		name: toolName(TOOLS.send),
		arguments: { patientId: heroId },
	});
	// The model was told what Find patient is for (its Tool Description, not n8n's short label).
	const findPatient = (requests[0].body.tools ?? []).find(
		(t) => t.function.name === toolName(TOOLS.findPatient),
	);
	expect(findPatient?.function.description).toContain(
		'Act on a patient only when exactly one matched',
	);

	const [answer] = nodeItems(output, AGENT) as Array<{ output: string }>;
	expect(answer.output).toBe(
		`Booked and texted patient ${heroId}: "${sent[0].message}" (message ${sent[0].id}).`,
	);
});

test('the right NHS number with the wrong date of birth: Find patient tells the model nobody matched and to ask the user; nothing is booked or sent', async () => {
	model.reset(Array.from({ length: 5 }, () => bookingAssistant));
	const { output } = await executeWorkflow(home, NO_MATCH_WORKFLOW);

	const requests = model.chatRequests();
	expect(requests).toHaveLength(2);
	const [lookup] = toolMessages(requests[1]);
	expect(lookup.content).toEqual([
		{
			matches: 0,
			patients: [],
			answer: expect.stringMatching(
				/^No patient in Hero matches this search\. Nothing was created or changed\. Do not book, send or act for any patient: ask the user to check the NHS number and date of birth/,
			),
		},
	]);
	const [answer] = nodeItems(output, AGENT) as Array<{ output: string }>;
	expect(answer.output).toMatch(/^I have not booked or sent anything: No patient in Hero matches/);
	// Hero was only searched: no booking, no message, no patient created.
	expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v3/patients']);
	expect(appointments(sandbox.state).size).toBe(0);
	expect(messages(sandbox.state).size).toBe(0);
	expect(patients(sandbox.state).size).toBe(5);
});

test('through a Chat Trigger that streams, the agent asks the model with stream: true (server-sent events) and the booking and SMS still happen once', async () => {
	model.reset(Array.from({ length: 5 }, () => bookingAssistant));
	await activateWorkflowOffline(home, CHAT_WORKFLOW);
	const server = await startN8nServer(home);
	try {
		const response = await fetch(`${server.baseUrl}/webhook/${CHAT_WEBHOOK_ID}/chat`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				action: 'sendMessage',
				sessionId: 'e2e-session-1',
				chatInput:
					'Book the next available GP appointment for the patient with NHS number 943 476 5870, born 1972-06-23, and text them the time.',
			}),
		});
		const streamed = await response.text();
		expect(response.status).toBe(200);

		const requests = model.chatRequests();
		expect(requests).toHaveLength(5);
		expect(requests.every((r) => r.body.stream === true && r.streamed)).toBe(true);
		const booked = [...appointments(sandbox.state).values()];
		expect(booked.map((a) => [a.patient_id, a.status])).toEqual([['2002', 'confirmed']]);
		const sent = [...messages(sandbox.state).values()];
		expect(sent).toHaveLength(1);
		expect(sent[0].message).toContain(ukTime(booked[0].start_time!));
		// The chat client received the final answer in the stream.
		expect(streamed).toContain('Booked and texted patient 2002');
	} finally {
		await server.stop();
	}
});

/** What a bearer token looks like in any answer: a JWT (three base64url parts, the first `{"`-encoded). */
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/;
/** The token Hero gives with a send written to the record (awaiting confirmation), in `auth_token` and the confirm URL. */
const SEND_TOKEN = 'hero-auth-7d1f3c9a2b';

test("every Hero action added as a tool with its default name is accepted by an OpenAI-compatible model, and the model gets each operation's description", async () => {
	const send = everyActionTools.find(
		(node) =>
			(node.parameters as { resource: string; operation: string }).resource === 'message' &&
			(node.parameters as { operation: string }).operation === 'send',
	)!;
	const token = everyActionTools.find(
		(node) => (node.parameters as { resource: string }).resource === 'accessToken',
	)!;
	model.reset([
		{
			toolCalls: [
				{
					name: n8nToolName(send.name),
					arguments: { patientId: '2001', message: 'Your results are ready.' },
				},
			],
		},
		{ toolCalls: [{ name: n8nToolName(token.name), arguments: {} }] },
		{ content: 'Done.' },
	]);
	const { output } = await executeWorkflow(home, EVERY_ACTION_WORKFLOW);
	const [answer] = nodeItems(output, AGENT) as Array<{ output: string }>;
	expect(answer.output).toBe('Done.');

	// The model was asked three times, each with every tool under a name OpenAI accepts (the scripted model answers 400 otherwise).
	const requests = model.chatRequests();
	expect(requests.map((r) => r.status ?? 200)).toEqual([200, 200, 200]);
	const offered = requests[0].body.tools ?? [];
	expect(offered.map((t) => t.function.name).sort()).toEqual(
		everyActionTools.map((node) => n8nToolName(node.name)).sort(),
	);
	for (const tool of offered) expect(tool.function.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
	expect(n8nToolName(send.name)).toBe('Send_a_message_in_Hero_Health');

	// Short names, and still the longer text: each tool's description is its operation's description.
	const operations = heroToolDescription().properties.filter((p) => p.name === 'operation');
	for (const node of everyActionTools) {
		const { resource, operation } = node.parameters as { resource: string; operation: string };
		const option = (
			operations.find((p) => p.displayOptions!.show!.resource![0] === resource)!.options as Array<{
				value: string;
				description: string;
			}>
		).find((o) => o.value === operation)!;
		const tool = offered.find((t) => t.function.name === n8nToolName(node.name))!;
		expect(tool.function.description).toContain(option.description);
	}
	const descriptionOf = (node: { name: string }) =>
		offered.find((t) => t.function.name === n8nToolName(node.name))!.function.description;
	expect(descriptionOf(send)).toContain('Returns message_id and content');
	// The send went through the default-named tool, reached Hero once, and its answer reached the model.
	const sent = [...messages(sandbox.state).values()];
	expect(sent.map((m) => [m.patient.id, m.message])).toEqual([['2001', 'Your results are ready.']]);
	expect(JSON.parse(model.toolAnswers()[0].text)).toEqual([
		expect.objectContaining({ message_id: sent[0].id, content: 'Your results are ready.' }),
	]);
});

test('no bearer token reaches the model: Send answers without auth_token or its confirm URL, Access Token → Create is refused as a tool', async () => {
	model.reset([
		{
			toolCalls: [
				{
					name: toolName(TOOLS.send),
					arguments: { patientId: '2001', message: 'Your results are ready.' },
				},
			],
		},
		{ toolCalls: [{ name: toolName(TOOLS.accessToken), arguments: {} }] },
		{ content: 'Done.' },
	]);
	sendAnswerSettings(sandbox.state).authToken = SEND_TOKEN;
	await executeWorkflow(home, TOKENS_WORKFLOW);

	// Every tool answer the model received, once each.
	const answers = model.toolAnswers();
	expect(answers).toHaveLength(2);
	for (const { text } of answers) {
		expect(text).not.toContain(SEND_TOKEN);
		expect(text).not.toContain('auth_token');
		expect(text).not.toContain('confirm_write_to_record_url');
		expect(text).not.toContain('access_token');
		expect(text).not.toMatch(JWT);
	}
	// The send's answer keeps what the model needs: the message id and text.
	const [sent] = [...messages(sandbox.state).values()];
	expect(JSON.parse(answers[0].text)).toEqual([
		expect.objectContaining({
			message_id: sent.id,
			content: 'Your results are ready.',
			write_to_record: true,
		}),
	]);
	// Hero was asked to write it to the record, so its answer did carry the token (the sandbox's switch); the tool left it out.
	expect(
		sandbox
			.received('POST', '/v1/messages/send')
			.map((r) => (r.body as Record<string, unknown>).write_to_record),
	).toEqual([true]);
	// Access Token → Create is refused before Hero is asked: no token was minted.
	expect(JSON.parse(answers[1].text)).toEqual([
		{
			error: expect.stringMatching(/^Access Token → Create is not available to an AI agent/),
			description: expect.any(String),
		},
	]);
	expect(sandbox.received('POST', '/v1/access_token')).toHaveLength(0);
	expect(issuedTokens(sandbox.state)).toHaveLength(0);
});
