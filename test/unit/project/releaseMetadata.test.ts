/**
 * No release while package.json holds the placeholder author email (`.invalid`) or the
 * placeholder repository. .github/check-release-metadata.mjs is the check; publish.yml runs it
 * before `npm publish`, and npm runs it before `npm version` (`npm run release`) and `npm publish`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '../../..');
const SCRIPT = join(root, '.github/check-release-metadata.mjs');
const realPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const check = (packageJson?: string) =>
	spawnSync(process.execPath, [SCRIPT, ...(packageJson ? [packageJson] : [])], {
		cwd: root,
		encoding: 'utf8',
	});

/** A temporary copy of package.json with `change` applied. */
function copyWith(change: (pkg: typeof realPackage) => void): string {
	const pkg = structuredClone(realPackage);
	change(pkg);
	const path = join(mkdtempSync(join(tmpdir(), 'hero-release-')), 'package.json');
	writeFileSync(path, JSON.stringify(pkg, null, 2));
	return path;
}

const realLooking = (pkg: typeof realPackage) => {
	const repo = 'https://github.com/example-practice-it/n8n-nodes-hero-health';
	pkg.author = {
		name: 'Example Practice IT',
		email: 'maintainers@example-practice-it.co.uk',
		url: 'https://github.com/example-practice-it',
	};
	pkg.repository = { type: 'git', url: `git+${repo}.git` };
	pkg.homepage = `${repo}#readme`;
	pkg.bugs = { url: `${repo}/issues` };
};

/** The placeholders package.json holds until the first release, put back into a copy. */
const PLACEHOLDER_EMAIL = 'maintainers@n8n-nodes-hero-health.invalid';
const PLACEHOLDER_REPOSITORY =
	'git+https://github.com/n8n-nodes-hero-health/n8n-nodes-hero-health.git';
const placeholders = (pkg: typeof realPackage) => {
	pkg.author = { ...pkg.author, email: PLACEHOLDER_EMAIL };
	pkg.repository = { type: 'git', url: PLACEHOLDER_REPOSITORY };
};

