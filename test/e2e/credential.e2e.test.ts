/**
 * The Hero Health API credential's "Test" button in a real n8n (`n8n start`, the packed package
 * installed as a community package): n8n's own credential test (`POST /rest/credentials/test`)
 * runs the credential's test request (`GET /v1/me`) with the credential's auth headers.
 */
import { cleanupAll, type N8nHome } from '../n8n/harness/home';
import { startN8nServer, type N8nServer } from '../n8n/harness/servers';
import { createSandboxHome } from '../n8n/harness/workflows';
import { startSandbox, type Sandbox } from '../sandbox/server';

jest.setTimeout(180_000);

interface TestAnswer {
	status: string;
	message?: string;
}

let sandbox: Sandbox;
let home: N8nHome;
let server: N8nServer;
let credentialId = '';

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	({ home, credentialId } = await createSandboxHome(sandbox));
	server = await startN8nServer(home);
	await server.setupOwner();
});

afterAll(async () => {
	await server?.stop();
	await sandbox?.close();
	await cleanupAll();
});

beforeEach(() => sandbox.reset());

const testCredential = (data: Record<string, string>) =>
	server.rest<TestAnswer>('POST', '/credentials/test', {
		credentials: {
			id: credentialId,
			name: 'Hero Health sandbox',
			type: 'heroHealthApi',
			data: { environment: 'custom', ...data },
		},
	});

it('passes with the sandbox key: one GET /v1/me carrying both headers (a trailing slash on the base URL is harmless)', async () => {
	const answer = await testCredential({
		apiKey: sandbox.apiKey,
		practiceGroupId: sandbox.practiceGroupId,
		baseUrl: `${sandbox.url}/`,
	});
	expect(answer.status).toBe('OK');
	const calls = sandbox.received('GET', '/v1/me');
	expect(calls).toHaveLength(1);
	expect(calls[0].headers['x-api-key']).toBe(sandbox.apiKey);
	expect(calls[0].headers['x-practice-group-id']).toBe(sandbox.practiceGroupId);
});

it('fails with a wrong key or practice group, and the answer never repeats the key', async () => {
	const statuses = () => sandbox.received('GET', '/v1/me').map((r) => r.status);
	const wrongKey = 'not-the-hero-key-7f3e91';
	const badKey = await testCredential({
		apiKey: wrongKey,
		practiceGroupId: sandbox.practiceGroupId,
		baseUrl: sandbox.url,
	});
	expect(badKey.status).toBe('Error');
	expect(JSON.stringify(badKey)).not.toContain(wrongKey);
	// n8n may ask again after a 401 (seen: twice); every ask was refused.
	const afterKey = statuses();
	expect(afterKey.length).toBeGreaterThan(0);
	expect(new Set(afterKey)).toEqual(new Set([401]));
	sandbox.reset();
	const badGroup = await testCredential({
		apiKey: sandbox.apiKey,
		practiceGroupId: '9999',
		baseUrl: sandbox.url,
	});
	expect(badGroup.status).toBe('Error');
	expect(JSON.stringify(badGroup)).not.toContain(sandbox.apiKey);
	expect(statuses()).toEqual([403]);
});
