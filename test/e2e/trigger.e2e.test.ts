/**
 * Hero Health Trigger in a real n8n 1.x started as a server (`n8n start` on a loopback port), the
 * packed package installed as a community package, activated and deactivated through n8n's public
 * API. The Hero sandbox registers the webhooks and delivers signed events to n8n's production URL.
 *
 * Shows: activation registers one webhook per event; an event in the sandbox starts an execution
 * whose output holds the full record; forged deliveries get 401 and start nothing; a replayed
 * delivery runs once; a restart finds the registrations again; "Listen for test event"
 * and stopping it leave the production registrations alone; deactivation deletes them.
 * Prints the figures at the end.
 */
import { createHmac } from 'node:crypto';

import { sandboxClient } from '../harness/sandboxClient';
import { heroType } from '../n8n/harness/constants';
import { nodeItems, type ExecutionRun } from '../n8n/harness/execution';
import { cleanupAll, type N8nHome } from '../n8n/harness/home';
import { startN8nServer, type N8nServer } from '../n8n/harness/servers';
import { createSandboxHome, importWorkflow, type WorkflowJson } from '../n8n/harness/workflows';
import { INFERRED } from '../../nodes/HeroHealth/transport/inferred';
import {
	deliveries,
	deliveryPolicy,
	settledDeliveries,
	webhooks,
	type Delivery,
	type SandboxWebhook,
} from '../sandbox/routes/webhooks';
import { startSandbox, type Sandbox } from '../sandbox/server';

jest.setTimeout(240_000);

const WORKFLOW_ID = 'heroE2eTrigger1';
const WEBHOOK_ID = '5f1c9a7e-3b2d-4e8f-9a60-0c1d2e3f4a5b';
const NODE_NAME = 'Hero Health Trigger';
const EVENTS = ['appointment.confirmed', 'appointment.cancelled', 'write-to-record.succeeded'];

const figures = { forged401: 0, forgedOther: 0, executionsSeen: 0, timings: [] as string[] };

let sandbox: Sandbox;
let home: N8nHome;
let server: N8nServer;
let credentialId = '';

const triggerWorkflow = (credential: string): WorkflowJson => ({
	id: WORKFLOW_ID,
	name: 'E2E Hero Health Trigger',
	active: false,
	nodes: [
		{
			id: 'hero-trigger-1',
			name: NODE_NAME,
			type: heroType('heroHealthTrigger'),
			typeVersion: 1,
			position: [0, 300],
			webhookId: WEBHOOK_ID,
			parameters: { events: EVENTS, fetchFullRecord: true },
			credentials: { heroHealthApi: { id: credential, name: 'Hero Health sandbox' } },
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
});

const webhookUrl = () => `${server.baseUrl}/webhook/${WEBHOOK_ID}/webhook`;
const registered = (): SandboxWebhook[] =>
	[...webhooks(sandbox.state).values()].filter((w) => w.url === webhookUrl());

async function startServer(): Promise<void> {
	const started = Date.now();
	server = await startN8nServer(home, { env: { N8N_PORT: String(home.port) } });
	await server.prepareApi();
	figures.timings.push(`n8n start to ready ${Date.now() - started} ms`);
}

/** Resolves a message's write-back in the sandbox (as the practice and the EHR would): Hero announces write-to-record.<result>. */
async function resolveWriteToRecord(
	messageId: string,
	result: 'succeeded' | 'failed',
): Promise<string[]> {
	const response = await fetch(`${sandbox.url}/__sandbox/messages/${messageId}/write-to-record`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ result }),
	});
	expect(response.status).toBe(200);
	return ((await response.json()) as { deliveries: string[] }).deliveries;
}

async function emit(event: string, id: string): Promise<string[]> {
	const response = await fetch(`${sandbox.url}/__sandbox/webhooks/emit`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ event, id }),
	});
	expect(response.status).toBe(200);
	return ((await response.json()) as { deliveries: string[] }).deliveries;
}

