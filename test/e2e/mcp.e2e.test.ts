/**
 * n8n's MCP Server Trigger exposes Hero Health tools to agents outside n8n. A
 * client built on the official MCP TypeScript SDK lists and calls them against a running n8n 1.x
 * (the packed package installed as a community package); assertions are on what the client gets
 * and on the Hero sandbox's state.
 */
import { randomUUID } from 'node:crypto';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import {
	TOOLS,
	checkAvailabilityTool,
	findSlotsTool,
	sendSmsTool,
	toolName,
} from '../agents/workflows';
import { HERO_CREDENTIAL_TYPE } from '../n8n/harness/constants';
import { cleanupAll, type N8nHome } from '../n8n/harness/home';
import { startN8nServer, type N8nServer } from '../n8n/harness/servers';
import {
	activateWorkflowOffline,
	createSandboxHome,
	importCredential,
	importWorkflow,
	type WorkflowJson,
	type WorkflowNode,
} from '../n8n/harness/workflows';
import { addDays, londonDate, slots } from '../sandbox/routes/slots';
import { messages } from '../sandbox/routes/messages';
import { startSandbox, type Sandbox } from '../sandbox/server';

jest.setTimeout(240_000);

const WORKFLOW = 'heroE2eMcpServer1';
const MCP_PATH = 'hero-health';
/** A second MCP server (another practice's credential, the same tool node name). */
const WORKFLOW_B = 'heroE2eMcpServer2';
const MCP_PATH_B = 'hero-health-b';
const CREDENTIAL_B = { id: 'heroSandboxCred2', name: 'Hero Health sandbox, practice B' };

/** MCP Server Trigger (v2: streamable HTTP and SSE at /mcp/<path>) with Hero Health tools. */
function mcpWorkflow(
	id = WORKFLOW,
	path = MCP_PATH,
	tools = [findSlotsTool([100, 420]), checkAvailabilityTool([300, 420]), sendSmsTool([500, 420])],
): WorkflowJson {
	const trigger: WorkflowNode = {
		id: 'mcp-trigger',
		name: 'MCP Server Trigger',
		type: '@n8n/n8n-nodes-langchain.mcpTrigger',
		typeVersion: 2,
		position: [300, 200],
		parameters: { authentication: 'none', path },
		webhookId: randomUUID(),
	};
	const connections: Record<string, unknown> = {};
	for (const tool of tools)
		connections[tool.name] = { ai_tool: [[{ node: trigger.name, type: 'ai_tool', index: 0 }]] };
	return {
		id,
		name: `E2E MCP server: Hero Health tools (${path})`,
		active: false,
		nodes: [trigger, ...tools],
		connections,
		settings: { executionOrder: 'v1' },
	} as unknown as WorkflowJson;
}

/** Practice B's server: only Send SMS, under the same node name, with practice B's credential. */
function mcpWorkflowB(): WorkflowJson {
	const send = {
		...sendSmsTool([500, 420]),
		credentials: { [HERO_CREDENTIAL_TYPE]: CREDENTIAL_B },
	};
	return mcpWorkflow(WORKFLOW_B, MCP_PATH_B, [send]);
}

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }> };
const textOf = (result: ToolResult) => result.content.map((part) => part.text ?? '').join('');

let sandbox: Sandbox;
/** Practice B: another sandbox (its own practice group, its own patients' messages). */
let sandboxB: Sandbox;
let home: N8nHome;
let server: N8nServer;
let client: Client;
const extraClients: Client[] = [];

/** A new MCP client session on the server at `path`. */
async function connect(path: string): Promise<Client> {
	const session = new Client({ name: 'hero-health-e2e', version: '1.0.0' });
	await session.connect(
		new StreamableHTTPClientTransport(new URL(`${server.baseUrl}/mcp/${path}`)),
	);
	return session;
}

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	sandboxB = await startSandbox({ port: 0, practiceGroupId: '2002' });
	const created = await createSandboxHome(sandbox);
	home = created.home;
	await importCredential(home, {
		...CREDENTIAL_B,
		sandboxUrl: sandboxB.url,
		apiKey: sandboxB.apiKey,
		practiceGroupId: sandboxB.practiceGroupId,
	});
	await importWorkflow(home, [mcpWorkflow(), mcpWorkflowB()]);
	await activateWorkflowOffline(home, WORKFLOW);
	await activateWorkflowOffline(home, WORKFLOW_B);
	server = await startN8nServer(home);
	client = await connect(MCP_PATH);
}, 900_000);

