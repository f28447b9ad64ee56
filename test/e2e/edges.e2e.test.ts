/**
 * Redirects are never followed, inside a real n8n 1.x (the packed package installed as a community package):
 * the credential's base URL is a stand-in Hero that answers with a redirect to a second host. The
 * second host must receive nothing, neither from a workflow run (`n8n execute`) nor from the
 * credential's Test button (`n8n start`, POST /rest/credentials/test).
 */
import { executeWorkflow } from '../n8n/harness/execution';
import { cleanupAll, type N8nHome } from '../n8n/harness/home';
import { CommandError } from '../n8n/harness/process';
import { startN8nServer } from '../n8n/harness/servers';
import { createSandboxHome, importWorkflow, manualWorkflow } from '../n8n/harness/workflows';
import { startHostileHero, type HostileHero } from '../reliability/hostileHero';

jest.setTimeout(240_000);

const KEY = 'hero-e2e-key-R7c2Lw9Qx';
const GROUP = '5519203';

let hero: HostileHero;
let elsewhere: HostileHero;
let home: N8nHome;
let credentialId = '';

beforeAll(async () => {
	hero = await startHostileHero();
	elsewhere = await startHostileHero();
	({ home, credentialId } = await createSandboxHome({
		url: hero.url,
		apiKey: KEY,
		practiceGroupId: GROUP,
	}));
	await importWorkflow(home, [
		manualWorkflow(
			'heroE2eRedirectSend1',
			'E2E send answered by a redirect',
			{
				resource: 'message',
				operation: 'send',
				patientId: '2001',
				messageType: 'sms',
				message: 'Your appointment is confirmed.',
				additionalFields: {},
			},
			{ credentialId },
		),
		manualWorkflow(
			'heroE2eRedirectGet1',
			'E2E read answered by a redirect',
			{ resource: 'message', operation: 'get', messageId: '123' },
			{ credentialId },
		),
	]);
});

afterAll(async () => {
	await hero?.close();
	await elsewhere?.close();
	await cleanupAll();
});

beforeEach(() => {
	hero.reset();
	elsewhere.reset();
	elsewhere.answer('*', /.*/, { kind: 'json', body: { id: '1', message_id: 'sent-elsewhere' } });
});

async function failedRun(workflowId: string): Promise<CommandError> {
	try {
		await executeWorkflow(home, workflowId);
	} catch (error) {
		return error as CommandError;
	}
	throw new Error(`workflow ${workflowId} succeeded`);
}

it.each([
	['heroE2eRedirectSend1', 'POST', '/v1/messages/send', 307],
	['heroE2eRedirectSend1', 'POST', '/v1/messages/send', 302],
	['heroE2eRedirectGet1', 'GET', '/v1/messages/123', 308],
])(
	'in real n8n: %s, %s %s answered %d to another host: that host receives nothing and the run fails with the redirect error',
	async (workflowId, method, path, status) => {
		hero.answer(method, path, { kind: 'redirect', status, location: `${elsewhere.url}${path}` });
		const failure = await failedRun(workflowId);
		expect(elsewhere.requests).toEqual([]);
		expect(hero.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`${method} ${path}`]);
		expect(failure).toBeInstanceOf(CommandError);
		expect(failure.message).toContain(
			`Hero's address answered with a redirect (${status}) to ${elsewhere.host} (http); the request was not repeated there`,
		);
		expect(failure.message).not.toContain(KEY);
	},
);

it("in real n8n: the credential's Test button does not follow a redirect either", async () => {
	const server = await startN8nServer(home);
	try {
		await server.setupOwner();
		hero.answer('GET', '/v1/me', {
			kind: 'redirect',
			status: 307,
			location: `${elsewhere.url}/v1/me`,
		});
		const answer = await server.rest<{ status: string; message?: string }>(
			'POST',
			'/credentials/test',
			{
				credentials: {
					id: credentialId,
					name: 'Hero Health sandbox',
					type: 'heroHealthApi',
					data: { environment: 'custom', apiKey: KEY, practiceGroupId: GROUP, baseUrl: hero.url },
				},
			},
		);
		expect(answer.status).toBe('Error');
		expect(hero.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/me']);
		expect(elsewhere.requests).toEqual([]);
		expect(JSON.stringify(answer)).not.toContain(KEY);
	} finally {
		await server.stop();
	}
});
