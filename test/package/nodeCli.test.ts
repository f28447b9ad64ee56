/**
 * n8n's node CLI (`n8n-node`, @n8n/node-cli pinned in test/node-cli/package-lock.json) on Node 24 from
 * the npm package node@24, run as `npm run lint` runs it (test/install/n8n-node.sh): `n8n-node lint`
 * with n8n's eslint.config.mjs as it ships, and `n8n-node cloud-support`, which reports the package
 * eligible for n8n Cloud verification only with `n8n.strict` and that exact config. The controls run
 * the same commands on a copy of the package with one fault each, so a lint that checked nothing, or
 * linted the tests with the node rules, fails here.
 */
import { spawnSync } from 'node:child_process';
import {
	appendFileSync,
	cpSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const wrapper = join(root, 'test/install/n8n-node.sh');
let cache: string;
let work: string;

// picocolors colours when FORCE_COLOR is set at all (even to 0).
const { FORCE_COLOR: _colour, ...withoutColour } = process.env;

/** `n8n-node <args>` in `cwd`, through the wrapper `npm run lint` uses; colours stripped. */
function n8nNode(cwd: string, ...args: string[]): { status: number | null; output: string } {
	const run = spawnSync('bash', [wrapper, ...args], {
		cwd,
		encoding: 'utf8',
		timeout: 240_000,
		env: withoutColour,
	});
	// eslint-disable-next-line no-control-regex
	const output = `${run.stdout}\n${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
	return { status: run.status, output };
}

/** A copy of what n8n-node lints in this package, with its node_modules linked. */
function copyOfPackage(name: string): string {
	const dir = join(work, name);
	mkdirSync(join(dir, 'test'), { recursive: true });
	for (const part of ['package.json', 'eslint.config.mjs', 'tsconfig.json', 'nodes', 'credentials'])
		cpSync(join(root, part), join(dir, part), { recursive: true });
	cpSync(join(root, 'test/eslint.config.mjs'), join(dir, 'test/eslint.config.mjs'));
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
	return dir;
}

beforeAll(() => {
	const install = spawnSync('bash', [join(root, 'test/install/install-node-cli.sh')], {
		encoding: 'utf8',
		timeout: 600_000,
	});
	if (install.status !== 0) throw new Error(`install-node-cli.sh failed:\n${install.stderr}`);
	cache = install.stdout.trim().split('\n').pop()!;
	work = mkdtempSync(join(tmpdir(), 'hero-node-cli-test-'));
}, 660_000);
afterAll(() => work && rmSync(work, { recursive: true, force: true }));

describe("n8n's node CLI (n8n-node) on Node 24", () => {
	it('runs n8n-node 0.48.3 on Node 24, with eslint.config.mjs byte for byte the config its scaffolding writes', () => {
		const node24 = spawnSync(join(cache, 'node24/node_modules/node/bin/node'), ['--version'], {
			encoding: 'utf8',
		});
		expect(node24.stdout).toMatch(/^v24\./);
		const cli = join(cache, 'cli/node_modules/@n8n/node-cli');
		const version = (dir: string) =>
			JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
		expect(version(cli)).toBe('0.48.3');
		// The newest n8n node rules (test/node-cli's override; node-cli itself asks for ^1.16.7).
		expect(version(join(cache, 'cli/node_modules/eslint-plugin-n8n-nodes-base'))).toBe('2.0.0');
		expect(readFileSync(join(root, 'eslint.config.mjs'), 'utf8')).toBe(
			readFileSync(join(cli, 'dist/template/templates/shared/default/eslint.config.mjs'), 'utf8'),
		);
		expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).n8n.strict).toBe(true);
	}, 60_000);

	it('n8n-node cloud-support reports the package eligible for n8n Cloud verification', () => {
		const { status, output } = n8nNode(root, 'cloud-support');
		expect(output).toContain('n8n-node cloud-support  v0.48.3');
		expect(output).toContain('Cloud support is ENABLED');
		expect(output).toContain('Strict mode: enabled');
		expect(output).toContain('ESLint config: using default config');
		expect(output).toContain('Status: eligible for n8n Cloud verification');
		expect(status).toBe(0);
	}, 300_000);

	it('n8n-node lint passes on the whole package: nodes, credentials and package.json by n8n rules, test/ by its own config', () => {
		const { status, output } = n8nNode(root, 'lint');
		process.stdout.write(`n8n-node lint:\n${output.trim()}\n`);
		expect(output).toContain('n8n-node lint  v0.48.3');
		expect(output).not.toMatch(/problems?|error|warning|Strict mode violation/);
		expect(status).toBe(0);
	}, 300_000);

	it('control: a console.log, a timer and an untagged package.json fail n8n-node lint, each by its n8n rule; a test file is held to the tests config, not the node rules', () => {
		const dir = copyOfPackage('faults');
		appendFileSync(
			join(dir, 'nodes/HeroHealth/HeroHealthTrigger.node.ts'),
			'\nconsole.log("debug");\nexport const later = () => setTimeout(() => undefined, 10);\n',
		);
		const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
		manifest.keywords = manifest.keywords.filter((k: string) => k !== 'n8n-community-node-package');
		writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
		writeFileSync(
			join(dir, 'test/fault.test.ts'),
			"import { join } from 'node:path';\nexport const wait = () => new Promise((done) => setTimeout(done, Number(process.env.WAIT)));\n",
		);

		const { status, output } = n8nNode(dir, 'lint');
		expect(status).toBe(1);
		const section = (file: string) => output.split(join(dir, file))[1]?.split(/\n\n/)[0] ?? '';
		const trigger = section('nodes/HeroHealth/HeroHealthTrigger.node.ts');
		expect(trigger).toContain('no-console');
		expect(trigger).toContain('@n8n/community-nodes/no-restricted-globals');
		expect(section('package.json')).toContain(
			'n8n-nodes-base/community-package-json-keywords-without-official-tag',
		);
		const testFile = section('test/fault.test.ts');
		expect(testFile).toContain("'join' is defined but never used");
		expect(testFile).toContain('@typescript-eslint/no-unused-vars');
		expect(testFile).not.toContain('@n8n/community-nodes');
		expect(output).toContain('n8n Cloud compatibility issues detected');
	}, 300_000);

	it('control: an eslint.config.mjs changed from n8n’s makes cloud-support report NOT eligible (and fail) and lint stop on strict mode', () => {
		const dir = copyOfPackage('custom-config');
		appendFileSync(join(dir, 'eslint.config.mjs'), '// a local change\n');

		const support = n8nNode(dir, 'cloud-support');
		expect(support.output).toContain('ESLint config: using custom config');
		expect(support.output).toContain('Status: NOT eligible for n8n Cloud verification');
		expect(support.status).toBe(1);

		const lint = n8nNode(dir, 'lint');
		expect(lint.output).toContain('Strict mode violation');
		expect(lint.status).toBe(1);
	}, 300_000);
});
