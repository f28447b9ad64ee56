/**
 * n8n's community-package scanner (@n8n/scan-community-package, pinned in
 * test/scanner/package-lock.json) on Node 24 from the npm package node@24, on what would be published:
 * its tarball leg on the packed tarball, its source leg on this source, with the scanner's own file
 * patterns (test/scanner/scan.mjs). Its provenance step needs a published version, so it is reported
 * as not run. Needs a build (`npm run build`), as `npm test` does first.
 */
import { spawnSync } from 'node:child_process';
import {
	appendFileSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
let cache: string;
let work: string;
let tarball: string;

interface Report {
	scanner: string;
	node: string;
	legs: { leg: string; files: number; passed: boolean; message?: string; details?: string }[];
	provenance: { checked: boolean; reason: string };
}
function scan(
	tarballFile: string,
	source: string,
	label = 'scanner',
): { status: number | null; stdout: string; report: Report } {
	const node24 = join(cache, 'node24/node_modules/node/bin/node');
	const run = spawnSync(
		node24,
		[
			join(root, 'test/scanner/scan.mjs'),
			'--scanner',
			join(cache, 'scanner'),
			'--tarball',
			tarballFile,
			'--source',
			source,
			'--json',
		],
		{
			encoding: 'utf8',
			timeout: 240_000,
		},
	);
	// The scanner's summary, in the test log.
	const summary = run.stdout
		.split('\n')
		.filter(
			(line) => line && !line.startsWith('{') && !line.startsWith(' ') && !line.startsWith('/'),
		);
	process.stdout.write(summary.map((line) => `${label}: ${line}\n`).join(''));
	const json = run.stdout.split('\n').find((line) => line.startsWith('{'));
	if (!json)
		throw new Error(
			`scan.mjs printed no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`,
		);
	return { status: run.status, stdout: run.stdout, report: JSON.parse(json) as Report };
}
const leg = (report: Report, name: string) => report.legs.find((l) => l.leg === name)!;

beforeAll(() => {
	if (!existsSync(join(root, 'dist/nodes/HeroHealth/HeroHealth.node.js')))
		throw new Error('no dist/: run `npm run build` first');
	const install = spawnSync('bash', [join(root, 'test/install/install-scanner.sh')], {
		encoding: 'utf8',
		timeout: 600_000,
	});
	if (install.status !== 0) throw new Error(`install-scanner.sh failed:\n${install.stderr}`);
	cache = install.stdout.trim().split('\n').pop()!;
	work = mkdtempSync(join(tmpdir(), 'hero-scanner-test-'));
	const pack = spawnSync('npm', ['pack', '--pack-destination', work, '--loglevel=error'], {
		cwd: root,
		encoding: 'utf8',
		timeout: 120_000,
	});
	if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
	tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
}, 660_000);
afterAll(() => work && rmSync(work, { recursive: true, force: true }));

describe("n8n's community-package scanner", () => {
	it("the scanner's tarball leg and source leg pass on Node 24; the provenance step is reported as not run before publishing", () => {
		const { status, stdout, report } = scan(tarball, root);
		// The scanner's own report, for docs/evidence.md (`npm run evidence`).
		if (process.env.HERO_EVIDENCE_DIR) {
			mkdirSync(process.env.HERO_EVIDENCE_DIR, { recursive: true });
			writeFileSync(
				join(process.env.HERO_EVIDENCE_DIR, 'scanner.json'),
				`${JSON.stringify({ ...report, exitCode: status }, null, 2)}\n`,
			);
		}
		expect(report.scanner).toBe('@n8n/scan-community-package@0.32.0');
		expect(report.node).toMatch(/^v24\./);
		expect(leg(report, 'tarball')).toMatchObject({ passed: true });
		expect(leg(report, 'source')).toMatchObject({ passed: true });
		// Both legs linted the package: every file n8n loads (the tarball ships only those bundles, see
		// gulpfile.js build:bundle) and package.json, and the TypeScript sources.
		const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
		expect(leg(report, 'tarball').files).toBe(
			manifest.n8n.nodes.length + manifest.n8n.credentials.length + 1,
		);
		expect(leg(report, 'source').files).toBeGreaterThan(100);
		expect(report.provenance.checked).toBe(false);
		expect(stdout).toContain(
			'SKIP provenance: not run: npm provenance exists only once a version is published',
		);
		expect(status).toBe(0);
	}, 300_000);

	it('control: a console.log in the packed dist fails the tarball leg, and one in nodes/ fails the source leg', () => {
		// A tarball whose compiled node logs to the console (the scanner's no-console rule).
		const unpacked = join(work, 'bad-tarball/package');
		spawnSync('mkdir', ['-p', unpacked]);
		expect(spawnSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']).status).toBe(
			0,
		);
		appendFileSync(
			join(unpacked, 'dist/nodes/HeroHealth/HeroHealth.node.js'),
			'\nconsole.log("debug");\n',
		);
		const badTarball = join(work, 'bad.tgz');
		expect(
			spawnSync('tar', ['-czf', badTarball, '-C', join(work, 'bad-tarball'), 'package']).status,
		).toBe(0);
		// A source tree whose node logs to the console.
		const source = join(work, 'bad-source');
		for (const part of ['package.json', 'nodes', 'credentials'])
			cpSync(join(root, part), join(source, part), { recursive: true });
		appendFileSync(
			join(source, 'nodes/HeroHealth/HeroHealthTrigger.node.ts'),
			'\nconsole.log("debug");\n',
		);

		const { status, report } = scan(badTarball, source, 'control, expected to fail');
		expect(status).toBe(1);
		expect(leg(report, 'tarball')).toMatchObject({
			passed: false,
			message: 'ESLint violations found',
		});
		expect(leg(report, 'tarball').details).toMatch(/HeroHealth\.node\.js[\s\S]*no-console/);
		expect(leg(report, 'source')).toMatchObject({
			passed: false,
			message: 'ESLint violations found',
		});
		expect(leg(report, 'source').details).toMatch(/HeroHealthTrigger\.node\.ts[\s\S]*no-console/);
	}, 300_000);
});
