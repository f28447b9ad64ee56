/**
 * n8n in queue mode, the way the README tells users to run it: Redis, PostgreSQL, one main process
 * (`n8n start`, receives webhooks and enqueues executions) and worker processes (`n8n worker`), each
 * with its own N8N_USER_FOLDER holding this package under `.n8n/nodes` (installed there with npm,
 * as on separate machines), all sharing the database, the Redis queue and N8N_ENCRYPTION_KEY.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';

import { DEFAULT_CREDENTIAL } from '../n8n/harness/constants';
import { createN8nHome, type N8nHome, type N8nInstall } from '../n8n/harness/home';
import { freePort, spawnN8n, type N8nProcess } from '../n8n/harness/process';
import { startN8nServer, type N8nServer } from '../n8n/harness/servers';
import { importCredential, importWorkflow, type WorkflowJson } from '../n8n/harness/workflows';
import type { Sandbox } from '../sandbox/server';
import { startPostgres, startRedis, type Postgres, type Service } from './services';

export interface QueueWorker {
	readonly name: string;
	readonly home: N8nHome;
	readonly process: N8nProcess;
	readonly healthPort: number;
	/** Extra env this worker was started with (e.g. QUEUE_WORKER_MAX_STALLED_COUNT). */
	readonly env: Record<string, string>;
	/** Execution ids this worker logged as started ("Worker started execution N"), in order. */
	startedExecutions(): string[];
	finishedExecutions(): string[];
	/** SIGKILL to the worker and to the processes it had started (task runners), by PID. */
	kill(): Promise<void>;
}

export interface QueueClusterOptions {
	n8n: N8nInstall;
	sandbox: Sandbox;
	workflows: WorkflowJson[];
	/** Workflows to activate once the main process runs. */
	activate: string[];
	workers?: number;
	/** Queue settings for every process (lock and stalled timings). */
	queueEnv?: Record<string, string>;
	/** Extra env for the main process only. */
	mainEnv?: Record<string, string>;
	/** Extra env for the workers only. */
	workerEnv?: Record<string, string>;
	/** Log files go here when given (one per process). */
	logDir?: string;
}

/** Shared settings of every process of the cluster: database, queue, log level. */
function clusterEnv(
	redis: Service,
	postgres: Postgres,
	extra: Record<string, string> = {},
): Record<string, string> {
	return {
		...postgres.n8nEnv,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		// The worker's own HTTP server (health checks) binds loopback only.
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		...extra,
	};
}

const STARTED = /Worker started execution (\d+)/g;
const FINISHED = /Worker finished execution (\d+)/g;

function matches(logs: string, pattern: RegExp): string[] {
	return [...logs.matchAll(pattern)].map((m) => m[1]);
}

/** PIDs whose parent is `pid` (from /proc), recursively. */
function descendants(pid: number): number[] {
	const children: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (ppid === pid) children.push(Number(entry));
		} catch {
			// exited meanwhile
		}
	}
	return children.flatMap((child) => [child, ...descendants(child)]);
}

export class QueueCluster {
	redis!: Service;
	postgres!: Postgres;
	main!: N8nServer;
	mainHome!: N8nHome;
	readonly workers: QueueWorker[] = [];
	readonly encryptionKey = randomBytes(24).toString('hex');
	private env!: Record<string, string>;
	private homes: N8nHome[] = [];
	private workerCount = 0;
	/** Seconds each start-up stage took, in order. */
	readonly timings: Record<string, number> = {};

	constructor(private options: QueueClusterOptions) {
		if (options.logDir) mkdirSync(options.logDir, { recursive: true });
	}

	get n8n(): N8nInstall {
		return this.options.n8n;
	}

