import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

import { INFERRED } from '../../nodes/HeroHealth/transport/inferred';
import { HeroError, badRequest } from './errors';
import { Faults, quoteRequest, type FaultRule } from './faults';
import { modules } from './routes';
import { SandboxState } from './state';
import type { Query, Reply, Route, RouteModule } from './types';

export const SANDBOX_API_KEY = 'hero-sandbox-key-3f9a1c';
export const SANDBOX_PRACTICE_GROUP_ID = '1001';
export const SANDBOX_DEFAULT_PORT = 4780;
export { INFERRED };

export interface RecordedRequest {
	seq: number;
	method: string;
	path: string;
	query: Query;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	rawBody: string;
	status?: number;
	at: number;
	/** Monotonic times (ms, `performance.now()`): its connection accepted, the request read, the answer sent. */
	timing: { connectedAt: number; receivedAt: number; answeredAt?: number };
}

const connectedAt = new WeakMap<Socket, number>();

export interface SandboxOptions {
	port?: number;
	host?: string;
	apiKey?: string;
	practiceGroupId?: string;
	/** Extra route modules, e.g. from a test. */
	modules?: RouteModule[];
	/** Keep at most this many recorded requests (oldest dropped). Default 100000. */
	maxRecorded?: number;
	/**
	 * Gzip every answer whose request accepts gzip, as many servers and CDNs do. Hero's docs say
	 * nothing of compression (not captured): off by default.
	 */
	compress?: boolean;
}

interface CompiledRoute extends Route {
	pattern: RegExp;
	keys: string[];
}

function compile(route: Route): CompiledRoute {
	const keys: string[] = [];
	const source = route.path
		.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
		.replace(/:(\w+)/g, (_m, key: string) => {
			keys.push(key);
			return '([^/]+)';
		});
	return { ...route, pattern: new RegExp(`^${source}$`), keys };
}

function parseQuery(params: URLSearchParams): Query {
	const query: Query = {};
	for (const [key, value] of params) {
		const existing = query[key];
		query[key] =
			existing === undefined
				? value
				: Array.isArray(existing)
					? [...existing, value]
					: [existing, value];
	}
	return query;
}

