/**
 * Run figures live on docs/evidence.md only, written by `npm run evidence` from one run.
 * (a) no other page holds a run figure; (b) the page's stamped commit is in this repository's history;
 * (c) the writer turns an evidence folder into the page, and says "not run" for what the folder lacks.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { runFigures } from '../../evidence/figures';
import {
	collect,
	NOT_RUN,
	PAGE_HEADER,
	render,
	selection,
	stampedCommit,
	stampOf,
	type JestRecord,
} from '../../evidence/write';

// The reporter is plain JavaScript (jest loads it as is), outside what TypeScript imports.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { countsByProject } = require('../../evidence/jest-reporter.js') as {
	countsByProject: (
		results: unknown,
		suite: string,
	) => Record<
		string,
		{
			passed: number;
			failed: number;
			skipped: number;
			total: number;
			suites: number;
			failedSuites: number;
			failedTests: string[];
		}
	>;
};

const ROOT = resolve(__dirname, '../../..');
const PAGES = [
	'README.md',
	'CONTRIBUTING.md',
	'CHANGELOG.md',
	...readdirSync(join(ROOT, 'docs'))
		.filter((f) => f.endsWith('.md') && f !== 'evidence.md')
		.map((f) => `docs/${f}`),
];

describe('figures from one place', () => {
	it('no page but docs/evidence.md holds a run figure (test counts, matrix, queue, bench, scanner, secrets scan)', () => {
		const found = PAGES.flatMap((page) =>
			runFigures(readFileSync(join(ROOT, page), 'utf8')).map(
				(f) => `${page}:${f.line}: ${f.kind} "${f.text}"`,
			),
		);
		expect(found).toEqual([]);
	});

	it("docs/evidence.md is generated, and the commit it is stamped with is in this repository's history", () => {
		const page = readFileSync(join(ROOT, 'docs/evidence.md'), 'utf8');
		expect(page.startsWith(PAGE_HEADER)).toBe(true);
		const commit = stampedCommit(page);
		expect(commit).toMatch(/^[0-9a-f]{40}$/);
		const ancestor = spawnSync('git', ['merge-base', '--is-ancestor', commit!, 'HEAD'], {
			cwd: ROOT,
			encoding: 'utf8',
		});
		expect({ commit, status: ancestor.status, stderr: ancestor.stderr }).toEqual({
			commit,
			status: 0,
			stderr: '',
		});
	});
});

describe('the figures scanner', () => {
	it.each([
		['test count', 'From `npm test` on a fresh clone (Node 20, 2 cores; 899 of 899 tests).'],
		[
			'test count',
			'| 1.100.7 | 20 | regular | SQLite | end-to-end suites: 46/46 tests, 12 suites |',
		],
		[
			'test count',
			'The editor suite (`npm run test:editor`, 12 tests) runs on the first row only.',
		],
		['test count', '| Errors naming the field and `[item N]` | 140 of 140 |'],
		[
			'queue-mode count',
			'| 500 SMS | 20/20 executions succeeded; Hero stored **500, none twice** |',
		],
		['bench ratio', '| 50 ms latency | **1.19×** (1.18× in other runs) | met |'],
		[
			'timing',
			"one file instead of ~130: the action node's cold require fell\nfrom 53 ms to about 23 ms.",
		],
		['timing', '| Cold `require` of the node | **35.0 ms** / 6.7 ms |'],
		[
			'bench count',
			'starts all requests at once (the sandbox saw 1,000 connections and up to 995 requests in flight at once).',
		],
		[
			'secrets-scan count',
			'of the whole reliability suite, 15,860 outputs, 4,961 log lines and 418 error texts, was scanned',
		],
		[
			'run date',
			'Last run: `npm test` then `npm run test:compat` on a fresh clone, 2026-12-03 (2-core VM).',
		],
	])('finds a %s: %s', (kind, text) => {
		expect(runFigures(text).map((f) => f.kind)).toContain(kind);
	});

	it.each([
		'*Requests in Flight* (1–20, default 5; bookings one at a time) and *Timeout*.',
		'Backoff: exponential with jitter: 250 ms, 500 ms, 1 s, 2 s, capped at 8 s.',
		'| 50 ms latency, 10 in flight, Map Automatically ≤ 1.3× the ideal | bounded concurrency |',
		'| Tarball ≤ 150 kB; cold require of each built file ≤ 50 ms (median of 7 fresh processes) | n8n loads every node |',
		'Tested with n8n **1.100.7 on Node.js 20** and n8n **2.40.9 on Node.js 24**.',
		'| No package at all: a Set node with an expression | 18 of 40 |',
		'```bash\nnpm test   # 899 of 899 tests\n```',
		'Each timestamp may be ISO-8601 with a zone (`2026-01-01T00:00:00Z`).',
	])('leaves a setting or a fact of the code alone: %s', (text) => {
		expect(runFigures(text)).toEqual([]);
	});

	it('names the line of a figure', () => {
		expect(runFigures('# Page\n\nIntro.\n\nAll 46/46 tests passed.\n')).toEqual([
			expect.objectContaining({ line: 5, kind: 'test count' }),
		]);
	});
});

// ---------------------------------------------------------------------------------------------
// The writer on a small fixture folder

const COMMIT = 'a'.repeat(40);
const machine = { cores: 2, cpu: 'Test CPU', memoryMB: 4096, os: 'Linux 6.1 x64' };
const counts = (passed: number, failed = 0, failedTests: string[] = []) => ({
	passed,
	failed,
	skipped: 0,
	total: passed + failed,
	suites: 3,
	failedSuites: failed ? 1 : 0,
	failedTests,
});
function jestRecord(overrides: Partial<JestRecord>): JestRecord {
	return {
		suite: 'main',
		node: 'v20.20.2',
		startedAt: '2026-12-06T01:00:00.000Z',
		seconds: 60,
		commit: COMMIT,
		dirty: false,
		machine,
		engine: { 'n8n-core': '1.122.28', 'n8n-workflow': '1.120.14' },
		projects: {},
		...overrides,
	};
}
function fixture(parts: Record<string, unknown>): string {
	const folder = mkdtempSync(join(tmpdir(), 'hero-evidence-test-'));
	for (const [file, content] of Object.entries(parts)) {
		mkdirSync(join(folder, file, '..'), { recursive: true });
		writeFileSync(
			join(folder, file),
			typeof content === 'string' ? content : JSON.stringify(content),
		);
	}
	return folder;
}
const NOW = new Date('2026-12-06T03:00:00.000Z');
const write = (folder: string) => {
	const evidence = collect(folder);
	return render(evidence, stampOf(evidence, ROOT, NOW), ['1', '2']);
};
const row = (page: string, start: string) => page.split('\n').find((l) => l.startsWith(start));
/** The text of one `## ` section of the page, without its heading. */
const section = (page: string, heading: string) =>
	page.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';

