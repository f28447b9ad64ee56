/**
 * Throwaway Redis and PostgreSQL servers for the queue-mode test, from Debian's packages
 * (`redis-server`, `postgresql`), installed with apt-get when missing and started on free loopback
 * ports with no persistence. Each `stop()` ends only the process it started.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'node:net';

import { freePort } from '../n8n/harness/process';

export interface Service {
	readonly name: string;
	readonly port: number;
	readonly pid: number;
	/** The server's version, from its `--version`. */
	readonly version: string;
	logs(): string;
	stop(): Promise<void>;
}

const isRoot = process.getuid?.() === 0;

/** apt-get install of Debian packages the machine lacks (needs root, as on CI). */
export function aptInstall(packages: string[]): void {
	if (!isRoot)
		throw new Error(
			`compat: ${packages.join(', ')} missing and not root: install them with apt-get first`,
		);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [
		['update', '-qq'],
		['install', '-y', '-qq', '--no-install-recommends', ...packages],
	]) {
		const result = spawnSync('apt-get', args, { env, encoding: 'utf8', timeout: 600_000 });
		if (result.status !== 0)
			throw new Error(
				`compat: apt-get ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`,
			);
	}
}

function waitForPort(
	port: number,
	timeoutMs: number,
	child: ChildProcess,
	logs: () => string,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	return new Promise((resolve, reject) => {
		const attempt = () => {
			if (child.exitCode !== null || child.signalCode !== null)
				return reject(new Error(`compat: process exited before listening on ${port}:\n${logs()}`));
			const socket = createConnection({ host: '127.0.0.1', port });
			socket.once('connect', () => {
				socket.destroy();
				resolve();
			});
			socket.once('error', () => {
				socket.destroy();
				if (Date.now() > deadline)
					reject(
						new Error(`compat: nothing listening on ${port} after ${timeoutMs} ms:\n${logs()}`),
					);
				else setTimeout(attempt, 100);
			});
		};
		attempt();
	});
}

function versionOf(file: string): string {
	const out = spawnSync(file, ['--version'], { encoding: 'utf8' }).stdout ?? '';
	return /v=(\S+)/.exec(out)?.[1] ?? /(\d+\.\d+(\.\d+)?)/.exec(out)?.[1] ?? '?';
}

function startProcess(
	name: string,
	file: string,
	args: string[],
	port: number,
	extra: { version: string; env?: NodeJS.ProcessEnv; cleanup?: () => void },
): Promise<Service> {
	const child = spawn(file, args, {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: extra.env ?? process.env,
	});
	let output = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
	const killAtExit = () => child.kill('SIGKILL');
	process.once('exit', killAtExit);
	const service: Service = {
		name,
		port,
		pid: child.pid!,
		version: extra.version,
		logs: () => output,
		async stop() {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
				await exited;
				clearTimeout(timer);
			}
			process.removeListener('exit', killAtExit);
			extra.cleanup?.();
		},
	};
	return waitForPort(port, 30_000, child, () => output).then(
		() => service,
		async (error) => {
			await service.stop();
			throw error;
		},
	);
}

/** `redis-server` on a free 127.0.0.1 port: no RDB snapshots, no AOF, no config file. */
export async function startRedis(): Promise<Service> {
	if (!existsSync('/usr/bin/redis-server')) {
		aptInstall(['redis-server']);
		// Checked before use, as every install here is: a package that installed nothing usable fails now.
		if (versionOf('/usr/bin/redis-server') === '?')
			throw new Error(
				'compat: redis-server installed but /usr/bin/redis-server --version prints no version',
			);
	}
	const port = await freePort();
	return startProcess(
		'redis',
		'/usr/bin/redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--protected-mode',
			'yes',
			'--daemonize',
			'no',
		],
		port,
		{
			version: versionOf('/usr/bin/redis-server'),
		},
	);
}

function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root)
		.filter(
			(v) => existsSync(join(root, v, 'bin/postgres')) && existsSync(join(root, v, 'bin/initdb')),
		)
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : undefined;
}

export interface Postgres extends Service {
	user: string;
	database: string;
	/** DB_* settings for n8n. */
	n8nEnv: Record<string, string>;
	/** Runs one SQL statement with psql; returns the rows, columns split on tabs. */
	query(sql: string): string[][];
}

/**
 * A fresh PostgreSQL cluster in a temp folder (trust auth on loopback, fsync off: it is thrown away),
 * with one database for n8n. PostgreSQL refuses to run as root, so as root it runs as `postgres`.
 */
export async function startPostgres(database = 'n8n'): Promise<Postgres> {
	let bin = postgresBinDir();
	if (!bin) {
		aptInstall(['postgresql']);
		bin = postgresBinDir();
		if (!bin)
			throw new Error(
				'compat: postgresql installed but no /usr/lib/postgresql/<version>/bin/postgres',
			);
		if (versionOf(join(bin, 'postgres')) === '?')
			throw new Error(
				`compat: postgresql installed but ${join(bin, 'postgres')} --version prints no version`,
			);
	}
	const folder = mkdtempSync(join(tmpdir(), 'hero-pg-'));
	const dataDir = join(folder, 'data');
	const user = 'hero';
	const asOwner = (file: string, args: string[]): [string, string[]] =>
		isRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
	if (isRoot) chownSync(folder, uidOf('postgres'), gidOf('postgres'));
	const [initFile, initArgs] = asOwner(join(bin, 'initdb'), [
		'-D',
		dataDir,
		'-U',
		user,
		'--auth=trust',
		'--encoding=UTF8',
		'--locale=C',
		'--no-sync',
	]);
	const init = spawnSync(initFile, initArgs, { encoding: 'utf8', cwd: folder });
	if (init.status !== 0) throw new Error(`compat: initdb failed:\n${init.stdout}\n${init.stderr}`);
	const port = await freePort();
	const settings = [
		'-c',
		`port=${port}`,
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`unix_socket_directories=${folder}`,
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=200',
	];
	const [file, args] = asOwner(join(bin, 'postgres'), ['-D', dataDir, ...settings]);
	const service = await startProcess('postgres', file, args, port, {
		version: versionOf(join(bin, 'postgres')),
		cleanup: () => rmSync(folder, { recursive: true, force: true }),
	});
	// The server accepts connections a moment after it listens; createdb retries until then.
	for (let attempt = 0; ; attempt++) {
		const created = spawnSync(
			join(bin, 'createdb'),
			['-h', '127.0.0.1', '-p', String(port), '-U', user, database],
			{ encoding: 'utf8' },
		);
		if (created.status === 0) break;
		if (attempt > 50) {
			await service.stop();
			throw new Error(`compat: createdb failed:\n${created.stderr}\n${service.logs()}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		...service,
		user,
		database,
		query(sql: string): string[][] {
			const result = spawnSync(
				join(bin!, 'psql'),
				[
					'-h',
					'127.0.0.1',
					'-p',
					String(port),
					'-U',
					user,
					'-d',
					database,
					'-At',
					'-F',
					'\t',
					'-v',
					'ON_ERROR_STOP=1',
					'-c',
					sql,
				],
				{ encoding: 'utf8' },
			);
			if (result.status !== 0) throw new Error(`compat: psql failed: ${result.stderr}`);
			return result.stdout
				.split('\n')
				.filter((line) => line !== '')
				.map((line) => line.split('\t'));
		},
		n8nEnv: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: database,
			DB_POSTGRESDB_USER: user,
			DB_POSTGRESDB_PASSWORD: '',
		},
	};
}

function uidOf(user: string): number {
	return Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
}
function gidOf(user: string): number {
	return Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
}
