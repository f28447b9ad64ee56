/**
 * n8n queue mode end to end: Redis + PostgreSQL + n8n main + 2 workers (test/compat/queue-cluster.ts),
 * this package installed in every process's N8N_USER_FOLDER. Runs on HERO_N8N_LINE (1 or 2).
 *
 * Shows: 500 sends through webhook-started runs arrive exactly once, spread over both workers;
 * 200 Hero webhook deliveries to the trigger give 200 successful executions on both workers;
 * a worker SIGKILLed in the middle of a run: what n8n does with the interrupted execution and how
 * many messages reach Hero twice (with n8n's defaults, and on 1.x with QUEUE_WORKER_MAX_STALLED_COUNT=0);
 * a worker stopped with SIGTERM in the middle of a run finishes it first.
 *
 * Figures are printed at the end and written to $HERO_COMPAT_REPORT_DIR/queue-line<N>.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defaultN8nLine } from '../n8n/harness/constants';
import type { ExecutionRun } from '../n8n/harness/execution';
import { cleanupAll, ensureN8n } from '../n8n/harness/home';
import { messages as sandboxMessages } from '../sandbox/routes/messages';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { QueueCluster, type QueueWorker } from './queue-cluster';
import { deliveries, deliveryPolicy, webhooks } from '../sandbox/routes/webhooks';
import {
	messagesFor,
	SEND_PATH,
	SEND_WORKFLOW_ID,
	sendWorkflow,
	TRIGGER_EVENT,
	TRIGGER_WEBHOOK_ID,
	TRIGGER_WORKFLOW_ID,
	triggerWorkflow,
} from './workflows';

const LINE = defaultN8nLine();
const TRIGGER_TAG = `TRIG-L${LINE}`;
/** Deliveries the sandbox has waiting on n8n at most at once in the trigger test. */
const TRIGGER_IN_FLIGHT = 10;
jest.setTimeout(600_000);

/**
 * Shorter than n8n's defaults (60 s lock, 10 s renewal, 30 s stalled check) so that a killed
 * worker's job is noticed within ~20 s instead of ~90 s. What n8n then does with it does not depend
 * on these timings (it depends on max stalled count: 1 on 1.x by default, always 0 on 2.x).
 */
const QUEUE_TIMINGS = {
	QUEUE_WORKER_LOCK_DURATION: '15000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '3000',
	QUEUE_WORKER_STALLED_INTERVAL: '5000',
};

interface KillFigures {
	settings: string;
	/** How the worker was stopped. */
	signal: 'SIGKILL' | 'SIGTERM';
	messagesInRun: number;
	sentWhenKilled: number;
	killedWorker: string;
	/** What n8n did with the interrupted execution: finished by the stopped worker, run again elsewhere, failed, or nothing. */
	outcome: 'completed' | 'retried' | 'failed' | 'lost';
	/** Nodes with run data in the execution n8n kept. */
	nodesWithData: string[];
	retriedBy: string[];
	finalStatus: string;
	errorMessage?: string;
	secondsToOutcome: number;
	distinctDelivered: number;
	deliveredTwice: number;
	neverDelivered: number;
	sendRequests: number;
}

const figures: {
	line: number;
	n8n?: string;
	node?: string;
	redis?: string;
	postgres?: string;
	startupSeconds?: number;
	startupStages?: Record<string, number>;
	sends?: Record<string, unknown>;
	trigger?: Record<string, unknown>;
	kills: KillFigures[];
} = { line: LINE, kills: [] };

let sandbox: Sandbox;
let cluster: QueueCluster;
const logDir = process.env.HERO_COMPAT_LOG_DIR
	? join(process.env.HERO_COMPAT_LOG_DIR, `queue-line${LINE}`)
	: mkdtempSync(join(tmpdir(), 'hero-queue-logs-'));