afterAll(async () => {
	for (const session of [client, ...extraClients]) await session?.close().catch(() => undefined);
	await server?.stop();
	await home?.cleanup();
	await cleanupAll();
	await sandbox?.close();
	await sandboxB?.close();
});

beforeEach(() => {
	sandbox.reset();
	sandboxB.reset();
});

test('over MCP: the MCP Server Trigger lists the Hero Health tools with their descriptions and input schemas', async () => {
	const { tools } = await client.listTools();
	const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
	expect(Object.keys(byName).sort()).toEqual(
		[toolName(TOOLS.checkAvailability), toolName(TOOLS.findSlots), toolName(TOOLS.send)].sort(),
	);

	// Each description is the tool's own Tool Description (the short action and the operation's
	// description): what it does, what it needs and returns, and whether it reaches a patient or books.
	expect(byName[toolName(TOOLS.send)].description).toBe(
		'Send a message in Hero Health. Sends to the patient: an SMS, email or NHS App message, or records one sent elsewhere. The patient ID is digits; UK mobile numbers are accepted in national or +44 form. Returns message_id and content.',
	);
	expect(byName[toolName(TOOLS.checkAvailability)].description).toBe(
		'Check slot availability in Hero Health. Ask Hero whether a practitioner is free at a given time for an appointment type and location. IDs are digits; the start time is ISO-8601 (UTC). Returns { available }. Books nothing.',
	);
	expect(byName[toolName(TOOLS.findSlots)].description).toBe(
		'Get many slots in Hero Health. List bookable slots, filtered by appointment type, location, practitioners and date window (dates YYYY-MM-DD, IDs digits). Returns one item per slot with start_time and finish_time in ISO-8601 UTC. Books nothing; Limit keeps the page small.',
	);

	// Input schemas are the $fromAI() inputs, typed and described.
	const send = byName[toolName(TOOLS.send)].inputSchema as {
		type: string;
		properties: Record<string, { type: string; description?: string }>;
		required?: string[];
	};
	expect(send.type).toBe('object');
	expect(Object.keys(send.properties).sort()).toEqual(['message', 'patientId']);
	expect(send.properties.patientId).toMatchObject({
		type: 'string',
		description: 'Hero patient ID (digits)',
	});
	const check = byName[toolName(TOOLS.checkAvailability)].inputSchema as {
		properties: Record<string, unknown>;
	};
	expect(Object.keys(check.properties).sort()).toEqual([
		'appointmentTypeId',
		'locationId',
		'practitionerId',
		'startTime',
	]);
});

test('over MCP: Check Availability and Send called over MCP reach Hero; the sandbox holds the one SMS', async () => {
	const from = addDays(londonDate(Date.now()), 2);
	const slot = [...slots(sandbox.state).values()]
		.filter(
			(s) => s.appointment_type_id === '4001' && londonDate(s.start_time) >= from && !s.held_by,
		)
		.sort((a, b) => a.start_time.localeCompare(b.start_time))[0];
	expect(slot).toBeDefined();

	const availability = (await client.callTool({
		name: toolName(TOOLS.checkAvailability),
		arguments: {
			appointmentTypeId: '4001',
			locationId: slot.location_id,
			practitionerId: slot.practitioner_id,
			startTime: slot.start_time,
		},
	})) as ToolResult;
	expect(availability.isError).toBeFalsy();
	expect(JSON.parse(textOf(availability))).toEqual([{ available: true }]);
	expect(sandbox.received('POST', '/v1/slots/availability')[0].body).toMatchObject({
		practitioner_id: slot.practitioner_id,
		location_id: slot.location_id,
		appointment_type_id: '4001',
	});

	const sendResult = (await client.callTool({
		name: toolName(TOOLS.send),
		arguments: { patientId: '2001', message: 'Your appointment is confirmed.' },
	})) as ToolResult;
	expect(sendResult.isError).toBeFalsy();
	const [sent] = JSON.parse(textOf(sendResult)) as Array<{ message_id: string }>;
	const stored = [...messages(sandbox.state).values()];
	expect(stored).toHaveLength(1);
	expect(stored[0]).toMatchObject({
		id: sent.message_id,
		message_type: 'sms',
		message: 'Your appointment is confirmed.',
		patient: { id: '2001' },
	});
});