function isReply(value: unknown): value is Reply {
	return (
		typeof value === 'object' && value !== null && (value as { __reply?: boolean }).__reply === true
	);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Sandbox {
	readonly state: SandboxState;
	readonly faults = new Faults();
	readonly requests: RecordedRequest[] = [];
	readonly apiKey: string;
	readonly practiceGroupId: string;
	openConnections = 0;
	peakConnections = 0;
	/** API requests being handled right now, and the most at once since the last reset. */
	inFlight = 0;
	peakInFlight = 0;
	private seq = 0;
	private server: Server;
	private sockets = new Set<Socket>();
	private routes: CompiledRoute[];
	private control: CompiledRoute[];
	private modules: RouteModule[];
	private maxRecorded: number;
	url = '';

	constructor(private options: SandboxOptions = {}) {
		this.apiKey = options.apiKey ?? SANDBOX_API_KEY;
		this.practiceGroupId = options.practiceGroupId ?? SANDBOX_PRACTICE_GROUP_ID;
		this.maxRecorded = options.maxRecorded ?? 100_000;
		// Test modules come first, so they can override a default route.
		this.modules = [...(options.modules ?? []), ...modules];
		this.state = new SandboxState(this.practiceGroupId);
		this.routes = this.modules.flatMap((m) => m.routes).map(compile);
		this.control = [...this.controlRoutes(), ...this.modules.flatMap((m) => m.control ?? [])].map(
			compile,
		);
		for (const module of this.modules) module.seed?.(this.state);
		this.server = createServer((req, res) => void this.handle(req, res));
		this.server.keepAliveTimeout = 30_000;
		this.server.on('connection', (socket: Socket) => {
			connectedAt.set(socket, performance.now());
			this.sockets.add(socket);
			this.openConnections++;
			this.peakConnections = Math.max(this.peakConnections, this.openConnections);
			socket.on('close', () => {
				this.sockets.delete(socket);
				this.openConnections--;
			});
		});
	}

	async start(): Promise<this> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
		});
		const { port } = this.server.address() as AddressInfo;
		this.url = `http://${this.options.host ?? '127.0.0.1'}:${port}`;
		for (const module of this.modules) module.start?.(this.state);
		return this;
	}

	async close(): Promise<void> {
		this.state.emitter.emit('close');
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	/** Fresh state and seed data, no recorded requests, no faults, connection peak reset. */
	reset(): void {
		this.state.clear();
		for (const module of this.modules) module.seed?.(this.state);
		this.requests.length = 0;
		this.faults.clear();
		this.peakConnections = this.openConnections;
		this.peakInFlight = this.inFlight;
	}

	/** Requests that reached Hero's API routes (not the control routes), optionally by method and path. */
	received(method?: string, path?: string | RegExp): RecordedRequest[] {
		return this.requests.filter(
			(r) =>
				(!method || r.method === method) &&
				(!path || (typeof path === 'string' ? r.path === path : path.test(r.path))),
		);
	}

	private controlRoutes(): Route[] {
		return [
			{ method: 'GET', path: '/__sandbox/requests', handler: () => this.requests },
			{
				method: 'DELETE',
				path: '/__sandbox/requests',
				handler: () => ((this.requests.length = 0), { ok: true }),
			},
			{ method: 'POST', path: '/__sandbox/reset', handler: () => (this.reset(), { ok: true }) },
			{ method: 'GET', path: '/__sandbox/state', handler: () => this.state.snapshot() },
			{
				method: 'GET',
				path: '/__sandbox/stats',
				handler: () => ({
					openConnections: this.openConnections,
					peakConnections: this.peakConnections,
					peakInFlight: this.peakInFlight,
					requests: this.requests.length,
				}),
			},
			{
				method: 'POST',
				path: '/__sandbox/stats/reset',
				handler: () => (
					(this.peakConnections = this.openConnections),
					(this.peakInFlight = this.inFlight),
					{ ok: true }
				),
			},
			{ method: 'GET', path: '/__sandbox/faults', handler: () => this.faults.list() },
			{
				method: 'PUT',
				path: '/__sandbox/faults',
				handler: ({ body }) => (
					this.faults.set((body?.rules ?? []) as FaultRule[], body?.seed),
					{ ok: true }
				),
			},
			{
				method: 'DELETE',
				path: '/__sandbox/faults',
				handler: () => (this.faults.clear(), { ok: true }),
			},
		];
	}

	private send(
		res: ServerResponse,
		status: number,
		body: unknown,
		headers: Record<string, string> = {},
	): void {
		if (res.destroyed) return;
		const text = body === undefined ? '' : JSON.stringify(body);
		if (
			this.options.compress &&
			/\bgzip\b/.test(String(res.req?.headers['accept-encoding'] ?? ''))
		) {
			const zipped = gzipSync(text);
			res.writeHead(status, {
				'content-type': 'application/json',
				'content-encoding': 'gzip',
				'content-length': zipped.length,
				...headers,
			});
			res.end(zipped);
			return;
		}
		res.writeHead(status, {
			'content-type': 'application/json',
			'content-length': Buffer.byteLength(text),
			...headers,
		});
		res.end(text);
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const method = (req.method ?? 'GET').toUpperCase();
		const path = url.pathname;
		const query = parseQuery(url.searchParams);

		if (path.startsWith('/__sandbox/')) {
			let body: unknown;
			try {
				body = rawBody ? JSON.parse(rawBody) : undefined;
			} catch {
				return this.send(res, 400, { error: 'malformed JSON' });
			}
			const route = this.find(this.control, method, path);
			if (!route)
				return this.send(res, 404, { error: true, statusCode: 404, message: 'Not found' });
			try {
				const result = await route.route.handler({
					method,
					path,
					params: route.params,
					query,
					body,
					headers: req.headers,
					state: this.state,
				});
				return isReply(result)
					? this.send(res, result.status, result.body, result.headers)
					: this.send(res, 200, result);
			} catch (error) {
				return this.send(res, 500, { error: String(error) });
			}
		}

		this.inFlight++;
		this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
		try {
			await this.handleApi(req, res, method, path, query, rawBody);
		} finally {
			this.inFlight--;
		}
	}

	private async handleApi(
		req: IncomingMessage,
		res: ServerResponse,
		method: string,
		path: string,
		query: Query,
		rawBody: string,
	): Promise<void> {
		const timing = {
			connectedAt: connectedAt.get(req.socket) ?? NaN,
			receivedAt: performance.now(),
		};
		const record: RecordedRequest = {
			seq: ++this.seq,
			method,
			path,
			query,
			headers: { ...req.headers },
			body: undefined,
			rawBody,
			at: Date.now(),
			timing,
		};
		this.requests.push(record);
		if (this.requests.length > this.maxRecorded) this.requests.shift();

		const faults = this.faults.match(method, path);
		for (const fault of faults) {
			if (fault.kind === 'latency') await sleep(fault.latencyMs ?? 0);
			if (fault.kind === 'reset-before') {
				record.status = -1;
				req.socket.destroy();
				return;
			}
			if (fault.kind === 'hang') {
				record.status = -2;
				return;
			}
			if (fault.kind === 'status') {
				const status = fault.status ?? 503;
				record.status = status;
				const headers: Record<string, string> =
					fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
				const body =
					fault.body !== undefined
						? quoteRequest(fault.body, rawBody)
						: {
								error: true,
								statusCode: status,
								message: status === 429 ? 'Too many requests' : 'Service unavailable',
							};
				return this.send(res, status, body, headers);
			}
		}

		const { status, body, headers } = await this.dispatch(
			method,
			path,
			query,
			rawBody,
			req,
			record,
		);
		record.status = status;
		if (faults.some((f) => f.kind === 'reset-after')) {
			req.socket.destroy();
			return;
		}
		record.timing.answeredAt = performance.now();
		// Only a request the route carried out (2xx) gets its answer replaced: its state changed, the answer says otherwise.
		const after =
			status >= 200 && status < 300
				? faults.find((f) => f.kind === 'status-after' || f.kind === 'empty-after')
				: undefined;
		if (after?.kind === 'status-after') {
			const replaced = after.status ?? 503;
			record.status = replaced;
			return this.send(
				res,
				replaced,
				after.body !== undefined
					? after.body
					: { error: true, statusCode: replaced, message: 'Bad gateway' },
			);
		}
		if (after?.kind === 'empty-after') {
			record.status = after.status ?? 204;
			if (res.destroyed) return;
			res.writeHead(record.status, { 'content-type': 'application/json', 'content-length': 0 });
			return void res.end();
		}
		this.send(res, status, body, headers);
	}

	private find(
		routes: CompiledRoute[],
		method: string,
		path: string,
	): { route: CompiledRoute; params: Record<string, string> } | undefined {
		for (const route of routes) {
			if (route.method !== method) continue;
			const match = route.pattern.exec(path);
			if (!match) continue;
			const params: Record<string, string> = {};
			route.keys.forEach((key, index) => (params[key] = decodeURIComponent(match[index + 1])));
			return { route, params };
		}
		return undefined;
	}

	private async dispatch(
		method: string,
		path: string,
		query: Query,
		rawBody: string,
		req: IncomingMessage,
		record: RecordedRequest,
	): Promise<Reply> {
		try {
			if (req.headers['x-api-key'] !== this.apiKey) throw new HeroError(401, 'Unauthorised');
			if (req.headers['x-practice-group-id'] !== this.practiceGroupId)
				throw new HeroError(403, 'Unauthorised for this practice group');
			const found = this.find(this.routes, method, path);
			if (!found) throw new HeroError(404, `Cannot ${method} ${path}`);
			const { route, params } = found;

			let body: unknown;
			if (rawBody.trim() !== '') {
				if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
					throw badRequest([
						{ code: 'invalid_content_type', expected: 'application/json', path: [] },
					]);
				}
				try {
					body = JSON.parse(rawBody);
				} catch {
					throw badRequest([{ code: 'invalid_json', expected: 'a JSON body', path: [] }]);
				}
			}
			record.body = body;
			if (route.query) {
				const issues = route.query(query, []);
				if (issues.length) throw badRequest(issues);
			} else if (Object.keys(query).length > 0) {
				// A route whose docs list no query parameters takes none, as a route without a body spec takes no body.
				throw badRequest(
					Object.keys(query).map((key) => ({
						code: 'unrecognized_keys',
						expected: 'no query parameters',
						path: [key],
					})),
				);
			}
			if (route.body) {
				if (body === undefined && !route.bodyRequired) body = {};
				const issues = route.body(body, []);
				if (issues.length) throw badRequest(issues);
			} else if (body !== undefined && method !== 'DELETE') {
				throw badRequest([{ code: 'unrecognized_keys', expected: 'no body', path: [] }]);
			}
			const result = await route.handler({
				method,
				path,
				params,
				query,
				body,
				headers: req.headers,
				state: this.state,
			});
			return isReply(result) ? result : { status: 200, body: result };
		} catch (error) {
			if (error instanceof HeroError) return { status: error.status, body: error.body };
			return { status: 500, body: { error: true, statusCode: 500, message: 'Unknown error' } };
		}
	}
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	return new Sandbox(options).start();
}
