// Unit tests (in-process, against the sandbox) and end-to-end tests (a real n8n process).
const transform = {
	'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.tools.json', diagnostics: false }],
};
module.exports = {
	testEnvironment: 'node',
	// n8n-core leaves an un-referenced timer behind on import; the suites close their own servers.
	forceExit: true,
	reporters: [
		'default',
		'<rootDir>/test/reliability/figures-reporter.js',
		'<rootDir>/test/summary-reporter.js',
		// Counts for docs/evidence.md, only when HERO_EVIDENCE_DIR is set (`npm run evidence`).
		['<rootDir>/test/evidence/jest-reporter.js', { suite: 'main' }],
	],
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform,
			setupFiles: ['<rootDir>/test/harness/env.ts'],
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
		},
		{
			displayName: 'reliability',
			testEnvironment: 'node',
			transform,
			setupFiles: ['<rootDir>/test/harness/env.ts'],
			testMatch: ['<rootDir>/test/reliability/**/*.test.ts'],
		},
		// What would be published, checked as n8n checks it (needs `npm run build` first).
		{
			displayName: 'package',
			testEnvironment: 'node',
			transform,
			testMatch: ['<rootDir>/test/package/**/*.test.ts'],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			transform,
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			maxWorkers: 1,
		},
	],
};
