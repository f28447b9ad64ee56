/**
 * Runs the install commands of README.md as written, so the README's install steps cannot rot. A shell block is marked
 * in the README with an HTML comment right above it, e.g. `<!-- install:manual -->`; it is read at
 * run time, so the test follows the README. The only substitutions:
 * - the package name (`n8n-nodes-hero-health` or `n8n-nodes-hero-health@<version>`) in an npm
 *   command becomes the packed tarball's path (the package is not on npm yet);
 * - for Docker, only the command given to `docker exec` runs (no Docker here), on this machine,
 *   with the container's home `/home/node` replaced by a temp folder laid out the same way.
 * `~` is the temp folder (HOME); npm keeps this machine's npm config and cache.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { PACKAGE_NAME, REPO_ROOT } from './harness/constants';

/** The container's home in the n8n Docker image (user `node`). */
export const CONTAINER_HOME = '/home/node';

/** The shell blocks of README.md marked `<!-- install:<label> -->`, by label. */
export function readInstallBlocks(
	readmePath: string = join(REPO_ROOT, 'README.md'),
): Map<string, string> {
	const text = readFileSync(readmePath, 'utf8');
	const blocks = new Map<string, string>();
	const marker = /<!--\s*install:([\w-]+)\s*-->\s*\n\s*```[\w-]*\n([\s\S]*?)\n\s*```/g;
	for (const match of text.matchAll(marker)) {
		if (blocks.has(match[1])) throw new Error(`README: two blocks marked install:${match[1]}`);
		// Blocks inside a list item are indented: drop the indentation of the fence.
		const indent = /^(\s*)/.exec(match[2])![1];
		blocks.set(
			match[1],
			match[2]
				.split('\n')
				.map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
				.join('\n'),
		);
	}
	return blocks;
}

export interface Substitution {
	/** The script that runs. */
	script: string;
	/** What was replaced, e.g. `n8n-nodes-hero-health@0.1.0 -> /tmp/…/n8n-nodes-hero-health-0.1.0.tgz`. */
	replaced: string[];
	/** Versions the README pins (`@0.1.0`), to compare with package.json. */
	pinnedVersions: string[];
}

/** Replaces the package name in npm commands with the tarball's path (nothing else). */
export function substitutePackage(script: string, tarball: string): Substitution {
	const replaced: string[] = [];
	const pinnedVersions: string[] = [];
	const name = PACKAGE_NAME.replace(/[-]/g, '\\-');
	const spec = new RegExp(`(^|[\\s'"])(${name})(@[^\\s'"]+)?(?=$|[\\s'"])`, 'g');
	const lines = script.split('\n').map((line) => {
		if (!/\bnpm\s+(install|i|add)\b/.test(line)) return line;
		return line.replace(spec, (_all, before: string, pkg: string, version?: string) => {
			replaced.push(`${pkg}${version ?? ''} -> ${tarball}`);
			if (version) pinnedVersions.push(version.slice(1));
			return `${before}${tarball}`;
		});
	});
	return { script: lines.join('\n'), replaced, pinnedVersions };
}

/**
 * The commands of a Docker block that run inside the container: what follows
 * `docker exec [options] <container>` on each `docker exec` line (other lines, such as `docker run`
 * or `docker restart`, need Docker and are not run).
 */
export function dockerExecCommands(block: string): string[] {
	const commands: string[] = [];
	for (const line of block.split('\n')) {
		const match = /^\s*docker\s+exec\s+(.*)$/.exec(line);
		if (!match) continue;
		let rest = match[1].trim();
		// Options (`-it`, `-u node`, `--user=node`), then the container name.
		for (;;) {
			const option = /^(-u|--user|-w|--workdir|-e|--env)\s+\S+\s+|^-\S+\s+/.exec(rest);
			if (!option) break;
			rest = rest.slice(option[0].length);
		}
		const container = /^\S+\s+/.exec(rest);
		if (!container) throw new Error(`README: cannot read the container in "${line}"`);
		commands.push(rest.slice(container[0].length).replace(/\s+#.*$/, ''));
	}
	return commands;
}

export interface ScriptRun {
	/** The script as run (after substitution). */
	script: string;
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	output: string;
	durationMs: number;
}

/**
 * Runs a script with `bash -e` (or `sh -e` for docker exec commands) with HOME = `home`. npm keeps
 * this machine's user config and cache (HOME alone would hide them); npm_* variables of an
 * enclosing `npm test` are removed.
 */
export function runScript(
	script: string,
	home: string,
	{ shell = 'bash', timeoutMs = 900_000 }: { shell?: 'bash' | 'sh'; timeoutMs?: number } = {},
): Promise<ScriptRun> {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
	const realHome = homedir();
	env.HOME = home;
	if (existsSync(join(realHome, '.npmrc'))) env.npm_config_userconfig = join(realHome, '.npmrc');
	env.npm_config_cache = process.env.npm_config_cache || join(realHome, '.npm');
	env.npm_config_update_notifier = 'false';
	const args = shell === 'bash' ? ['-e', '-o', 'pipefail', '-c', script] : ['-e', '-c', script];
	const started = Date.now();
	return new Promise((resolveRun, reject) => {
		const child = spawn(shell, args, { cwd: home, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		const timer = setTimeout(() => {
			output += `\n[readme-install] killed after ${timeoutMs} ms\n`;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.once('close', (exitCode, signal) => {
			clearTimeout(timer);
			resolveRun({ script, exitCode, signal, output, durationMs: Date.now() - started });
		});
	});
}

export interface BlockRun extends ScriptRun {
	label: string;
	replaced: string[];
	pinnedVersions: string[];
}

/**
 * Runs the README block `label` into `home` (the user's `~`, or the container's `/home/node`):
 * `manual` and `queue` as a bash script, `docker` as its `docker exec` commands.
 */
export async function runInstallBlock(
	label: string,
	block: string,
	tarball: string,
	home: string,
): Promise<BlockRun> {
	if (label === 'docker') {
		const commands = dockerExecCommands(block);
		if (commands.length === 0)
			throw new Error('README: the Docker block has no `docker exec` command');
		const { script, replaced, pinnedVersions } = substitutePackage(
			commands.map((c) => c.split(CONTAINER_HOME).join(home)).join('\n'),
			tarball,
		);
		const run = await runScript(script, home, { shell: 'sh' });
		return { ...run, label, replaced, pinnedVersions };
	}
	const { script, replaced, pinnedVersions } = substitutePackage(block, tarball);
	const run = await runScript(script, home);
	return { ...run, label, replaced, pinnedVersions };
}
