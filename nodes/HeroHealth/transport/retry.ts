import { INFERRED } from './inferred';

/**
 * The retry policy, in one place (docs/reliability.md restates it for users).
 * - Repeatable calls (reads, PUT/DELETE, and writes marked idempotent) retry 429, 502, 503, 504,
 *   resets and timeouts.
 * - Non-repeatable calls (a message send, a booking) retry only what Hero cannot have received:
 *   a refused connection, an unresolvable host, or a 429 (taken as not acted on: INFERRED). Anything else after the request left n8n
 *   fails the item as "may or may not have been carried out".
 * Backoff is exponential with full jitter in the upper half of each step (250 ms, 500 ms, 1 s, 2 s,
 * capped at 8 s). A `Retry-After` from Hero is a minimum: the wait is the larger of it and the
 * backoff. At most 4 retries, and no retry starts that would end past 30 s from the call's first
 * attempt (time spent waiting on Hero counts), so a call takes at most 30 s plus one timeout.
 */
export const RETRY_POLICY = {
	maxRetries: 4,
	baseDelayMs: 250,
	maxDelayMs: 8_000,
	/** Time budget of one call, from its first attempt, that a retry's wait may not go past. */
	maxTotalMs: 30_000,
};

/** Errors raised before any byte of the request can have reached Hero. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
/** Transient errors after the request may have been read. */
const TRANSIENT_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
]);
const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

export type Outcome = { status: number; retryAfterSeconds?: number } | { networkCode: string };

export type Verdict = { retry: true; delayMs: number } | { retry: false; ambiguous: boolean };

/**
 * Whether Hero may have carried out a call that ended this way: the one rule for Refuse Repeat Send's
 * memory and for the "already sent" list. Not when it never left n8n (a refused connection, an unknown
 * host) or Hero refused it (a 4xx; a 429 as INFERRED says). Anything else may have been: a 2xx (also
 * one whose body cannot be used), a 3xx (a 303 after a POST can mean "done, see there"), a 5xx, a
 * reset, a timeout, an answer over the size cap (no status, no network code).
 */
export function mayHaveBeenCarriedOut(outcome: { status?: number; networkCode?: string }): boolean {
	if (outcome.status === 429) return !INFERRED.rateLimitedRequestNotCarriedOut;
	if (outcome.status !== undefined) return outcome.status < 400 || outcome.status >= 500;
	return !(outcome.networkCode !== undefined && NOT_SENT_CODES.has(outcome.networkCode));
}

/** The other side of `mayHaveBeenCarriedOut`: Refuse Repeat Send may forget such a send. */
export const certainlyNotCarriedOut = (failure: {
	status?: number;
	networkCode?: string;
}): boolean => !mayHaveBeenCarriedOut(failure);

export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

/**
 * Decide what to do after attempt `attempt` (0-based) failed with `outcome`.
 * `elapsedMs` is the time since the call's first attempt started (answers awaited and backoff).
 */
export function decide(
	outcome: Outcome,
	repeatable: boolean,
	attempt: number,
	elapsedMs: number,
	random = Math.random,
): Verdict {
	let retryable: boolean;
	let ambiguous = false;
	let retryAfterMs = 0;
	if ('networkCode' in outcome) {
		const notSent = NOT_SENT_CODES.has(outcome.networkCode);
		retryable = notSent || (repeatable && TRANSIENT_CODES.has(outcome.networkCode));
		ambiguous = !notSent && !repeatable;
	} else {
		const refusedUnread = outcome.status === 429 && INFERRED.rateLimitedRequestNotCarriedOut;
		retryable = refusedUnread || (repeatable && RETRYABLE_STATUS.has(outcome.status));
		ambiguous =
			!repeatable && (outcome.status >= 500 || (outcome.status === 429 && !refusedUnread));
		if (outcome.retryAfterSeconds !== undefined)
			retryAfterMs = Math.ceil(outcome.retryAfterSeconds * 1000);
	}
	if (!retryable || attempt >= RETRY_POLICY.maxRetries) return { retry: false, ambiguous };
	const backoff = Math.min(RETRY_POLICY.maxDelayMs, RETRY_POLICY.baseDelayMs * 2 ** attempt);
	const delayMs = Math.max(retryAfterMs, Math.round(backoff / 2 + random() * (backoff / 2)));
	if (elapsedMs + delayMs > RETRY_POLICY.maxTotalMs) return { retry: false, ambiguous };
	return { retry: true, delayMs };
}
