// Copies icons and codex files (*.node.json) next to the compiled files, where n8n looks for them;
// then packs the action node's compiled modules into its one entry file (build:bundle).
const fs = require('fs');
const path = require('path');
const { task, src, dest } = require('gulp');

task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest(path.resolve('dist')),
	),
);

/**
 * Issue 17: the action node's cold require. tsc writes about 130 modules (one file per operation);
 * finding and reading each costs more than running it (about 50 ms of ~60). This rewrites the
 * compiled entry file so it holds every module it reaches, each wrapped as CommonJS would wrap it:
 * the source and the other compiled files stay as they are (the trigger and the credential still
 * load their own). Package imports (n8n-workflow, crypto) stay real requires, written out literally.
 */
function bundle(entry) {
	const ids = new Map();
	const modules = [];
	const external = new Set();
	const visit = (file) => {
		if (ids.has(file)) return ids.get(file);
		const id = ids.size;
		ids.set(file, id);
		const code = fs.readFileSync(file, 'utf8');
		const local = {};
		for (const [, spec] of code.matchAll(/\brequire\("([^"]+)"\)/g)) {
			if (spec.startsWith('.')) local[spec] = visit(require.resolve(path.resolve(path.dirname(file), spec)));
			else external.add(spec);
		}
		modules[id] = { file: path.relative(path.dirname(entry), file), code, local };
		return id;
	};
	visit(path.resolve(entry));
	const packages = [...external].sort().map((spec) => `\t${JSON.stringify(spec)}: () => require(${JSON.stringify(spec)}),`);
	const wrapped = modules.map(
		(m, id) => `// ${id}: ${m.file}\n[${JSON.stringify(m.local)}, function (module, exports, require) {\n${m.code}\n}]`,
	);
	return `"use strict";
// Built by gulpfile.js (build:bundle) from the compiled files next to this one; the source is nodes/.
const packages = {
${packages.join('\n')}
};
const modules = [
${wrapped.join(',\n')}
];
const loaded = [];
function load(id) {
	if (loaded[id]) return loaded[id].exports;
	const module = (loaded[id] = { exports: {} });
	const [local, run] = modules[id];
	run.call(module.exports, module, module.exports, (spec) => (spec in local ? load(local[spec]) : packages[spec]()));
	return module.exports;
}
module.exports = load(0);
`;
}

task('build:bundle', (done) => {
	const entry = path.resolve('dist/nodes/HeroHealth/HeroHealth.node.js');
	if (fs.readFileSync(entry, 'utf8').includes('(build:bundle)')) return done(new Error(`${entry} is a bundle already: run tsc first`));
	const text = bundle(entry);
	fs.writeFileSync(entry, text);
	done();
});
