// Copies icons and codex files (*.node.json) next to the compiled files, where n8n looks for them;
// then bundles each file n8n loads into one file with esbuild and removes the rest (build:bundle).
const fs = require('fs');
const path = require('path');
const { task, src, dest } = require('gulp');

task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(path.resolve('dist'))),
);

const BANNER =
	'// Built by gulpfile.js (build:bundle) with esbuild from the files tsc compiled; the source is nodes/ and credentials/.';

/**
 * The action node's cold require, and shipping only what n8n loads. tsc writes about
 * 130 modules (one file per operation); finding and reading each one cost most of the action node's
 * load time. esbuild bundles each file package.json `n8n` names (the nodes and the credential) from
 * tsc's output, so tsc stays the compiler, and each bundle holds every module it reaches, wrapped as
 * CommonJS wraps them (the trigger and the action node each have their own copy of what they share,
 * as when each was loaded from its own files). Package imports (n8n-workflow, crypto) stay real
 * requires: the package has no runtime dependencies. Then every other .js file in dist/ is removed,
 * so the tarball holds the bundles, icons and codex files only. No source maps or declarations, as
 * tsconfig.json.
 */
task('build:bundle', async () => {
	const esbuild = require('esbuild');
	const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
	const entries = [...manifest.n8n.nodes, ...manifest.n8n.credentials].map((file) =>
		path.resolve(file),
	);
	for (const entry of entries) {
		if (fs.readFileSync(entry, 'utf8').includes('(build:bundle)'))
			throw new Error(`${entry} is a bundle already: run tsc first`);
	}
	const dist = path.resolve('dist');
	const result = await esbuild.build({
		entryPoints: entries,
		outdir: dist,
		outbase: dist,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		packages: 'external',
		banner: { js: BANNER },
		legalComments: 'none',
		logLevel: 'warning',
		write: false,
	});
	const removeJs = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const file = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				removeJs(file);
				if (fs.readdirSync(file).length === 0) fs.rmdirSync(file);
			} else if (file.endsWith('.js')) fs.rmSync(file);
		}
	};
	removeJs(dist);
	for (const file of result.outputFiles) {
		fs.mkdirSync(path.dirname(file.path), { recursive: true });
		fs.writeFileSync(file.path, file.contents);
	}
});
