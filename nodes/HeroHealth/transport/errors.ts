import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

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
	method: string;
	path: string;
}

/**
 * Hero's own error texts may quote what they rejected. Anything shaped like an email address, a
 * phone number or an NHS number (9 to 14 digits, spaced or dashed) is masked before it reaches an
 * n8n error, so no error repeats a patient's contact details. Dates and times are left alone.
 */
export function redactPatientData(text: string): string {
	return text
		.replace(/[^\s@"'<>(),;:[\]]+@[^\s@"'<>(),;:[\]]+\.[^\s@"'<>(),;:[\]]+/g, '[redacted]')
		.replace(/(?<![\w:.+-])\+?\d(?:[ -]?\d){8,13}(?![\w:-]|\.\d)/g, '[redacted]');
}

interface HeroValidationIssue {
	code?: string;
	expected?: string;
	path?: unknown;
	message?: string;
}

/** Hero's documented 400 body: `{ error, statusCode, message: [{ code, expected, path }] }`. */
export function describeValidationIssues(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const issues = (body as { message?: unknown }).message;
	if (!Array.isArray(issues) || issues.length === 0) return undefined;
	const text = (issues as HeroValidationIssue[])
		.map((issue) => {
			const field = Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path ?? '(body)');
			const expected = issue.expected ? `expected ${issue.expected}` : (issue.message ?? issue.code ?? 'invalid');
			return `field ${field}: ${expected}`;
		})
		.join('; ');
	return redactPatientData(text);
}

function heroMessage(body: unknown): string | undefined {
	if (body && typeof body === 'object') {
		const message = (body as { message?: unknown }).message;
		if (typeof message === 'string' && message.length < 300) return redactPatientData(message);
	}
	return undefined;
}

const NETWORK_MESSAGES: Record<string, string> = {
	ECONNREFUSED: 'Hero refused the connection: the API is unreachable from n8n',
	ENOTFOUND: 'The Hero API host could not be resolved: check the credential environment or base URL',
	EAI_AGAIN: 'The Hero API host could not be resolved right now: DNS is not answering',
	ECONNRESET: 'The connection to Hero was reset',
	ETIMEDOUT: 'The request to Hero timed out',
	ECONNABORTED: 'The request to Hero timed out',
	EPIPE: 'The connection to Hero closed while sending',
};

const retriedTimes = (retries: number) => (retries === 1 ? 'once' : `${retries} times`);

export function humanMessage(failure: HeroFailure): { message: string; description: string } {
	const { status, body } = failure;
	const call = `${failure.method} ${failure.path}`;
	if (failure.ambiguous) {
		const what = failure.networkCode ? (NETWORK_MESSAGES[failure.networkCode] ?? failure.networkCode) : `Hero answered ${status}`;
		return {
			message: `${what}; the request may or may not have been carried out by Hero: check before resending`,
			description: `${call} was not retried automatically, because repeating it could send a message or book twice. Look it up in Hero (message or appointment lists) before running this item again.`,
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
			const issues = describeValidationIssues(body);
			return {
				message: issues ? `Hero rejected the request: ${issues}` : `Hero rejected the request: ${heroMessage(body) ?? 'bad request'}`,
				description: `${call} failed validation at Hero. Correct the named field(s) and run again.`,
			};
		}
		case status === 401:
			return {
				message: 'Hero did not accept the API key',
				description: 'Check the API key in the Hero Health API credential, and that it belongs to the chosen environment (staging and production keys differ).',
			};
		case status === 403:
			return {
				message: 'Hero refused access for this practice group or key scope',
				description: 'Check the practice group ID in the credential and that the key has the scope this operation needs (messaging, booking or booking links). Cross-practice calls need a Hero-configured network.',
			};
		case status === 404:
			return {
				message: `Hero found nothing at ${call}`,
				description: heroMessage(body) ?? 'Check the ID given to this operation; it may belong to another practice group or have been removed.',
			};
		case status === 409:
			return {
				message: `Hero reported a conflict: ${heroMessage(body) ?? 'the resource changed or is already taken'}`,
				description: 'Another change got there first (for example, the slot was booked by someone else). Refresh and try again.',
			};
		case status === 422:
			return {
				message: `Hero could not process the request: ${heroMessage(body) ?? 'unprocessable entity'}`,
				description: describeValidationIssues(body) ?? 'The request was well formed but Hero could not act on it in its current state.',
			};
		case status === 429: {
			const wait = failure.retryAfterSeconds !== undefined ? `Hero asked to wait ${failure.retryAfterSeconds}s` : '';
			const tried = failure.retries ? `Retried ${retriedTimes(failure.retries)} with backoff${wait ? `; ${wait}` : ''}` : `Not retried${wait ? `: ${wait}, longer than the node's retry budget` : ''}`;
			return {
				message: 'Hero is rate limiting requests (429)',
				description: `${tried}. Lower "Requests in Flight" or add a Wait node between batches.`,
			};
		}
		case status >= 500:
			return {
				message: `Hero had a server error (${status})`,
				description: `${call} failed on Hero's side${failure.retries ? ` (retried ${retriedTimes(failure.retries)} with backoff)` : ''}. Try again later, and contact Hero support if it persists.`,
			};
		default:
			return {
				message: `Hero answered ${status}`,
				description: heroMessage(body) ?? `${call} returned an unexpected status.`,
			};
	}
}

/** A NodeApiError built only from the sanitised failure, so no header or request body can leak. */
export function toNodeApiError(node: INode, failure: HeroFailure, itemIndex?: number): NodeApiError {
	const { message, description } = humanMessage(failure);
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