	async start(): Promise<void> {
		const { options } = this;
		await this.stage('redis+postgres', async () => {
			[this.redis, this.postgres] = await Promise.all([startRedis(), startPostgres()]);
			this.env = clusterEnv(this.redis, this.postgres, options.queueEnv);
		});
		this.mainHome = await this.stage('main home', () => this.home());
		const credential = await this.stage('import credential (creates the schema)', () =>
			importCredential(this.mainHome, {
				sandboxUrl: options.sandbox.url,
				apiKey: options.sandbox.apiKey,
				practiceGroupId: options.sandbox.practiceGroupId,
			}),
		);
		if (credential.id !== DEFAULT_CREDENTIAL.id)
			throw new Error('compat: workflows reference the default credential id');
		await this.stage('import workflows', () => importWorkflow(this.mainHome, options.workflows));
		await this.stage('main + workers ready', async () => {
			const workers = Array.from({ length: options.workers ?? 2 }, () =>
				this.startWorker(options.workerEnv),
			);
			const [server] = await Promise.all([
				startN8nServer(this.mainHome, { logFile: this.logFile('main'), env: options.mainEnv }),
				...workers,
			]);
			this.main = server;
			await this.main.prepareApi();
		});
		// Through the running main process (public API), which registers the webhooks.
		await this.stage('activate workflows', async () => {
			for (const id of options.activate) await this.main.activateWorkflow(id);
		});
	}

	private async stage<T>(name: string, body: () => Promise<T>): Promise<T> {
		const started = Date.now();
		const result = await body();
		this.timings[name] = Math.round((Date.now() - started) / 100) / 10;
		return result;
	}

	private logFile(name: string): string | undefined {
		return this.options.logDir ? `${this.options.logDir}/${name}.log` : undefined;
	}

	/** An N8N_USER_FOLDER with the package installed (npm install of the packed tarball). */
	private async home(): Promise<N8nHome> {
		const home = await createN8nHome({
			n8n: this.options.n8n,
			encryptionKey: this.encryptionKey,
			env: this.env,
		});
		this.homes.push(home);
		return home;
	}

	/** Starts `n8n worker` in a fresh home; resolves when it is ready and its health check answers. */
	async startWorker(extraEnv: Record<string, string> = {}): Promise<QueueWorker> {
		const name = `worker${++this.workerCount}`;
		const home = await this.home();
		const healthPort = await freePort();
		const env = {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			...extraEnv,
		};
		const proc = await spawnN8n(home, ['worker', '--concurrency=10'], {
			env,
			logFile: this.logFile(name),
		});
		await proc.waitForLog(/n8n worker is now ready/, 120_000);
		await waitForHealth(`http://127.0.0.1:${healthPort}/healthz`, 30_000);
		const worker: QueueWorker = {
			name,
			home,
			process: proc,
			healthPort,
			env: extraEnv,
			startedExecutions: () => matches(proc.logs(), STARTED),
			finishedExecutions: () => matches(proc.logs(), FINISHED),
			async kill() {
				const family = descendants(proc.pid);
				proc.child.kill('SIGKILL');
				for (const pid of family) {
					try {
						process.kill(pid, 'SIGKILL');
					} catch {
						// already gone
					}
				}
				await proc.exited;
			},
		};
		this.workers.push(worker);
		return worker;
	}

	/** Workers still running. */
	live(): QueueWorker[] {
		return this.workers.filter(
			(w) => w.process.child.exitCode === null && w.process.child.signalCode === null,
		);
	}

	/** Which worker logged starting this execution (every one that did, in start order). */
	workersOf(executionId: string): string[] {
		return this.workers
			.filter((w) => w.startedExecutions().includes(executionId))
			.map((w) => w.name);
	}

	async stop(): Promise<void> {
		await Promise.all(this.homes.map((home) => home.cleanup()));
		await Promise.all([this.redis?.stop(), this.postgres?.stop()]);
	}

	versions(): { redis: string; postgres: string } {
		return { redis: this.redis.version, postgres: this.postgres.version };
	}
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		if (Date.now() > deadline)
			throw new Error(`compat: ${url} did not answer 200 within ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 200));
	}
}
