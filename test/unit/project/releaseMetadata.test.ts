/**
 * No release while package.json holds the placeholder author email (`.invalid`) or the
 * placeholder repository. .github/check-release-metadata.mjs is the check; publish.yml runs it
 * before `npm publish`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
					(pkg.repository = realPackage.repository),
					(pkg.bugs = realPackage.bugs)
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
