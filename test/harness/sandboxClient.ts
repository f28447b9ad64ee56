/**
 * Plain HTTP to a running Hero sandbox (test/sandbox/server.ts), no node in between: for tests that
 * check the sandbox itself or set data up through it. One home for the `hero()` / `control()` clients
 * the sandbox, trigger and reliability tests use.
 *
 *   const { hero, control } = sandboxClient(() => sandbox);   // the sandbox may be started later (beforeAll)
 *   await hero('POST', '/v1/messages/send', { ... });          // with the sandbox's API key and practice group
 *   await hero('POST', '/v1/webhooks', { ... }, { auth: false }); // without them
 *   await control('PUT', '/__sandbox/faults', { rules });      // the sandbox's own control routes, no auth
 *
 * Both answer `{ status, body }`, the body parsed as JSON (undefined when empty); neither throws on an
 * error status. A body is sent as JSON (`content-type: application/json`), a string body as is.
 */

/** What the clients need of a sandbox (a `Sandbox` from test/sandbox/server.ts, or the editor session's). */
export interface SandboxTarget {
	url: string;
	apiKey: string;
	practiceGroupId: string;
}

export interface SandboxAnswer {
	status: number;
	body: any;
}

export interface HeroCallOptions {
	/** Send the sandbox's x-api-key and x-practice-group-id (default true). */
	auth?: boolean;
	/** Extra headers, applied last (e.g. a wrong x-api-key, or a content-type for a string body). */
	headers?: Record<string, string>;
}

export interface SandboxClient {
	/** A call to the sandbox's Hero API (`/v1/...`, `/v2/...`). */
	hero(
		method: string,
		path: string,
		body?: unknown,
		options?: HeroCallOptions,
	): Promise<SandboxAnswer>;
	/** A call to the sandbox's control routes (`/__sandbox/...`), which take no auth. */
	control(method: string, path: string, body?: unknown): Promise<SandboxAnswer>;
}

/** Clients for the sandbox `target()` returns at the time of each call. */
export function sandboxClient(target: () => SandboxTarget): SandboxClient {
	return {
		hero(method, path, body, { auth = true, headers = {} } = {}) {
			const sandbox = target();
			const credentials: Record<string, string> = auth
				? { 'x-api-key': sandbox.apiKey, 'x-practice-group-id': sandbox.practiceGroupId }
				: {};
			return call(sandbox.url, method, path, body, { ...credentials, ...headers });
		},
		control(method, path, body) {
			return call(target().url, method, path, body, {});
		},
	};
}

async function call(
	baseUrl: string,
	method: string,
	path: string,
	body: unknown,
	headers: Record<string, string>,
): Promise<SandboxAnswer> {
	const json = body !== undefined && typeof body !== 'string';
	const response = await fetch(`${baseUrl}${path}`, {
		method,
		headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...headers },
		body: body === undefined ? undefined : json ? JSON.stringify(body) : (body as string),
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