describe('release metadata', () => {
	// Pins the placeholders package.json holds until the first release; once they are filled
	// (CONTRIBUTING.md → Releasing), this test is to expect a pass instead.
	it("refuses this repository's package.json, naming the placeholder email and repository", () => {
		const result = check();
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(`author.email is the placeholder ${realPackage.author.email}`);
		expect(result.stderr).toContain(
			`repository.url is the placeholder repository ${realPackage.repository.url}`,
		);
		expect(result.stderr).toContain(
			`homepage is the placeholder repository ${realPackage.homepage}`,
		);
		expect(result.stderr).toContain(
			`bugs.url is the placeholder repository ${realPackage.bugs.url}`,
		);
		expect(result.stderr).toContain(
			`author.url is the placeholder repository ${realPackage.author.url}`,
		);
		expect(result.stderr).toContain('CONTRIBUTING.md → Releasing');
	});

	it('passes a copy with a real-looking email and repository', () => {
		const result = check(copyWith(realLooking));
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('no placeholders');
	});

	it('names each placeholder left: only the email, or only the repository (and the links that follow it)', () => {
		const emailOnly = check(
			copyWith(
				(pkg) => (realLooking(pkg), (pkg.author.email = 'someone@n8n-nodes-hero-health.invalid')),
			),
		);
		expect(emailOnly.status).toBe(1);
		expect(emailOnly.stderr).toContain(
			'author.email is the placeholder someone@n8n-nodes-hero-health.invalid',
		);
		expect(emailOnly.stderr).not.toContain('repository');

		const repositoryOnly = check(
			copyWith(
				(pkg) => (
					realLooking(pkg),
					(pkg.repository = { type: 'git', url: PLACEHOLDER_REPOSITORY }),
					(pkg.bugs = {
						url: 'https://github.com/n8n-nodes-hero-health/n8n-nodes-hero-health/issues',
					})
				),
			),
		);
		expect(repositoryOnly.status).toBe(1);
		expect(repositoryOnly.stderr).toContain('repository.url is the placeholder repository');
		expect(repositoryOnly.stderr).toContain('bugs.url is the placeholder repository');
		expect(repositoryOnly.stderr).not.toContain('author.email');

		const noEmail = check(copyWith((pkg) => (realLooking(pkg), delete pkg.author.email)));
		expect(noEmail.status).toBe(1);
		expect(noEmail.stderr).toContain('author.email is missing');
	});

	it("knows the placeholder organisation in each of npm's spellings, and not a real one that shares the package name", () => {
		for (const url of [
			'https://github.com/n8n-nodes-hero-health',
			'git@github.com:n8n-nodes-hero-health/n8n-nodes-hero-health.git',
			'github:n8n-nodes-hero-health/n8n-nodes-hero-health',
			'https://GitHub.com/N8N-Nodes-Hero-Health/n8n-nodes-hero-health/issues',
		]) {
			const result = check(copyWith((pkg) => (realLooking(pkg), (pkg.repository = { url }))));
			expect(result.status).toBe(1);
			expect(result.stderr).toContain(`repository.url is the placeholder repository ${url}`);
		}
		const lookalike = check(
			copyWith(
				(pkg) => (
					realLooking(pkg),
					(pkg.repository = { url: 'https://github.com/n8n-nodes-hero-health-fork/x.git' })
				),
			),
		);
		expect(lookalike.stderr).toBe('');
		expect(lookalike.status).toBe(0);
	});

	describe('npm itself stops a release: npm run release (npm version) and npm publish', () => {
		// A folder holding only a package.json and the check, as the repository lays them out; npm runs
		// the package's preversion / prepublishOnly scripts there, so nothing else of the repository is needed.
		function project(change: (pkg: typeof realPackage) => void): string {
			const dir = mkdtempSync(join(tmpdir(), 'hero-release-npm-'));
			mkdirSync(join(dir, '.github'));
			copyFileSync(SCRIPT, join(dir, '.github/check-release-metadata.mjs'));
			const pkg = structuredClone(realPackage);
			change(pkg);
			writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
			return dir;
		}
		// npm test hands its settings to children as npm_config_*: the npm run here uses its own defaults.
		const env = Object.fromEntries(
			Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)),
		);
		const npm = (dir: string, args: string[]) =>
			spawnSync('npm', [...args, '--loglevel=error', '--no-update-notifier'], {
				cwd: dir,
				encoding: 'utf8',
				env,
			});
		const versionIn = (dir: string) =>
			JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version as string;

		it('npm run release refuses the placeholders, naming each, and leaves the version as it was', () => {
			const dir = project(placeholders);
			const result = npm(dir, ['run', 'release', '--', '9.9.9']);
			expect(result.status).not.toBe(0);
			expect(result.stderr).toContain(`author.email is the placeholder ${PLACEHOLDER_EMAIL}`);
			expect(result.stderr).toContain(
				`repository.url is the placeholder repository ${PLACEHOLDER_REPOSITORY}`,
			);
			expect(versionIn(dir)).toBe(realPackage.version);
		});

		it('npm run release moves the version once the fields are filled in', () => {
			const dir = project(realLooking);
			const result = npm(dir, ['run', 'release', '--', '9.9.9']);
			expect(result.stderr).not.toContain('placeholder');
			expect(result.status).toBe(0);
			expect(versionIn(dir)).toBe('9.9.9');
		});

		it('npm publish (even a dry run) stops in prepublishOnly, naming each placeholder', () => {
			const result = npm(project(placeholders), ['publish', '--dry-run']);
			expect(result.status).not.toBe(0);
			expect(result.stderr).toContain(`author.email is the placeholder ${PLACEHOLDER_EMAIL}`);
			expect(result.stderr).toContain(
				`repository.url is the placeholder repository ${PLACEHOLDER_REPOSITORY}`,
			);
			expect(result.stderr).toContain('check-release-metadata.mjs');
		});
	});

	it('publish.yml runs the check before the build, the tests and npm publish', () => {
		const publish = parse(readFileSync(join(root, '.github/workflows/publish.yml'), 'utf8')) as {
			jobs: Record<string, { steps: { run?: string }[] }>;
		};
		const commands = Object.values(publish.jobs).flatMap((job) =>
			job.steps.flatMap((step) => (step.run ? [step.run] : [])),
		);
		const at = (text: string) => commands.findIndex((run) => run.includes(text));
		expect(at('node .github/check-release-metadata.mjs')).toBeGreaterThanOrEqual(0);
		expect(at('node .github/check-release-metadata.mjs')).toBeLessThan(at('npm test'));
		expect(at('node .github/check-release-metadata.mjs')).toBeLessThan(at('npm publish'));
	});
});
