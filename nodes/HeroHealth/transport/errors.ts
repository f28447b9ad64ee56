import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { redact } from '../privacy/redact';

/** What the transport knows of a failed call; never the request, its headers or its body. */
export interface HeroFailure {
	status?: number;
	body?: unknown;
	networkCode?: string;
	retryAfterSeconds?: number;
	/** Set when a non-repeatable call (a send, a booking) may have reached Hero. */
	ambiguous?: boolean;
	/** How many times the call was retried before it failed. */
	retries?: number;
	/** A 3xx: where it pointed (`host:port (scheme)`), `null` without a Location. Never followed. */
	redirectTo?: string | null;
	/** A 2xx whose body cannot be used, or an answer over the size cap (what was wrong with it). */
	answerProblem?: string;
	/** Not to be retried whatever the policy says (a redirect, an unusable 2xx). */
	final?: boolean;
	method: string;
	path: string;
}

interface HeroValidationIssue {
	code?: string;
	expected?: string;
	path?: unknown;
	message?: string;
}

/** Hero's documented 400 body: `{ error, statusCode, message: [{ code, expected, path }] }`. */
export function describeValidationIssues(
	body: unknown,
	secrets: readonly string[] = [],
): string | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const issues = (body as { message?: unknown }).message;
	if (!Array.isArray(issues) || issues.length === 0) return undefined;
	const text = (issues as HeroValidationIssue[])
		.map((issue) => {
			const field = Array.isArray(issue.path)
				? issue.path.join('.')
				: String(issue.path ?? '(body)');
			const expected = issue.expected
				? `expected ${issue.expected}`
				: (issue.message ?? issue.code ?? 'invalid');
			return `field ${field}: ${expected}`;
		})
		.join('; ');
	return redact(text, secrets);
}

function heroMessage(body: unknown, secrets: readonly string[]): string | undefined {
	if (body && typeof body === 'object') {
		const message = (body as { message?: unknown }).message;
		if (typeof message === 'string' && message.length < 300) return redact(message, secrets);
	}
	return undefined;
}

const NETWORK_MESSAGES: Record<string, string> = {
	ECONNREFUSED: 'Hero refused the connection: the API is unreachable from n8n',
	ENOTFOUND:
		'The Hero API host could not be resolved: check the credential environment or base URL',
	EAI_AGAIN: 'The Hero API host could not be resolved right now: DNS is not answering',
	ECONNRESET: 'The connection to Hero was reset',
	ETIMEDOUT: 'The request to Hero timed out',
	ECONNABORTED: 'The request to Hero timed out',
	EPIPE: 'The connection to Hero closed while sending',
	// The execution's Stop (or a trigger's read deadline) aborted the request on its way or with Hero.
	ERR_CANCELED: 'The request to Hero was stopped before its answer came',
};

const retriedTimes = (retries: number) => (retries === 1 ? 'once' : `${retries} times`);

// Texts that only restate the status ("Not found", "Service unavailable"): they add nothing to a headline.
const STATUS_ONLY =
	/^(bad request|unauthori[sz]ed|forbidden|not found|conflict|unprocessable entity|too many requests|internal server error|unknown error|bad gateway|service unavailable|gateway timeout|cannot [a-z]+ \S+)\.?$/i;

/** Hero's own text, unless it only restates the status. */
function heroCause(body: unknown, secrets: readonly string[]): string | undefined {
	const said = heroMessage(body, secrets);
	return said && !STATUS_ONLY.test(said.trim()) ? said : undefined;
}