/** Books the first free slot for patient 2001 through the sandbox's API: reserve, then book (Hero announces appointment.confirmed). */
async function bookAppointment(): Promise<string> {
	const { data } = (await hero('GET', '/v1/slots?page_size=1')).body as {
		data: Array<Record<string, string>>;
	};
	const [slot] = data;
	const reserved = await hero('POST', '/v1/appointments', {
		appointment_type_id: slot.appointment_type_id,
		location_id: slot.location_id,
		practitioner_id: slot.practitioner_id,
		duration: (Date.parse(slot.finish_time) - Date.parse(slot.start_time)) / 60_000,
		start_time: slot.start_time,
		patient_id: '2001',
	});
	expect(reserved.status).toBe(200);
	const id = String(reserved.body.id);
	expect(
		(await hero(INFERRED.bookAppointmentMethod, INFERRED.bookAppointmentPath(id), {})).status,
	).toBe(200);
	return id;
}

const { hero } = sandboxClient(() => sandbox);

const deliveredIds = (ids: string[]) => (d: Delivery) => ids.includes(d.id);

beforeAll(async () => {
	const started = Date.now();
	sandbox = await startSandbox({ port: 0 });
	const { n8n, ...setUp } = await createSandboxHome(sandbox);
	({ home, credentialId } = setUp);
	await importWorkflow(home, triggerWorkflow(credentialId));
	figures.timings.push(
		`setup (pack, install, import) ${Date.now() - started} ms, n8n ${n8n.version}`,
	);
	await startServer();
	// Hero's retry schedule is not documented; the sandbox's is shortened so failures settle quickly.
	Object.assign(deliveryPolicy(sandbox.state), {
		baseDelayMs: 200,
		maxDelayMs: 1_000,
		maxAttempts: 4,
	});
}, 900_000);

afterAll(async () => {
	const all = sandbox ? deliveries(sandbox.state) : [];
	const attempts = all.flatMap((d) => d.attempts);
	process.stderr.write(
		[
			'',
			'[trigger e2e figures]',
			`  deliveries sent by the sandbox: ${all.length} (${attempts.length} HTTP attempts: ${attempts.filter((a) => a.status === 200).length} answered 200, ${attempts.filter((a) => a.status !== 200).length} not), ${all.filter((d) => d.state === 'delivered').length} delivered, ${all.filter((d) => d.state === 'failed').length} failed`,
			`  executions seen in n8n: ${figures.executionsSeen}`,
			`  forged deliveries answered 401: ${figures.forged401} (answered otherwise: ${figures.forgedOther})`,
			`  registrations created ${sandbox?.received('POST', '/v1/webhooks').length ?? 0}, deleted ${sandbox?.received('DELETE', /^\/v1\/webhooks\//).length ?? 0}`,
			...figures.timings.map((t) => `  ${t}`),
			'',
		].join('\n'),
	);
	await server?.stop();
	await home?.cleanup();
	await cleanupAll();
	await sandbox?.close();
});

test('activation (public API) registers one webhook per selected event at n8n’s production URL, with one fresh key', async () => {
	await server.activateWorkflow(WORKFLOW_ID);
	const hooks = registered();
	expect(hooks.map((w) => w.event_type).sort()).toEqual([...EVENTS].sort());
	const keys = new Set(hooks.map((w) => w.signing_key));
	expect(keys.size).toBe(1);
	expect([...keys][0]).toMatch(/^[0-9a-f]{64}$/);
	expect(sandbox.received('POST', '/v1/webhooks')).toHaveLength(EVENTS.length);
	expect(
		sandbox
			.received('POST', '/v1/webhooks')
			.every((r) => r.headers['x-api-key'] === sandbox.apiKey),
	).toBe(true);
});

test('a write-back resolved in the sandbox starts one execution whose output holds the full record', async () => {
	const sent = await hero('POST', '/v1/messages/send', {
		patient_id: '2001',
		message_type: 'sms',
		message_string: 'Your blood test results are normal.',
		write_to_record: true,
	});
	expect(sent.status).toBe(200);
	const messageId = String(sent.body.message_id);
	const started = await resolveWriteToRecord(messageId, 'succeeded');
	expect(started).toHaveLength(1);
	const [delivery] = await settledDeliveries(sandbox.state, 1, deliveredIds(started), 30_000);
	expect(delivery.state).toBe('delivered');

	const executions = await server.waitForExecutions(WORKFLOW_ID, 1, 30_000);
	figures.executionsSeen = executions.length;
	expect(executions).toHaveLength(1);
	expect(executions[0].status).toBe('success');
	const expected = await hero('GET', `/v1/messages/${messageId}`);
	expect(expected.body.write_to_record).toMatchObject({ status: 'succeeded' });
	expect(nodeItems(executions[0], NODE_NAME)).toEqual([
		{
			event: 'write-to-record.succeeded',
			practice_group_id: sandbox.practiceGroupId,
			object: INFERRED.writeToRecordObject.name,
			id: messageId,
			record: expected.body,
		},
	]);
});

