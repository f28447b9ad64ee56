/**
 * The nested installs in test/install/ behave the same on a new machine as on one with a cache: each
 * sets its own npm settings instead of inheriting npm_config_* from the npm that started it (`npm test`
 * passes this project's legacy-peer-deps=true that way), checks its result before stamping it
 * finished, and never reuses a partial, failed or broken install.
 *
 * The scanner is installed for real (into a new cache folder; Node 24 is shared with the default
 * cache). n8n is installed by a stand-in `npm` that records what it was given, so the script's own
 * logic is tested in seconds; the real n8n installs are exercised by every e2e run.
 */
import { spawnSync } from 'node:child_process';
import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readlinkSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const script = (name: string) => join(root, 'test/install', name);
const pins = JSON.parse(readFileSync(script('n8n-lines.json'), 'utf8')) as Record<
	string,
	{ version: string }
>;
const temps: string[] = [];
const temp = (prefix: string) => {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	temps.push(dir);
	return dir;
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The environment `npm test` gives its children, plus what a test adds. */
function npmTestEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return { ...process.env, npm_config_legacy_peer_deps: 'true', npm_config_omit: 'peer', ...extra };
}
function runScript(name: string, args: string[], env: NodeJS.ProcessEnv) {
	return spawnSync('bash', [script(name), ...args], { encoding: 'utf8', env, timeout: 600_000 });
}

let node24Dir: string;
beforeAll(() => {
	const node24 = runScript('install-node24.sh', [], { ...process.env });
	if (node24.status !== 0) throw new Error(`install-node24.sh failed:\n${node24.stderr}`);
	node24Dir = node24.stdout.trim().split('\n').pop()!;
}, 600_000);

/** A new cache folder that shares the default cache's Node 24 (so only the part under test installs). */
function newCache(): string {
	const cache = temp('hero-install-cache-');
	symlinkSync(node24Dir, join(cache, 'node24'));
	return cache;
}
const node24 = () => join(node24Dir, 'node_modules/node/bin/node');
const resolvesTypescript = (scannerDir: string) =>
	spawnSync(node24(), ['-e', 'console.log(require.resolve("typescript"))'], {
		cwd: scannerDir,
		encoding: 'utf8',
	});

describe('install-scanner.sh', () => {
	let cache: string;
	let scannerDir: string;

	it('installs the peers the scanner loads (typescript) when started with npm_config_legacy_peer_deps=true, as under `npm test`', () => {
		cache = newCache();
		const result = runScript('install-scanner.sh', [], npmTestEnv({ HERO_N8N_CACHE: cache }));
		expect(result.stderr).not.toMatch(/ERR!/);
		expect(result.status).toBe(0);
		scannerDir = join(result.stdout.trim().split('\n').pop()!, 'scanner');
		expect(scannerDir.startsWith(cache)).toBe(true);
		const typescript = resolvesTypescript(scannerDir);
		expect(typescript.stderr).toBe('');
		expect(typescript.stdout.trim()).toBe(
			join(scannerDir, 'node_modules/typescript/lib/typescript.js'),
		);
		expect(readFileSync(join(scannerDir, '.installed'), 'utf8')).toMatch(/^[0-9a-f]{16}$/);
	}, 600_000);

	it('does not reuse an install stamped finished that lacks a peer: it installs again', () => {
		rmSync(join(scannerDir, 'node_modules/typescript'), { recursive: true, force: true });
		expect(resolvesTypescript(scannerDir).status).not.toBe(0);
		const result = runScript('install-scanner.sh', [], npmTestEnv({ HERO_N8N_CACHE: cache }));
		expect(result.status).toBe(0);
		expect(result.stderr).toContain('installing the scanner');
		expect(resolvesTypescript(scannerDir).status).toBe(0);
	}, 600_000);

	it('reuses a whole install without touching npm', () => {
		const result = runScript(
			'install-scanner.sh',
			[],
			npmTestEnv({ HERO_N8N_CACHE: cache, PATH: `${failingNpm()}:${process.env.PATH}` }),
		);
		expect(result.status).toBe(0);
		expect(result.stderr).not.toContain('installing');
	}, 120_000);

	it('a failed npm ci leaves no stamp, exits non-zero, and the next run starts again', () => {
		const fresh = newCache();
		const failed = runScript(
			'install-scanner.sh',
			[],
			npmTestEnv({ HERO_N8N_CACHE: fresh, PATH: `${failingNpm()}:${process.env.PATH}` }),
		);
		expect(failed.status).not.toBe(0);
		expect(existsSync(join(fresh, 'scan-community-package/scanner/.installed'))).toBe(false);
	}, 120_000);
});

