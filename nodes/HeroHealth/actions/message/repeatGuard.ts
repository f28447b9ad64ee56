import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { outcomeUnknown } from '../../transport';

/**
 * Exactly once under AI agents: a model may call Send twice with the same arguments in one
 * conversation. As a tool (and only there: `@tool`), Send refuses a send identical to one this node
 * already made or is making in the same execution, within REPEAT_WINDOW_MS. Identical = the same
 * request body (patient, channel, text, contact details, options). A send that certainly did not
 * reach Hero (never sent, a refused connection, a 4xx) is forgotten, so the model may correct and
 * retry it; one whose outcome is unknown (5xx, timeout, reset, unusable 2xx) is kept: it may have
 * reached the patient, and a retry would text them twice.
 */
export const REPEAT_WINDOW_MS = 10 * 60_000;

export const refuseRepeatSendField: INodeProperties = {
	displayName: 'Refuse Repeat Send',
	name: 'refuseRepeatSend',
	type: 'boolean',
	// A safety switch, fixed in the workflow: no expression, so no "let the model define this" on the tool.
	noDataExpression: true,
	default: true,
	displayOptions: { show: { '@tool': [true] } },
	description:
		'Whether to refuse a message identical to one this tool already sent in the same execution (within 10 minutes), so an agent that calls Send twice reaches the patient once',
};

/** Sends made (or in flight) per execution and node: key → when, the message id once known, whether the outcome is unknown. */
interface Entry {
	at: number;
	messageId?: string;
	unknown?: boolean;
}
const recent = new Map<string, Entry>();

function prune(now: number): void {
	for (const [key, entry] of recent) if (now - entry.at > REPEAT_WINDOW_MS) recent.delete(key);
}

export interface SendClaim {
	/** The send succeeded: keep it, with Hero's message id for the refusal text. */
	sent(result: IDataObject): void;
	/**
	 * The send failed with `error`. Forgotten (a retry may go) only when it certainly did not reach
	 * Hero; kept, as outcome unknown, when it may have.
	 */
	failed(error?: unknown): void;
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
	if (earlier?.unknown) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Refused: an identical message was sent earlier in this execution and its outcome is unknown (it may have reached the patient); it was not sent again [item ${itemIndex}]`,
			{
				itemIndex,
				description:
					"The earlier send got no usable answer from Hero (a server error, a timeout or a lost connection), so it may have been delivered. Check the patient's messages in Hero before sending it again. To allow repeats, turn off Refuse Repeat Send.",
			},
		);
	}
	if (earlier) {
		const which = earlier.messageId ? ` (message_id ${earlier.messageId})` : '';
		throw new NodeOperationError(ctx.getNode(), `Refused: this message was already sent to this patient in this execution${which}; it was not sent again [item ${itemIndex}]`, {
			itemIndex,
			description: 'Each message reaches the patient once. To send a different message, change its text; to allow repeats, turn off Refuse Repeat Send.',
		});
	}
	const entry: Entry = { at: now };
	recent.set(key, entry);
	return {
		sent(result) {
			if (result.message_id !== undefined) entry.messageId = String(result.message_id);
		},
		failed(error) {
			if (outcomeUnknown(error)) entry.unknown = true;
			else recent.delete(key);
		},
	};
}
