import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { readableFields } from '../shared/bookingNames';
import { localStart } from '../shared/time';
import { minimalOutput } from '../privacy/minimalOutput';
import { shapeOf, type OutputMode, type RecordKind } from '../shared/simplify';
import { INFERRED, abortableSleep, heroApiRequest, pathId } from '../transport';
import { isHeroId } from '../validation';

/** Hero's delivery payload: a thin envelope naming the object (webhooks.md §4). */
export interface HeroEnvelope {
	object: string;
	id: string;
	practice_group_id: string;
	event: string;
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** The envelope from the raw body, or nothing if the body is not one. */
export function parseEnvelope(rawBody: Buffer | string): HeroEnvelope | undefined {
	let body: unknown;
	try {
		body = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
	} catch {
		return undefined;
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const record = body as Record<string, unknown>;
	const envelope = {
		object: text(record.object),
		id: text(record.id),
		practice_group_id: text(record.practice_group_id),
		event: text(record.event),
	};
	if (
		!envelope.object ||
		!envelope.id ||
		!envelope.event ||
		envelope.practice_group_id === undefined
	)
		return undefined;
	return envelope as HeroEnvelope;
}

export type RecordSource = { path: string } | { note: string };

/**
 * Where to read the object an event names. Appointment and Patient have read endpoints; the
 * write-to-record events' object was never captured (read as a message: `INFERRED`); Prescription
 * and FormSubmission have no documented read endpoint.
 */
export function recordSource(envelope: HeroEnvelope): RecordSource {
	if (!isHeroId(envelope.id))
		return { note: 'The event id is not a numeric Hero ID, so the record was not fetched' };
	if (envelope.object === 'Appointment') return { path: `/v1/appointments/${pathId(envelope.id)}` };
	if (envelope.object === 'Patient') return { path: `/v2/patients/${pathId(envelope.id)}` };
	if (
		envelope.object === INFERRED.writeToRecordObject.name ||
		envelope.event.startsWith('write-to-record.')
	) {
		return { path: INFERRED.writeToRecordObject.readPath(pathId(envelope.id)) };
	}
	return {
		note: `Hero documents no endpoint to read a ${envelope.object} record, so only its ID is given`,
	};
}

/** The kind of record an event names, for Output (a write-to-record event's object is read as a message). */
function recordKind(envelope: HeroEnvelope): RecordKind {
	if (envelope.object === 'Appointment') return 'appointment';
	if (envelope.object === 'Patient') return 'patient';
	return 'message';
}

/** The trigger's Output for the record: Raw (Hero's answer, as before the choice), Simplified or Selected Fields. */
export interface RecordOutput {
	mode: OutputMode;
	fields: string[];
}

/** A failed fetch as item data: the sanitised message of the transport's error, never a request. */
function describeFailure(error: unknown): IDataObject {
	const failure = error as { message?: unknown; description?: unknown; httpCode?: unknown };
	return {
		message:
			typeof failure.message === 'string' ? failure.message : 'The record could not be fetched',
		...(typeof failure.description === 'string' ? { description: failure.description } : {}),
		...(typeof failure.httpCode === 'string' ? { httpCode: failure.httpCode } : {}),
	};
}

/**
 * The whole record read (every attempt and retry) gets this long; then the run starts without it.
 * Hero already has its 200, and will not deliver the event again: waiting longer risks losing it.
 */
export const RECORD_READ_DEADLINE_MS = 10_000;

/**
 * Each attempt of the read gets this long: two attempts and the backoff between them (at most
 * 250 ms) fit inside the deadline, so a first attempt that hangs is retried in time.
 */
export const RECORD_ATTEMPT_TIMEOUT_MS = 4_000;

const LATE: unique symbol = Symbol('late');

/** `work`'s result, or LATE once `ms` have passed; the work is then aborted (its request, its retry waits). */
async function withinDeadline<T>(
	work: (signal: AbortSignal) => Promise<T>,
	ms: number,
): Promise<T | typeof LATE> {
	const stop = new AbortController();
	const abandon = new AbortController();
	const late = (): typeof LATE => LATE;
	const deadline = abortableSleep(ms, stop.signal).then(late, late);
	const working = work(abandon.signal);
	try {
		const result = await Promise.race([working, deadline]);
		if (result === LATE) {
			// The run starts without the record: nothing may read on behind it.
			working.catch(() => undefined);
			abandon.abort();
		}
		return result;
	} finally {
		stop.abort();
	}
}

/**
 * An appointment's start as a patient reads it and its names, as Appointment → Get outputs them
 * within what is left of the read's deadline: names that come late are left out,
 * the local time needs no request. Minimal Output leaves all of them out.
 */
async function readableOf(
	this: IWebhookFunctions,
	envelope: HeroEnvelope,
	record: IDataObject,
	minimal: boolean,
	started: number,
): Promise<IDataObject> {
	if (minimal || envelope.object !== 'Appointment') return {};
	// Whatever goes wrong with the names, the record itself is never lost for them.
	// The name reads take no signal: each is bounded by its own request timeout, and late ones are left out.
	const names = () => readableFields(this, 0, record).catch(() => localStart(record));
	const named = await withinDeadline(
		names,
		Math.max(0, RECORD_READ_DEADLINE_MS - (performance.now() - started)),
	);
	return named === LATE ? localStart(record) : named;
}

/**
 * The output item of one delivery: the envelope plus, when `fetchFullRecord`, the record it names
 * (only its ids, statuses and times when `minimal`, else in the chosen Output). A failed or late fetch still produces the
 * item (`record: null`, `error`), so no event is lost.
 */
export async function buildEventItem(
	this: IWebhookFunctions,
	envelope: HeroEnvelope,
	fetchFullRecord: boolean,
	minimal = false,
	output: RecordOutput = { mode: 'raw', fields: [] },
): Promise<IDataObject> {
	const item: IDataObject = {
		event: envelope.event,
		practice_group_id: envelope.practice_group_id,
		object: envelope.object,
		id: envelope.id,
	};
	if (!fetchFullRecord) return item;
	const source = recordSource(envelope);
	if ('note' in source) return { ...item, record: null, note: source.note };
	try {
		const started = performance.now();
		const record = await withinDeadline(
			(signal) => heroApiRequest.call(this, { method: 'GET', path: source.path, signal }),
			RECORD_READ_DEADLINE_MS,
		);
		if (record !== LATE) {
			const readable = await readableOf.call(this, envelope, record, minimal, started);
			// Simplified and Selected Fields read the record with its local start and names, as
			// Appointment → Get outputs them; Raw is Hero's answer alone, as before the choice.
			const shaped =
				output.mode === 'raw'
					? record
					: shapeOf(recordKind(envelope), output.mode, output.fields)({ ...record, ...readable });
			return { ...item, ...readable, record: minimal ? minimalOutput(record) : shaped };
		}
		return {
			...item,
			record: null,
			error: {
				message: `Hero did not answer GET ${source.path} within ${RECORD_READ_DEADLINE_MS / 1000} s, so the run started without the record`,
				description:
					'Read it again with the Hero Health node (the id is in this item) once Hero answers.',
			},
		};
	} catch (error) {
		return { ...item, record: null, error: describeFailure(error) };
	}
}