test('booking an appointment in the sandbox starts an execution whose output holds the booked appointment', async () => {
	const appointmentId = await bookAppointment();
	const started = deliveries(sandbox.state)
		.filter((d) => d.object_id === appointmentId)
		.map((d) => d.id);
	expect(started).toHaveLength(1);
	const [delivery] = await settledDeliveries(sandbox.state, 1, deliveredIds(started), 30_000);
	expect(delivery.state).toBe('delivered');
	const executions = await server.waitForExecutions(WORKFLOW_ID, 2, 30_000);
	figures.executionsSeen = executions.length;
	const expected = await hero('GET', `/v1/appointments/${appointmentId}`);
	expect(expected.body.booking_confirmed_at).toEqual(expect.any(String));
	expect(nodeItems(executions[1], NODE_NAME)).toEqual([
		{
			event: 'appointment.confirmed',
			practice_group_id: sandbox.practiceGroupId,
			object: 'Appointment',
			id: appointmentId,
			record: expected.body,
			// The time and names a patient reads, beside the record.
			start_time_local: expect.stringMatching(/^\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/),
			appointment_type_name: 'GP Appointment',
			practitioner_name: expect.any(String),
			location_name: expect.any(String),
		},
	]);
});

test('a record Hero cannot serve still starts the execution, with the error in the item', async () => {
	const started = await emit('appointment.cancelled', '990001');
	await settledDeliveries(sandbox.state, 1, deliveredIds(started), 30_000);
	const executions = await server.waitForExecutions(WORKFLOW_ID, 3, 30_000);
	figures.executionsSeen = executions.length;
	expect(nodeItems(executions[2], NODE_NAME)[0]).toMatchObject({
		event: 'appointment.cancelled',
		id: '990001',
		record: null,
		error: {
			httpCode: '404',
			message: 'Appointment not found',
			description: expect.stringContaining('Hero answered 404 to GET /v1/appointments/990001'),
		},
	});
});

test('forged, unsigned and stale deliveries get 401 and start nothing', async () => {
	const before = (await server.listExecutions(WORKFLOW_ID, { includeData: false })).length;
	const body = JSON.stringify({
		object: 'Appointment',
		id: '990002',
		practice_group_id: sandbox.practiceGroupId,
		event: 'appointment.confirmed',
	});
	const now = String(Math.floor(Date.now() / 1000));
	const key = registered()[0].signing_key!;
	const stale = String(Number(now) - INFERRED.signatureToleranceSeconds - 60);
	const forgeries: Array<Record<string, string>> = [
		{
			'X-Herohealth-Timestamp': now,
			'X-Herohealth-Signature': createHmac('sha256', 'a-guessed-key')
				.update(`${now}.${body}`)
				.digest('hex'),
		},
		{
			'X-Herohealth-Timestamp': now,
			'X-Herohealth-Signature': createHmac('sha256', 'a-guessed-key')
				.update(`${now}.${body}`)
				.digest('base64'),
		},
		{},
		{ 'X-Herohealth-Timestamp': now },
		// A genuine signature replayed after the window.
		{
			'X-Herohealth-Timestamp': stale,
			'X-Herohealth-Signature': createHmac('sha256', key).update(`${stale}.${body}`).digest('hex'),
		},
	];
	for (const headers of forgeries) {
		const response = await fetch(webhookUrl(), {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body,
		});
		const text = await response.text();
		if (response.status === 401) figures.forged401++;
		else figures.forgedOther++;
		expect(response.status).toBe(401);
		expect(text).not.toContain(key);
	}
	// Give n8n time to have started something, had it done so.
	await new Promise((resolve) => setTimeout(resolve, 2_000));
	expect((await server.listExecutions(WORKFLOW_ID, { includeData: false })).length).toBe(before);
	expect(sandbox.received('GET', '/v1/appointments/990002')).toEqual([]);
	expect(server.logs()).not.toContain(key);
});

