/**
 * Hero's webhook API and its deliveries.
 *
 * API: `POST /v1/webhooks` and `GET /v1/webhooks` (documented), `GET`/`PATCH`/`DELETE
 * /v1/webhooks/{id}` (paths from `INFERRED.webhookPath`). One event type per registration.
 *
 * Deliveries: whenever the state emits an event (`state.emit`, e.g. a booking confirmed, or the
 * control route below), every registration for that event gets an HTTP POST of the thin envelope
 * `{object, id, practice_group_id, event}` as compact JSON, signed as Hero documents it:
 * HMAC-SHA256 keyed with the registration's `signing_key` over `"{timestamp}.{raw body}"`, in
 * `X-Herohealth-Timestamp` (epoch seconds) and `X-Herohealth-Signature` (hex: the first of
 * `INFERRED.signatureEncodings`). The registration's `headers` ride along. A receiver that does not
 * answer 2xx is retried with exponential backoff (Hero's retry policy is not documented; the
 * sandbox's is in the delivery policy below), each attempt freshly timestamped and signed.
 *
 * Control routes (no auth):
 *   POST   /__sandbox/webhooks/emit         {event, id, object?}  → state.emit(...) and the deliveries it started
 *   GET    /__sandbox/webhooks/deliveries   ?event=&webhook_id=&state=  → every delivery with its attempts
 *   DELETE /__sandbox/webhooks/deliveries   → forget them
 *   GET    /__sandbox/webhooks/policy       PUT (partial) to change retries, timeout, encoding, timestamp format, unconfirmed events
 *   GET    /__sandbox/webhooks              → registrations as stored (signing keys included, for tests)
 */
import { createHmac } from 'node:crypto';

import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { HeroError, badRequest, notFound } from '../errors';
import { q, s, type Issue, type Spec } from '../schema';
import { page, type SandboxEvent, type SandboxState } from '../state';
import { reply, type RouteModule } from '../types';

/**
 * Event types a delivery may name. The older create enum lists the first six, the newer
 * description adds the two write-to-record events; form-submission.created appears only in the
 * AsyncAPI. As openapi.yaml, create refuses it (400 on event_type) unless the delivery policy's
 * `acceptUnconfirmedEvents` is set, so that its deliveries can still be exercised.
 */
export const WEBHOOK_EVENTS = [
	'appointment.confirmed',
	'appointment.cancelled',
	'appointment.rescheduled',
	'prescription.issued',
	'patient.medical-record-updated',
	'patient.added-to-sequence',
	'write-to-record.succeeded',
	'write-to-record.failed',
	'form-submission.created',
] as const;

/** Events Hero's create-webhook enums do not list (openapi.yaml `WebhookEventType`). */
export const UNCONFIRMED_EVENTS: readonly string[] = ['form-submission.created'];
const CONFIRMED_EVENTS = WEBHOOK_EVENTS.filter((event) => !UNCONFIRMED_EVENTS.includes(event));

/** The payload's `object` per event, as the AsyncAPI gives it (write-to-record: `INFERRED`). */
export function objectForEvent(event: string): string {
	if (event.startsWith('appointment.')) return 'Appointment';
	if (event.startsWith('patient.')) return 'Patient';
	if (event === 'prescription.issued') return 'Prescription';
	if (event === 'form-submission.created') return 'FormSubmission';
	if (event.startsWith('write-to-record.')) return INFERRED.writeToRecordObject.name;
	return 'Unknown';
}

export interface SandboxWebhook {
	id: string;
	event_type: string;
	url: string;
	signing_key?: string;
	headers?: Record<string, string>;
	description?: string;
	created_at: string;
	updated_at: string;
}

export interface DeliveryAttempt {
	attempt: number;
	at: string;
	/** The receiver's HTTP status, if it answered. */
	status?: number;
	/** The network error, if it did not. */
	error?: string;
	/** The start of the receiver's answer. */
	response?: string;
	durationMs: number;
	/** Headers sent with this attempt (signature and timestamp included). */
	headers: Record<string, string>;
}

export interface Delivery {
	id: string;
	webhook_id: string;
	event: string;
	object: string;
	object_id: string;
	url: string;
	/** The exact body sent (compact JSON). */
	body: string;
	state: 'pending' | 'retrying' | 'delivered' | 'failed' | 'cancelled';
	attempts: DeliveryAttempt[];
}

