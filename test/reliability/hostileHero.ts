/**
 * A stand-in Hero that misbehaves on purpose (the transport edges). A small node:http
 * server: each test says how it answers a method and path (`answer(...)`), and it records every
 * request it got, with headers and body, so a test can prove what reached it (or what did not).
 *
 * Behaviours: a JSON answer with any status, raw bytes (HTML, invalid JSON, empty), a redirect, a body
 * dripped one byte at a time, an endless body, a huge body (also gzip-compressed), and full pages for ever (Return All).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export type Behaviour =
	/** A JSON answer (any status; `body` may be null or an array). */
	| { kind: 'json'; status?: number; body: unknown; headers?: Record<string, string> }
	/** Raw bytes, e.g. HTML, invalid JSON or an empty body. */
	| { kind: 'raw'; status?: number; body: string; contentType?: string }
	/** A redirect to `location` (absolute URL). */
	| { kind: 'redirect'; status: number; location: string }
	/** 200 and headers at once, then one byte of a JSON object every `intervalMs`, until the client leaves. */
	| { kind: 'drip'; intervalMs: number }
	/** 200, then 64 KB chunks as fast as the client reads, up to `stopAfterBytes` (then the body ends, unfinished JSON). */
	| { kind: 'endless'; stopAfterBytes: number }
	/** 200, a valid JSON object of about `bytes` bytes; `chunked` leaves out Content-Length. */
	| { kind: 'huge'; bytes: number; chunked?: boolean }
	/** 200, a JSON object of about `bytes` bytes sent gzip-compressed (whatever Accept-Encoding asked), with Content-Length of the compressed body. */
	| { kind: 'gzip'; bytes: number }
	/** A full page of `pageSize` distinct records for every page asked, with this `count`. */
	| { kind: 'pages'; count: number };

export interface Received {
	method: string;
	/** Path and query as received. */
	url: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

interface Rule {
	method: string;
	path: RegExp;
	behaviour: Behaviour;
}

export interface HostileHero {
	url: string;
	/** host:port, as a redirect error should name it. */
	host: string;
	requests: Received[];
	/** Body bytes written to clients since the last reset. */
	bytesSent: () => number;
	/** Responses the client left before they were complete (drip, endless). */
	abandoned: () => number;
	/** Answers `method` (or '*') on paths matching `path` (exact string or RegExp) with `behaviour`; last rule added wins. */
	answer: (method: string, path: string | RegExp, behaviour: Behaviour) => void;
	reset: () => void;
	close: () => Promise<void>;
}

const exact = (path: string) => new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

export async function startHostileHero(): Promise<HostileHero> {
	let rules: Rule[] = [];
	const requests: Received[] = [];
	const sockets = new Set<Socket>();
	const timers = new Set<NodeJS.Timeout>();
	let sent = 0;
	let left = 0;

	const write = (response: ServerResponse, chunk: string | Buffer) => {
		sent += Buffer.byteLength(chunk);
		return response.write(chunk);
	};

	const serve = (
		request: IncomingMessage,
		response: ServerResponse,
		behaviour: Behaviour,
		url: URL,
	) => {
		response.on('close', () => {
			if (!response.writableFinished) left++;
		});
		switch (behaviour.kind) {
			case 'json': {
				const text = JSON.stringify(behaviour.body);
				response.writeHead(behaviour.status ?? 200, {
					'content-type': 'application/json',
					...behaviour.headers,
				});
				write(response, text);
				response.end();
				return;
			}
			case 'raw':
				response.writeHead(behaviour.status ?? 200, {
					'content-type': behaviour.contentType ?? 'application/json',
				});
				if (behaviour.body) write(response, behaviour.body);
				response.end();
				return;
			case 'redirect':
				response.writeHead(behaviour.status, {
					location: behaviour.location,
					'content-type': 'text/plain',
				});
				response.end();
				return;
			case 'drip': {
				response.writeHead(200, { 'content-type': 'application/json' });
				write(response, '{"message_id":"');
				const timer = setInterval(() => {
					if (response.destroyed) return clearInterval(timer);
					write(response, '7');
				}, behaviour.intervalMs);
				timers.add(timer);
				response.on('close', () => clearInterval(timer));
				return;
			}
			case 'endless': {
				response.writeHead(200, { 'content-type': 'application/json' });
				const chunk = Buffer.alloc(64 * 1024, 'a');
				write(response, '{"data":"');
				const pump = () => {
					while (!response.destroyed) {
						if (sent >= behaviour.stopAfterBytes) return void response.end();
						if (!write(response, chunk)) return void response.once('drain', pump);
					}
				};
				pump();
				return;
			}
			case 'huge': {
				const filler = 'x'.repeat(Math.max(0, behaviour.bytes - 20));
				const text = JSON.stringify({ id: '1', filler });
				response.writeHead(200, {
					'content-type': 'application/json',
					...(behaviour.chunked ? {} : { 'content-length': String(Buffer.byteLength(text)) }),
				});
				write(response, text);
				response.end();
				return;
			}
			case 'gzip': {
				const zipped = gzipSync(
					JSON.stringify({ id: '1', filler: 'x'.repeat(Math.max(0, behaviour.bytes - 20)) }),
				);
				response.writeHead(200, {
					'content-type': 'application/json',
					'content-encoding': 'gzip',
					'content-length': String(zipped.length),
				});
				write(response, zipped);
				response.end();
				return;
			}
			case 'pages': {
				const size = Number(url.searchParams.get('page_size') ?? 100);
				const index = Number(url.searchParams.get('page_index') ?? 0);
				const data = Array.from({ length: size }, (_, i) => ({ id: String(index * size + i + 1) }));
				response.writeHead(200, { 'content-type': 'application/json' });
				write(response, JSON.stringify({ data, count: behaviour.count }));
				response.end();
				return;
			}
		}
	};

	const server: Server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const url = new URL(request.url ?? '/', 'http://stand-in');
			requests.push({
				method: request.method ?? '',
				url: request.url ?? '',
				path: url.pathname,
				headers: request.headers,
				body: Buffer.concat(chunks).toString(),
			});
			const rule = [...rules]
				.reverse()
				.find(
					(r) => (r.method === '*' || r.method === request.method) && r.path.test(url.pathname),
				);
			if (!rule) {
				response.writeHead(404, { 'content-type': 'application/json' });
				response.end(
					JSON.stringify({
						error: 'Not Found',
						statusCode: 404,
						message: 'no behaviour set for this path',
					}),
				);
				return;
			}
			serve(request, response, rule.behaviour, url);
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		host: `127.0.0.1:${port}`,
		requests,
		bytesSent: () => sent,
		abandoned: () => left,
		answer: (method, path, behaviour) => {
			rules.push({ method, path: typeof path === 'string' ? exact(path) : path, behaviour });
		},
		reset: () => {
			rules = [];
			requests.length = 0;
			sent = 0;
			left = 0;
			for (const timer of timers) clearInterval(timer);
			timers.clear();
			// Cut whatever a misbehaving answer left open (a drip, an endless body).
			for (const socket of sockets) socket.destroy();
		},
		close: async () => {
			for (const timer of timers) clearInterval(timer);
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
