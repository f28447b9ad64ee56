/** Workflows of the queue-mode test: production webhooks, so that the main process enqueues them. */
import { randomUUID } from 'node:crypto';

import { DEFAULT_CREDENTIAL, heroNode, linearWorkflow, type WorkflowJson, type WorkflowNode } from '../n8n/harness';

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
		{ resource: 'message', operation: 'send', patientId: '={{ $json.patientId }}', messageType: 'sms', message: '={{ $json.text }}', additionalFields: {} },
		{ credentialId: DEFAULT_CREDENTIAL.id, name: 'Send SMS' },
	);
	return linearWorkflow(SEND_WORKFLOW_ID, 'Queue mode: send SMS per item', [webhook, split, send]);
}

/** `count` messages tagged `tag` (texts "<tag> #0001 ..."), over the seeded patients 2001..2005. */
export function messagesFor(tag: string, count: number, offset = 0): QueuedMessage[] {
	return Array.from({ length: count }, (_, i) => {
		const n = offset + i + 1;
		return { patientId: String(2001 + (n % 5)), text: `${tag} #${String(n).padStart(4, '0')}: your flu clinic is on Saturday, reply STOP to opt out` };
	});
}