export interface DeliveryPolicy {
	/** Attempts in all, the first included. */
	maxAttempts: number;
	/** Backoff before attempt n+1: min(maxDelayMs, baseDelayMs * 2^(n-1)). */
	baseDelayMs: number;
	maxDelayMs: number;
	/** How long one attempt may take. */
	timeoutMs: number;
	encoding: (typeof INFERRED.signatureEncodings)[number];
	/** X-Herohealth-Timestamp: epoch seconds, epoch milliseconds or ISO-8601 (Hero documents no format). */
	timestampUnit: 'seconds' | 'milliseconds' | 'iso-8601';
	/** Whether create accepts events openapi.yaml does not list (form-submission.created). */
	acceptUnconfirmedEvents: boolean;
	/** DELETE answers as if done but keeps the registration (a Hero whose delete is elsewhere, behind a catch-all). */
	deleteKeepsRegistration: boolean;
}

export const DEFAULT_POLICY: DeliveryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 500,
	maxDelayMs: 8_000,
	timeoutMs: 5_000,
	encoding: INFERRED.signatureEncodings[0],
	timestampUnit: 'seconds',
	acceptUnconfirmedEvents: false,
	deleteKeepsRegistration: false,
};

export function webhooks(state: SandboxState): Map<string, SandboxWebhook> {
	return state.slice('webhooks', () => new Map<string, SandboxWebhook>());
}

export function deliveries(state: SandboxState): Delivery[] {
	return state.slice('webhookDeliveries', () => [] as Delivery[]);
}

export function deliveryPolicy(state: SandboxState): DeliveryPolicy {
	return state.slice('webhookPolicy', () => ({ ...DEFAULT_POLICY }));
}

/** Hero's documented signature: HMAC-SHA256(signing_key, `${timestamp}.${body}`). */
export function signDelivery(
	signingKey: string,
	timestamp: string,
	body: string,
	encoding: DeliveryPolicy['encoding'] = DEFAULT_POLICY.encoding,
): string {
	return createHmac('sha256', signingKey).update(`${timestamp}.${body}`).digest(encoding);
}

/** The documented create response: `description` is accepted but not returned. */
function view(webhook: SandboxWebhook): Omit<SandboxWebhook, 'description'> {
	const { description: _description, ...rest } = webhook;
	return rest;
}

function requireWebhook(state: SandboxState, id: string): SandboxWebhook {
	const webhook = webhooks(state).get(id);
	if (!webhook) throw notFound('Webhook');
	return webhook;
}

const fields = {
	event_type: s.enum(WEBHOOK_EVENTS),
	url: s.string({ format: 'uri' }),
	signing_key: s.string({ minLength: 1 }),
	headers: s.record(s.string()),
	description: s.string(),
};
const createBody = s.object(fields, { required: ['event_type', 'url'] });
const updateBody = s.object(fields);

/** Per sandbox: timers and in-flight requests to stop on close. */
interface Runtime {
	timers: Set<NodeJS.Timeout>;
	aborts: Set<AbortController>;
	closed: boolean;
}

