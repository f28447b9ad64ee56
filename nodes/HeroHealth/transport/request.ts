import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { CLEARTEXT_BASE_URL_ERROR, CUSTOM_ENVIRONMENT, sendsKeyInClear } from '../../../credentials/HeroHealthApi.credentials';
import { markOutcomeUnknown, toNodeApiError, type HeroFailure } from './errors';
import { INFERRED } from './inferred';
import { unsafePathPrefix } from './paths';
import { abortableSleep, startDeadline } from './timer';
import { certainlyNotCarriedOut, decide, mayHaveBeenCarriedOut, parseRetryAfter, type Outcome } from './retry';

export const CREDENTIAL_TYPE = 'heroHealthApi';
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Largest answer read from Hero (README "Reliability"); a larger one fails the call. */
export const MAX_ANSWER_BYTES = 10 * 1024 * 1024;
/** Most pages Return All reads in one call, whatever Hero's `count` says. */
export const MAX_PAGES = 1_000;

export type HeroContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

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

/** Told, once per attempt, that Hero may have carried the request out (it left n8n and was not refused). */
export type RequestWatch = () => void;

export type AnswerShape = 'object' | 'list' | 'json' | 'optional' | 'written';

interface Settings {
	baseUrl: string;
	credentials: ICredentialDataDecryptedObject;
	timeout: number;
	/** The key and practice group ID, masked out of every error. */
	secrets: string[];
}

// Credentials are decrypted once per execution context, not once per item or per request.
const settingsCache = new WeakMap<object, Promise<Settings>>();
const timeouts = new WeakMap<object, number>();
// Per-context check run before each request: lets the router validate every item before any is sent.
const requestGates = new WeakMap<object, (request: HeroRequest, repeatable: boolean) => RequestWatch | void>();

/** Called by the router once per execution with the node's Request Options. */
export function setRequestTimeout(context: HeroContext, timeoutMs: number | undefined): void {
	if (timeoutMs && timeoutMs > 0) timeouts.set(context, timeoutMs);
}

/**
 * Called by the router: `gate` sees every request of `context` before it is made, and may throw to
 * stop it. The watch it may return is called for each attempt Hero may have carried out.
 */
export function setRequestGate(context: HeroContext, gate: (request: HeroRequest, repeatable: boolean) => RequestWatch | void): void {
	requestGates.set(context, gate);
}

export function resolveBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? '');
	const url = environment === CUSTOM_ENVIRONMENT ? String(credentials.baseUrl ?? '') : environment;
	return url.replace(/\/+$/, '');
}

async function loadSettings(context: HeroContext): Promise<Settings> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const secrets = [credentials.apiKey, credentials.practiceGroupId].map((value) => String(value ?? ''));
	return { baseUrl: resolveBaseUrl(credentials), credentials, timeout: DEFAULT_TIMEOUT_MS, secrets };
}

function settingsFor(context: HeroContext): Promise<Settings> {
	let settings = settingsCache.get(context);
	if (!settings) {
		settings = loadSettings(context);
		settingsCache.set(context, settings);
		// A failed read must not be cached: the next call tries again.
		settings.catch(() => settingsCache.delete(context));
	}
	return settings;
}

function networkCodeOf(error: unknown): string {
	// n8n wraps axios errors in NodeApiError: the code lands in `httpCode`, the text in `messages`.
	const wrapped = error as { code?: unknown; httpCode?: unknown; cause?: { code?: unknown }; message?: unknown; messages?: unknown };
	for (const code of [wrapped.httpCode, wrapped.code, wrapped.cause?.code]) {
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
	}
	const text = [wrapped.message, ...(Array.isArray(wrapped.messages) ? wrapped.messages : [])].join(' ');
	const named = /\b(E[A-Z]{3,}[A-Z_]*)\b/.exec(text);
	if (named) return named[1];
	if (/timeout|timed out/i.test(text)) return 'ETIMEDOUT';
	if (/socket hang up|reset|aborted/i.test(text)) return 'ECONNRESET';
	return 'EUNKNOWN';
}

/** What the transport read of one answer. */
interface Answer {
	status: number;
	headers: Record<string, unknown>;
	bytes: Buffer;
}

/** The body n8n hands back with `encoding: 'stream'` (a Node readable stream). */
interface BodyStream {
	on(event: string, listener: (...args: never[]) => void): unknown;
	destroy(): unknown;
}

/** The answer took longer than the Timeout, or was larger than MAX_ANSWER_BYTES. */
class AnswerLimit extends Error {
	constructor(readonly kind: 'timeout' | 'too-large') {
		super(kind);
	}
}

const isStream = (body: unknown): body is BodyStream => typeof (body as BodyStream | undefined)?.on === 'function';

interface ClosingSocket {
	closed?: boolean;
	destroyed?: boolean;
	writableEnded?: boolean;
	once(event: 'close', listener: () => void): unknown;
}