describe('test/evidence/write.ts', () => {
	it('from jest and reliability results only: their counts, the stamp they recorded, and every other part "not run"', () => {
		const page = write(
			fixture({
				'jest/main-1.json': jestRecord({
					projects: {
						unit: counts(812),
						reliability: counts(40, 1, ['test/reliability/faults.test.ts: 1,000 sends']),
					},
				}),
				'reliability-figures.json': {
					generatedAt: '2026-12-06T01:01:00.000Z',
					node: 'v20.20.2',
					reliabilityTests: { ok: 40, failing: 1 },
					sections: {
						'1,000 sends with 10% faults': { duplicates: 0, 'send requests': 1026 },
						'Secrets and patient data (whole reliability suite)': {
							'log lines scanned (console and n8n logger)': 4961,
							'secrets found': 0,
						},
					},
				},
			}),
		);
		expect(page.startsWith(PAGE_HEADER)).toBe(true);
		expect(stampedCommit(page)).toBe(COMMIT);
		expect(row(page, '| Commit |')).toContain('clean tree');
		expect(row(page, '| Run started |')).toContain('2026-12-06T01:00:00.000Z');
		expect(row(page, '| Machine |')).toBe(
			'| Machine | 2 cores (Test CPU), 4096 MB memory, Linux 6.1 x64 |',
		);
		expect(row(page, '| n8n engine of the in-process suites |')).toContain(
			'n8n-core 1.122.28, n8n-workflow 1.120.14',
		);
		expect(row(page, '| n8n (real installs) |')).toBe(`| n8n (real installs) | ${NOT_RUN} |`);
		// Counts as recorded, with the failing test named.
		expect(row(page, '| `npm test` | unit |')).toBe(
			'| `npm test` | unit | 812 | 0 | 0 | 812 | 3/3 |',
		);
		expect(row(page, '| `npm test` | reliability |')).toBe(
			'| `npm test` | reliability | 40 | 1 | 0 | 41 | 2/3 |',
		);
		expect(page).toContain('- test/reliability/faults.test.ts: 1,000 sends');
		// What the folder does not hold is "not run", never a number.
		expect(row(page, '| `npm test` | package |')).toContain(NOT_RUN);
		expect(row(page, '| `npm test` | e2e |')).toContain(NOT_RUN);
		expect(row(page, '| `npm run test:editor` | editor |')).toContain(NOT_RUN);
		// Some projects only is not `npm test`, and the page does not call it that.
		const some = write(
			fixture({
				'jest/main-1.json': jestRecord({
					args: ['--selectProjects', 'unit'],
					projects: { unit: counts(812) },
				}),
			}),
		);
		expect(row(some, '| `jest --selectProjects unit` | unit |')).toBe(
			'| `jest --selectProjects unit` | unit | 812 | 0 | 0 | 812 | 3/3 |',
		);
		expect(row(some, '| `jest --selectProjects unit` | reliability |')).toContain(NOT_RUN);
		expect(some).not.toContain('| `npm test` |');
		expect(row(page, '| 1 |')).toBe(`| 1 | ${NOT_RUN} | ${NOT_RUN} | ${NOT_RUN} | ${NOT_RUN} |`);
		expect(row(page, '| 2 |')).toBe(`| 2 | ${NOT_RUN} | ${NOT_RUN} | ${NOT_RUN} | ${NOT_RUN} |`);
		expect(page).toContain(`**Line 1**: ${NOT_RUN}.`);
		expect(page).toContain(`\`npm run bench\`: ${NOT_RUN}.`);
		expect(section(page, 'Trigger under load')).toContain(`**Line 1**: ${NOT_RUN}.`);
		expect(section(page, 'Trigger under load')).toContain(`**Line 2**: ${NOT_RUN}.`);
		expect(page).toContain(`test/package/scanner.test.ts: ${NOT_RUN}.`);
		expect(page).toContain(`Phase times: ${NOT_RUN}`);
		// The secrets scan and the other reliability figures, as the reporter wrote them.
		expect(row(page, '| log lines scanned')).toBe(
			'| log lines scanned (console and n8n logger) | 4,961 |',
		);
		expect(row(page, '| secrets found |')).toBe('| secrets found | 0 |');
		expect(page).toContain('### 1,000 sends with 10% faults');
		expect(row(page, '| send requests |')).toBe('| send requests | 1,026 |');
	});

	it('from a full folder: phases, the matrix with the versions that ran, queue mode, bench targets and tables, the scanner', () => {
		const e2e = {
			numPassedTests: 46,
			numFailedTests: 0,
			numPendingTests: 0,
			numTodoTests: 0,
			numTotalTests: 46,
			numTotalTestSuites: 12,
			numFailedTestSuites: 0,
		};
		const page = write(
			fixture({
				'jest/main-1.json': jestRecord({
					dirty: true,
					projects: {
						unit: counts(812),
						reliability: counts(41),
						package: counts(9),
						e2e: counts(46),
					},
				}),
				'jest/editor-2.json': jestRecord({
					suite: 'editor',
					startedAt: '2026-12-06T01:20:00.000Z',
					projects: { editor: counts(12) },
				}),
				'n8n/line1.json': { line: 1, n8n: '1.100.7', node: 'v20.20.2' },
				'n8n/line2.json': { line: 2, n8n: '2.40.9', node: 'v24.21.0' },
				'compat/install-line1.rc': '0 3\n',
				'compat/install-line2.rc': '0 5\n',
				'compat/e2e-line1.rc': '0 300\n',
				'compat/e2e-line1.json': e2e,
				'compat/e2e-line2.rc': '1 310\n',
				'compat/e2e-line2.json': {
					...e2e,
					numPassedTests: 45,
					numFailedTests: 1,
					numFailedTestSuites: 1,
				},
				'compat/queue-line1.rc': '0 400\n',
				'compat/queue-line1.jest.json': {
					...e2e,
					numPassedTests: 5,
					numTotalTests: 5,
					numTotalTestSuites: 1,
				},
				'compat/queue-line1.json': {
					n8n: '1.100.7',
					node: 'v20.20.2',
					redis: '7.0.15',
					postgres: '15',
					sends: {
						runs: 20,
						messagesPerRun: 25,
						executions: 20,
						successful: 20,
						byWorker: { w1: 10, w2: 10 },
						messagesInHero: 500,
						distinct: 500,
						deliveredTwice: 0,
					},
					kills: [
						{
							signal: 'SIGKILL',
							settings: 'n8n 1.x defaults',
							messagesInRun: 300,
							outcome: 'retried',
							retriedBy: ['w2'],
							finalStatus: 'success',
							secondsToOutcome: 40,
							sentWhenKilled: 75,
							distinctDelivered: 300,
							deliveredTwice: 75,
							neverDelivered: 0,
							sendRequests: 375,
						},
					],
				},
				'scanner.json': {
					scanner: '@n8n/scan-community-package@0.32.0',
					node: 'v24.21.0',
					exitCode: 0,
					legs: [
						{ leg: 'tarball', files: 143, passed: true },
						{ leg: 'source', files: 140, passed: true },
					],
					provenance: {
						checked: false,
						reason: 'not run: npm provenance exists only once a version is published',
					},
				},
				'bench.json': {
					run: { args: [], repeat: 3, count: 1000, node: 'v20.20.2', n8n: '1.100.7', seconds: 900 },
					targets: [
						{ target: 'Return All <= 1.1× the paging loop', measured: '0.60×', met: true },
						{ target: 'Tarball <= 150 kB', measured: '151.0 kB', met: false },
					],
					results: { footprint: {}, paging: {} },
					output:
						'## Benchmark: Hero Health node vs n8n HTTP Request node\n\n### Package footprint\n\n| What | Figure |\n|---|---:|\n| `npm pack` tarball | 151.0 kB |\n\n### Targets\n\n| Target | Measured | Verdict |\n|---|---:|---|\n| Tarball <= 150 kB | 151.0 kB | **not met** |\n\nMachine load: start 1.0.',
				},
				'phases.json': [
					{ phase: 'npm ci', seconds: 40, exitCode: 0 },
					{ phase: 'npm test', seconds: 1200, exitCode: 0 },
				],
			}),
		);
		expect(row(page, '| Commit |')).toContain('tree had uncommitted changes');
		expect(row(page, '| n8n (real installs) |')).toBe(
			'| n8n (real installs) | line 1: n8n 1.100.7 on Node v20.20.2; line 2: n8n 2.40.9 on Node v24.21.0 |',
		);
		expect(row(page, '| npm test |')).toBe('| npm test | 1200 | 0 |');
		expect(row(page, '| `npm test` | e2e |')).toBe('| `npm test` | e2e | 46 | 0 | 0 | 46 | 3/3 |');
		expect(row(page, '| `npm run test:editor` | editor |')).toBe(
			'| `npm run test:editor` | editor | 12 | 0 | 0 | 12 | 3/3 |',
		);
		// The matrix: versions from the installs, counts from the compat reports, a failure shown as one.
		expect(row(page, '| 1 |')).toBe(
			'| 1 | 1.100.7 | v20.20.2 | pass: 46 passed, 0 failed, 46 total; 12/12 suites; 300 s | pass: 5 passed, 0 failed, 5 total; 1/1 suites; 400 s |',
		);
		expect(row(page, '| 2 |')).toBe(
			`| 2 | 2.40.9 | v24.21.0 | FAIL: 45 passed, 1 failed, 46 total; 11/12 suites; 310 s | ${NOT_RUN} |`,
		);
		expect(page).toContain('**Line 1**: n8n 1.100.7 on Node v20.20.2, Redis 7.0.15, PostgreSQL 15');
		expect(row(page, '| 500 SMS in 20 webhook-started runs of 25 |')).toContain(
			'20/20 executions succeeded',
		);
		expect(row(page, '| SIGKILL to a worker in a 300-SMS run [n8n 1.x defaults] |')).toContain(
			'Hero got 300 distinct, 75 twice, 0 never; 375 send requests',
		);
		expect(page).toContain(`**Line 2**: ${NOT_RUN}.`);
		// Bench: its targets with verdicts, then its own tables a level down, without a second targets table.
		expect(page).toContain(
			'`npm run bench`: measured footprint, paging; n8n 1.100.7, Node v20.20.2, 900 s in all.',
		);
		expect(row(page, '| Tarball <= 150 kB |')).toBe(
			'| Tarball <= 150 kB | 151.0 kB | **not met** |',
		);
		expect(page).toContain('#### Package footprint');
		expect(page).not.toContain('## Benchmark: Hero Health node');
		expect(page.match(/\| Tarball <= 150 kB/g)).toHaveLength(1);
		expect(row(page, '| tarball |')).toBe('| tarball | passed | 143 |');
		expect(row(page, '| provenance |')).toContain(NOT_RUN);
		expect(page).toContain(`The reliability suite: ${NOT_RUN}.`);
	});

	it('trigger under load: the figures triggerLoad.e2e.test.ts recorded for a line, and "not run" for a line it did not record', () => {
		const figures = {
			n8n: '1.100.7',
			node: 'v20.20.2',
			line: 1,
			recordedAt: '2026-12-06T01:30:00.000Z',
			deliveries: 500,
			distinct: 450,
			replays: 50,
			spreadMs: 5000,
			maxInFlight: 40,
			burstMs: 5210,
			peakInFlight: 12,
			postsStartedLate: 3,
			answers: { 200: 500 },
			repeatAnswers: 50,
			executions: 450,
			distinctEventsRun: 450,
			settleMs: 1500,
			loadAverage: { before: 1.5, after: 2.25, cores: 2 },
			n8nCpuMsPerDelivery: 9.4,
			timeTo200Ms: { median: 21.4, p99: 180.6, max: 240.2 },
			memoryMB: {
				rssBefore: 410.2,
				peakDuringBurst: 1480.6,
				rssAfterBurst: 520,
				rssAfterRuns: 480.4,
				peakFrom: 'VmHWM reset before the burst',
			},
			baseline: {
				node: 'n8n-nodes-base.webhook',
				deliveries: 100,
				n8nCpuMsPerDelivery: 11.2,
				timeTo200Ms: { median: 30.4, p99: 90.6 },
			},
		};
		const page = write(
			fixture({ 'jest/main-1.json': jestRecord({}), 'triggerLoad.json': { line1: figures } }),
		);
		const text = section(page, 'Trigger under load');
		expect(text).toContain('**Line 1**: n8n 1.100.7 on Node v20.20.2');
		expect(row(text, '| Sent |')).toBe(
			'| Sent | 500 deliveries (450 distinct events, 50 exact replays), planned over 5,000 ms with at most 40 in flight; the last answer came after 5,210 ms; 3 posts left later than planned, waiting for a free slot |',
		);
		expect(row(text, '| Answers |')).toBe(
			"| Answers | 200: 500; 50 of them the trigger's repeat answer |",
		);
		expect(row(text, '| Executions |')).toBe(
			'| Executions | 450 started, 450 distinct events; all finished 1,500 ms after the last answer |',
		);
		expect(row(text, '| Time to 200 |')).toBe(
			'| Time to 200 | median 21 ms, p99 181 ms, max 240 ms |',
		);
		expect(row(text, '| n8n CPU |')).toBe(
			'| n8n CPU | 9.4 ms per delivery (user + system, burst and runs) |',
		);
		expect(row(text, '| n8n memory (resident) |')).toBe(
			'| n8n memory (resident) | 410 MB before; peak 1,481 MB during the burst (VmHWM reset before the burst); 520 MB after it; 480 MB once the runs finished |',
		);
		expect(row(text, "| n8n's own Webhook node, same n8n |")).toBe(
			"| n8n's own Webhook node, same n8n | 100 posts (no signature check, at most 40 in flight): 11.2 ms of CPU per delivery; time to 200 median 30 ms, p99 91 ms |",
		);
		expect(row(text, '| Machine load |')).toContain(
			'1-minute load average 1.5 before, 2.25 after, on 2 cores',
		);
		// A run that recorded no baseline says so rather than leaving the row out.
		const { baseline: _baseline, ...withoutBaseline } = figures;
		const older = section(
			write(
				fixture({
					'jest/main-1.json': jestRecord({}),
					'triggerLoad.json': { line1: withoutBaseline },
				}),
			),
			'Trigger under load',
		);
		expect(row(older, "| n8n's own Webhook node, same n8n |")).toBe(
			`| n8n's own Webhook node, same n8n | ${NOT_RUN} |`,
		);
		// Line 2 recorded nothing: said so, and no figure of line 1 is shown for it.
		expect(text).toContain(`**Line 2**: ${NOT_RUN}.`);
		expect(text.match(/\| Time to 200 \|/g)).toHaveLength(1);
		// The section sits with the other real-n8n figures, before the benchmark.
		expect(page.indexOf('## Trigger under load')).toBeGreaterThan(page.indexOf('## Queue mode'));
		expect(page.indexOf('## Trigger under load')).toBeLessThan(page.indexOf('## Benchmark'));
	});

	it('names a jest run by the arguments that chose what ran, not by its config or output flags', () => {
		expect(selection([])).toEqual([]);
		expect(selection(['-c', 'test/editor/jest.config.js'])).toEqual([]);
		expect(
			selection(['--selectProjects', 'e2e', '--json', '--outputFile=/tmp/x/e2e-line1.json']),
		).toEqual(['--selectProjects', 'e2e']);
		expect(selection(['test/unit/transport/timer.test.ts', '--config=jest.config.js'])).toEqual([
			'test/unit/transport/timer.test.ts',
		]);
		const editor = write(
			fixture({
				'jest/editor-1.json': jestRecord({
					suite: 'editor',
					args: ['-c', 'test/editor/jest.config.js'],
					projects: { editor: counts(12) },
				}),
			}),
		);
		expect(row(editor, '| `npm run test:editor` | editor |')).toBe(
			'| `npm run test:editor` | editor | 12 | 0 | 0 | 12 | 3/3 |',
		);
	});

	it("takes a line's n8n version from matrix.sh's install when no test recorded it, and says the Node was not recorded", () => {
		const install = fixture({ 'node_modules/n8n/package.json': { version: '1.100.7' } });
		const e2e = {
			numPassedTests: 2,
			numFailedTests: 0,
			numPendingTests: 0,
			numTodoTests: 0,
			numTotalTests: 2,
			numTotalTestSuites: 1,
			numFailedTestSuites: 0,
		};
		const page = write(
			fixture({
				'jest/main-1.json': jestRecord({}),
				'compat/install-line1.rc': '0 1\n',
				'compat/install-line1.dir': `${install}\n`,
				'compat/e2e-line1.rc': '0 9\n',
				'compat/e2e-line1.json': e2e,
			}),
		);
		expect(row(page, '| 1 |')).toBe(
			`| 1 | 1.100.7 | not recorded | pass: 2 passed, 0 failed, 2 total; 1/1 suites; 9 s | ${NOT_RUN} |`,
		);
	});

	it('npm run evidence refuses a folder that already holds results, before running anything', () => {
		const used = fixture({ 'jest/old.json': jestRecord({}) });
		const run = spawnSync('bash', [join(ROOT, 'test/evidence/run.sh'), used], {
			cwd: ROOT,
			encoding: 'utf8',
			timeout: 10_000,
		});
		expect(run.status).toBe(2);
		expect(run.stderr).toContain('is not empty');
		expect(readdirSync(used)).toEqual(['jest']);
	});

	it('refuses a folder that mixes runs of two commits', () => {
		const folder = fixture({
			'jest/a.json': jestRecord({}),
			'jest/b.json': jestRecord({ commit: 'b'.repeat(40), startedAt: '2026-12-06T02:00:00.000Z' }),
		});
		expect(() => write(folder)).toThrow(/mixes runs of several commits/);
	});
});