async function attempt(
	state: SandboxState,
	runtime: Runtime,
	log: Delivery[],
	delivery: Delivery,
): Promise<void> {
	// A reset replaced the log, or the sandbox closed: this delivery belongs to a world that is gone.
	if (runtime.closed || deliveries(state) !== log) return;
	const webhook = webhooks(state).get(delivery.webhook_id);
	if (!webhook) {
		delivery.state = 'cancelled';
		return;
	}
	const policy = deliveryPolicy(state);
	const number = delivery.attempts.length + 1;
	const now = Date.now();
	const timestamp =
		policy.timestampUnit === 'milliseconds'
			? String(now)
			: policy.timestampUnit === 'iso-8601'
				? new Date(now).toISOString()
				: String(Math.floor(now / 1000));
	// The registration's own headers are echoed (inferred: the docs only show the field).
	const headers: Record<string, string> = {
		'user-agent': 'HeroHealth-Webhooks-Sandbox/1.0',
		...(webhook.headers ?? {}),
		'content-type': 'application/json',
	};
	if (webhook.signing_key) {
		headers['X-Herohealth-Timestamp'] = timestamp;
		headers['X-Herohealth-Signature'] = signDelivery(
			webhook.signing_key,
			timestamp,
			delivery.body,
			policy.encoding,
		);
	}
	const record: DeliveryAttempt = {
		attempt: number,
		at: new Date(now).toISOString(),
		durationMs: 0,
		headers,
	};
	delivery.attempts.push(record);
	const abort = new AbortController();
	runtime.aborts.add(abort);
	const timer = setTimeout(() => abort.abort(), policy.timeoutMs);
	try {
		const response = await fetch(delivery.url, {
			method: 'POST',
			headers,
			body: delivery.body,
			signal: abort.signal,
		});
		record.status = response.status;
		record.response = (await response.text()).slice(0, 500);
	} catch (error) {
		const cause = (error as { cause?: { code?: string; message?: string } }).cause;
		record.error = abort.signal.aborted
			? runtime.closed
				? 'sandbox closed'
				: 'timeout'
			: (cause?.code ?? cause?.message ?? String((error as Error).message ?? error));
	} finally {
		clearTimeout(timer);
		runtime.aborts.delete(abort);
		record.durationMs = Date.now() - now;
	}
	if (record.status !== undefined && record.status >= 200 && record.status < 300) {
		delivery.state = 'delivered';
		return;
	}
	if (runtime.closed || deliveries(state) !== log) return;
	if (number >= policy.maxAttempts) {
		delivery.state = 'failed';
		return;
	}
	delivery.state = 'retrying';
	const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (number - 1));
	const retry = setTimeout(() => {
		runtime.timers.delete(retry);
		void attempt(state, runtime, log, delivery);
	}, delay);
	retry.unref();
	runtime.timers.add(retry);
}

function deliverEvent(state: SandboxState, runtime: Runtime, event: SandboxEvent): Delivery[] {
	const log = deliveries(state);
	const started: Delivery[] = [];
	// Compact JSON, fields in the AsyncAPI's order; these exact bytes are signed and sent.
	const body = JSON.stringify({
		object: event.object,
		id: event.id,
		practice_group_id: event.practice_group_id,
		event: event.event,
	});
	for (const webhook of webhooks(state).values()) {
		if (webhook.event_type !== event.event) continue;
		const delivery: Delivery = {
			id: `dlv-${log.length + 1}`,
			webhook_id: webhook.id,
			event: event.event,
			object: event.object,
			object_id: event.id,
			url: webhook.url,
			body,
			state: 'pending',
			attempts: [],
		};
		log.push(delivery);
		started.push(delivery);
		void attempt(state, runtime, log, delivery);
	}
	return started;
}

const policyBody = s.object({
	maxAttempts: s.number({ integer: true, min: 1 }),
	baseDelayMs: s.number({ min: 0 }),
	maxDelayMs: s.number({ min: 0 }),
	timeoutMs: s.number({ min: 1 }),
	encoding: s.enum(INFERRED.signatureEncodings),
	timestampUnit: s.enum(['seconds', 'milliseconds', 'iso-8601']),
	acceptUnconfirmedEvents: s.boolean(),
	deleteKeepsRegistration: s.boolean(),
});
const emitBody = s.object(
	{
		event: s.string({ minLength: 1 }),
		id: s.string({ minLength: 1 }),
		object: s.string({ minLength: 1 }),
	},
	{ required: ['event', 'id'] },
);

function checkControl(spec: Spec, body: unknown): void {
	const issues: Issue[] = spec(body ?? {}, []);
	if (issues.length) throw badRequest(issues);
}

function controlError(error: unknown) {
	if (error instanceof HeroError) return reply(error.status, error.body);
	throw error;
}

