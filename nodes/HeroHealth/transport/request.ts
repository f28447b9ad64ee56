import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import {
	CLEARTEXT_BASE_URL_ERROR,
	sendsKeyInClear,
} from '../../../credentials/HeroHealthApi.credentials';
import { markOutcomeUnknown, toNodeApiError, type HeroFailure } from './errors';
import { AnswerLimit, MAX_ANSWER_BYTES, exchange, type Answer } from './exchange';
import { unsafePathPrefix } from './paths';
import {
	certainlyNotCarriedOut,
	decide,
	mayHaveBeenCarriedOut,
	parseRetryAfter,
	type Outcome,
} from './retry';
import { settingsFor, timeoutOf, type HeroContext } from './settings';
import { supervisorOf } from './supervisor';
import { abortableSleep } from './timer';

export {
	CREDENTIAL_TYPE,
	DEFAULT_TIMEOUT_MS,
	resolveBaseUrl,
	setRequestTimeout,
	type HeroContext,
} from './settings';
export type { RequestSupervisor, RequestWatch, SupervisedContext } from './supervisor';
export { MAX_ANSWER_BYTES } from './exchange';

export interface HeroRequest {
	method: IHttpRequestMethods;
	/** Path below the environment's base URL, e.g. `/v1/messages/send`. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/**
	 * Whether repeating the call is harmless. Defaults to true for GET, PUT and DELETE; sends,
	 * bookings and other POST/PATCH calls are only retried when Hero cannot have received them.
	 */
	repeatable?: boolean;
	/**
	 * What a 2xx answer must be: `object` (the default, except for DELETE) a JSON object; `list` a
	 * JSON object or array (paged lists, `recordsOf`); `json` any JSON value; `optional` any JSON
	 * value or no body (the default for DELETE); `written` a JSON object, or no body (`{}`): a write
	 * whose 2xx alone says it was carried out. Anything else fails the call, never turning into items.
	 */
	expect?: AnswerShape;
	itemIndex?: number;
	/** A POST that only reads (an availability check, a merge preview): it changes nothing at Hero. */
	readOnly?: boolean;
	/** Stops the call (its attempt and its retry waits). Default: the execution's cancel signal (Stop). */
	signal?: AbortSignal;
}

export type AnswerShape = 'object' | 'list' | 'json' | 'optional' | 'written';

function networkCodeOf(error: unknown): string {
	// n8n wraps axios errors in NodeApiError: the code lands in `httpCode`, the text in `messages`.
	const wrapped = error as {
		code?: unknown;
		httpCode?: unknown;
		cause?: { code?: unknown };
		message?: unknown;
		messages?: unknown;
	};
	for (const code of [wrapped.httpCode, wrapped.code, wrapped.cause?.code]) {
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
	}
	const text = [wrapped.message, ...(Array.isArray(wrapped.messages) ? wrapped.messages : [])].join(
		' ',
	);
	const named = /\b(E[A-Z]{3,}[A-Z_]*)\b/.exec(text);
	if (named) return named[1];
	if (/timeout|timed out/i.test(text)) return 'ETIMEDOUT';
	if (/socket hang up|reset|aborted/i.test(text)) return 'ECONNRESET';
	return 'EUNKNOWN';
}

const typeOf = (value: unknown) =>
	value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;

/** A 2xx body as the caller expects it, or what is wrong with it. */
function parse(answer: Answer, shape: AnswerShape): { value: IDataObject } | { problem: string } {
	const said = `Hero answered ${answer.status}`;
	const text = answer.bytes.toString('utf8');
	if (text.trim() === '')
		return shape === 'optional' || shape === 'written'
			? { value: {} }
			: { problem: `${said} with an empty body` };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		const type = String(answer.headers['content-type'] ?? 'no content type').split(';')[0];
		return { problem: `${said} with a body that is not JSON (${type})` };
	}
	if (shape === 'json' || shape === 'optional') return { value: value as IDataObject };
	if (Array.isArray(value))
		return shape === 'list'
			? { value: value as unknown as IDataObject }
			: { problem: `${said} with a list where one record is documented` };
	if (value === null || typeof value !== 'object')
		return { problem: `${said} with JSON that is not a JSON object (${typeOf(value)})` };
	return { value: value as IDataObject };
}

