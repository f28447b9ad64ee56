/**
 * Hero Health Trigger under load in a real n8n (`n8n start`, the packed package
 * installed as a community package, the workflow activated through the public API).
 *
 * 500 signed deliveries are posted to n8n's production webhook URL within 5 s, one every 10 ms on a
 * fixed schedule that never waits for an answer (a burst, as Hero could send it):
 * 450 distinct events and 50 exact replays of events already sent (same timestamp, same bytes),
 * interleaved. Every post must be answered 200 (a replay with the trigger's "repeat" answer), exactly
 * 450 executions must start, each distinct event in exactly one of them.
 *
 * Measures time-to-200 per post (median, p99), the n8n process's CPU per delivery and its memory
 * (VmRSS before and after, peak during the burst from VmHWM reset just before it). For comparison,
 * the same n8n's own Webhook node takes 100 posts afterwards. With HERO_EVIDENCE_DIR set, the figures
 * go to <dir>/triggerLoad.json (one entry per n8n line) for docs/evidence.md.
 */
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

import { heroType } from '../n8n/harness/constants';
import { nodeItems } from '../n8n/harness/execution';
import { cleanupAll, type N8nHome } from '../n8n/harness/home';
import { startN8nServer, type N8nServer } from '../n8n/harness/servers';
import { createSandboxHome, importWorkflow, type WorkflowJson } from '../n8n/harness/workflows';
import { webhooks } from '../sandbox/routes/webhooks';
import { startSandbox, type Sandbox } from '../sandbox/server';

// The posts all leave within 5 s; n8n takes longer to answer them all (it spends about 0.1 s of CPU on
// each delivery, as on its own Webhook node), so the test allows minutes.
jest.setTimeout(300_000);

// At most 16 characters: n8n saves a workflow's static data (the signing key) only for such ids.
const WORKFLOW_ID = 'heroE2eTrigLoad1';
const WEBHOOK_ID = '7a3e51c2-8d4b-4f61-b0a9-2c5d6e7f8a9b';
const NODE_NAME = 'Hero Health Trigger';
const EVENTS = ['appointment.confirmed', 'appointment.cancelled'];

const UNIQUE = 450;
const REPLAYS = 50;
const TOTAL = UNIQUE + REPLAYS;
const SPREAD_MS = 5_000;
// No cap short of the whole burst: the sender never waits for n8n (open loop).
const MAX_IN_FLIGHT = TOTAL;
const REPEAT_ANSWER = { received: true, ignored: 'a repeat of a delivery already accepted' };

let sandbox: Sandbox;
let home: N8nHome;
let server: N8nServer;

