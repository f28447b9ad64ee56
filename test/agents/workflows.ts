/**
 * Workflow JSON for agent tests and the "Booking assistant" example: Manual Trigger → AI Agent with
 * an OpenAI Chat Model (pointed at the scripted model) and Hero Health tools whose inputs the model
 * fills with $fromAI(). Node types and versions are those of n8n 1.123.x.
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { NodeConnectionTypes, NodeHelpers, type INodeTypeDescription } from 'n8n-workflow';

import { HeroHealth } from '../../nodes/HeroHealth/HeroHealth.node';
import { DEFAULT_CREDENTIAL, HERO_CREDENTIAL_TYPE, heroType } from '../n8n/harness/constants';
import type { N8nHome } from '../n8n/harness/home';
import { CommandError, runN8n } from '../n8n/harness/process';
import type { WorkflowNode } from '../n8n/harness/workflows';

export const HERO_TOOL_TYPE = heroType('heroHealthTool');
export const OPENAI_CREDENTIAL = {
	id: 'scriptedModelCred1',
	name: 'Scripted model (sandbox)',
} as const;

/** Tool node names; the agent offers each as a tool named after it (spaces → underscores). */
export const TOOLS = {
	findPatient: 'Find patient',
	findSlots: 'Find slots',
	checkAvailability: 'Check availability',
	book: 'Book next available',
	send: 'Send SMS',
	accessToken: 'Elements token',
} as const;
export const toolName = (nodeName: string): string => nodeName.replace(/[^a-zA-Z0-9_-]/g, '_');

/** n8n's own rule (n8n-workflow `nodeNameToToolName`): each run of other characters becomes one `_`. */
export const n8nToolName = (nodeName: string): string => nodeName.replace(/[^a-zA-Z0-9_-]+/g, '_');

/** The tool variant's description as n8n's loader makes it (name ending `Tool`, output ai_tool). */
export function heroToolDescription(): INodeTypeDescription {
	const description = new HeroHealth().description;
	return {
		...description,
		name: `${description.name}Tool`,
		displayName: `${description.displayName} Tool`,
		outputs: [NodeConnectionTypes.AiTool],
	};
}

/** Every resource and operation of the action node, in the order of its description. */
export function everyOperation(): Array<{ resource: string; operation: string }> {
	return heroToolDescription()
		.properties.filter((p) => p.name === 'operation')
		.flatMap((p) =>
			(p.options as Array<{ value: string }>).map((o) => ({
				resource: p.displayOptions!.show!.resource![0] as string,
				operation: o.value,
			})),
		);
}

/**
 * The name n8n gives a tool node added from the panel (n8n-workflow `makeNodeName`: the action and
 * " in Hero Health"); a second node of the same name gets "1" appended, as the canvas does.
 */
export function defaultToolNodeName(
	resource: string,
	operation: string,
	taken: Set<string> = new Set(),
): string {
	const base = NodeHelpers.makeNodeName({ resource, operation }, heroToolDescription());
	let name = base;
	for (let n = 1; taken.has(name); n++) name = `${base}${n}`;
	taken.add(name);
	return name;
}

export const AGENT = 'AI Agent';
export const MODEL = 'OpenAI Chat Model';

/** Imports an OpenAI credential whose Base URL is the scripted model (n8n encrypts it on import). */
export async function importScriptedModelCredential(home: N8nHome, baseUrl: string): Promise<void> {
	const file = join(home.folder, `.import-openai-${randomBytes(6).toString('hex')}.json`);
	await writeFile(
		file,
		JSON.stringify([
			{
				...OPENAI_CREDENTIAL,
				type: 'openAiApi',
				data: { apiKey: 'sk-scripted-test', url: baseUrl },
			},
		]),
		{ mode: 0o600 },
	);
	try {
		const result = await runN8n(home, ['import:credentials', `--input=${file}`]);
		if (result.exitCode !== 0)
			throw new CommandError('n8n import:credentials (OpenAI) failed', result);
	} finally {
		await rm(file, { force: true });
	}
}

const fromAI = (key: string, description: string, type = 'string') =>
	`={{ $fromAI('${key}', \`${description}\`, '${type}') }}`;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const heroCredential = {
	[HERO_CREDENTIAL_TYPE]: { id: DEFAULT_CREDENTIAL.id, name: DEFAULT_CREDENTIAL.name },
};

