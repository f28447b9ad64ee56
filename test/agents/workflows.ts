/**
 * Workflow JSON for agent tests and the "Booking assistant" example: Manual Trigger → AI Agent with
 * an OpenAI Chat Model (pointed at the scripted model) and Hero Health tools whose inputs the model
 * fills with $fromAI(). Node types and versions are those of n8n 1.123.x.
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { CommandError, DEFAULT_CREDENTIAL, HERO_CREDENTIAL_TYPE, heroType, runN8n, type N8nHome, type WorkflowNode } from '../n8n/harness';

export const HERO_TOOL_TYPE = heroType('heroHealthTool');
export const OPENAI_CREDENTIAL = { id: 'scriptedModelCred1', name: 'Scripted model (sandbox)' } as const;

/** Tool node names; the agent offers each as a tool named after it (spaces → underscores). */
export const TOOLS = {
	findSlots: 'Find slots',
	checkAvailability: 'Check availability',
	book: 'Book next available',
	send: 'Send SMS',
} as const;
export const toolName = (nodeName: string): string => nodeName.replace(/[^a-zA-Z0-9_-]/g, '_');

export const AGENT = 'AI Agent';
export const MODEL = 'OpenAI Chat Model';

/** Imports an OpenAI credential whose Base URL is the scripted model (n8n encrypts it on import). */
export async function importScriptedModelCredential(home: N8nHome, baseUrl: string): Promise<void> {
	const file = join(home.folder, `.import-openai-${randomBytes(6).toString('hex')}.json`);
	await writeFile(file, JSON.stringify([{ ...OPENAI_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-scripted-test', url: baseUrl } }]), { mode: 0o600 });
	try {
		const result = await runN8n(home, ['import:credentials', `--input=${file}`]);
		if (result.exitCode !== 0) throw new CommandError('n8n import:credentials (OpenAI) failed', result);
	} finally {
		await rm(file, { force: true });
	}
}

const fromAI = (key: string, description: string, type = 'string') => `={{ $fromAI('${key}', \`${description}\`, '${type}') }}`;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const heroCredential = { [HERO_CREDENTIAL_TYPE]: { id: DEFAULT_CREDENTIAL.id, name: DEFAULT_CREDENTIAL.name } };

function toolNode(name: string, parameters: Record<string, unknown>, position: [number, number]): WorkflowNode {
	return { id: `tool-${randomBytes(4).toString('hex')}`, name, type: HERO_TOOL_TYPE, typeVersion: 1, position, parameters: { descriptionType: 'auto', ...parameters }, credentials: heroCredential };
}

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
				appointmentTypeId: byId(fromAI('appointmentTypeId', 'Hero appointment type ID (digits), e.g. 4001 for a GP appointment')),
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

/** Message → Send by SMS: sends to the patient. */
export const sendSmsTool = (position: [number, number] = [680, 520]) =>
	toolNode(
		TOOLS.send,
		{
			resource: 'message',
			operation: 'send',
			patientId: fromAI('patientId', 'Hero patient ID (digits)'),
			messageType: 'sms',
			message: fromAI('message', 'The SMS text for the patient'),
		},
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
		parameters: { public: true, mode: 'webhook', authentication: 'none', options: { responseMode: 'streaming' } },
	};
}

/** Manual Trigger (or the given trigger) → AI Agent (OpenAI Chat Model + the given tools). */
export function agentWorkflow(options: AgentWorkflowOptions & { trigger?: WorkflowNode }) {
	const trigger: WorkflowNode = options.trigger ?? { id: 'agent-trigger', name: 'When clicking ‘Execute workflow’', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 300], parameters: {} };
	const agent: WorkflowNode = {
		id: 'agent-agent',
		name: AGENT,
		type: '@n8n/n8n-nodes-langchain.agent',
		typeVersion: 3,
		position: [260, 300],
		parameters: {
			// With a Chat Trigger the prompt is the chat message.
			...(options.trigger ? { promptType: 'auto' } : { promptType: 'define', text: options.prompt }),
			options: { systemMessage: options.systemMessage ?? BOOKING_SYSTEM_MESSAGE, maxIterations: 10 },
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
	const connections: Record<string, Record<string, Array<Array<{ node: string; type: string; index: number }>>>> = {
		[trigger.name]: { main: [[{ node: AGENT, type: 'main', index: 0 }]] },
		[MODEL]: { ai_languageModel: [[{ node: AGENT, type: 'ai_languageModel', index: 0 }]] },
	};
	for (const tool of options.tools) connections[tool.name] = { ai_tool: [[{ node: AGENT, type: 'ai_tool', index: 0 }]] };
	return {
		id: options.id,
		name: options.name,
		active: false,
		nodes: [trigger, agent, model, ...options.tools],
		connections,
		settings: { executionOrder: 'v1' },
	} as unknown as import('../n8n/harness').WorkflowJson;
}

export const BOOKING_SYSTEM_MESSAGE =
	'You are a GP practice booking assistant. Find a free slot, book the next available appointment for the patient, ' +
	'then send them one SMS with the appointment date and time (UK time). Never send the same SMS twice. ' +
	'If a tool returns an error, correct the input or tell the user; do not retry a send that succeeded.';
