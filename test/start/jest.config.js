// `npm run test:start`: the README's first command (`npm start`) as a new user runs it. Not part of
// `npm test`, which installs n8n first; .ci/run runs it before anything else has filled its new cache.
const transform = {
	'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.tools.json', diagnostics: false }],
};
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	transform,
	testMatch: ['<rootDir>/test/start/**/*.test.ts'],
	reporters: ['default', '<rootDir>/test/summary-reporter.js'],
	// fetch's keep-alive sockets to the stopped demo would hold Jest open for a while.
	forceExit: true,
};