const triggerWorkflow = (credentialId: string): WorkflowJson => ({
	id: WORKFLOW_ID,
	name: 'E2E Hero Health Trigger under load',
	active: false,
	nodes: [
		{
			id: 'hero-trigger-load-1',
			name: NODE_NAME,
			type: heroType('heroHealthTrigger'),
			typeVersion: 1,
			position: [0, 300],
			webhookId: WEBHOOK_ID,
			// Without the record read: the figures are n8n's and the trigger's (verify, de-duplicate,
			// start a run), not the sandbox's, which shares this process with the load generator.
			parameters: { events: EVENTS, fetchFullRecord: false },
			credentials: { heroHealthApi: { id: credentialId, name: 'Hero Health sandbox' } },
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
});

/** For comparison: n8n's own Webhook node in the same n8n (no signature check, no replay memory). */
const BASELINE_ID = 'heroE2ePlainHook';
const BASELINE_PATH = 'hero-load-baseline';
const BASELINE_POSTS = 100;
const baselineWorkflow: WorkflowJson = {
	id: BASELINE_ID,
	name: 'E2E plain Webhook (baseline)',
	active: false,
	nodes: [
		{
			id: 'plain-webhook-1',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 300],
			webhookId: '0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e',
			parameters: { httpMethod: 'POST', path: BASELINE_PATH, responseMode: 'onReceived' },
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
};

/** What the tests measured, written to the evidence folder once all ran. */
const recorded: { trigger?: Record<string, unknown>; baseline?: Record<string, unknown> } = {};

interface Post {
	/** Which distinct event (0..UNIQUE-1) this post carries. */
	event: number;
	replay: boolean;
	body: string;
}

interface Answer {
	post: Post;
	status: number;
	body: string;
	ms: number;
}

/**
 * The 500 posts in sending order: every tenth is a replay of an event sent before it, some just
 * before (likely still in flight: the memory's check-and-remember must hold), some seconds before.
 */
function plan(practiceGroupId: string): Post[] {
	const posts: Post[] = [];
	const sent: Post[] = [];
	for (let i = 0; i < TOTAL; i++) {
		if (i % 10 === 9) {
			const original = sent[sent.length - 1 - ((i * 7) % sent.length)];
			posts.push({ ...original, replay: true });
			continue;
		}
		const event = sent.length;
		const body = JSON.stringify({
			object: 'Appointment',
			id: String(700_000 + event),
			practice_group_id: practiceGroupId,
			event: EVENTS[event % EVENTS.length],
		});
		const post: Post = { event, replay: false, body };
		sent.push(post);
		posts.push(post);
	}
	return posts;
}

/**
 * Signs an event when it is first sent (its timestamp then, as Hero would); a replay gets the very
 * same headers, so it repeats the original byte for byte.
 */
const signedHeaders = new Map<number, Record<string, string>>();
function headersFor(post: Post, key: string): Record<string, string> {
	let headers = signedHeaders.get(post.event);
	if (!headers) {
		const timestamp = String(Math.floor(Date.now() / 1000));
		headers = {
			'content-type': 'application/json',
			'X-Herohealth-Timestamp': timestamp,
			'X-Herohealth-Signature': createHmac('sha256', key)
				.update(`${timestamp}.${post.body}`)
				.digest('hex'),
		};
		signedHeaders.set(post.event, headers);
	}
	return headers;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A field of /proc/<pid>/status in MB (VmRSS, VmHWM). */
function procMB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	const kB = Number(
		new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
			readFileSync(`/proc/${pid}/status`, 'utf8'),
		)?.[1],
	);
	return Math.round((kB / 1024) * 10) / 10;
}

/** CPU time (user + system) the process has used, in ms: unlike wall time, it does not grow when other processes load the machine. */
const TICKS_PER_SECOND =
	Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
function cpuMs(pid: number): number {
	// Fields after the command name (which may hold spaces and parentheses): utime and stime are the 12th and 13th.
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Resets the process's peak RSS (VmHWM) to its current RSS (Linux >= 4.0), so the next peak is the burst's. */
function resetPeak(pid: number): boolean {
	try {
		writeFileSync(`/proc/${pid}/clear_refs`, '5');
		return true;
	} catch {
		return false;
	}
}

/** The value at quantile q of sorted numbers (nearest rank). */
const quantile = (sorted: number[], q: number) =>
	sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	const { home: created, credentialId } = await createSandboxHome(sandbox);
	home = created;
	await importWorkflow(home, [triggerWorkflow(credentialId), baselineWorkflow]);
	server = await startN8nServer(home);
	await server.prepareApi();
	await server.activateWorkflow(WORKFLOW_ID);
	await server.activateWorkflow(BASELINE_ID);
}, 900_000);

afterAll(async () => {
	const dir = process.env.HERO_EVIDENCE_DIR;
	if (dir && recorded.trigger) {
		// One file, one entry per n8n line: the compatibility matrix runs this suite on each.
		mkdirSync(dir, { recursive: true });
		const file = join(dir, 'triggerLoad.json');
		const all = existsSync(file)
			? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
			: {};
		writeFileSync(
			file,
			`${JSON.stringify({ ...all, [`line${home.n8n.line}`]: { ...recorded.trigger, ...(recorded.baseline ? { baseline: recorded.baseline } : {}) } }, null, 2)}\n`,
		);
	}
	await server?.stop();
	await home?.cleanup();
	await cleanupAll();
	await sandbox?.close();
});

test('500 signed deliveries in 5 s, 50 of them exact replays: every one answered 200, exactly the 450 distinct events start runs, once each', async () => {
	const url = `${server.baseUrl}/webhook/${WEBHOOK_ID}/webhook`;
	const [registration] = [...webhooks(sandbox.state).values()].filter((w) => w.url === url);
	expect(registration?.signing_key).toMatch(/^[0-9a-f]{64}$/);
	const key = registration.signing_key!;
	const posts = plan(sandbox.practiceGroupId);
	expect(posts.filter((p) => p.replay)).toHaveLength(REPLAYS);

	// Let n8n settle after activation, then take its memory before the burst.
	await sleep(1_000);
	const rssBeforeMB = procMB(server.pid, 'VmRSS');
	const cpuBeforeMs = cpuMs(server.pid);
	const loadBefore = loadavg()[0];
	const peakReset = resetPeak(server.pid);
	let sampledPeakMB = rssBeforeMB;
	const sampler = setInterval(
		() => (sampledPeakMB = Math.max(sampledPeakMB, procMB(server.pid, 'VmRSS'))),
		100,
	);

	// One post every 10 ms on a fixed schedule, whatever n8n has answered so far.
	const answers: Answer[] = [];
	let inFlight = 0;
	let maxInFlight = 0;
	let lateStarts = 0;
	const started = Date.now();
	const sends: Array<Promise<void>> = [];
	for (let i = 0; i < TOTAL; i++) {
		const due = started + Math.round((i * SPREAD_MS) / TOTAL);
		if (due > Date.now()) await sleep(due - Date.now());
		while (inFlight >= MAX_IN_FLIGHT) await sleep(1);
		if (Date.now() - due > 50) lateStarts++;
		const post = posts[i];
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		sends.push(
			(async () => {
				const sentAt = performance.now();
				try {
					const response = await fetch(url, {
						method: 'POST',
						headers: headersFor(post, key),
						body: post.body,
					});
					// Time-to-200: until the status line and headers arrive, as a sender's timeout sees it.
					const ms = performance.now() - sentAt;
					answers.push({ post, status: response.status, body: await response.text(), ms });
				} catch (error) {
					answers.push({ post, status: 0, body: String(error), ms: performance.now() - sentAt });
				} finally {
					inFlight--;
				}
			})(),
		);
	}
	await Promise.all(sends);
	const burstMs = Date.now() - started;
	clearInterval(sampler);
	const loadAfter = loadavg()[0];
	const rssAfterMB = procMB(server.pid, 'VmRSS');
	const peakMB = peakReset ? procMB(server.pid, 'VmHWM') : Math.max(sampledPeakMB, rssAfterMB);

	// Every post answered 200; per event, exactly one of its posts got the repeat answer if it was replayed.
	const statuses: Record<string, number> = {};
	for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
	expect(statuses).toEqual({ 200: TOTAL });
	const repeats = answers.filter((a) => a.body.includes('"ignored"'));
	expect(repeats.map((a) => JSON.parse(a.body))).toEqual(Array(REPLAYS).fill(REPEAT_ANSWER));
	const replayed = new Set(posts.filter((p) => p.replay).map((p) => p.event));
	expect(new Set(repeats.map((a) => a.post.event))).toEqual(replayed);
	expect(replayed.size).toBe(REPLAYS);

	// n8n has created every execution before it answers a webhook in this mode (onReceived), so the
	// count cannot grow after the answers; waiting is only for the runs to finish, bounded.
	const settleStarted = Date.now();
	let finished = 0;
	for (;;) {
		const list = await server.listExecutions(WORKFLOW_ID, { includeData: false });
		finished = list.filter((e) => e.stoppedAt).length;
		if ((finished >= UNIQUE && list.length === finished) || Date.now() - settleStarted > 60_000)
			break;
		await sleep(500);
	}
	// From before the burst until every run finished (the runs end after their answers).
	const burstCpuMs = cpuMs(server.pid) - cpuBeforeMs;
	const settleMs = Date.now() - settleStarted;
	const rssSettledMB = procMB(server.pid, 'VmRSS');
	// A late run from a replay would show here.
	await sleep(2_000);
	const executions = await server.listExecutions(WORKFLOW_ID);

	const ids = executions.flatMap((e) => nodeItems(e, NODE_NAME).map((item) => String(item.id)));
	expect(executions).toHaveLength(UNIQUE);
	expect(executions.every((e) => e.status === 'success' && e.mode === 'webhook')).toBe(true);
	expect(ids.sort()).toEqual(Array.from({ length: UNIQUE }, (_, i) => String(700_000 + i)).sort());

	const times = answers.map((a) => a.ms).sort((a, b) => a - b);
	const round = (ms: number) => Math.round(ms * 10) / 10;
	const figures = {
		n8n: home.n8n.version,
		// The Node n8n ran on (line 2 runs on node@24, not on this process's Node).
		node: execFileSync(home.n8n.nodeBin, ['--version'], { encoding: 'utf8' }).trim(),
		line: home.n8n.line,
		recordedAt: new Date().toISOString(),
		deliveries: TOTAL,
		distinct: UNIQUE,
		replays: REPLAYS,
		spreadMs: SPREAD_MS,
		maxInFlight: MAX_IN_FLIGHT,
		burstMs,
		peakInFlight: maxInFlight,
		postsStartedLate: lateStarts,
		answers: statuses,
		repeatAnswers: repeats.length,
		executions: executions.length,
		distinctEventsRun: new Set(ids).size,
		settleMs,
		// The machine's 1-minute load average around the burst: time-to-200 grows with it, CPU per delivery does not.
		loadAverage: {
			before: Math.round(loadBefore * 10) / 10,
			after: Math.round(loadAfter * 10) / 10,
			cores: cpus().length,
		},
		n8nCpuMsPerDelivery: round(burstCpuMs / TOTAL),
		timeTo200Ms: {
			median: round(quantile(times, 0.5)),
			p99: round(quantile(times, 0.99)),
			max: round(times[times.length - 1]),
		},
		memoryMB: {
			rssBefore: rssBeforeMB,
			peakDuringBurst: peakMB,
			rssAfterBurst: rssAfterMB,
			rssAfterRuns: rssSettledMB,
			peakFrom: peakReset ? 'VmHWM reset before the burst' : 'VmRSS sampled every 100 ms',
		},
	};
	process.stderr.write(
		`\n[trigger under load, n8n ${figures.n8n}]\n${JSON.stringify(figures, null, 2)}\n`,
	);
	recorded.trigger = figures;
});

test("for comparison, n8n's own Webhook node in the same n8n: 100 posts, each answered 200 and run once", async () => {
	const url = `${server.baseUrl}/webhook/${BASELINE_PATH}`;
	await sleep(1_000);
	const cpuBefore = cpuMs(server.pid);
	const times: number[] = [];
	const statuses: Record<string, number> = {};
	let inFlight = 0;
	const sends: Array<Promise<void>> = [];
	// As fast as the same bound of requests in flight allows: the figure wanted is CPU per delivery.
	for (let i = 0; i < BASELINE_POSTS; i++) {
		while (inFlight >= MAX_IN_FLIGHT) await sleep(1);
		inFlight++;
		const body = JSON.stringify({
			object: 'Appointment',
			id: String(800_000 + i),
			practice_group_id: sandbox.practiceGroupId,
			event: 'appointment.confirmed',
		});
		sends.push(
			(async () => {
				const sentAt = performance.now();
				try {
					const response = await fetch(url, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body,
					});
					times.push(performance.now() - sentAt);
					statuses[response.status] = (statuses[response.status] ?? 0) + 1;
					await response.text();
				} finally {
					inFlight--;
				}
			})(),
		);
	}
	await Promise.all(sends);
	const deadline = Date.now() + 60_000;
	let executions = await server.listExecutions(BASELINE_ID, { includeData: false });
	while (
		!(executions.length >= BASELINE_POSTS && executions.every((e) => e.stoppedAt)) &&
		Date.now() < deadline
	) {
		await sleep(500);
		executions = await server.listExecutions(BASELINE_ID, { includeData: false });
	}
	const cpu = cpuMs(server.pid) - cpuBefore;
	expect(statuses).toEqual({ 200: BASELINE_POSTS });
	expect(executions).toHaveLength(BASELINE_POSTS);
	times.sort((a, b) => a - b);
	const round = (ms: number) => Math.round(ms * 10) / 10;
	recorded.baseline = {
		node: 'n8n-nodes-base.webhook',
		deliveries: BASELINE_POSTS,
		n8nCpuMsPerDelivery: round(cpu / BASELINE_POSTS),
		timeTo200Ms: { median: round(quantile(times, 0.5)), p99: round(quantile(times, 0.99)) },
	};
	process.stderr.write(`[n8n's own Webhook node] ${JSON.stringify(recorded.baseline)}\n`);
});