function errorBody(bytes: Buffer): unknown {
	try {
		return JSON.parse(bytes.toString('utf8'));
	} catch {
		return undefined;
	}
}

/** `host:port (scheme)` of a redirect's Location, as the error names it. */
function redirectTarget(location: unknown, base: string): string | null {
	if (typeof location !== 'string' || location === '') return null;
	try {
		const url = new URL(location, base);
		return `${url.host} (${url.protocol.replace(':', '')})`;
	} catch {
		return 'an address that is not a URL';
	}
}

/**
 * One call to Hero: auth through the credential, retry by policy, errors mapped to NodeApiError.
 * Only a 2xx is success; a redirect is never followed; the Timeout bounds each attempt to its last
 * byte; answers over MAX_ANSWER_BYTES fail; ids in `path` must be plain (see `pathId`).
 */
export async function heroApiRequest(
	this: HeroContext,
	request: HeroRequest,
): Promise<IDataObject> {
	const refusedAt = unsafePathPrefix(request.path);
	if (refusedAt !== undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`Refused to call Hero: an ID in ${request.method} ${refusedAt}/… is not a plain ID`,
			{
				itemIndex: request.itemIndex,
				description:
					'IDs put into a request path may hold only letters, digits and - _ . ~, and may not be "." or "..". The ID came from this node\'s parameters or from an earlier answer of Hero. Nothing was sent.',
			},
		);
	}
	const repeatable =
		request.repeatable ?? ['GET', 'HEAD', 'PUT', 'DELETE'].includes(request.method);
	const supervisor = supervisorOf(this);
	const watch = supervisor?.beforeRequest(request, repeatable);
	const stop = request.signal ?? cancelSignalOf(this);
	const settings = await settingsFor(this);
	if (sendsKeyInClear(`${settings.baseUrl}/`)) {
		throw new NodeOperationError(this.getNode(), CLEARTEXT_BASE_URL_ERROR, {
			itemIndex: request.itemIndex,
			description:
				'The Hero Health API credential has a custom Base URL starting http:// to another machine, so the API key, the practice group and patient data would cross the network unencrypted. Change it to https:// (a proxy needs TLS), or run the sandbox on this machine. Nothing was sent.',
		});
	}
	const shape = request.expect ?? (request.method === 'DELETE' ? 'optional' : 'object');
	const timeout = supervisor?.timeoutMs ?? timeoutOf(this) ?? settings.timeout;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${settings.baseUrl}${request.path}`,
		body: request.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// Hero documents no redirects; following one would carry the key (and a send's body) elsewhere.
		disableFollowRedirect: true,
		// The body is read by `exchange`, under the Timeout and the size cap.
		encoding: 'stream',
		timeout,
		// As sent, not compressed: Node then hands over the answer's own stream, so `exchange` can wait
		// for its connection to close (and no decompressor is made per answer; Hero's are small JSON).
		headers: { 'accept-encoding': 'identity' },
		// n8n sets the execution's own for an execute context; elsewhere (a trigger's read) it is ours.
		...(stop ? { abortSignal: stop } : {}),
	};
	if (request.qs) {
		options.qs = request.qs;
		// Hero documents array filters as repeated keys: location_id=1&location_id=2.
		options.arrayFormat = 'repeat';
	}
	const base = { method: request.method, path: request.path };
	const fail = (failure: HeroFailure) => {
		const error = toNodeApiError(this.getNode(), failure, request.itemIndex, settings.secrets);
		// Tells callers that keep state per write (Refuse Repeat Send) whether it may have happened.
		if (!certainlyNotCarriedOut(failure)) markOutcomeUnknown(error);
		return error;
	};

	// The retry budget runs on the same monotonic clock as the deadlines, not on the wall clock.
	const started = performance.now();
	// Whether an attempt of this call may have been carried out by Hero (what a Stop error says).
	let reached = false;
	for (let attempt = 0; ; attempt++) {
		if (stop?.aborted) throw stopped(this, request, reached);
		let outcome: Outcome;
		let failure: HeroFailure;
		try {
			const answer = await exchange.call(this, options, settings.credentials, timeout);
			const { status } = answer;
			const parsed = status >= 200 && status < 300 ? parse(answer, shape) : undefined;
			if (parsed && 'value' in parsed) {
				watch?.();
				return parsed.value;
			}
			outcome = { status, retryAfterSeconds: parseRetryAfter(answer.headers['retry-after']) };
			if (parsed) {
				// A 2xx whose body is unusable: never retried; for a send or booking the outcome is unknown.
				failure = { ...base, status, answerProblem: parsed.problem, final: true };
			} else if (status < 400) {
				failure = {
					...base,
					status,
					redirectTo: redirectTarget(answer.headers.location, String(options.url)),
					final: true,
				};
			} else {
				failure = {
					...base,
					status,
					body: errorBody(answer.bytes),
					retryAfterSeconds: outcome.retryAfterSeconds,
				};
			}
		} catch (error) {
			if (error instanceof AnswerLimit && error.kind === 'too-large') {
				watch?.();
				const size = `Hero's answer was larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB`;
				throw fail({
					...base,
					answerProblem: repeatable ? `${size}; it was not read further` : size,
					ambiguous: !repeatable,
					retries: attempt,
				});
			}
			// Stopped with the request on its way or with Hero: never retried, the outcome unknown.
			const networkCode = stop?.aborted
				? 'ERR_CANCELED'
				: error instanceof AnswerLimit
					? 'ETIMEDOUT'
					: networkCodeOf(error);
			outcome = { networkCode };
			failure = { ...base, networkCode, ...(stop?.aborted ? { final: true } : {}) };
		}
		if (mayHaveBeenCarriedOut(outcome)) {
			reached = true;
			watch?.();
		}
		if (failure.final)
			throw fail({
				...failure,
				ambiguous: !repeatable && failure.redirectTo === undefined,
				retries: attempt,
			});
		const verdict = decide(outcome, repeatable, attempt, performance.now() - started);
		if (!verdict.retry) throw fail({ ...failure, ambiguous: verdict.ambiguous, retries: attempt });
		if (!stop) await sleep(verdict.delayMs);
		else await abortableSleep(verdict.delayMs, stop).catch(() => undefined);
	}
}

/** The execution's cancel signal (n8n aborts it on Stop), where the context has one. */
function cancelSignalOf(context: HeroContext): AbortSignal | undefined {
	const own = (context as Partial<IExecuteFunctions>).getExecutionCancelSignal;
	return typeof own === 'function' ? own.call(context) : undefined;
}

/** The error of a call stopped before an attempt: "Not sent" unless an earlier attempt may have reached Hero. */
function stopped(context: HeroContext, request: HeroRequest, reached: boolean): NodeOperationError {
	const call = `${request.method} ${request.path}`;
	if (!reached) {
		return new NodeOperationError(
			context.getNode(),
			'Not sent: the execution was stopped before this request was sent to Hero',
			{
				itemIndex: request.itemIndex,
				description: `${call} did not leave n8n, so Hero did nothing with it. Run this item again when ready.`,
			},
		);
	}
	return new NodeOperationError(
		context.getNode(),
		'The execution was stopped while this request was being retried; an earlier attempt may have been carried out by Hero',
		{
			itemIndex: request.itemIndex,
			description: `${call} was sent at least once and Hero's answer left its outcome open. Check it in Hero before running this item again.`,
		},
	);
}