describe('install-node-cli.sh', () => {
	it('installs or reuses n8n-node in the cache, and links node_modules/@n8n/node-cli to it; a finished install is reused without touching npm', () => {
		// The cache `npm run lint` uses (nodeCli.test.ts shares it, so the project's link stays put).
		const first = runScript('install-node-cli.sh', [], npmTestEnv());
		expect(first.stderr).not.toMatch(/ERR!/);
		expect(first.status).toBe(0);
		const dir = first.stdout.trim().split('\n').pop()!;
		const again = runScript(
			'install-node-cli.sh',
			[],
			npmTestEnv({ PATH: `${failingNpm()}:${process.env.PATH}` }),
		);
		expect(again.status).toBe(0);
		expect(again.stderr).not.toContain('installing');
		expect(readlinkSync(join(root, 'node_modules/@n8n/node-cli'))).toBe(
			join(dir, 'cli/node_modules/@n8n/node-cli'),
		);
		expect(readFileSync(join(dir, 'cli/.installed'), 'utf8')).toMatch(/^[0-9a-f]{16}$/);
	}, 600_000);

	it('a failed npm ci leaves no stamp and exits non-zero', () => {
		const fresh = newCache();
		const failed = runScript(
			'install-node-cli.sh',
			[],
			npmTestEnv({ HERO_N8N_CACHE: fresh, PATH: `${failingNpm()}:${process.env.PATH}` }),
		);
		expect(failed.status).not.toBe(0);
		expect(failed.stderr).toContain('network down');
		expect(existsSync(join(fresh, 'node-cli/cli/.installed'))).toBe(false);
	}, 120_000);
});

/** A folder whose `npm` fails at once, as an install cut off by the network would. */
function failingNpm(): string {
	const bin = temp('hero-failing-npm-');
	writeFileSync(
		join(bin, 'npm'),
		'#!/usr/bin/env bash\necho "npm ERR! stand-in npm: network down" >&2\nexit 1\n',
	);
	chmodSync(join(bin, 'npm'), 0o755);
	return bin;
}

/**
 * A stand-in `npm` for install-n8n.sh: records the npm_config_* it was given and its arguments, and
 * "installs" an n8n whose bin prints PRINTS (or nothing if PRINTS is empty).
 */
function standInNpm(prints: string): { bin: string; log: string } {
	const bin = temp('hero-standin-npm-');
	const log = join(bin, 'calls.log');
	writeFileSync(
		join(bin, 'npm'),
		`#!/usr/bin/env bash
{ echo "ARGS $*"; env | grep -i '^npm_config_' | sort; } >> ${JSON.stringify(log)}
mkdir -p node_modules/n8n/bin
echo '{ "name": "n8n", "version": ${JSON.stringify(prints || '0.0.0')} }' > node_modules/n8n/package.json
${prints ? `echo 'console.log(${JSON.stringify(prints)})' > node_modules/n8n/bin/n8n` : 'echo "process.exit(1)" > node_modules/n8n/bin/n8n'}
`,
	);
	chmodSync(join(bin, 'npm'), 0o755);
	return { bin, log };
}

describe('install-n8n.sh (line 1, with a stand-in npm)', () => {
	const version = pins['1'].version;

	it('does not pass the inherited npm settings on: npm sees legacy-peer-deps false', () => {
		const cache = newCache();
		const npm = standInNpm(version);
		const result = runScript(
			'install-n8n.sh',
			['1'],
			npmTestEnv({ HERO_N8N_CACHE: cache, PATH: `${npm.bin}:${process.env.PATH}` }),
		);
		expect(result.stderr).toContain(`n8n ${version} on node`);
		expect(result.status).toBe(0);
		const calls = readFileSync(npm.log, 'utf8');
		expect(calls).toContain(`ARGS install --loglevel=error n8n@${version}`);
		expect(calls).toMatch(/^npm_config_legacy_peer_deps=false$/m);
		expect(calls).not.toMatch(/^npm_config_omit=/m);
		expect(existsSync(join(cache, `n8n-${version}/.installed`))).toBe(true);
	});

	it('an n8n that does not print its version is not stamped finished, and the run fails naming it', () => {
		const cache = newCache();
		const npm = standInNpm('');
		const result = runScript(
			'install-n8n.sh',
			['1'],
			npmTestEnv({ HERO_N8N_CACHE: cache, PATH: `${npm.bin}:${process.env.PATH}` }),
		);
		expect(result.status).not.toBe(0);
		expect(result.stderr).toContain(`not ${version}`);
		expect(existsSync(join(cache, `n8n-${version}/.installed`))).toBe(false);
	});

	it('a partial install (no stamp) is removed before installing again, never built upon', () => {
		const cache = newCache();
		const dir = join(cache, `n8n-${version}`);
		mkdirSync(join(dir, 'node_modules/leftover'), { recursive: true });
		const npm = standInNpm(version);
		const result = runScript(
			'install-n8n.sh',
			['1'],
			npmTestEnv({ HERO_N8N_CACHE: cache, PATH: `${npm.bin}:${process.env.PATH}` }),
		);
		expect(result.status).toBe(0);
		expect(existsSync(join(dir, 'node_modules/leftover'))).toBe(false);
		expect(result.stdout.trim().split('\n').pop()).toBe(dir);
	});

	it('an unknown line is refused', () => {
		const result = runScript('install-n8n.sh', ['7'], npmTestEnv({ HERO_N8N_CACHE: newCache() }));
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('unknown n8n line: 7');
	});
});
