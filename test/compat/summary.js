// Prints the compatibility matrix's figures from the reports test/compat/matrix.sh left in a folder:
// per n8n line, the versions, the e2e and queue-mode results (jest --json) and the queue-mode figures.
// Usage: node test/compat/summary.js <report folder>. Exits 1 if a part failed or did not run.
const { existsSync, readFileSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

const out = process.argv[2];
if (!out) {
	console.error('usage: node test/compat/summary.js <report folder>');
	process.exit(2);
}
const read = (file) =>
	existsSync(join(out, file)) ? readFileSync(join(out, file), 'utf8') : undefined;
const json = (file) => {
	const text = read(file);
	return text === undefined ? undefined : JSON.parse(text);
};

function versions(line) {
	const dir = read(`install-line${line}.dir`)?.trim();
	if (!dir) return { n8n: '-', node: '-' };
	const n8n = JSON.parse(readFileSync(join(dir, 'node_modules/n8n/package.json'), 'utf8')).version;
	const nodeBin = line === '1' ? process.execPath : join(dir, 'node_modules/.bin/node');
	const node = execFileSync(nodeBin, ['--version'], { encoding: 'utf8' }).trim();
	return { n8n, node };
}

function jestCell(part, line) {
	const rc = read(`${part}-line${line}.rc`);
	const result = json(part === 'e2e' ? `e2e-line${line}.json` : `queue-line${line}.jest.json`);
	if (!rc) return { text: 'not run', ok: undefined };
	const [code, seconds] = rc.trim().split(' ');
	if (!result) return { text: `FAILED to run (exit ${code}, ${seconds} s)`, ok: false };
	const ok =
		code === '0' &&
		result.numFailedTests === 0 &&
		result.numFailedTestSuites === 0 &&
		result.numTotalTests > 0;
	const skipped = result.numPendingTests + result.numTodoTests;
	const text =
		`${ok ? 'pass' : 'FAIL'}: ${result.numPassedTests}/${result.numTotalTests} tests, ` +
		`${result.numTotalTestSuites - result.numFailedTestSuites}/${result.numTotalTestSuites} suites${skipped ? `, ${skipped} skipped` : ''}, ${seconds} s`;
	return {
		text,
		ok,
		failed: result.testResults.flatMap((s) =>
			s.assertionResults
				.filter((a) => a.status === 'failed')
				.map((a) => `${s.name.replace(/.*\/test\//, 'test/')}: ${a.fullName}`),
		),
	};
}

const lines = ['1', '2'].filter((line) => read(`install-line${line}.rc`) !== undefined);
let failed = false;
const rows = [];
const problems = [];
for (const line of lines) {
	const v = versions(line);
	const install = read(`install-line${line}.rc`).trim().split(' ');
	if (install[0] !== '0') failed = true;
	const e2e = jestCell('e2e', line);
	const queue = jestCell('queue', line);
	for (const cell of [e2e, queue]) {
		if (cell.ok === false) failed = true;
		for (const f of cell.failed ?? []) problems.push(`line ${line}: ${f}`);
	}
	rows.push(
		`| ${line} | ${v.n8n} | ${v.node} | ${install[0] === '0' ? `ok, ${install[1]} s` : 'FAILED'} | ${e2e.text} | ${queue.text} |`,
	);
}

const print = (s = '') => process.stdout.write(`${s}\n`);
print();
print('=== Compatibility matrix ===');
print('| Line | n8n | Node | Install | End-to-end suites (test/e2e) | Queue mode (test/compat) |');
print('|---|---|---|---|---|---|');
for (const row of rows) print(row);
for (const line of lines) {
	const figures = read(`queue-line${line}.txt`);
	if (figures) print(figures.trimEnd());
}
if (problems.length) {
	print();
	print('Failed tests:');
	for (const p of problems) print(`  ${p}`);
}
print();
print(`reports and n8n logs: ${out}`);
print(`compat: ${failed ? 'FAILED' : 'passed'}`);
process.exit(failed ? 1 : 0);
