/**
 * A running n8n (`n8n start`) for the harness: started on a home's port, ready when n8n says so, with
 * a client for its internal REST API (owner set-up, login, API key) and public API (workflows,
 * executions).
 */
import type { ExecutionRun } from './execution';
import type { N8nHome } from './home';
import { freePort, spawnN8n, type N8nProcess, type SpawnN8nOptions } from './process';

export interface OwnerAccount {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** Owner account created by `server.setupOwner()` when none is given (throwaway instances only). */
export const DEFAULT_OWNER: OwnerAccount = {
	email: 'owner@example.com',
	password: 'Hero-e2e-Passw0rd',
	firstName: 'Test',
	lastName: 'Owner',
};

export interface StartServerOptions extends SpawnN8nOptions {
	/** Give up waiting for readiness after this long. Default 120 s. */
	readyTimeoutMs?: number;
}

export interface N8nServer {
	readonly baseUrl: string;
	readonly port: number;
	readonly pid: number;
	readonly process: N8nProcess;
	logs(): string;
	/** SIGTERM to the PID we started, then wait for exit. */
	stop(): Promise<void>;

	/** POST /rest/owner/setup (logs in instead if an owner exists); keeps the session cookie. */
	setupOwner(owner?: OwnerAccount): Promise<void>;
	/** POST /rest/login; keeps the session cookie. */
	login(email: string, password: string): Promise<void>;
	/** Mints a public API key with every scope (needs a session) and keeps it for `publicApi`. */
	createApiKey(label?: string): Promise<string>;
	/** `setupOwner()` + `createApiKey()` unless already done: call before the public API helpers. */
	prepareApi(owner?: OwnerAccount): Promise<void>;
	/** A call to the internal REST API (`/rest<path>`) with the session cookie; returns `.data`. */
	rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
	/** A call to the public API (`/api/v1<path>`) with the API key; returns the parsed body. */
	publicApi<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
	/** Node type names the running n8n has loaded (e.g. to check `HERO_NODE_TYPE`); needs a session. */
	loadedNodeTypes(): Promise<string[]>;
	activateWorkflow(workflowId: string): Promise<void>;
	deactivateWorkflow(workflowId: string): Promise<void>;
	/** All executions of a workflow, oldest first (`includeData` defaults to true). */
	listExecutions(
		workflowId: string,
		options?: { includeData?: boolean; status?: string },
	): Promise<ExecutionRun[]>;
	/** Polls until at least `count` executions of the workflow have finished; returns them, oldest first. */
	waitForExecutions(
		workflowId: string,
		count?: number,
		timeoutMs?: number,
	): Promise<ExecutionRun[]>;
}

const BROWSER_ID = 'hero-harness';
const READY_LINE = /Editor is now accessible via/;

/**
 * `n8n start` on 127.0.0.1:<home.port> (or `options.env.N8N_PORT`), ready when n8n has logged
 * "Editor is now accessible via" (1.x: after active workflows registered their webhooks) and
 * /healthz/readiness answers 200. Retries on another port if the port was taken meanwhile.
 */
export async function startN8nServer(
	home: N8nHome,
	options: StartServerOptions = {},
): Promise<N8nServer> {
	const pinned = options.env?.N8N_PORT !== undefined;
	let port = pinned ? Number(options.env!.N8N_PORT) : home.port;
	for (let attempt = 1; ; attempt++) {
		const env = {
			...options.env,
			N8N_PORT: String(port),
			WEBHOOK_URL: options.env?.WEBHOOK_URL ?? `http://127.0.0.1:${port}/`,
		};
		const proc = await spawnN8n(home, ['start'], { ...options, env });
		try {
			await proc.waitForLog(READY_LINE, options.readyTimeoutMs ?? 120_000);
			await waitForReadiness(`http://127.0.0.1:${port}`, 30_000);
			return serverClient(proc, port);
		} catch (error) {
			await proc.stop();
			if (!pinned && attempt < 3 && /already in use|EADDRINUSE/i.test(proc.logs())) {
				port = await freePort();
				continue;
			}
			throw error;
		}
	}
}

async function waitForReadiness(baseUrl: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			const response = await fetch(`${baseUrl}/healthz/readiness`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline)
			throw new Error(`harness: ${baseUrl}/healthz/readiness not ready within ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

function serverClient(proc: N8nProcess, port: number): N8nServer {
	const baseUrl = `http://127.0.0.1:${port}`;
	let cookie: string | undefined;
	let apiKey: string | undefined;

	async function call(
		url: string,
		method: string,
		headers: Record<string, string>,
		body: unknown,
	): Promise<{ status: number; json: any; response: Response }> {
		const response = await fetch(url, {
			method,
			headers: {
				accept: 'application/json',
				'browser-id': BROWSER_ID,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...headers,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let json: any;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = text;
		}
		return { status: response.status, json, response };
	}

	function keepCookie(response: Response): void {
		const match = /n8n-auth=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
		if (match) cookie = `n8n-auth=${match[1]}`;
	}

	const failure = (what: string, status: number, json: unknown) =>
		new Error(
			`harness: ${what} answered ${status}: ${typeof json === 'string' ? json : JSON.stringify(json)}`,
		);

	const server: N8nServer = {
		baseUrl,
		port,
		pid: proc.pid,
		process: proc,
		logs: () => proc.logs(),
		stop: () => proc.stop(),

		async setupOwner(owner = DEFAULT_OWNER) {
			const { status, json, response } = await call(
				`${baseUrl}/rest/owner/setup`,
				'POST',
				{},
				owner,
			);
			if (status === 200) return keepCookie(response);
			if (status === 400 && /already setup/i.test(JSON.stringify(json)))
				return server.login(owner.email, owner.password);
			throw failure('POST /rest/owner/setup', status, json);
		},
		async login(email, password) {
			const { status, json, response } = await call(
				`${baseUrl}/rest/login`,
				'POST',
				{},
				{ emailOrLdapLoginId: email, password },
			);
			if (status !== 200) throw failure('POST /rest/login', status, json);
			keepCookie(response);
		},
		async createApiKey(label = `hero-harness-${Date.now()}`) {
			const scopes = await server.rest<string[]>('GET', '/api-keys/scopes');
			const created = await server.rest<{ rawApiKey: string }>('POST', '/api-keys', {
				label,
				scopes,
				expiresAt: null,
			});
			apiKey = created.rawApiKey;
			return apiKey;
		},
		async prepareApi(owner) {
			if (!cookie) await server.setupOwner(owner);
			if (!apiKey) await server.createApiKey();
		},
		async rest<T>(method: string, path: string, body?: unknown): Promise<T> {
			if (!cookie) throw new Error('harness: no n8n session; call setupOwner() or login() first');
			const { status, json } = await call(`${baseUrl}/rest${path}`, method, { cookie }, body);
			if (status < 200 || status >= 300) throw failure(`${method} /rest${path}`, status, json);
			return (json && typeof json === 'object' && 'data' in json ? json.data : json) as T;
		},
		async publicApi<T>(method: string, path: string, body?: unknown): Promise<T> {
			if (!apiKey) throw new Error('harness: no n8n API key; call prepareApi() first');
			const { status, json } = await call(
				`${baseUrl}/api/v1${path}`,
				method,
				{ 'X-N8N-API-KEY': apiKey },
				body,
			);
			if (status < 200 || status >= 300) throw failure(`${method} /api/v1${path}`, status, json);
			return json as T;
		},
		async loadedNodeTypes() {
			if (!cookie) throw new Error('harness: no n8n session; call setupOwner() or login() first');
			const { status, json } = await call(
				`${baseUrl}/types/nodes.json`,
				'GET',
				{ cookie },
				undefined,
			);
			if (status !== 200 || !Array.isArray(json))
				throw failure('GET /types/nodes.json', status, json);
			return [...new Set((json as Array<{ name: string }>).map((node) => node.name))];
		},
		async activateWorkflow(workflowId) {
			await server.publicApi('POST', `/workflows/${encodeURIComponent(workflowId)}/activate`);
		},
		async deactivateWorkflow(workflowId) {
			await server.publicApi('POST', `/workflows/${encodeURIComponent(workflowId)}/deactivate`);
		},
		async listExecutions(workflowId, { includeData = true, status } = {}) {
			const all: ExecutionRun[] = [];
			let cursor: string | undefined;
			do {
				const query = new URLSearchParams({
					workflowId,
					includeData: String(includeData),
					limit: '250',
				});
				if (status) query.set('status', status);
				if (cursor) query.set('cursor', cursor);
				const page = await server.publicApi<{ data: ExecutionRun[]; nextCursor?: string | null }>(
					'GET',
					`/executions?${query}`,
				);
				all.push(...page.data);
				cursor = page.nextCursor ?? undefined;
			} while (cursor);
			return all.sort((a, b) => Number(a.id) - Number(b.id));
		},
		async waitForExecutions(workflowId, count = 1, timeoutMs = 30_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const done = (await server.listExecutions(workflowId)).filter((e) => e.stoppedAt);
				if (done.length >= count) return done;
				if (Date.now() > deadline)
					throw new Error(
						`harness: ${done.length} of ${count} executions of ${workflowId} finished within ${timeoutMs} ms`,
					);
				await new Promise((r) => setTimeout(r, 250));
			}
		},
	};
	return server;
}
