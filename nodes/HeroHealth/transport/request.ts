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
import { sleep } from 'n8n-workflow';

import { CUSTOM_ENVIRONMENT } from '../../../credentials/HeroHealthApi.credentials';
import { toNodeApiError, type HeroFailure } from './errors';
import { INFERRED } from './inferred';
import { decide, parseRetryAfter, type Outcome } from './retry';

export const CREDENTIAL_TYPE = 'heroHealthApi';
export const DEFAULT_TIMEOUT_MS = 30_000;

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
	itemIndex?: number;
}

interface Settings {
	baseUrl: string;
	credentials: ICredentialDataDecryptedObject;
	timeout: number;
}

// Credentials are decrypted once per execution context, not once per item or per request.
const settingsCache = new WeakMap<object, Promise<Settings>>();
const timeouts = new WeakMap<object, number>();
// Per-context check run before each request: lets the router validate every item before any is sent.
const requestGates = new WeakMap<object, (request: HeroRequest, repeatable: boolean) => void>();

/** Called by the router once per execution with the node's Request Options. */
export function setRequestTimeout(context: HeroContext, timeoutMs: number | undefined): void {
	if (timeoutMs && timeoutMs > 0) timeouts.set(context, timeoutMs);
}

/** Called by the router: `gate` sees every request of `context` before it is made, and may throw to stop it. */
export function setRequestGate(context: HeroContext, gate: (request: HeroRequest, repeatable: boolean) => void): void {
	requestGates.set(context, gate);
}

export function resolveBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? '');
	const url = environment === CUSTOM_ENVIRONMENT ? String(credentials.baseUrl ?? '') : environment;
	return url.replace(/\/+$/, '');
}

async function loadSettings(context: HeroContext): Promise<Settings> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	return { baseUrl: resolveBaseUrl(credentials), credentials, timeout: DEFAULT_TIMEOUT_MS };
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
	if (/socket hang up|reset/i.test(text)) return 'ECONNRESET';
	return 'EUNKNOWN';
}

/** One call to Hero: auth through the credential, retry by policy, errors mapped to NodeApiError. */
export async function heroApiRequest(this: HeroContext, request: HeroRequest): Promise<IDataObject> {
	const repeatable = request.repeatable ?? ['GET', 'HEAD', 'PUT', 'DELETE'].includes(request.method);
	requestGates.get(this)?.(request, repeatable);
	const settings = await settingsFor(this);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${settings.baseUrl}${request.path}`,
		qs: request.qs,
		body: request.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timeouts.get(this) ?? settings.timeout,
		// Hero documents array filters as repeated keys: location_id=1&location_id=2.
		arrayFormat: 'repeat',
	};
	const credentialsDecrypted = { id: '', name: '', type: CREDENTIAL_TYPE, data: settings.credentials };

	const started = Date.now();
	for (let attempt = 0; ; attempt++) {
		let outcome: Outcome;
		let failure: HeroFailure;
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options, {
				credentialsDecrypted,
			})) as IN8nHttpFullResponse;
			if (response.statusCode < 400) return response.body as IDataObject;
			const retryAfterSeconds = parseRetryAfter(response.headers?.['retry-after']);
			outcome = { status: response.statusCode, retryAfterSeconds };
			failure = { status: response.statusCode, body: response.body, retryAfterSeconds, method: request.method, path: request.path };
		} catch (error) {
			const networkCode = networkCodeOf(error);
			outcome = { networkCode };
			failure = { networkCode, method: request.method, path: request.path };
		}
		const verdict = decide(outcome, repeatable, attempt, Date.now() - started);
		if (!verdict.retry) {
			throw toNodeApiError(this.getNode(), { ...failure, ambiguous: verdict.ambiguous, retries: attempt }, request.itemIndex);
		}
		await sleep(verdict.delayMs);
	}
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
 */
export async function heroApiRequestAllItems(
	this: HeroContext,
	request: HeroRequest,
	limit?: number,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	let previousFirst: string | undefined;
	const pageSize = limit !== undefined ? Math.min(limit, INFERRED.pageSize) : INFERRED.pageSize;
	for (let pageIndex = INFERRED.firstPageIndex; ; pageIndex++) {
		const page = await heroApiRequest.call(this, {
			...request,
			qs: { ...request.qs, page_index: pageIndex, page_size: pageSize },
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
		// `count` may be the total or the page's own size (undocumented). A count above what was read
		// can only be the total: keep walking, even past a short page (Hero may cap page_size below ours).
		// Otherwise trust it only when it says more than one page exists, and let a short page end the walk.
		const total = (page as { count?: unknown })?.count;
		if (typeof total === 'number' && total > results.length) continue;
		const seenAll = typeof total === 'number' && total > pageSize && results.length >= total;
		if (records.length < pageSize || seenAll) return results;
	}
}