/**
 * Resolves when the connection that carried an answer is closed. n8n's helper opens a connection per
 * request and closes it after the answer; waiting for that keeps Requests in Flight a bound on open
 * connections too, not only on requests. Nothing to wait for when the body does not expose its
 * socket (a compressed answer) or the socket stays open for reuse (a keep-alive agent).
 */
function connectionClosed(body: unknown): Promise<void> | undefined {
	const socket = (body as { socket?: ClosingSocket | null } | undefined)?.socket;
	if (!socket || socket.closed || !(socket.writableEnded || socket.destroyed)) return undefined;
	return new Promise((resolve) => socket.once('close', resolve));
}

/** Reads a body to its end, or fails as soon as it passes `limit` bytes (the stream is then destroyed). */
function readCapped(body: unknown, limit: number, declaredLength: unknown): Promise<Buffer> {
	if (!isStream(body)) {
		// Not a stream (another n8n version): the bytes are already in memory; still apply the cap.
		const bytes = Buffer.from(typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body));
		return bytes.length > limit ? Promise.reject(new AnswerLimit('too-large')) : Promise.resolve(bytes);
	}
	return new Promise((resolve, reject) => {
		let ended = false;
		if (Number(declaredLength) > limit) {
			body.destroy();
			return reject(new AnswerLimit('too-large'));
		}
		const chunks: Buffer[] = [];
		let size = 0;
		body.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= limit) return void chunks.push(chunk);
			body.destroy();
			reject(new AnswerLimit('too-large'));
		});
		body.on('end', () => {
			ended = true;
			resolve(Buffer.concat(chunks));
		});
		body.on('error', (error: Error) => reject(error));
		// Closed before its end (reset, or destroyed at the deadline): a reset unless already settled.
		// (Every answer closes after its end: no error is built then, it would cost a stack trace per call.)
		body.on('close', () => ended || reject(Object.assign(new Error('The answer ended early'), { code: 'ECONNRESET' })));
	});
}

/**
 * One attempt: the request through n8n's helper (auth from the credential, no redirects), then the
 * body read here. `timeoutMs` bounds the whole attempt, from connecting to the last byte: n8n's own
 * `timeout` only notices a silent socket, not an answer dripped byte by byte.
 */
async function exchange(this: HeroContext, options: IHttpRequestOptions, credentials: ICredentialDataDecryptedObject, timeoutMs: number): Promise<Answer> {
	let body: unknown;
	let expire: (reason: AnswerLimit) => void = () => undefined;
	const deadline = new Promise<never>((_resolve, reject) => (expire = reject));
	deadline.catch(() => undefined);
	const clock = startDeadline(timeoutMs, () => {
		if (isStream(body)) body.destroy();
		expire(new AnswerLimit('timeout'));
	});
	let done = false;
	const sent = this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options, {
		credentialsDecrypted: { id: '', name: '', type: CREDENTIAL_TYPE, data: credentials },
	}) as Promise<IN8nHttpFullResponse>;
	// An answer that comes after the deadline is dropped unread, so its socket closes.
	sent.then(
		(late) => done && isStream(late.body) && late.body.destroy(),
		() => undefined,
	);
	try {
		const response = await Promise.race([sent, deadline]);
		body = response.body;
		const bytes = await Promise.race([readCapped(body, MAX_ANSWER_BYTES, response.headers?.['content-length']), deadline]);
		const closing = connectionClosed(body);
		if (closing) await Promise.race([closing, deadline]);
		return { status: response.statusCode, headers: response.headers ?? {}, bytes };
	} finally {
		done = true;
		clock.cancel();
	}
}

const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value);

