// The editor suite (test/editor/*.test.ts): the real n8n editor in Debian's headless Chromium.
// Run by `npm run test:editor`, not by `npm test`: it needs /usr/bin/chromium (test/install/install-chromium.sh).
const transform = {
	'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.tools.json', diagnostics: false }],
};
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	forceExit: true,
	maxWorkers: 1,
	transform,
	testMatch: ['<rootDir>/test/editor/**/*.test.ts'],
	reporters: [
		'default',
		'<rootDir>/test/summary-reporter.js',
		['<rootDir>/test/evidence/jest-reporter.js', { suite: 'editor' }],
	],
};
