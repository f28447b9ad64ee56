import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Exactly once under AI agents: a model may call Send twice with the same arguments in one
 * conversation. As a tool (and only there: `@tool`), Send refuses a send identical to one this node
 * already made or is making in the same execution, within REPEAT_WINDOW_MS. Identical = the same
 * request body (patient, channel, text, contact details, options). A send that failed is forgotten,
 * so the model may correct and retry it.
 */
export const REPEAT_WINDOW_MS = 10 * 60_000;

export const refuseRepeatSendField: INodeProperties = {
	displayName: 'Refuse Repeat Send',
	name: 'refuseRepeatSend',
	type: 'boolean',
	default: true,
	displayOptions: { show: { '@tool': [true] } },
	description:
		'Whether to refuse a message identical to one this tool already sent in the same execution (within 10 minutes), so an agent that calls Send twice reaches the patient once',
};

/** Sends made (or in flight) per execution and node: key → when, and the message id once known. */
const recent = new Map<string, { at: number; messageId?: string }>();

function prune(now: number): void {
	for (const [key, entry] of recent) if (now - entry.at > REPEAT_WINDOW_MS) recent.delete(key);
}

export interface SendClaim {
	/** The send succeeded: keep it, with Hero's message id for the refusal text. */
	sent(result: IDataObject): void;
	/** The send failed: forget it, so a corrected retry is not refused. */
	failed(): void;
}

/**
 * Claims this send for the execution, or throws if an identical one was already made. Returns
 * undefined when the guard is off (the plain node, or the option turned off).
 */
export function claimSend(ctx: IExecuteFunctions, itemIndex: number, body: IDataObject, now = Date.now()): SendClaim | undefined {
	if (!ctx.getNodeParameter('refuseRepeatSend', itemIndex, false)) return undefined;
	prune(now);
	const key = JSON.stringify([ctx.getExecutionId(), ctx.getNode().name, body]);
	const earlier = recent.get(key);
	if (earlier) {
		const which = earlier.messageId ? ` (message_id ${earlier.messageId})` : '';
		throw new NodeOperationError(ctx.getNode(), `Refused: this message was already sent to this patient in this execution${which}; it was not sent again [item ${itemIndex}]`, {
			itemIndex,
			description: 'Each message reaches the patient once. To send a different message, change its text; to allow repeats, turn off Refuse Repeat Send.',
		});
	}
	const entry: { at: number; messageId?: string } = { at: now };
	recent.set(key, entry);
	return {
		sent(result) {
			if (result.message_id !== undefined) entry.messageId = String(result.message_id);
		},
		failed() {
			recent.delete(key);
		},
	};
}