/** "Appointment 990001" from `/v1/appointments/990001/cancel`: the last numbered thing in the path. */
function thingInPath(path: string): string | undefined {
	const segments = path.split('?')[0].split('/').filter(Boolean);
	for (let i = segments.length - 1; i > 0; i--) {
		if (!/^\d+$/.test(segments[i])) continue;
		const kind = decodeURIComponent(segments[i - 1])
			.replace(/[_-]+/g, ' ')
			.replace(/s$/, '');
		if (!/^[a-z ]+$/i.test(kind)) return undefined;
		return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${segments[i]}`;
	}
	return undefined;
}

/** What went wrong, in the user's terms, for a status Hero answered; the status itself goes in the description. */
function causeOf(status: number, body: unknown, secrets: readonly string[], path: string): string {
	const said = heroCause(body, secrets);
	if (status === 404) {
		if (said) return said;
		const thing = thingInPath(path);
		return thing ? `${thing} not found at Hero` : 'Hero found nothing for this request';
	}
	if (status === 409) return said ?? 'Someone else changed or took this first';
	if (status === 422) return said ?? 'Hero could not act on the request in its current state';
	if (status === 429) return 'Hero is rate limiting requests';
	if (status >= 500) return `Hero had a server error${said ? `: ${said}` : ''}`;
	return said ?? 'Hero gave an unexpected answer';
}

/**
 * Builds the message and description of a failed call. The message leads with the cause, in the
 * user's terms (Hero's own text where it gives one); the description names the status and the call.
 * Everything taken from Hero's answer (its texts, a redirect's target) goes through `redact` with
 * the credential's `secrets`.
 */
export function humanMessage(
	failure: HeroFailure,
	secrets: readonly string[] = [],
): { message: string; description: string } {
	const { status, body } = failure;
	const call = `${failure.method} ${failure.path}`;
	const answered = `Hero answered ${status} to ${call}`;
	if (failure.redirectTo !== undefined) {
		const target =
			failure.redirectTo === null
				? 'without a target'
				: `to ${redact(failure.redirectTo, secrets)}`;
		return {
			message: `Hero's address answered with a redirect (${status}) ${target}; the request was not repeated there`,
			description: `${call} was answered with a redirect. Redirects are never followed, so the API key, the practice group and the request body only go to the base URL of the credential. Check the credential's environment or base URL (for example https rather than http, or a proxy that redirects).`,
		};
	}
	if (failure.ambiguous) {
		const what =
			failure.answerProblem ??
			(failure.networkCode
				? (NETWORK_MESSAGES[failure.networkCode] ?? failure.networkCode)
				: causeOf(status ?? 0, body, secrets, failure.path));
		const got =
			status !== undefined && !failure.answerProblem ? answered : `${call} got no usable answer`;
		return {
			message: `${what}; the request may or may not have been carried out by Hero: check before resending`,
			description: `Outcome unknown: ${got}, and it was not retried automatically, because repeating it could send a message or book twice. Look it up in Hero (message or appointment lists) before running this item again.`,
		};
	}
	if (failure.answerProblem) {
		return {
			message: failure.answerProblem,
			description: `${call} reached Hero, but its answer cannot be used. Try again later; if it persists, check the credential's base URL (a proxy or a wrong host may answer instead of Hero).`,
		};
	}
	if (status === undefined) {
		const code = failure.networkCode ?? 'UNKNOWN';
		return {
			message: NETWORK_MESSAGES[code] ?? `The request to Hero failed (${code})`,
			description: `${call} got no HTTP answer. Check the environment or base URL in the credential and the network between n8n and Hero.`,
		};
	}
	switch (true) {
		case status === 400: {
			const issues = describeValidationIssues(body, secrets);
			return {
				message: `Hero rejected the request: ${issues ?? heroMessage(body, secrets) ?? 'bad request'}`,
				description: `${answered}: it failed validation at Hero. Correct the named field(s) and run again.`,
			};
		}
		case status === 401:
			return {
				message: 'Hero did not accept the API key',
				description: `${answered}. Check the API key in the Hero Health API credential, and that it belongs to the chosen environment (staging and production keys differ).`,
			};
		case status === 403: {
			// Hero documents 403 as "Unauthorised" without saying why: name every likely cause, quote Hero.
			const said = heroMessage(body, secrets);
			return {
				message: `Hero did not authorise this request${said ? ` ("${said}")` : ''}`,
				description: `${answered}: Hero did not authorise it for this API key. Likely causes: the key lacks the scope this operation needs (messaging, booking or booking links); the practice group ID in the credential is not the key's own or in its Hero-configured network; or the key is not allowed this call at all. Check the credential, and the key's scopes with Hero.`,
			};
		}
		case status === 404:
			return {
				message: causeOf(status, body, secrets, failure.path),
				description: `${answered}. Check the ID given to this operation; it may belong to another practice group or have been removed.`,
			};
		case status === 409:
			return {
				message: causeOf(status, body, secrets, failure.path),
				description: `${answered}: another change got there first (for example, the slot was booked by someone else). Refresh and try again.`,
			};
		case status === 422:
			return {
				message: causeOf(status, body, secrets, failure.path),
				description: `${answered}. ${describeValidationIssues(body, secrets) ?? 'The request was well formed but Hero could not act on it in its current state.'}`,
			};
		case status === 429: {
			const wait =
				failure.retryAfterSeconds !== undefined
					? `Hero asked to wait ${failure.retryAfterSeconds}s`
					: '';
			const tried = failure.retries
				? `Retried ${retriedTimes(failure.retries)} with backoff${wait ? `; ${wait}` : ''}`
				: `Not retried${wait ? `: ${wait}, longer than the node's retry budget` : ''}`;
			return {
				message: causeOf(status, body, secrets, failure.path),
				description: `${answered}. ${tried}. Lower "Requests in Flight" or add a Wait node between batches.`,
			};
		}
		case status >= 500:
			return {
				message: causeOf(status, body, secrets, failure.path),
				description: `${answered}: the fault is on Hero's side${failure.retries ? ` (retried ${retriedTimes(failure.retries)} with backoff)` : ''}. Try again later, and contact Hero support if it persists.`,
			};
		default:
			return {
				message: causeOf(status, body, secrets, failure.path),
				description: `${answered}, a status this node does not expect.`,
			};
	}
}