mkdirSync(logDir, { recursive: true });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(
	what: string,
	probe: () => T | undefined | false | Promise<T | undefined | false>,
	timeoutMs: number,
	everyMs = 100,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline)
			throw new Error(`compat: timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(everyMs);
	}
}

/** How many times each message text tagged `tag` reached the sandbox (messages Hero stored). */
function deliveredCounts(tag: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const message of sandboxMessages(sandbox.state).values()) {
		if (message.message.startsWith(`${tag} #`))
			counts.set(message.message, (counts.get(message.message) ?? 0) + 1);
	}
	return counts;
}

function sendRequests(tag: string): number {
	// From the raw body: the recorded request is matched before its body is parsed.
	return sandbox
		.received('POST', '/v1/messages/send')
		.filter((r) => r.rawBody.includes(`"message_string":"${tag} #`)).length;
}

function total(counts: Map<string, number>): number {
	let sum = 0;
	for (const n of counts.values()) sum += n;
	return sum;
}

async function postWebhook(path: string, body: unknown): Promise<number> {
	const response = await fetch(`${cluster.main.baseUrl}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	await response.text();
	return response.status;
}

function byWorker(executionIds: string[]): Record<string, number> {
	const spread: Record<string, number> = {};
	for (const worker of cluster.workers)
		spread[worker.name] = executionIds.filter((id) =>
			worker.startedExecutions().includes(id),
		).length;
	return spread;
}

/** An execution as n8n stored it (PostgreSQL's execution_entity): the record of what ran. */
interface StoredExecution {
	id: string;
	status: string;
	startedAt: number;
	stoppedAt: number;
}

function storedExecutions(workflowId: string): StoredExecution[] {
	const sql =
		`select id, status, coalesce(extract(epoch from "startedAt") * 1000, 0)::bigint, coalesce(extract(epoch from "stoppedAt") * 1000, 0)::bigint ` +
		`from execution_entity where "workflowId" = '${workflowId}' order by id`;
	return cluster.postgres.query(sql).map(([id, status, startedAt, stoppedAt]) => ({
		id,
		status,
		startedAt: Number(startedAt),
		stoppedAt: Number(stoppedAt),
	}));
}

/**
 * Waits until n8n has stored `count` finished executions of the workflow. Read from the database:
 * n8n 1.x's public API leaves out of its list every execution the main process still counts as
 * running; once, 199 of 200 finished executions were listed (`listedByApi` in the figures).
 */
async function finishedExecutions(
	workflowId: string,
	count: number,
	timeoutMs: number,
): Promise<StoredExecution[]> {
	return waitFor(
		`${count} finished executions of ${workflowId}`,
		() => {
			const done = storedExecutions(workflowId).filter((e) => e.stoppedAt > 0);
			return done.length >= count && done;
		},
		timeoutMs,
		250,
	);
}

/** How many of the workflow's executions n8n's public API lists (see finishedExecutions). */
async function listedByApi(workflowId: string): Promise<number> {
	return (await cluster.main.listExecutions(workflowId, { includeData: false })).length;
}

/** From the first execution's start to the last one's end, and the slowest execution, per n8n's records. */
function executionSpan(executions: StoredExecution[]): {
	spanSeconds: number;
	slowestSeconds: number;
} {
	const slowest = Math.max(...executions.map((e) => e.stoppedAt - e.startedAt));
	const span =
		Math.max(...executions.map((e) => e.stoppedAt)) -
		Math.min(...executions.map((e) => e.startedAt));
	return {
		spanSeconds: Math.round(span / 100) / 10,
		slowestSeconds: Math.round(slowest / 100) / 10,
	};
}

async function execution(id: string): Promise<ExecutionRun> {
	return cluster.main.publicApi<ExecutionRun>('GET', `/executions/${id}?includeData=true`);
}

beforeAll(async () => {
	const started = Date.now();
	sandbox = await startSandbox({ port: 0 });
	const n8n = await ensureN8n(LINE);
	cluster = new QueueCluster({
		n8n,
		sandbox,
		workflows: [sendWorkflow(), triggerWorkflow(TRIGGER_TAG)],
		activate: [SEND_WORKFLOW_ID, TRIGGER_WORKFLOW_ID],
		queueEnv: QUEUE_TIMINGS,
		logDir,
	});
	try {
		await cluster.start();
	} catch (error) {
		process.stderr.write(`queue cluster failed to start; logs in ${logDir}\n`);
		throw error;
	}
	Object.assign(figures, {
		n8n: n8n.version,
		node: execFileSync(n8n.nodeBin, ['--version'], { encoding: 'utf8' }).trim(),
		...cluster.versions(),
		startupSeconds: Math.round((Date.now() - started) / 100) / 10,
		startupStages: cluster.timings,
	});
});

afterAll(async () => {
	await cluster?.stop();
	await cleanupAll();
	await sandbox?.close();
	report();
});

test('500 sends through 20 webhook-started runs: exactly 500 messages in Hero, none twice, both workers used', async () => {
	const tag = `SEND-L${LINE}`;
	const runs = 20;
	const perRun = 25;
	const started = Date.now();
	const statuses = await Promise.all(
		Array.from({ length: runs }, (_, r) =>
			postWebhook(SEND_PATH, { messages: messagesFor(tag, perRun, r * perRun) }),
		),
	);
	expect(statuses).toEqual(Array(runs).fill(200));

	const executions = await finishedExecutions(SEND_WORKFLOW_ID, runs, 180_000);
	const seconds = (Date.now() - started) / 1000;
	const ids = executions.map((e) => e.id);
	const counts = deliveredCounts(tag);
	const spread = byWorker(ids);
	figures.sends = {
		runs,
		messagesPerRun: perRun,
		executions: executions.length,
		successful: executions.filter((e) => e.status === 'success').length,
		byWorker: spread,
		messagesInHero: total(counts),
		distinct: counts.size,
		deliveredTwice: [...counts.values()].filter((n) => n > 1).length,
		sendRequests: sendRequests(tag),
		seconds: Math.round(seconds * 10) / 10,
		listedByApi: await listedByApi(SEND_WORKFLOW_ID),
		...executionSpan(executions),
	};

	expect(executions).toHaveLength(runs);
	expect(executions.map((e) => e.status)).toEqual(Array(runs).fill('success'));
	// Every run's Hero node returned one item per message.
	for (const id of ids)
		expect(
			(await execution(id)).data?.resultData.runData['Send SMS']?.[0]?.data?.main?.[0],
		).toHaveLength(perRun);
	expect(total(counts)).toBe(runs * perRun);
	expect(counts.size).toBe(runs * perRun);
	expect(sendRequests(tag)).toBe(runs * perRun);
	// Each execution ran on exactly one worker, and both workers took some.
	for (const id of ids) expect(cluster.workersOf(id)).toHaveLength(1);
	expect(Object.values(spread).reduce((a, b) => a + b, 0)).toBe(runs);
	for (const count of Object.values(spread)) expect(count).toBeGreaterThan(0);
});

test('200 Hero webhook deliveries to the trigger: 200 successful executions over both workers, one SMS each, none twice', async () => {
	const count = 200;
	// Activation (through the main process) registered the trigger's webhook with Hero.
	const hooks = [...webhooks(sandbox.state).values()].filter((w) =>
		w.url.includes(`/webhook/${TRIGGER_WEBHOOK_ID}/`),
	);
	expect(hooks.map((w) => w.event_type)).toEqual([TRIGGER_EVENT]);
	expect(hooks[0].url.startsWith(cluster.main.baseUrl)).toBe(true);
	// A delivery n8n does not answer with 2xx would be retried (and could start a second execution).
	Object.assign(deliveryPolicy(sandbox.state), {
		baseDelayMs: 500,
		maxDelayMs: 2_000,
		maxAttempts: 5,
	});

	const started = Date.now();
	const ids = Array.from({ length: count }, (_, i) => String(700001 + i));
	const ours = () =>
		deliveries(sandbox.state).filter((d) => d.event === TRIGGER_EVENT && ids.includes(d.object_id));
	for (const id of ids) {
		// Hero delivers as events happen; here at most 10 deliveries wait on n8n at once.
		await waitFor(
			'a free delivery slot',
			() =>
				ours().filter((d) => d.state === 'pending' || d.state === 'retrying').length <
				TRIGGER_IN_FLIGHT,
			60_000,
			5,
		);
		const response = await fetch(`${sandbox.url}/__sandbox/webhooks/emit`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ event: TRIGGER_EVENT, id }),
		});
		expect(response.status).toBe(200);
		await response.text();
	}
	await waitFor(
		'every delivery to settle',
		() =>
			ours().length === count &&
			ours().every((d) => d.state === 'delivered' || d.state === 'failed'),
		180_000,
		250,
	);
	const executions = await finishedExecutions(TRIGGER_WORKFLOW_ID, count, 180_000);
	await waitFor('the 200th SMS', () => total(deliveredCounts(TRIGGER_TAG)) >= count, 60_000);
	const seconds = (Date.now() - started) / 1000;
	await sleep(1000);

	const settled = ours();
	const executionIds = executions.map((e) => e.id);
	const counts = deliveredCounts(TRIGGER_TAG);
	const spread = byWorker(executionIds);
	figures.trigger = {
		deliveries: settled.length,
		inFlight: TRIGGER_IN_FLIGHT,
		delivered: settled.filter((d) => d.state === 'delivered').length,
		httpAttempts: settled.reduce((n, d) => n + d.attempts.length, 0),
		executions: executions.length,
		successful: executions.filter((e) => e.status === 'success').length,
		byWorker: spread,
		smsInHero: total(counts),
		distinct: counts.size,
		deliveredTwice: [...counts.values()].filter((n) => n > 1).length,
		seconds: Math.round(seconds * 10) / 10,
		listedByApi: await listedByApi(TRIGGER_WORKFLOW_ID),
		...executionSpan(executions),
	};

	expect(settled.filter((d) => d.state === 'delivered')).toHaveLength(count);
	// Each delivery was answered 200 at the first attempt: n8n's main process took them all.
	expect(settled.every((d) => d.attempts.length === 1 && d.attempts[0].status === 200)).toBe(true);
	expect(executions).toHaveLength(count);
	expect(executions.map((e) => e.status)).toEqual(Array(count).fill('success'));
	// One execution per event id, each starting from the trigger's item for that event.
	const eventIds: string[] = [];
	for (const id of executionIds)
		eventIds.push(
			String(
				(await execution(id)).data?.resultData.runData['Hero Health Trigger']?.[0]?.data
					?.main?.[0]?.[0]?.json.id,
			),
		);
	eventIds.sort();
	expect(eventIds).toEqual([...ids].sort());
	for (const id of executionIds) expect(cluster.workersOf(id)).toHaveLength(1);
	expect(Object.values(spread).reduce((a, b) => a + b, 0)).toBe(count);
	for (const n of Object.values(spread)) expect(n).toBeGreaterThan(0);
	expect(counts.size).toBe(count);
	expect(total(counts)).toBe(count);
});

/**
 * Starts a run of `count` slow sends (40 ms each in Hero), stops the worker running it with `signal`
 * once a quarter has reached Hero, then watches what n8n does with the execution.
 */
async function stopMidRun(
	settings: string,
	count: number,
	signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL',
): Promise<KillFigures> {
	const tag = `KILL-L${LINE}-${figures.kills.length + 1}`;
	const known = new Set(cluster.workers.flatMap((w) => w.startedExecutions()));
	sandbox.faults.add({
		kind: 'latency',
		method: 'POST',
		path: '^/v1/messages/send$',
		latencyMs: 40,
	});
	try {
		expect(await postWebhook(SEND_PATH, { messages: messagesFor(tag, count) })).toBe(200);
		const [executionId, victim] = await waitFor(
			'a worker to start the run',
			() => {
				for (const worker of cluster.live()) {
					const fresh = worker.startedExecutions().find((id) => !known.has(id));
					if (fresh) return [fresh, worker] as [string, QueueWorker];
				}
				return undefined;
			},
			60_000,
		);
		await waitFor(
			'a quarter of the run to reach Hero',
			() => total(deliveredCounts(tag)) >= count / 4,
			60_000,
			10,
		);
		const sentWhenKilled = total(deliveredCounts(tag));
		const killedAt = Date.now();
		// SIGTERM: n8n's graceful shutdown (the worker finishes its runs, then exits; SIGKILL after 60 s).
		if (signal === 'SIGKILL') await victim.kill();
		else await victim.process.stop(60_000);

		// The outcome: another worker starts the same execution (retried), or n8n records it as
		// finished without a retry (failed), or nothing happens within 2 minutes (lost).
		const deadline = killedAt + 120_000;
		let run: ExecutionRun | undefined;
		let retriedBy: string[] = [];
		for (;;) {
			retriedBy = cluster.workersOf(executionId).filter((name) => name !== victim.name);
			run = await execution(executionId);
			const retryFinished =
				retriedBy.length > 0 &&
				cluster.workers.some(
					(w) => w.name !== victim.name && w.finishedExecutions().includes(executionId),
				);
			if (run.stoppedAt && (retriedBy.length === 0 || retryFinished)) break;
			if (Date.now() > deadline) break;
			await sleep(250);
		}
		const secondsToOutcome = Math.round((Date.now() - killedAt) / 100) / 10;
		// Sends still in flight when the outcome was decided land in the next moment.
		await sleep(1000);
		const counts = deliveredCounts(tag);
		const error = run?.data?.resultData.error as { message?: string } | undefined;
		const outcome: KillFigures['outcome'] = retriedBy.length
			? 'retried'
			: run?.status === 'success'
				? 'completed'
				: run?.stoppedAt
					? 'failed'
					: 'lost';
		const result: KillFigures = {
			settings,
			signal,
			nodesWithData: Object.keys(run?.data?.resultData.runData ?? {}),
			messagesInRun: count,
			sentWhenKilled,
			killedWorker: victim.name,
			outcome,
			retriedBy,
			finalStatus: run?.status ?? 'unknown',
			errorMessage: error?.message,
			secondsToOutcome,
			distinctDelivered: counts.size,
			deliveredTwice: [...counts.values()].filter((n) => n > 1).length,
			neverDelivered: count - counts.size,
			sendRequests: sendRequests(tag),
		};
		figures.kills.push(result);
		return result;
	} finally {
		sandbox.faults.clear();
	}
}

test('worker stopped with SIGTERM mid-run (graceful shutdown, n8n defaults): it finishes the run first, every message sent once', async () => {
	const result = await stopMidRun(
		'n8n defaults (N8N_GRACEFUL_SHUTDOWN_TIMEOUT=30)',
		300,
		'SIGTERM',
	);
	expect(result.outcome).toBe('completed');
	expect(result.finalStatus).toBe('success');
	expect(result.retriedBy).toEqual([]);
	expect(result.distinctDelivered).toBe(result.messagesInRun);
	expect(result.deliveredTwice).toBe(0);
	expect(result.sendRequests).toBe(result.messagesInRun);
	// Back to two workers for the next test.
	await cluster.startWorker();
	expect(cluster.live()).toHaveLength(2);
});

if (LINE === 1) {
	test('worker SIGKILLed mid-run, n8n 1.x defaults (max stalled count 1): the execution is re-run on the other worker and the sends made before the kill reach Hero twice', async () => {
		const result = await stopMidRun('n8n 1.x defaults (QUEUE_WORKER_MAX_STALLED_COUNT=1)', 300);
		expect(result.outcome).toBe('retried');
		expect(result.finalStatus).toBe('success');
		// The re-run starts from the first item: everything sent before the kill is sent again.
		expect(result.deliveredTwice).toBeGreaterThanOrEqual(result.sentWhenKilled);
		expect(result.distinctDelivered).toBe(result.messagesInRun);
	});

	test('worker SIGKILLed mid-run with QUEUE_WORKER_MAX_STALLED_COUNT=0 on every worker: the execution fails, nothing reaches Hero twice', async () => {
		// Replace the workers: two fresh ones with the setting, then stop the ones without it.
		const old = cluster.live();
		await Promise.all([
			cluster.startWorker({ QUEUE_WORKER_MAX_STALLED_COUNT: '0' }),
			cluster.startWorker({ QUEUE_WORKER_MAX_STALLED_COUNT: '0' }),
		]);
		await Promise.all(old.map((w) => w.process.stop()));
		const result = await stopMidRun('QUEUE_WORKER_MAX_STALLED_COUNT=0', 300);
		expect(result.outcome).toBe('failed');
		expect(result.finalStatus).not.toBe('success');
		expect(result.deliveredTwice).toBe(0);
		expect(result.sendRequests).toBe(result.distinctDelivered);
	});
} else {
	test('worker SIGKILLed mid-run, n8n 2.x (max stalled count fixed at 0): the execution fails, nothing reaches Hero twice', async () => {
		const result = await stopMidRun('n8n 2.x defaults (max stalled count fixed at 0)', 300);
		expect(result.outcome).toBe('failed');
		expect(result.finalStatus).not.toBe('success');
		expect(result.deliveredTwice).toBe(0);
		expect(result.sendRequests).toBe(result.distinctDelivered);
	});
}

function report(): void {
	const lines: string[] = [];
	lines.push(
		'',
		`=== Queue mode, n8n ${figures.n8n ?? '?'} on Node ${figures.node ?? '?'} (line ${LINE}), Redis ${figures.redis ?? '?'}, PostgreSQL ${figures.postgres ?? '?'} ===`,
	);
	lines.push(
		`cluster start: ${figures.startupSeconds ?? '?'} s (${Object.entries(
			figures.startupStages ?? {},
		)
			.map(([k, v]) => `${k} ${v} s`)
			.join(', ')})`,
	);
	if (figures.sends) {
		const s = figures.sends;
		lines.push(
			`sends: ${s.runs} runs x ${s.messagesPerRun} = ${Number(s.runs) * Number(s.messagesPerRun)} messages -> ${s.executions} executions (${s.successful} success), by worker ${JSON.stringify(s.byWorker)}; ` +
				`Hero stored ${s.messagesInHero} (${s.distinct} distinct, ${s.deliveredTwice} twice), ${s.sendRequests} send requests; public API listed ${s.listedByApi}; ${s.seconds} s from first POST to all recorded (n8n: first start to last end ${s.spanSeconds} s, slowest run ${s.slowestSeconds} s)`,
		);
	}
	if (figures.trigger) {
		const t = figures.trigger;
		lines.push(
			`trigger: ${t.deliveries} Hero deliveries, at most ${t.inFlight} at once (${t.delivered} delivered, ${t.httpAttempts} HTTP attempts) -> ${t.executions} executions (${t.successful} success), by worker ${JSON.stringify(t.byWorker)}; ` +
				`Hero stored ${t.smsInHero} SMS (${t.distinct} distinct, ${t.deliveredTwice} twice); public API listed ${t.listedByApi}; ${t.seconds} s (n8n: first start to last end ${t.spanSeconds} s)`,
		);
	}
	for (const k of figures.kills) {
		lines.push(
			`${k.signal} [${k.settings}]: ${k.messagesInRun}-message run, ${k.signal} to ${k.killedWorker} after ${k.sentWhenKilled} reached Hero -> ${k.outcome.toUpperCase()}` +
				`${k.retriedBy.length ? ` (re-run by ${k.retriedBy.join(', ')})` : ''}, execution status "${k.finalStatus}" after ${k.secondsToOutcome} s` +
				`${k.errorMessage ? ` ("${k.errorMessage.slice(0, 90)}")` : ''}, run data kept for [${k.nodesWithData.join(', ')}]; Hero got ${k.distinctDelivered} distinct, ${k.deliveredTwice} twice, ${k.neverDelivered} never; ${k.sendRequests} send requests`,
		);
	}
	lines.push(`logs: ${logDir}`, '');
	process.stdout.write(lines.join('\n'));
	const dir = process.env.HERO_COMPAT_REPORT_DIR;
	if (dir) {
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, `queue-line${LINE}.json`), JSON.stringify(figures, null, 2));
		writeFileSync(join(dir, `queue-line${LINE}.txt`), lines.join('\n'));
	}
}
