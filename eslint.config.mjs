// The rule set of `n8n-node lint` (@n8n/node-cli's exported config), composed from the same
// plugins because @n8n/node-cli itself needs Node 24. Keep in step with node-cli's configs/eslint.
// import-x is pinned to 4.6.1 (and its TS resolver to 3.8.7): later versions need native resolver
// bindings whose packages this registry lacks for some platforms, which breaks `npm ci`.
import eslint from '@eslint/js';
import { globalIgnores } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importPlugin from 'eslint-plugin-import-x';
import n8nNodesPlugin from 'eslint-plugin-n8n-nodes-base';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	globalIgnores(['dist', '.tools', 'test', 'node_modules', 'gulpfile.js']),
	{
		files: ['**/*.ts'],
		extends: [
			eslint.configs.recommended,
			tseslint.configs.recommended,
			importPlugin.flatConfigs.recommended,
		],
		rules: { 'prefer-spread': 'off' },
	},
	{
		plugins: { 'n8n-nodes-base': n8nNodesPlugin },
		settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
	},
	n8nCommunityNodesPlugin.configs.recommended,
	{
		files: ['package.json'],
		rules: { ...n8nNodesPlugin.configs.community.rules },
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
	},
	{
		files: ['./credentials/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['./nodes/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
);