function toolNode(
	name: string,
	parameters: Record<string, unknown>,
	position: [number, number],
): WorkflowNode {
	return {
		id: `tool-${randomBytes(4).toString('hex')}`,
		name,
		type: HERO_TOOL_TYPE,
		typeVersion: 1,
		position,
		parameters: { descriptionType: 'auto', ...parameters },
		credentials: heroCredential,
	};
}

/**
 * One tool node per action, each with the name n8n gives it when added from the panel and only its
 * resource and operation set (what the panel stores), except `fill`: extra parameters by
 * `resource:operation` (e.g. $fromAI inputs for the tools a test calls).
 */
export function everyActionAsTool(
	fill: Record<string, Record<string, unknown>> = {},
): WorkflowNode[] {
	const taken = new Set<string>();
	return everyOperation().map(({ resource, operation }, index) => {
		const name = defaultToolNodeName(resource, operation, taken);
		const node = toolNode(name, { resource, operation, ...fill[`${resource}:${operation}`] }, [
			200 + (index % 10) * 160,
			520 + Math.floor(index / 10) * 160,
		]);
		// As the panel stores it: no Tool Description choice (its default applies).
		delete (node.parameters as Record<string, unknown>).descriptionType;
		return node;
	});
}

/** Patient → Search by NHS number and date of birth: a read that finds the patient's Hero ID. */
export const findPatientTool = (position: [number, number] = [200, 520]) => {
	const node = toolNode(
		TOOLS.findPatient,
		{
			resource: 'patient',
			operation: 'search',
			returnAll: false,
			limit: 5,
			filters: {
				nhsNumber: fromAI('nhsNumber', "The patient's NHS number, 10 digits, e.g. 943 476 5919"),
				dateOfBirth: fromAI('dateOfBirth', "The patient's date of birth, YYYY-MM-DD"),
			},
		},
		position,
	);
	// The model reads the operation's own Tool Description (what the answer means, when to act).
	delete (node.parameters as Record<string, unknown>).descriptionType;
	return node;
};

/** Slot → Get Many: a small page of free slots for an appointment type from a date. */
export const findSlotsTool = (position: [number, number] = [360, 520]) =>
	toolNode(
		TOOLS.findSlots,
		{
			resource: 'slot',
			operation: 'getMany',
			returnAll: false,
			limit: 5,
			filters: {
				appointmentTypeId: byId(
					fromAI(
						'appointmentTypeId',
						'Hero appointment type ID (digits), e.g. 4001 for a GP appointment',
					),
				),
				startDate: fromAI('startDate', 'First day to search, YYYY-MM-DD'),
			},
		},
		position,
	);

/** Slot → Check Availability. */
export const checkAvailabilityTool = (position: [number, number] = [360, 520]) =>
	toolNode(
		TOOLS.checkAvailability,
		{
			resource: 'slot',
			operation: 'checkAvailability',
			appointmentTypeId: byId(fromAI('appointmentTypeId', 'Hero appointment type ID (digits)')),
			locationId: byId(fromAI('locationId', 'Hero location ID (digits)')),
			practitionerId: byId(fromAI('practitionerId', 'Hero practitioner ID (digits)')),
			startTime: fromAI('startTime', 'Start time, ISO-8601 UTC, e.g. 2026-12-07T09:00:00Z'),
		},
		position,
	);

/** Appointment → Book Next Available: books (changes the practice's diary). */
export const bookTool = (position: [number, number] = [520, 520]) =>
	toolNode(
		TOOLS.book,
		{
			resource: 'appointment',
			operation: 'bookNextAvailable',
			patientId: fromAI('patientId', 'Hero patient ID (digits)'),
			appointmentTypeId: byId(fromAI('appointmentTypeId', 'Hero appointment type ID (digits)')),
			filters: { startDate: fromAI('startDate', 'First day to search, YYYY-MM-DD') },
		},
		position,
	);

/** Access Token → Create: a Hero Elements token (a bearer credential). */
export const accessTokenTool = (position: [number, number] = [840, 520]) =>
	toolNode(TOOLS.accessToken, { resource: 'accessToken', operation: 'create' }, position);

/** Message → Send by SMS, the patient and text from the model. */
export const SEND_SMS_INPUTS = {
	patientId: fromAI('patientId', 'Hero patient ID (digits)'),
	messageType: 'sms',
	message: fromAI('message', 'The SMS text for the patient'),
};

