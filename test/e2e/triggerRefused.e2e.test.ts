/**
 * Hero Health Trigger in a real n8n 1.x (`n8n start`, the packed package installed as a community
 * package) when Hero refuses the webhook registration: what a person sees when activating the
 * workflow, through n8n's public API and its internal REST activate call, and what n8n keeps as the
 * workflow's activation error and writes to its log. The editor's Active switch itself is in
 * test/editor/trigger.test.ts.
 *
 * Hero's docs do not say Hero refuses http or private URLs (its create sample is http://example.com):
 * the refusal is the sandbox's fault injection, answering Hero's documented 400 shape and quoting
 * the request it was sent (with the signing key) and the API key, so that the test can show neither
 * reaches n8n.
 */
import { heroType } from '../n8n/harness/constants';
import { cleanupAll, type N8nHome } from '../n8n/harness/home';
import { startN8nServer, type N8nServer } from '../n8n/harness/servers';
import { createSandboxHome, importWorkflow, type WorkflowJson } from '../n8n/harness/workflows';
import { INFERRED } from '../../nodes/HeroHealth/transport/inferred';
import { QUOTE_REQUEST_BODY } from '../sandbox/faults';
import { webhooks } from '../sandbox/routes/webhooks';
import { startSandbox, type Sandbox } from '../sandbox/server';

jest.setTimeout(240_000);

// n8n saves a workflow's static data (the trigger's registrations) only for ids of up to 16 characters.
const WORKFLOW_ID = 'heroE2eTrigRef1';
const WEBHOOK_ID = '7a2e4c1b-9d3f-4b6a-8e5c-1f2a3b4c5d6e';
const NODE_NAME = 'Hero Health Trigger';
const EVENT = 'appointment.cancelled';

let sandbox: Sandbox;
let home: N8nHome;
let server: N8nServer;
let n8nLine: number;
const timings: string[] = [];