test('the same signed delivery posted 5 times within the window starts one run and makes one record read', async () => {
	const before = (await server.listExecutions(WORKFLOW_ID, { includeData: false })).length;
	const body = JSON.stringify({
		object: 'Appointment',
		id: '990005',
		practice_group_id: sandbox.practiceGroupId,
		event: 'appointment.cancelled',
	});
	const now = String(Math.floor(Date.now() / 1000));
	const key = registered()[0].signing_key!;
	const headers = {
		'content-type': 'application/json',
		'X-Herohealth-Timestamp': now,
		'X-Herohealth-Signature': createHmac('sha256', key).update(`${now}.${body}`).digest('hex'),
	};
	const answers: Array<{ status: number; body: string }> = [];
	for (let i = 0; i < 5; i++) {
		const response = await fetch(webhookUrl(), { method: 'POST', headers, body });
		answers.push({ status: response.status, body: await response.text() });
	}
	expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
	expect(answers.slice(1).map((a) => JSON.parse(a.body))).toEqual(
		Array(4).fill({ received: true, ignored: 'a repeat of a delivery already accepted' }),
	);
	const executions = await server.waitForExecutions(WORKFLOW_ID, before + 1, 30_000);
	// Give n8n time to have started the others, had it done so.
	await new Promise((resolve) => setTimeout(resolve, 3_000));
	const after = await server.listExecutions(WORKFLOW_ID, { includeData: false });
	figures.timings.push(
		`replayed delivery: 5 posts, ${after.length - before} execution(s), ${sandbox.received('GET', '/v1/appointments/990005').length} record read(s)`,
	);
	expect(after).toHaveLength(before + 1);
	expect(sandbox.received('GET', '/v1/appointments/990005')).toHaveLength(1);
	expect(nodeItems(executions.at(-1) as ExecutionRun, NODE_NAME)[0]).toMatchObject({
		event: 'appointment.cancelled',
		id: '990005',
		record: null,
	});
	figures.executionsSeen = after.length;
});

test('an event sent while n8n is down is retried until n8n is back; n8n finds its registrations again (no new ones)', async () => {
	const ids = registered()
		.map((w) => w.id)
		.sort();
	const posts = sandbox.received('POST', '/v1/webhooks').length;
	const executionsBefore = (await server.listExecutions(WORKFLOW_ID, { includeData: false }))
		.length;
	await server.stop();
	// Long enough to span a restart: retries every 2 s for up to 2 minutes.
	Object.assign(deliveryPolicy(sandbox.state), {
		baseDelayMs: 250,
		maxDelayMs: 2_000,
		maxAttempts: 60,
	});
	const started = await emit('appointment.cancelled', '990003');
	expect(started).toHaveLength(1);
	await startServer();
	expect(sandbox.received('POST', '/v1/webhooks')).toHaveLength(posts);
	expect(
		registered()
			.map((w) => w.id)
			.sort(),
	).toEqual(ids);

	const [delivery] = await settledDeliveries(sandbox.state, 1, deliveredIds(started), 60_000);
	Object.assign(deliveryPolicy(sandbox.state), {
		baseDelayMs: 200,
		maxDelayMs: 1_000,
		maxAttempts: 4,
	});
	expect(delivery.state).toBe('delivered');
	expect(delivery.attempts.length).toBeGreaterThan(1);
	expect(
		delivery.attempts.slice(0, -1).every((a) => a.status === undefined || a.status >= 300),
	).toBe(true);
	expect(delivery.attempts.at(-1)!.status).toBe(200);
	figures.timings.push(
		`delivery while n8n was down: ${delivery.attempts.length} attempts before n8n answered 200`,
	);
	const executions = await server.waitForExecutions(WORKFLOW_ID, executionsBefore + 1, 30_000);
	figures.executionsSeen = executions.length;
	expect(executions).toHaveLength(executionsBefore + 1);
	expect(nodeItems(executions.at(-1) as ExecutionRun, NODE_NAME)[0]).toMatchObject({
		event: 'appointment.cancelled',
		id: '990003',
	});
});

