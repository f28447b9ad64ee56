// When HERO_EVIDENCE_DIR is set, writes this jest run's counts per project into
// $HERO_EVIDENCE_DIR/jest/, for the evidence page (test/evidence/write.ts). Silent otherwise.
// Options: { suite: 'main' | 'editor' | 'queue' } names the jest config that ran.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '../..');

/** The project a test file belongs to: jest's displayName, else the config's suite name. */
function projectOf(result, suite) {
	const name = result.displayName;
	if (typeof name === 'string') return name;
	if (name && typeof name.name === 'string') return name.name;
	return suite;
}

/** Counts per project from jest's aggregated results (a suite that failed to run counts as failed). */
function countsByProject(results, suite) {
	const projects = {};
	for (const r of results.testResults) {
		const name = projectOf(r, suite);
		const p = (projects[name] ??= {
			passed: 0,
			failed: 0,
			skipped: 0,
			total: 0,
			suites: 0,
			failedSuites: 0,
			failedTests: [],
		});
		p.passed += r.numPassingTests;
		p.failed += r.numFailingTests;
		p.skipped += r.numPendingTests + r.numTodoTests;
		p.total += r.numPassingTests + r.numFailingTests + r.numPendingTests + r.numTodoTests;
		p.suites += 1;
		const file = path.relative(ROOT, r.testFilePath);
		if (r.testExecError || r.numFailingTests > 0) p.failedSuites += 1;
		if (r.testExecError)
			p.failedTests.push(
				`${file}: could not run (${String(r.testExecError.message ?? '').split('\n')[0]})`,
			);
		for (const a of r.testResults ?? [])
			if (a.status === 'failed') p.failedTests.push(`${file}: ${a.fullName}`);
	}
	return projects;
}

/** The commit the run tested, and whether the tree held changes not in it. */
function gitState() {
	const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
	try {
		return {
			commit: git('rev-parse', 'HEAD'),
			dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
		};
	} catch {
		return { commit: undefined, dirty: undefined };
	}
}

function machine() {
	return {
		cores: os.cpus().length,
		cpu: os.cpus()[0]?.model.trim(),
		memoryMB: Math.round(os.totalmem() / 1024 / 1024),
		os: `${os.type()} ${os.release()} ${os.arch()}`,
	};
}

/** The n8n packages the in-process suites (unit, reliability) ran on, from node_modules. */
function engine() {
	const version = (name) => {
		try {
			return JSON.parse(
				fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8'),
			).version;
		} catch {
			return undefined;
		}
	};
	return { 'n8n-core': version('n8n-core'), 'n8n-workflow': version('n8n-workflow') };
}

class EvidenceReporter {
	constructor(_globalConfig, options) {
		this.suite = (options && options.suite) || 'main';
		// jest's own arguments: a run of some projects or files only is not the whole `npm test`, and the page says so.
		this.args = process.argv.slice(2);
		// Read when the run starts: the commit that was tested, not one made while it ran.
		this.git = process.env.HERO_EVIDENCE_DIR ? gitState() : {};
	}

	onRunComplete(_contexts, results) {
		const dir = process.env.HERO_EVIDENCE_DIR;
		if (!dir) return;
		const line = process.env.HERO_N8N_LINE || undefined;
		const record = {
			suite: this.suite,
			n8nLine: line,
			node: process.version,
			startedAt: new Date(results.startTime).toISOString(),
			seconds: Math.round((Date.now() - results.startTime) / 100) / 10,
			args: this.args,
			...this.git,
			machine: machine(),
			engine: engine(),
			projects: countsByProject(results, this.suite),
		};
		const out = path.join(dir, 'jest');
		fs.mkdirSync(out, { recursive: true });
		const name = `${this.suite}${line ? `-line${line}` : ''}-${results.startTime}-${process.pid}.json`;
		fs.writeFileSync(path.join(out, name), `${JSON.stringify(record, null, 2)}\n`);
	}
}

module.exports = EvidenceReporter;
module.exports.countsByProject = countsByProject;
