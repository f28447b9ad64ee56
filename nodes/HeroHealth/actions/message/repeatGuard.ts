import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { itemLabel } from '../../privacy/invalid';
import { CREDENTIAL_TYPE, outcomeUnknown, resolveBaseUrl } from '../../transport';

/**
 * Exactly once under AI agents: a model may call Send twice with the same arguments in one
 * conversation. As a tool (and only there: `@tool`), Send refuses a send identical to one this node
 * already made or is making in the same execution, within REPEAT_WINDOW_MS. Identical = the same
 * request body (patient, channel, text, contact details, options). A send that certainly did not
 * reach Hero (never sent, a refused connection, a 4xx) is forgotten, so the model may correct and
 * retry it; one whose outcome is unknown (5xx, timeout, reset, unusable 2xx) is kept: it may have
 * reached the patient, and a retry would text them twice.
 *
 * Scope: an agent's tool calls run inside one execution, so the execution is the scope. Under n8n's
 * MCP Server Trigger there is no execution yet when a tool runs (`getExecutionId()` is undefined, n8n
 * 1.x and 2.x in regular mode) and the MCP session is not visible to the node; the scope is then the
 * workflow and the credential's Hero practice group (environment + group ID: patient IDs are per
 * group), so one MCP server's clients share the guard and other workflows or practices do not.
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
		'Whether to refuse a message identical to one this tool already sent in the same execution (over an MCP Server Trigger: by this workflow for the same practice group) within 10 minutes, so an agent that calls Send twice reaches the patient once',
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

const guardOn = (ctx: IExecuteFunctions, itemIndex: number) =>
	ctx.getNodeParameter('refuseRepeatSend', itemIndex, false) === true;

/**
 * The credential's Hero practice group (environment base URL and group ID), needed only when the send
 * runs outside an execution (MCP): undefined otherwise, or when the guard is off.
 */
export async function practiceOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<string | undefined> {
	if (!guardOn(ctx, itemIndex) || ctx.getExecutionId() !== undefined) return undefined;
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE, itemIndex);
	return `${resolveBaseUrl(credentials)} ${String(credentials.practiceGroupId ?? '')}`;
}

/** The guard's scope: its part of the key, and how the refusal names it. */
function scopeOf(
	ctx: IExecuteFunctions,
	practice: string | undefined,
): { key: unknown[]; where: string } {
	const executionId = ctx.getExecutionId();
	if (executionId !== undefined)
		return { key: ['execution', executionId], where: 'in this execution' };
	return {
		key: ['workflow', ctx.getWorkflow().id, practice],
		where: 'by this workflow for this practice group in the last 10 minutes',
	};
}

/**
 * Claims this send for its scope (the execution; under MCP the workflow and `practice`, from
 * `practiceOf`), or throws if an identical one was already made. Returns undefined when the guard
 * is off (the plain node, or the option turned off).
 */
export function claimSend(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	now = Date.now(),
	practice?: string,
): SendClaim | undefined {
	if (!guardOn(ctx, itemIndex)) return undefined;
	prune(now);
	const scope = scopeOf(ctx, practice);
	const key = JSON.stringify([...scope.key, ctx.getNode().name, body]);
	const earlier = recent.get(key);
	if (earlier?.unknown) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Refused: an identical message was sent earlier ${scope.where} and its outcome is unknown (it may have reached the patient); it was not sent again ${itemLabel(itemIndex)}`,
			{
				itemIndex,
				description:
					"The earlier send got no usable answer from Hero (a server error, a timeout or a lost connection), so it may have been delivered. Check the patient's messages in Hero before sending it again. To allow repeats, turn off Refuse Repeat Send.",
			},
		);
	}
	if (earlier) {
		const which = earlier.messageId ? ` (message_id ${earlier.messageId})` : '';
		throw new NodeOperationError(
			ctx.getNode(),
			`Refused: this message was already sent to this patient ${scope.where}${which}; it was not sent again ${itemLabel(itemIndex)}`,
			{
				itemIndex,
				description:
					'Each message reaches the patient once. To send a different message, change its text; to allow repeats, turn off Refuse Repeat Send.',
			},
		);
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