export const webhookRoutes: RouteModule = {
	routes: [
		{
			method: 'POST',
			path: '/v1/webhooks',
			body: createBody,
			bodyRequired: true,
			handler: ({ body, state }) => {
				// openapi.yaml's enum: an event only the AsyncAPI names is refused like any unknown one.
				if (!deliveryPolicy(state).acceptUnconfirmedEvents) {
					const issues = s.enum(CONFIRMED_EVENTS)(body.event_type, ['event_type']);
					if (issues.length) throw badRequest(issues);
				}
				const now = new Date().toISOString();
				const webhook: SandboxWebhook = {
					id: state.nextId(),
					...body,
					created_at: now,
					updated_at: now,
				};
				webhooks(state).set(webhook.id, webhook);
				return view(webhook);
			},
		},
		{
			method: 'GET',
			path: '/v1/webhooks',
			query: s.object({
				event_type: s.enum(WEBHOOK_EVENTS),
				page_index: q.integer(0),
				page_size: q.integer(1),
			}),
			handler: ({ query, state }) => {
				// Response and paging not captured: paged `{data, count}` like Hero's other lists (inferred),
				// 20 a page unless page_size says otherwise.
				const list = [...webhooks(state).values()]
					.filter((w) => query.event_type === undefined || w.event_type === query.event_type)
					.map(view);
				return page(list, query, INFERRED.firstPageIndex);
			},
		},
		{
			method: 'GET',
			path: INFERRED.webhookPath(':id'),
			handler: ({ params, state }) => view(requireWebhook(state, params.id)),
		},
		{
			method: 'PATCH',
			path: INFERRED.webhookPath(':id'),
			body: updateBody,
			bodyRequired: true,
			handler: ({ params, body, state }) => {
				const webhook = requireWebhook(state, params.id);
				Object.assign(webhook, body, { updated_at: new Date().toISOString() });
				return view(webhook);
			},
		},
		{
			method: 'DELETE',
			path: INFERRED.webhookPath(':id'),
			handler: ({ params, state }) => {
				const webhook = requireWebhook(state, params.id);
				if (!deliveryPolicy(state).deleteKeepsRegistration) webhooks(state).delete(params.id);
				return view(webhook);
			},
		},
	],
	control: [
		{
			method: 'POST',
			path: '/__sandbox/webhooks/emit',
			handler: ({ body, state }) => {
				try {
					checkControl(emitBody, body);
				} catch (error) {
					return controlError(error);
				}
				const before = deliveries(state).length;
				const event = state.emit(body.event, body.object ?? objectForEvent(body.event), body.id);
				return {
					event,
					deliveries: deliveries(state)
						.slice(before)
						.map((d) => d.id),
				};
			},
		},
		{
			method: 'GET',
			path: '/__sandbox/webhooks/deliveries',
			handler: ({ query, state }) =>
				deliveries(state).filter(
					(d) =>
						(query.event === undefined || d.event === query.event) &&
						(query.webhook_id === undefined || d.webhook_id === query.webhook_id) &&
						(query.state === undefined || d.state === query.state),
				),
		},
		{
			method: 'DELETE',
			path: '/__sandbox/webhooks/deliveries',
			handler: ({ state }) => ((deliveries(state).length = 0), { ok: true }),
		},
		{
			method: 'GET',
			path: '/__sandbox/webhooks/policy',
			handler: ({ state }) => deliveryPolicy(state),
		},
		{
			method: 'PUT',
			path: '/__sandbox/webhooks/policy',
			handler: ({ body, state }) => {
				try {
					checkControl(policyBody, body);
				} catch (error) {
					return controlError(error);
				}
				return Object.assign(deliveryPolicy(state), body);
			},
		},
		{
			method: 'GET',
			path: '/__sandbox/webhooks',
			handler: ({ state }) => [...webhooks(state).values()],
		},
	],
	start(state) {
		const runtime: Runtime = { timers: new Set(), aborts: new Set(), closed: false };
		state.emitter.on('event', (event: SandboxEvent) => deliverEvent(state, runtime, event));
		state.emitter.once('close', () => {
			runtime.closed = true;
			for (const timer of runtime.timers) clearTimeout(timer);
			runtime.timers.clear();
			for (const abort of runtime.aborts) abort.abort();
		});
	},
};

/** In-process tests: resolves once `count` deliveries matching `filter` have finished (delivered, failed or cancelled). */
export async function settledDeliveries(
	state: SandboxState,
	count: number,
	filter: (d: Delivery) => boolean = () => true,
	timeoutMs = 10_000,
): Promise<Delivery[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const done = deliveries(state).filter(
			(d) => filter(d) && ['delivered', 'failed', 'cancelled'].includes(d.state),
		);
		if (done.length >= count) return done;
		if (Date.now() > deadline) {
			throw new Error(
				`sandbox: ${done.length} of ${count} webhook deliveries settled within ${timeoutMs} ms: ${JSON.stringify(deliveries(state).map((d) => ({ id: d.id, state: d.state, attempts: d.attempts.map((a) => a.status ?? a.error) })))}`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
