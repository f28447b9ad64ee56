// Unit tests (in-process, against the sandbox) and end-to-end tests (a real n8n process).
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.tools.json', diagnostics: false }] };
module.exports = {
	testEnvironment: 'node',
	reporters: ['default', '<rootDir>/test/summary-reporter.js'],
	projects: [
		{ displayName: 'unit', testEnvironment: 'node', transform, testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{ displayName: 'e2e', testEnvironment: 'node', transform, testMatch: ['<rootDir>/test/e2e/**/*.test.ts'], maxWorkers: 1 },
	],
};