const triggerWorkflow = (credential: string): WorkflowJson => ({
	id: WORKFLOW_ID,
	name: 'E2E Hero Health Trigger refused',
	active: false,
	nodes: [
		{
			id: 'hero-trigger-refused-1',
			name: NODE_NAME,
			type: heroType('heroHealthTrigger'),
			typeVersion: 1,
			position: [0, 300],
			webhookId: WEBHOOK_ID,
			parameters: { events: [EVENT], fetchFullRecord: true },
			credentials: { heroHealthApi: { id: credential, name: 'Hero Health sandbox' } },
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
});

const webhookUrl = () => `${server.baseUrl}/webhook/${WEBHOOK_ID}/webhook`;

/** Hero's documented 400 shape, refusing the url and quoting what it was sent and the API key. */
function refuseRegistrations(): void {
	sandbox.faults.add({
		kind: 'status',
		status: 400,
		method: 'POST',
		path: '^/v1/webhooks$',
		body: {
			error: 'Bad Request',
			statusCode: 400,
			message: [
				{
					code: 'invalid_url',
					path: ['url'],
					message: `url must be a public https address; received ${QUOTE_REQUEST_BODY} with key ${sandbox.apiKey}`,
				},
			],
		},
	});
}

/** n8n shows only an activation error's message: it names the event and URL, quotes Hero, and says why. */
const refusedMessage = (): RegExp =>
	new RegExp(
		`^${escape(`Hero refused the webhook for ${EVENT} at ${webhookUrl()} (400): `)}.*url must be a public https address.*${escape(
			'. Hero cannot reach it: it is http, not https, and 127.0.0.1 is a private or local address; set WEBHOOK_URL to a public HTTPS address.',
		)}$`,
	);
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The signing keys n8n sent in the registrations Hero refused. */
const refusedSigningKeys = (): string[] =>
	sandbox
		.received('POST', '/v1/webhooks')
		.filter((r) => r.status === 400)
		.map((r) => String((JSON.parse(r.rawBody) as { signing_key?: string }).signing_key));

/** Runs an n8n call that should fail; answers the status and body the harness reported. */
async function failing(call: Promise<unknown>): Promise<{ status: number; body: any }> {
	const error = await call.then(
		() => {
			throw new Error('the call succeeded, expected a refusal');
		},
		(e: Error) => e,
	);
	const match = /answered (\d+): ([\s\S]*)$/.exec(error.message);
	if (!match) throw error;
	return { status: Number(match[1]), body: JSON.parse(match[2]) };
}

beforeAll(async () => {
	const started = Date.now();
	sandbox = await startSandbox({ port: 0 });
	const { n8n, ...setUp } = await createSandboxHome(sandbox);
	home = setUp.home;
	n8nLine = n8n.line;
	await importWorkflow(home, triggerWorkflow(setUp.credentialId));
	server = await startN8nServer(home, { env: { N8N_PORT: String(home.port) } });
	await server.prepareApi();
	timings.push(
		`setup (pack, install, import, start) ${Date.now() - started} ms, n8n ${n8n.version}`,
	);
}, 900_000);

afterAll(async () => {
	process.stderr.write(
		[
			'',
			'[trigger refused e2e figures]',
			`  registrations sent ${sandbox?.received('POST', '/v1/webhooks').length ?? 0}, refused ${sandbox ? refusedSigningKeys().length : 0}`,
			...timings.map((t) => `  ${t}`),
			'',
		].join('\n'),
	);
	await server?.stop();
	await home?.cleanup();
	await sandbox?.close();
	await cleanupAll();
});

test('Hero refusing the registration: activation through the public API fails with an error naming the URL registered, without the API key or the signing key', async () => {
	refuseRegistrations();
	const started = Date.now();
	const answer = await failing(server.activateWorkflow(WORKFLOW_ID));
	timings.push(`refused activation answered in ${Date.now() - started} ms`);

	// n8n sent Hero one registration for its production URL, and Hero refused it.
	const posted = sandbox.received('POST', '/v1/webhooks');
	expect(posted.map((r) => [(JSON.parse(r.rawBody) as { url: string }).url, r.status])).toEqual([
		[webhookUrl(), 400],
	]);
	expect(webhookUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\//);

	// What n8n answers: its 400 with the node's message, which names the event and the URL.
	expect(answer).toEqual({
		status: 400,
		body: { message: expect.stringMatching(refusedMessage()) },
	});
	const [signingKey] = refusedSigningKeys();
	expect(signingKey).toMatch(/^[0-9a-f]{64}$/);
	expect(JSON.stringify(answer)).not.toContain(signingKey);
	expect(JSON.stringify(answer)).not.toContain(sandbox.apiKey);

	// The workflow stays inactive, and nothing is left registered at Hero.
	const workflow = await server.publicApi<{ active: boolean }>('GET', `/workflows/${WORKFLOW_ID}`);
	expect(workflow.active).toBe(false);
	expect([...webhooks(sandbox.state).values()]).toEqual([]);
});

test('the same refusal through n8n’s internal REST activate call (POST /rest/workflows/:id/activate): the same message, kept as the workflow’s activation error on n8n 1.x; n8n’s log holds neither key', async () => {
	const { versionId } = await server.rest<{ versionId: string }>(
		'GET',
		`/workflows/${WORKFLOW_ID}`,
	);
	const answer = await failing(
		server.rest('POST', `/workflows/${WORKFLOW_ID}/activate`, { versionId }),
	);
	expect(answer.status).toBe(400);
	expect(answer.body).toMatchObject({ message: expect.stringMatching(refusedMessage()) });
	const message = (answer.body as { message: string }).message;

	// The error n8n keeps for the workflow: 1.x keeps it (the editor shows it on the activation
	// switch); 2.x keeps none for an activation a person asked for, whose 400 above is what it shows.
	const kept = await server.rest<unknown>('GET', `/active-workflows/error/${WORKFLOW_ID}`);
	expect(n8nLine === 1 ? JSON.stringify(kept) : kept).toEqual(
		n8nLine === 1 ? expect.stringContaining(JSON.stringify(message).slice(1, -1)) : null,
	);

	const keys = refusedSigningKeys();
	expect(keys).toHaveLength(2);
	const shown = JSON.stringify([answer, kept]);
	const log = server.logs();
	for (const key of [...keys, sandbox.apiKey]) {
		expect(shown).not.toContain(key);
		expect(log).not.toContain(key);
	}
	expect([...webhooks(sandbox.state).values()]).toEqual([]);
});

test('once Hero accepts, the same workflow activates and registers its production URL; deactivation deletes it', async () => {
	sandbox.faults.clear();
	await server.activateWorkflow(WORKFLOW_ID);
	const registered = [...webhooks(sandbox.state).values()];
	expect(registered.map((w) => [w.url, w.event_type])).toEqual([[webhookUrl(), EVENT]]);
	expect(
		(await server.publicApi<{ active: boolean }>('GET', `/workflows/${WORKFLOW_ID}`)).active,
	).toBe(true);

	const before = sandbox.received('DELETE').length;
	await server.deactivateWorkflow(WORKFLOW_ID);
	expect(
		sandbox
			.received('DELETE')
			.slice(before)
			.map((r) => [r.path, r.status]),
	).toEqual([[INFERRED.webhookPath(registered[0].id), 200]]);
	expect([...webhooks(sandbox.state).values()]).toEqual([]);
});
