// Runs n8n's community-package scanner (@n8n/scan-community-package) on this package before it is
// published, offline. The scanner's CLI downloads a published version from npm; this calls the same
// functions its CLI calls, on local files:
//   tarball leg: analyzePackage(<unpacked tarball>, <the CLI's tarball patterns>)
//   source leg:  analyzePackage(<source folder>, SOURCE_FILE_PATTERNS)
// Its third step, the npm provenance check, reads npm's metadata of a published version, so it
// cannot run before publishing (.github/workflows/publish.yml publishes with provenance).
// Usage (on Node 24): node scan.mjs --scanner DIR --tarball FILE.tgz --source DIR [--json]
// Exit status 0 only if both legs pass.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
	options: {
		scanner: { type: 'string' },
		tarball: { type: 'string' },
		source: { type: 'string' },
		json: { type: 'boolean', default: false },
	},
});
if (!args.scanner || !args.tarball || !args.source) {
	console.error('usage: node scan.mjs --scanner DIR --tarball FILE.tgz --source DIR [--json]');
	process.exit(2);
}

// eslint-plugin-n8n-nodes-base changes its file-name rules when NODE_ENV is "test" (as under Jest):
// scan as n8n does, without it.
delete process.env.NODE_ENV;

const root = path.join(path.resolve(args.scanner), 'node_modules/@n8n/scan-community-package');
const scannerFile = path.join(root, 'scanner/scanner.mjs');
const scanner = await import(pathToFileURL(scannerFile).href);
const { checkPackageProvenance } = await import(
	pathToFileURL(path.join(root, 'scanner/provenance.mjs')).href
);
const glob = createRequire(scannerFile)('fast-glob');
const scannerVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;

// The tarball leg's patterns are written inline in the scanner's analyzePackageByName; read them from
// its source, so that a scanner that changes them fails here instead of being scanned the old way.
const inline = /analyzePackage\(packageDir,\s*(\[[^\]]*\])\)/.exec(
	readFileSync(scannerFile, 'utf8'),
);
if (!inline) throw new Error(`cannot find the tarball leg's file patterns in ${scannerFile}`);
const TARBALL_PATTERNS = JSON.parse(inline[1].replace(/'/g, '"'));
const ignore = ['node_modules/**', '**/package-lock.json']; // as analyzePackage lists files

async function leg(name, dir, patterns) {
	const files = glob.sync(patterns, { cwd: dir, ignore });
	const result = await scanner.analyzePackage(dir, patterns);
	return {
		leg: name,
		patterns,
		files: files.length,
		passed: result.passed === true,
		message: result.message,
		details: result.details,
	};
}

// The tarball, unpacked as the scanner unpacks a downloaded one.
const unpacked = mkdtempSync(path.join(tmpdir(), 'hero-scan-'));
let legs;
try {
	const tar = spawnSync(
		'tar',
		['-xzf', path.resolve(args.tarball), '-C', unpacked, '--strip-components=1'],
		{ encoding: 'utf8' },
	);
	if (tar.status !== 0) throw new Error(`tar: ${tar.stderr}`);
	legs = [
		await leg('tarball', unpacked, TARBALL_PATTERNS),
		await leg('source', path.resolve(args.source), scanner.SOURCE_FILE_PATTERNS),
	];
} finally {
	rmSync(unpacked, { recursive: true, force: true });
}

// What the provenance step says of a version npm has no provenance for (as before publishing).
const pkg = JSON.parse(readFileSync(path.join(path.resolve(args.source), 'package.json'), 'utf8'));
const provenance = checkPackageProvenance(
	{ versions: { [pkg.version]: { dist: {} } } },
	pkg.version,
);

const report = {
	scanner: `@n8n/scan-community-package@${scannerVersion}`,
	node: process.version,
	package: `${pkg.name}@${pkg.version}`,
	legs,
	provenance: {
		checked: false,
		reason:
			'not run: npm provenance exists only once a version is published from GitHub Actions (.github/workflows/publish.yml)',
		scannerWouldSay: provenance.message,
	},
};
console.log(`${report.scanner} on Node ${report.node}, ${report.package}`);
for (const l of legs) {
	console.log(
		`${l.passed ? 'PASS' : 'FAIL'} ${l.leg} leg: ${l.files} files (${l.patterns.join(', ')})${l.passed ? '' : `: ${l.message}`}`,
	);
	if (l.details) console.log(l.details);
}
console.log(
	`SKIP provenance: ${report.provenance.reason}. Before publishing the scanner would answer: "${provenance.message}"`,
);
if (args.json) console.log(JSON.stringify(report));
process.exit(legs.every((l) => l.passed) ? 0 : 1);
