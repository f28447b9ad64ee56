// The queue-mode suite (test/compat/*.test.ts): run by test/compat/matrix.sh (`npm run test:compat`),
// not by `npm test`. One test file at a time: it starts Redis, PostgreSQL and three n8n processes.
const transform = {
	'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.tools.json', diagnostics: false }],
};
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	forceExit: true,
	maxWorkers: 1,
	transform,
	testMatch: ['<rootDir>/test/compat/**/*.test.ts'],
	reporters: [
		'default',
		'<rootDir>/test/summary-reporter.js',
		['<rootDir>/test/evidence/jest-reporter.js', { suite: 'queue' }],
	],
};