test('over MCP: a refused input comes back as an MCP error result naming the field, nothing is sent, and the server keeps serving', async () => {
	const refused = (await client.callTool({
		name: toolName(TOOLS.send),
		arguments: { patientId: 'Ada Lovelace', message: 'Your results are ready.' },
	})) as ToolResult;
	expect(refused.isError).toBe(true);
	expect(textOf(refused)).toMatch(/Patient ID: expected a numeric Hero ID/);
	expect(textOf(refused)).not.toContain('Ada Lovelace');
	expect(messages(sandbox.state).size).toBe(0);
	expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(0);

	// Not a crash: the same session still lists and calls tools.
	const { tools } = await client.listTools();
	expect(tools.length).toBe(3);
});

test('exactly once over MCP: an identical second Send in the same session is refused as an MCP error result; the patient gets one SMS', async () => {
	const args = { patientId: '2001', message: 'Your prescription is ready to collect.' };
	const first = (await client.callTool({
		name: toolName(TOOLS.send),
		arguments: args,
	})) as ToolResult;
	expect(first.isError).toBeFalsy();
	const [{ message_id: firstId }] = JSON.parse(textOf(first)) as Array<{ message_id: string }>;
	const second = (await client.callTool({
		name: toolName(TOOLS.send),
		arguments: args,
	})) as ToolResult;
	expect(second.isError).toBe(true);
	// Under MCP there is no execution; the refusal names the scope it really has.
	expect(textOf(second)).toContain(
		`Refused: this message was already sent to this patient by this workflow for this practice group in the last 10 minutes (message_id ${firstId}); it was not sent again`,
	);
	expect(textOf(second)).not.toContain('in this execution');
	expect([...messages(sandbox.state).values()].map((m) => m.message)).toEqual([args.message]);
	expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(1);
});

test("over MCP: two MCP servers (workflows) with different practices' credentials, the same tool node name and the same arguments: both sends go", async () => {
	const args = { patientId: '2001', message: 'Flu clinic this Saturday, 9am to 12pm.' };
	const sessionB = await connect(MCP_PATH_B);
	extraClients.push(sessionB);
	const a = (await client.callTool({ name: toolName(TOOLS.send), arguments: args })) as ToolResult;
	const b = (await sessionB.callTool({
		name: toolName(TOOLS.send),
		arguments: args,
	})) as ToolResult;
	const outcome = (result: ToolResult) => (result.isError ? `error: ${textOf(result)}` : 'sent');
	expect([outcome(a), outcome(b)]).toEqual(['sent', 'sent']);
	// Each practice's Hero holds its one SMS, and each client was answered with it.
	const sentA = [...messages(sandbox.state).values()];
	const sentB = [...messages(sandboxB.state).values()];
	expect(sentA.map((m) => [m.patient.id, m.message])).toEqual([['2001', args.message]]);
	expect(sentB.map((m) => [m.patient.id, m.message])).toEqual([['2001', args.message]]);
	expect(JSON.parse(textOf(a))).toEqual([
		expect.objectContaining({ message_id: sentA[0].id, content: args.message }),
	]);
	expect(JSON.parse(textOf(b))).toEqual([
		expect.objectContaining({ message_id: sentB[0].id, content: args.message }),
	]);
});

test('over MCP: the guard covers the MCP server, not one session: a second client session of the same workflow sending the same message is refused; the patient gets one SMS', async () => {
	const args = { patientId: '2001', message: 'Please book your asthma review.' };
	const first = (await client.callTool({
		name: toolName(TOOLS.send),
		arguments: args,
	})) as ToolResult;
	expect(first.isError).toBeFalsy();
	// A client that reconnects gets a new MCP session id; the patient must still get the text once.
	const other = await connect(MCP_PATH);
	extraClients.push(other);
	const again = (await other.callTool({
		name: toolName(TOOLS.send),
		arguments: args,
	})) as ToolResult;
	expect(again.isError).toBe(true);
	expect(textOf(again)).toMatch(
		/Refused: this message was already sent to this patient by this workflow for this practice group in the last 10 minutes \(message_id [^)]+\); it was not sent again/,
	);
	expect([...messages(sandbox.state).values()].map((m) => m.message)).toEqual([args.message]);
	expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(1);
});