test('"Listen for test event" on the active workflow, then stopping it, leaves the production registrations at Hero, and production deliveries still start runs', async () => {
	const production = registered()
		.map((w) => ({ id: w.id, event_type: w.event_type, signing_key: w.signing_key }))
		.sort((a, b) => a.id.localeCompare(b.id));
	expect(production).toHaveLength(EVENTS.length);
	const testUrl = `${server.baseUrl}/webhook-test/${WEBHOOK_ID}/webhook`;
	const atTestUrl = () => [...webhooks(sandbox.state).values()].filter((w) => w.url === testUrl);

	// The editor's "Listen for test event": a manual run from the trigger, which waits for a test webhook.
	const workflow = await server.rest<Record<string, unknown>>('GET', `/workflows/${WORKFLOW_ID}`);
	const run = await server.rest<{ waitingForWebhook?: boolean }>(
		'POST',
		`/workflows/${WORKFLOW_ID}/run`,
		{ workflowData: workflow, triggerToStartFrom: { name: NODE_NAME } },
	);
	expect(run).toEqual({ waitingForWebhook: true });
	expect(
		atTestUrl()
			.map((w) => w.event_type)
			.sort(),
	).toEqual([...EVENTS].sort());

	// Stop listening, as the editor does (n8n 1.x answers true, 2.x an empty object: the effect is what counts).
	await server.rest('DELETE', `/test-webhook/${WORKFLOW_ID}`);
	const deadline = Date.now() + 20_000;
	while (atTestUrl().length > 0 && Date.now() < deadline)
		await new Promise((resolve) => setTimeout(resolve, 200));
	expect(atTestUrl()).toEqual([]);

	// Production is untouched: the same registrations, with the same key.
	expect(
		registered()
			.map((w) => ({ id: w.id, event_type: w.event_type, signing_key: w.signing_key }))
			.sort((a, b) => a.id.localeCompare(b.id)),
	).toEqual(production);
	const before = (await server.listExecutions(WORKFLOW_ID, { includeData: false })).length;
	const started = await emit('appointment.cancelled', '990006');
	expect(started).toHaveLength(1);
	const [delivery] = await settledDeliveries(sandbox.state, 1, deliveredIds(started), 30_000);
	expect(delivery.attempts.map((a) => a.status)).toEqual([200]);
	const executions = await server.waitForExecutions(WORKFLOW_ID, before + 1, 30_000);
	expect(executions.at(-1)!.mode).toBe('webhook');
	expect(nodeItems(executions.at(-1) as ExecutionRun, NODE_NAME)[0]).toMatchObject({
		event: 'appointment.cancelled',
		id: '990006',
	});
	figures.timings.push(
		`test listening: ${EVENTS.length} test registrations made and removed; production registrations kept ${registered().length}/${EVENTS.length}`,
	);
	figures.executionsSeen = executions.length;
});

test('deactivation (public API) deletes every registration; later events reach no workflow', async () => {
	const ids = registered().map((w) => w.id);
	const oldKey = registered()[0].signing_key!;
	expect(ids).toHaveLength(EVENTS.length);
	const deletesBefore = sandbox.received('DELETE', /^\/v1\/webhooks\//).length; // test listening deleted its own
	await server.deactivateWorkflow(WORKFLOW_ID);
	expect(registered()).toEqual([]);
	expect(
		sandbox
			.received('DELETE', /^\/v1\/webhooks\//)
			.slice(deletesBefore)
			.map((r) => r.path)
			.sort(),
	).toEqual(ids.map((id) => INFERRED.webhookPath(id)).sort());

	const executions = (await server.listExecutions(WORKFLOW_ID, { includeData: false })).length;
	// Hero has nothing left to deliver to; a delivery signed with the old key finds no webhook in n8n.
	expect(await emit('appointment.confirmed', '990004')).toEqual([]);
	const now = String(Math.floor(Date.now() / 1000));
	const body = JSON.stringify({
		object: 'Appointment',
		id: '990004',
		practice_group_id: sandbox.practiceGroupId,
		event: 'appointment.confirmed',
	});
	const signature = createHmac('sha256', oldKey).update(`${now}.${body}`).digest('hex');
	const late = await fetch(webhookUrl(), {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'X-Herohealth-Timestamp': now,
			'X-Herohealth-Signature': signature,
		},
		body,
	});
	expect(late.status).toBe(404);
	await new Promise((resolve) => setTimeout(resolve, 1_000));
	expect((await server.listExecutions(WORKFLOW_ID, { includeData: false })).length).toBe(
		executions,
	);
	figures.executionsSeen = executions;
});
