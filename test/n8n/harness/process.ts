/**
 * Processes of the n8n harness: the cleanup registry (every child and temp folder is removed at exit),
 * `run` for one-shot commands (npm, n8n CLI), free ports, and long-running n8n processes
 * (`spawnN8n`, `runN8n`) tied to a home (see ./home.ts) so `home.cleanup()` stops them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ExecutionRun } from './execution';
import type { N8nHome } from './home';

// ---------------------------------------------------------------------------------------------
// Process-wide cleanup: whatever a test forgets is removed when the process exits.

export const liveChildren = new Set<ChildProcess>();
export const tempFolders = new Set<string>();
process.once('exit', () => {
	for (const child of liveChildren) child.kill('SIGKILL');
	for (const folder of tempFolders) rmSync(folder, { recursive: true, force: true });
});

export function tempFolder(prefix: string): string {
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
		super(
			`${message}\n$ ${result.command}\nexit code ${result.exitCode ?? result.signal}\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`,
		);
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

export function run(file: string, args: string[], options: RunOptions): Promise<CommandResult> {
	const started = Date.now();
	const command = [file, ...args].join(' ');
	return new Promise((resolvePromise, reject) => {
		const child = spawn(file, args, {
			cwd: options.cwd,
			env: options.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
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
			resolvePromise({
				command,
				exitCode,
				signal,
				stdout,
				stderr,
				durationMs: Date.now() - started,
			});
		});
	});
}

/** Env for npm run from a test: without the npm_* variables of an enclosing `npm test`. */
export function npmEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_(package|lifecycle)_|^npm_config_(local_prefix|prefix|global_prefix)$/i.test(key))
			continue;
		env[key] = value;
	}
	return {
		...env,
		npm_config_yes: 'true',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		npm_config_update_notifier: 'false',
	};
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

/** Applies overrides to an env in place (`undefined` removes a variable) and returns it. */
export function withEnv(
	env: NodeJS.ProcessEnv,
	overrides: Record<string, string | undefined> = {},
): NodeJS.ProcessEnv {
	for (const [key, value] of Object.entries(overrides)) {
		if (value === undefined) delete env[key];
		else env[key] = value;
	}
	return env;
}

/** The n8n processes started for each home (set by `createN8nHome`, stopped by `home.cleanup()`). */
export interface HomeInternals {
	processes: Set<N8nProcess>;
}
export const internals = new WeakMap<N8nHome, HomeInternals>();

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
export async function spawnN8n(
	home: N8nHome,
	args: string[],
	options: SpawnN8nOptions = {},
): Promise<N8nProcess> {
	const env = withEnv(
		{ ...home.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
		options.env,
	);
	const child = spawn(home.n8n.nodeBin, [home.n8n.n8nBin, ...args], {
		cwd: home.folder,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	if (child.pid === undefined) throw new Error(`harness: could not start n8n ${args.join(' ')}`);
	liveChildren.add(child);
	let logs = '';
	const file: WriteStream | undefined = options.logFile
		? createWriteStream(options.logFile, { flags: 'a' })
		: undefined;
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
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
		(resolveExit) => {
			child.once('close', (code, signal) => {
				hasExited = true;
				liveChildren.delete(child);
				file?.end();
				for (const watcher of watchers) watcher();
				resolveExit({ code, signal });
			});
		},
	);
	const processes = internals.get(home)?.processes;
	const pid = child.pid;
	const n8nProcess: N8nProcess = {
		pid,
		child,
		exited,
		logs: () => logs,
		waitForLog(pattern, timeoutMs = 120_000) {
			return new Promise((resolveWait, reject) => {
				const timer = setTimeout(
					() =>
						finish(
							new Error(
								`harness: n8n ${args.join(' ')} did not log ${pattern} within ${timeoutMs} ms\n${logs}`,
							),
						),
					timeoutMs,
				);
				const finish = (error?: Error) => {
					clearTimeout(timer);
					watchers.delete(check);
					if (error) reject(error);
					else resolveWait();
				};
				const check = () => {
					if (pattern.test(logs)) finish();
					else if (hasExited)
						finish(
							new Error(`harness: n8n ${args.join(' ')} exited before logging ${pattern}\n${logs}`),
						);
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
export async function runN8n(
	home: N8nHome,
	args: string[],
	options: { env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<CommandResult> {
	const env = withEnv(
		{ ...home.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
		options.env,
	);
	const result = await run(home.n8n.nodeBin, [home.n8n.n8nBin, ...args], {
		cwd: home.folder,
		env,
		timeoutMs: options.timeoutMs ?? 180_000,
	});
	return { ...result, command: `n8n ${args.join(' ')}` };
}