describe('test/evidence/jest-reporter.js', () => {
	it('counts per jest project, a file that could not run as a failed suite, and names each failure', () => {
		const file = (
			name: string,
			displayName: unknown,
			tests: Array<'passed' | 'failed' | 'pending'>,
			execError?: string,
		) => ({
			testFilePath: join(ROOT, name),
			displayName,
			numPassingTests: tests.filter((t) => t === 'passed').length,
			numFailingTests: tests.filter((t) => t === 'failed').length,
			numPendingTests: tests.filter((t) => t === 'pending').length,
			numTodoTests: 0,
			testExecError: execError ? { message: `${execError}\n    at stack` } : undefined,
			testResults: tests.map((status, i) => ({ status, fullName: `${name} test ${i}` })),
		});
		const projects = countsByProject(
			{
				testResults: [
					file('test/unit/a.test.ts', { name: 'unit', color: 'white' }, [
						'passed',
						'passed',
						'pending',
					]),
					file('test/unit/b.test.ts', { name: 'unit', color: 'white' }, ['passed', 'failed']),
					file('test/e2e/c.e2e.test.ts', { name: 'e2e', color: 'white' }, [], 'Cannot find module'),
					file('test/editor/editor.test.ts', undefined, ['passed']),
				],
			},
			'editor',
		);
		expect(projects.unit).toEqual({
			passed: 3,
			failed: 1,
			skipped: 1,
			total: 5,
			suites: 2,
			failedSuites: 1,
			failedTests: ['test/unit/b.test.ts: test/unit/b.test.ts test 1'],
		});
		expect(projects.e2e).toEqual({
			passed: 0,
			failed: 0,
			skipped: 0,
			total: 0,
			suites: 1,
			failedSuites: 1,
			failedTests: ['test/e2e/c.e2e.test.ts: could not run (Cannot find module)'],
		});
		// A config without projects (the editor's) counts under its suite name.
		expect(projects.editor).toMatchObject({ passed: 1, total: 1, suites: 1, failedSuites: 0 });
	});
});