/** A 2xx body as the caller expects it, or what is wrong with it. */
function parse(answer: Answer, shape: AnswerShape): { value: IDataObject } | { problem: string } {
	const said = `Hero answered ${answer.status}`;
	const text = answer.bytes.toString('utf8');
	if (text.trim() === '') return shape === 'optional' || shape === 'written' ? { value: {} } : { problem: `${said} with an empty body` };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		const type = String(answer.headers['content-type'] ?? 'no content type').split(';')[0];
		return { problem: `${said} with a body that is not JSON (${type})` };
	}
	if (shape === 'json' || shape === 'optional') return { value: value as IDataObject };
	if (Array.isArray(value)) return shape === 'list' ? { value: value as unknown as IDataObject } : { problem: `${said} with a list where one record is documented` };
	if (value === null || typeof value !== 'object') return { problem: `${said} with JSON that is not a JSON object (${typeOf(value)})` };
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
export async function heroApiRequest(this: HeroContext, request: HeroRequest): Promise<IDataObject> {
	const refusedAt = unsafePathPrefix(request.path);
	if (refusedAt !== undefined) {
		throw new NodeOperationError(this.getNode(), `Refused to call Hero: an ID in ${request.method} ${refusedAt}/… is not a plain ID`, {
			itemIndex: request.itemIndex,
			description:
				'IDs put into a request path may hold only letters, digits and - _ . ~, and may not be "." or "..". The ID came from this node\'s parameters or from an earlier answer of Hero. Nothing was sent.',
		});
	}
	const repeatable = request.repeatable ?? ['GET', 'HEAD', 'PUT', 'DELETE'].includes(request.method);
	const watch = requestGates.get(this)?.(request, repeatable);
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
	const timeout = timeouts.get(this) ?? settings.timeout;
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
				failure = { ...base, status, redirectTo: redirectTarget(answer.headers.location, String(options.url)), final: true };
			} else {
				failure = { ...base, status, body: errorBody(answer.bytes), retryAfterSeconds: outcome.retryAfterSeconds };
			}
		} catch (error) {
			if (error instanceof AnswerLimit && error.kind === 'too-large') {
				watch?.();
				const size = `Hero's answer was larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB`;
				throw fail({ ...base, answerProblem: repeatable ? `${size}; it was not read further` : size, ambiguous: !repeatable, retries: attempt });
			}
			// Stopped with the request on its way or with Hero: never retried, the outcome unknown.
			const networkCode = stop?.aborted ? 'ERR_CANCELED' : error instanceof AnswerLimit ? 'ETIMEDOUT' : networkCodeOf(error);
			outcome = { networkCode };
			failure = { ...base, networkCode, ...(stop?.aborted ? { final: true } : {}) };
		}
		if (mayHaveBeenCarriedOut(outcome)) {
			reached = true;
			watch?.();
		}
		if (failure.final) throw fail({ ...failure, ambiguous: !repeatable && failure.redirectTo === undefined, retries: attempt });
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
		return new NodeOperationError(context.getNode(), 'Not sent: the execution was stopped before this request was sent to Hero', {
			itemIndex: request.itemIndex,
			description: `${call} did not leave n8n, so Hero did nothing with it. Run this item again when ready.`,
		});
	}
	return new NodeOperationError(context.getNode(), 'The execution was stopped while this request was being retried; an earlier attempt may have been carried out by Hero', {
		itemIndex: request.itemIndex,
		description: `${call} was sent at least once and Hero's answer left its outcome open. Check it in Hero before running this item again.`,
	});
}

/** Hero lists answer `{ data: [...], count }`; some answer a bare array. */
export function recordsOf(page: unknown): IDataObject[] {
	if (Array.isArray(page)) return page as IDataObject[];
	const data = (page as { data?: unknown })?.data;
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}

/**
 * Walks `page_index`/`page_size` pages until `limit` records (or every record, when no limit)
 * have been read. Stops on a short or empty page, or once `count` records have been seen.
 * Never more than MAX_PAGES pages, and Return All fails at once when `count` says the list is
 * longer than that: a Hero that keeps sending full pages fails the call instead of looping.
 */
export async function heroApiRequestAllItems(
	this: HeroContext,
	request: HeroRequest,
	limit?: number,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	let previousFirst: string | undefined;
	const pageSize = limit !== undefined ? Math.min(limit, INFERRED.pageSize) : INFERRED.pageSize;
	const endless = (why: string) =>
		new NodeOperationError(this.getNode(), `Return All stopped: ${why}`, {
			itemIndex: request.itemIndex,
			description: `${request.method} ${request.path} was read page by page (${pageSize} records a page, at most ${MAX_PAGES} pages). Use Limit, or narrow the list with the operation's filters.`,
		});
	for (let pageIndex = INFERRED.firstPageIndex, pagesRead = 0; ; pageIndex++, pagesRead++) {
		if (pagesRead >= MAX_PAGES) throw endless(`Hero kept sending full pages for more than ${MAX_PAGES} pages`);
		const page = await heroApiRequest.call(this, {
			...request,
			qs: { ...request.qs, page_index: pageIndex, page_size: pageSize },
			expect: 'list',
		});
		const records = recordsOf(page);
		// A server that ignores page_index would send the same page forever: stop at a repeat.
		const first = records.length ? JSON.stringify(records[0]) : undefined;
		if (first !== undefined && first === previousFirst) return results;
		previousFirst = first;
		for (const record of records) {
			results.push(record);
			if (limit !== undefined && results.length >= limit) return results;
		}
		if (records.length === 0) return results;
		const total = (page as { count?: unknown })?.count;
		// A count beyond what MAX_PAGES pages hold fails at once rather than after MAX_PAGES requests.
		if (limit === undefined && typeof total === 'number' && total > MAX_PAGES * pageSize) {
			throw endless(`Hero counts ${total} records, more than ${MAX_PAGES} pages of ${pageSize}`);
		}
		// `count` may be the total or the page's own size (undocumented). A count above what was read
		// can only be the total: keep walking, even past a short page (Hero may cap page_size below ours).
		// Otherwise trust it only when it says more than one page exists, and let a short page end the walk.
		if (typeof total === 'number' && total > results.length) continue;
		const seenAll = typeof total === 'number' && total > pageSize && results.length >= total;
		if (records.length < pageSize || seenAll) return results;
	}
}
