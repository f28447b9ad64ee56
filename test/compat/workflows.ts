/** Workflows of the queue-mode test: production webhooks, so that the main process enqueues them. */
import { randomUUID } from 'node:crypto';

import { DEFAULT_CREDENTIAL, HERO_CREDENTIAL_TYPE, heroType } from '../n8n/harness/constants';
import {
	heroNode,
	linearWorkflow,
	type WorkflowJson,
	type WorkflowNode,
} from '../n8n/harness/workflows';

export const SEND_WORKFLOW_ID = 'heroQueueSend1';
export const SEND_PATH = 'hero-queue-send';

/** One message to send: the text is unique per message, so the sandbox can tell a repeat. */
export interface QueuedMessage {
	patientId: string;
	text: string;
}

/**
 * Webhook (POST /webhook/hero-queue-send, answers on receipt) → Split Out `body.messages` →
 * Hero Health: Message → Send, one SMS per item, Requests in Flight at its default.
 */
export function sendWorkflow(): WorkflowJson {
	const webhook: WorkflowNode = {
		id: 'queue-webhook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path: SEND_PATH, responseMode: 'onReceived', options: {} },
	};
	const split: WorkflowNode = {
		id: 'queue-split',
		name: 'Split Out Messages',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position: [0, 0],
		parameters: { fieldToSplitOut: 'body.messages', include: 'noOtherFields', options: {} },
	};
	const send = heroNode(
		{
			resource: 'message',
			operation: 'send',
			patientId: '={{ $json.patientId }}',
			messageType: 'sms',
			message: '={{ $json.text }}',
			additionalFields: {},
		},
		{ credentialId: DEFAULT_CREDENTIAL.id, name: 'Send SMS' },
	);
	return linearWorkflow(SEND_WORKFLOW_ID, 'Queue mode: send SMS per item', [webhook, split, send]);
}

/** `count` messages tagged `tag` (texts "<tag> #0001 ..."), over the seeded patients 2001..2005. */
export function messagesFor(tag: string, count: number, offset = 0): QueuedMessage[] {
	return Array.from({ length: count }, (_, i) => {
		const n = offset + i + 1;
		return {
			patientId: String(2001 + (n % 5)),
			text: `${tag} #${String(n).padStart(4, '0')}: your flu clinic is on Saturday, reply STOP to opt out`,
		};
	});
}

/** At most 16 characters: n8n only saves a workflow's static data (the trigger's signing key) for ids that short. */
export const TRIGGER_WORKFLOW_ID = 'heroQueueTrig1';
export const TRIGGER_WEBHOOK_ID = '7a2e4c1b-9d3f-4b6a-8e05-1f2a3b4c5d6e';
export const TRIGGER_EVENT = 'appointment.confirmed';

/**
 * Hero Health Trigger (appointment.confirmed, envelope only) → Hero Health: Message → Send, one SMS
 * per event whose text names the event's id ("<tag> #<id>: ..."), so the sandbox can count repeats.
 */
export function triggerWorkflow(tag: string): WorkflowJson {
	const trigger: WorkflowNode = {
		id: 'queue-trigger',
		name: 'Hero Health Trigger',
		type: heroType('heroHealthTrigger'),
		typeVersion: 1,
		position: [0, 0],
		webhookId: TRIGGER_WEBHOOK_ID,
		parameters: { events: [TRIGGER_EVENT], fetchFullRecord: false },
		credentials: {
			[HERO_CREDENTIAL_TYPE]: { id: DEFAULT_CREDENTIAL.id, name: DEFAULT_CREDENTIAL.name },
		},
	};
	const send = heroNode(
		{
			resource: 'message',
			operation: 'send',
			patientId: '2001',
			messageType: 'sms',
			message: `={{ '${tag} #' + $json.id + ': your appointment is confirmed' }}`,
			additionalFields: {},
		},
		{ credentialId: DEFAULT_CREDENTIAL.id, name: 'Confirm By SMS' },
	);
	return linearWorkflow(TRIGGER_WORKFLOW_ID, 'Queue mode: confirm appointments by SMS', [
		trigger,
		send,
	]);
}
