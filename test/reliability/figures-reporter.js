// Prints the reliability figures as one block at the end of a jest run that ran the reliability
// suite, and writes them to test/reliability/figures.json. Each reliability test file writes its own
// figures and its secrets scan to test/reliability/.out/<file>.json; this merges them.
// `node test/reliability/figures-reporter.js` prints the last figures.json again.
const fs = require('node:fs');
const path = require('node:path');

const OUT_DIR = path.join(__dirname, '.out');
const FIGURES_FILE = path.join(__dirname, 'figures.json');
const SECRETS = 'Secrets and patient data (whole reliability suite)';

/** The figure files written by this run's reliability test files (never another run's: the tree is shared). */
function outputsOf(results) {
	if (!results)
		return fs.existsSync(OUT_DIR)
			? fs
					.readdirSync(OUT_DIR)
					.filter((name) => name.endsWith('.json'))
					.sort()
			: [];
	return results.testResults
		.filter((r) => r.testFilePath.startsWith(__dirname + path.sep))
		.map((r) => `${path.basename(r.testFilePath).replace(/\.test\.ts$/, '')}.json`)
		.filter((name) => {
			const file = path.join(OUT_DIR, name);
			return fs.existsSync(file) && fs.statSync(file).mtimeMs >= results.startTime;
		})
		.sort();
}

function collect(results) {
	const files = outputsOf(results);
	const sections = {};
	const secrets = {
		filesScanned: 0,
		outputItemsAndRuns: 0,
		errorTexts: 0,
		logLines: 0,
		secretValuesChecked: 0,
		patientValuesChecked: 0,
		apiKeyFound: 0,
		patientDataInErrors: 0,
	};
	for (const name of files) {
		const { figures, scan } = JSON.parse(fs.readFileSync(path.join(OUT_DIR, name), 'utf8'));
		for (const [section, values] of Object.entries(figures ?? {}))
			sections[section] = { ...(sections[section] ?? {}), ...values };
		if (scan) {
			secrets.filesScanned++;
			secrets.outputItemsAndRuns += scan.outputItems;
			secrets.errorTexts += scan.errorTexts;
			secrets.logLines += scan.logLines;
			secrets.secretValuesChecked += scan.secretsChecked;
			secrets.patientValuesChecked += scan.patientValuesChecked;
			secrets.apiKeyFound += scan.secretHits.length;
			secrets.patientDataInErrors += scan.patientDataHits.length;
		}
	}
	sections[SECRETS] = {
		'test files scanned': secrets.filesScanned,
		'output items and run dumps scanned': secrets.outputItemsAndRuns,
		'error texts scanned (message, description, context)': secrets.errorTexts,
		'log lines scanned (console and n8n logger)': secrets.logLines,
		'secrets looked for (API keys, signing keys)': secrets.secretValuesChecked,
		'patient phones, emails, NHS numbers looked for': secrets.patientValuesChecked,
		'secrets found': secrets.apiKeyFound,
		'errors repeating patient data': secrets.patientDataInErrors,
	};
	const mine = results
		? results.testResults.filter((r) => r.testFilePath.startsWith(__dirname + path.sep))
		: [];
	return {
		generatedAt: new Date().toISOString(),
		node: process.version,
		...(results
			? {
					reliabilityTests: {
						ok: mine.reduce((n, r) => n + r.numPassingTests, 0),
						failing:
							mine.reduce((n, r) => n + r.numFailingTests, 0) +
							mine.filter((r) => r.testExecError).length,
					},
				}
			: {}),
		sections,
	};
}

function show(value) {
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		const parts = Object.entries(value).map(([k, v]) => `${k}: ${show(v)}`);
		return parts.length ? parts.join(', ') : '(none)';
	}
	if (Array.isArray(value)) return value.length ? value.map(show).join('; ') : '(none)';
	return typeof value === 'number' ? value.toLocaleString('en-GB') : String(value);
}

function format(figures) {
	const rule = '='.repeat(90);
	const lines = [
		'',
		rule,
		`RELIABILITY FIGURES  (${figures.generatedAt}, node ${figures.node})`,
		rule,
	];
	if (figures.reliabilityTests)
		lines.push(
			`reliability tests: ${figures.reliabilityTests.ok} ok, ${figures.reliabilityTests.failing} failing`,
		);
	for (const [section, values] of Object.entries(figures.sections)) {
		lines.push('', section);
		for (const [key, value] of Object.entries(values))
			lines.push(`  ${key.padEnd(52, '.')} ${show(value)}`);
	}
	lines.push(rule, `(written to ${path.relative(process.cwd(), FIGURES_FILE)})`, '');
	return lines.join('\n');
}

class FiguresReporter {
	onRunComplete(_contexts, results) {
		const ran = results.testResults.some((r) => r.testFilePath.startsWith(__dirname + path.sep));
		if (!ran) return;
		const figures = collect(results);
		fs.writeFileSync(FIGURES_FILE, `${JSON.stringify(figures, null, 2)}\n`);
		// The same figures for docs/evidence.md (`npm run evidence`).
		if (process.env.HERO_EVIDENCE_DIR) {
			fs.mkdirSync(process.env.HERO_EVIDENCE_DIR, { recursive: true });
			fs.writeFileSync(
				path.join(process.env.HERO_EVIDENCE_DIR, 'reliability-figures.json'),
				`${JSON.stringify(figures, null, 2)}\n`,
			);
		}
		process.stdout.write(format(figures));
	}
}

module.exports = FiguresReporter;

if (require.main === module) {
	if (!fs.existsSync(FIGURES_FILE)) {
		process.stderr.write('No figures yet: run `npm run test:reliability` first.\n');
		process.exit(1);
	}
	process.stdout.write(format(JSON.parse(fs.readFileSync(FIGURES_FILE, 'utf8'))));
}
