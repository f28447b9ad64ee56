import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE, type HeroContext } from './settings';
import { startDeadline } from './timer';

/** Largest answer read from Hero (README "Reliability"); a larger one fails the call. */
export const MAX_ANSWER_BYTES = 10 * 1024 * 1024;

/** What the transport read of one answer. */
export interface Answer {
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
export class AnswerLimit extends Error {
	constructor(readonly kind: 'timeout' | 'too-large') {
		super(kind);
	}
}

const isStream = (body: unknown): body is BodyStream =>
	typeof (body as BodyStream | undefined)?.on === 'function';

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
		const bytes = Buffer.from(
			typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body),
		);
		return bytes.length > limit
			? Promise.reject(new AnswerLimit('too-large'))
			: Promise.resolve(bytes);
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
		body.on(
			'close',
			() =>
				ended || reject(Object.assign(new Error('The answer ended early'), { code: 'ECONNRESET' })),
		);
	});
}

/**
 * One attempt: the request through n8n's helper (auth from the credential, no redirects), then the
 * body read here. `timeoutMs` bounds the whole attempt, from connecting to the last byte: n8n's own
 * `timeout` only notices a silent socket, not an answer dripped byte by byte.
 */
export async function exchange(
	this: HeroContext,
	options: IHttpRequestOptions,
	credentials: ICredentialDataDecryptedObject,
	timeoutMs: number,
): Promise<Answer> {
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
		const bytes = await Promise.race([
			readCapped(body, MAX_ANSWER_BYTES, response.headers?.['content-length']),
			deadline,
		]);
		const closing = connectionClosed(body);
		if (closing) await Promise.race([closing, deadline]);
		return { status: response.statusCode, headers: response.headers ?? {}, bytes };
	} finally {
		done = true;
		clock.cancel();
	}
}
