// The tests' own lint config. `npm run lint` (n8n-node lint, with ESLint's config lookup from the
// linted file: see test/install/n8n-node.sh) lints test/ with this file and everything else with the
// root eslint.config.mjs, n8n's own config. The node rules do not fit tests: they forbid process,
// timers, node: imports and literal keys, which the harness, the sandbox and the fixtures need.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		files: ['**/*.{ts,js,mjs}'],
		extends: [eslint.configs.recommended, tseslint.configs.recommended],
		rules: {
			// As n8n's config: spread and apply are both fine.
			'prefer-spread': 'off',
			// A leading underscore marks a value left out on purpose (`const { id: _id, ...rest } = x`).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{
					argsIgnorePattern: '^_',
					varsIgnorePattern: '^_',
					destructuredArrayIgnorePattern: '^_',
				},
			],
			// Tests read untyped JSON (n8n's item output, HTTP bodies, the sandbox's records) and assert
			// on it with toMatchObject/toEqual, which check the shape; `any` is how they read it.
			'@typescript-eslint/no-explicit-any': 'off',
		},
	},
	{
		// The Jest reporters and compat summary are CommonJS scripts that Node and Jest load as they are.
		files: ['**/*.js'],
		languageOptions: { sourceType: 'commonjs' },
		rules: {
			// no-require-imports is for TypeScript, which has `import`; a CommonJS file has only require.
			'@typescript-eslint/no-require-imports': 'off',
		},
	},
);