/**
 * Marks the error of a call that may have been carried out at Hero (see `certainlyNotCarriedOut`).
 * Kept in the error's `context`, which n8n carries along when it copies the error into the run.
 */
export function markOutcomeUnknown(error: NodeApiError): void {
	error.context.outcomeUnknown = true;
}

/**
 * True for an error of a call to Hero that may have been carried out (5xx, reset, timeout, an
 * unusable 2xx...). False for a 4xx, a call that never left n8n, and any error not from a call.
 */
export function outcomeUnknown(error: unknown): boolean {
	return (
		(error as { context?: { outcomeUnknown?: unknown } } | null)?.context?.outcomeUnknown === true
	);
}

/** A NodeApiError built only from the sanitised failure, so no header or request body can leak. */
export function toNodeApiError(
	node: INode,
	failure: HeroFailure,
	itemIndex?: number,
	secrets: readonly string[] = [],
): NodeApiError {
	const { message, description: said } = humanMessage(failure, secrets);
	// The node never repeats such a call, but n8n's own node setting does: say so where it is on.
	const description =
		failure.ambiguous && node.retryOnFail
			? `${said} n8n's Retry On Fail is on for this node: n8n runs the node again after this error, so this request may already have been sent more than once, and will be sent again on the next try. For sends and bookings, turn Retry On Fail off (node Settings).`
			: said;
	const response: JsonObject = {
		message,
		...(failure.status !== undefined ? { httpCode: String(failure.status) } : {}),
		// No `code` key: NodeApiError would swap our message for its generic one for network codes.
		...(failure.networkCode ? { networkCode: failure.networkCode } : {}),
	};
	return new NodeApiError(node, response, {
		message,
		description,
		httpCode: failure.status !== undefined ? String(failure.status) : null,
		itemIndex,
	} as ConstructorParameters<typeof NodeApiError>[2]);
}