/** Message → Send by SMS: sends to the patient. */
export const sendSmsTool = (
	position: [number, number] = [680, 520],
	extra: Record<string, unknown> = {},
) =>
	toolNode(
		TOOLS.send,
		{ resource: 'message', operation: 'send', ...SEND_SMS_INPUTS, ...extra },
		position,
	);

export interface AgentWorkflowOptions {
	id: string;
	name: string;
	prompt: string;
	tools: WorkflowNode[];
	systemMessage?: string;
	/** OpenAI Chat Model typeVersion: 1.2 uses chat completions (1.3 defaults to the Responses API). */
	modelVersion?: number;
}

/**
 * Chat Trigger (public webhook, answers by streaming) in place of the Manual Trigger: the agent then
 * calls the model with `stream: true`. POST `/webhook/<webhookId>/chat` with `{ action: 'sendMessage', sessionId, chatInput }`.
 */
export function chatTriggerNode(webhookId: string): WorkflowNode {
	return {
		id: 'agent-chat-trigger',
		name: 'When chat message received',
		type: '@n8n/n8n-nodes-langchain.chatTrigger',
		typeVersion: 1.4,
		position: [0, 300],
		webhookId,
		parameters: {
			public: true,
			mode: 'webhook',
			authentication: 'none',
			options: { responseMode: 'streaming' },
		},
	};
}

/** Manual Trigger (or the given trigger) → AI Agent (OpenAI Chat Model + the given tools). */
export function agentWorkflow(options: AgentWorkflowOptions & { trigger?: WorkflowNode }) {
	const trigger: WorkflowNode = options.trigger ?? {
		id: 'agent-trigger',
		name: 'When clicking ‘Execute workflow’',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 300],
		parameters: {},
	};
	const agent: WorkflowNode = {
		id: 'agent-agent',
		name: AGENT,
		type: '@n8n/n8n-nodes-langchain.agent',
		typeVersion: 3,
		position: [260, 300],
		parameters: {
			// With a Chat Trigger the prompt is the chat message.
			...(options.trigger
				? { promptType: 'auto' }
				: { promptType: 'define', text: options.prompt }),
			options: {
				systemMessage: options.systemMessage ?? BOOKING_SYSTEM_MESSAGE,
				maxIterations: 10,
			},
		},
	};
	const model: WorkflowNode = {
		id: 'agent-model',
		name: MODEL,
		type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
		typeVersion: options.modelVersion ?? 1.2,
		position: [200, 520],
		parameters: { model: { __rl: true, mode: 'id', value: 'scripted-model' }, options: {} },
		credentials: { openAiApi: { id: OPENAI_CREDENTIAL.id, name: OPENAI_CREDENTIAL.name } },
	};
	const connections: Record<
		string,
		Record<string, Array<Array<{ node: string; type: string; index: number }>>>
	> = {
		[trigger.name]: { main: [[{ node: AGENT, type: 'main', index: 0 }]] },
		[MODEL]: { ai_languageModel: [[{ node: AGENT, type: 'ai_languageModel', index: 0 }]] },
	};
	for (const tool of options.tools)
		connections[tool.name] = { ai_tool: [[{ node: AGENT, type: 'ai_tool', index: 0 }]] };
	return {
		id: options.id,
		name: options.name,
		active: false,
		nodes: [trigger, agent, model, ...options.tools],
		connections,
		settings: { executionOrder: 'v1' },
	} as unknown as import('../n8n/harness/workflows').WorkflowJson;
}

export const BOOKING_SYSTEM_MESSAGE =
	'You are a GP practice booking assistant. Find a free slot, book the next available appointment for the patient, ' +
	'then send them one SMS with the appointment date and time (UK time). Never send the same SMS twice. ' +
	'If a tool returns an error, correct the input or tell the user; do not retry a send that succeeded.';

/** The booking assistant that starts from the NHS number and date of birth (the example's system message). */
export const FIND_PATIENT_SYSTEM_MESSAGE =
	'You are a GP practice booking assistant. First find the patient with Find patient, using the NHS number and date of birth the user gave; ' +
	'continue only when exactly one patient matches, and use the Hero patient ID it returns. Then find a free slot, book the next available appointment ' +
	'for that patient, and send them one SMS with the appointment date and time (UK time). Never send the same SMS twice. ' +
	'If no patient or several match, book and send nothing and ask the user to check the details. ' +
	'If a tool returns an error, correct the input or tell the user; do not retry a send that succeeded.';
