/**
 * Endpoints the node does not cover, with the same credential: n8n's own HTTP Request node
 * (Authentication → Predefined Credential Type → Hero Health API) in a real n8n (`n8n execute`, the
 * packed package installed as a community package). n8n lists the credential there because it has
 * an `authenticate` function, which adds the key and practice group as headers to whatever URL the
 * node calls; the key never appears in the run's output, its saved execution or n8n's logs. As with
 * the package's node, http:// to another machine is refused and no redirect carries the key away.
 */
import { executeWorkflow, nodeItems, readSavedExecution } from '../n8n/harness/execution';
import { cleanupAll, type N8nHome } from '../n8n/harness/home';
import { CommandError } from '../n8n/harness/process';
import {
	createSandboxHome,
	importWorkflow,
	linearWorkflow,
	manualTriggerNode,
	type WorkflowNode,
} from '../n8n/harness/workflows';
import { startHostileHero, type HostileHero } from '../reliability/hostileHero';
import { startSandbox, type Sandbox } from '../sandbox/server';

jest.setTimeout(240_000);

const KEY = 'hero-e2e-httpreq-key-Vt8q2Zm4';
const GROUP = '4407311';
const NODE = 'HTTP Request';

let sandbox: Sandbox;
let redirecting: HostileHero;
let elsewhere: HostileHero;
let home: N8nHome;
let credentialId = '';

/** n8n's HTTP Request node calling `url` with a Hero Health API credential. */
function httpRequestNode(url: string, credential: { id: string; name: string }): WorkflowNode {
	return {
		id: 'http-request-hero',
		name: NODE,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [0, 0],
		parameters: {
			method: 'GET',
			url,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'heroHealthApi',
			// A request that was wrongly sent would fail fast instead of hanging the test.
			options: { timeout: 10_000 },
		},
		credentials: { heroHealthApi: credential },
	};
}

const workflow = (id: string, url: string) =>
	linearWorkflow(id, `E2E HTTP Request ${id}`, [
		manualTriggerNode(),
		httpRequestNode(url, { id: credentialId, name: 'Hero Health sandbox' }),
	]);

async function failedRun(workflowId: string): Promise<CommandError> {
	try {
		await executeWorkflow(home, workflowId);
	} catch (error) {
		return error as CommandError;
	}
	throw new Error(`workflow ${workflowId} succeeded`);
}

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, apiKey: KEY, practiceGroupId: GROUP });
	({ home, credentialId } = await createSandboxHome(sandbox));
	redirecting = await startHostileHero();
	elsewhere = await startHostileHero();
	await importWorkflow(home, [
		workflow('heroE2eHttpMe1', `${sandbox.url}/v1/me`),
		// TEST-NET-1 (RFC 5737): never reached, the credential refuses before the key is added.
		workflow('heroE2eHttpClear1', 'http://192.0.2.10/v1/me'),
		workflow('heroE2eHttpRedirect1', `${redirecting.url}/v1/me`),
	]);
});

afterAll(async () => {
	await sandbox?.close();
	await redirecting?.close();
	await elsewhere?.close();
	await cleanupAll();
});

beforeEach(() => {
	sandbox.reset();
	redirecting.reset();
	elsewhere.reset();
});

it("in real n8n: HTTP Request with Predefined Credential Type → Hero Health API calls GET /v1/me with the credential's headers, outputs Hero's answer and never shows the key", async () => {
	const run = await executeWorkflow(home, 'heroE2eHttpMe1');

	const calls = sandbox.received('GET', '/v1/me');
	expect(calls).toHaveLength(1);
	expect(calls[0].headers['x-api-key']).toBe(KEY);
	expect(calls[0].headers['x-practice-group-id']).toBe(GROUP);
	expect(calls[0].status).toBe(200);

	const direct = await fetch(`${sandbox.url}/v1/me`, {
		headers: { 'x-api-key': KEY, 'x-practice-group-id': GROUP },
	});
	expect(nodeItems(run.output, NODE)).toEqual([await direct.json()]);

	const saved = await readSavedExecution(home, 'heroE2eHttpMe1', { withData: true });
	expect(saved?.status).toBe('success');
	expect(saved?.data).toContain(GROUP);
	for (const text of [JSON.stringify(run.output), run.stdout, run.stderr, saved?.data ?? ''])
		expect(text).not.toContain(KEY);
});

it('in real n8n: HTTP Request to a plain http:// address of another machine is refused before the key is added, and nothing is sent', async () => {
	const failure = await failedRun('heroE2eHttpClear1');
	expect(failure).toBeInstanceOf(CommandError);
	expect(failure.message).toContain(
		'Base URL: http:// would send the API key unencrypted; use https://, or http:// only to this machine',
	);
	expect(failure.message).not.toContain(KEY);
	const saved = await readSavedExecution(home, 'heroE2eHttpClear1', { withData: true });
	expect(saved?.status).toBe('error');
	expect(saved?.data ?? '').not.toContain(KEY);
	expect(sandbox.requests).toEqual([]);
});

it('in real n8n: HTTP Request with this credential does not follow a redirect, so the key never reaches another host', async () => {
	elsewhere.answer('GET', '/v1/me', { kind: 'json', body: { id: GROUP } });
	redirecting.answer('GET', '/v1/me', {
		kind: 'redirect',
		status: 307,
		location: `${elsewhere.url}/v1/me`,
	});
	const failure = await failedRun('heroE2eHttpRedirect1');
	expect(redirecting.requests.map((r) => r.headers['x-api-key'])).toEqual([KEY]);
	expect(elsewhere.requests).toEqual([]);
	// The node reports the redirect's status as the request's failure.
	expect(failure.message).toContain('"httpCode": "307"');
	expect(failure.message).not.toContain(KEY);
});
