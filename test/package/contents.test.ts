/**
 * The tarball ships only what n8n loads. `npm run build` bundles each file
 * package.json `n8n` names with esbuild and removes every other compiled module (gulpfile.js,
 * build:bundle), so `npm pack` holds those bundles, the icons their descriptions name, the codex
 * files beside the nodes, and the files npm always adds. The package has no runtime dependencies:
 * a bundle may require only n8n-workflow (a peer, which n8n has) and Node's own modules.
 * Needs a build (`npm run build`), as `npm test` does first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, posix } from 'node:path';

const root = join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	dependencies?: Record<string, string>;
	peerDependencies: Record<string, string>;
	n8n: { nodes: string[]; credentials: string[] };
};
const entries = [...manifest.n8n.nodes, ...manifest.n8n.credentials];

interface Packed {
	files: { path: string }[];
}
let packed: string[];

beforeAll(() => {
	for (const entry of entries)
		if (!existsSync(join(root, entry))) throw new Error(`no ${entry}: run \`npm run build\` first`);
	const pack = spawnSync(
		'npm',
		['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'],
		{ cwd: root, encoding: 'utf8', timeout: 120_000 },
	);
	if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
	const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as Packed[];
	packed = info.files.map((f) => f.path).sort();
}, 180_000);

/** The icon files a built node or credential names (`file:` paths, relative to its own file). */
function iconsOf(entry: string): string[] {
	// A built file found at run time (package.json `n8n`), loaded as n8n loads it: by require.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(join(root, entry)) as Record<
		string,
		new () => { description?: { icon?: unknown }; icon?: unknown }
	>;
	const icons: string[] = [];
	for (const Type of Object.values(exported)) {
		if (typeof Type !== 'function' || !Type.prototype) continue;
		const instance = new Type();
		const icon = instance.description ? instance.description.icon : instance.icon;
		const names =
			typeof icon === 'string' ? [icon] : Object.values((icon ?? {}) as Record<string, string>);
		for (const name of names)
			if (name.startsWith('file:'))
				icons.push(posix.normalize(posix.join(dirname(entry), name.slice('file:'.length))));
	}
	return icons;
}

describe('the tarball ships only what n8n loads', () => {
	it('npm pack holds the files package.json `n8n` names, their icons and codex files, and nothing else', () => {
		const icons = entries.flatMap(iconsOf);
		expect(icons.length).toBeGreaterThan(0);
		const codex = manifest.n8n.nodes.map((node) => node.replace(/\.js$/, '.json'));
		const expected = [
			...new Set(['LICENSE', 'README.md', 'package.json', ...entries, ...codex, ...icons]),
		].sort();
		expect(packed).toEqual(expected);
	});

	it('each bundle requires only n8n-workflow and Node modules (no runtime dependencies, no file of its own)', () => {
		expect(manifest.dependencies).toBeUndefined();
		const allowed = new Set([
			...Object.keys(manifest.peerDependencies),
			...builtinModules,
			...builtinModules.map((m) => `node:${m}`),
		]);
		for (const entry of entries) {
			const code = readFileSync(join(root, entry), 'utf8');
			expect({ entry, banner: code.split('\n')[0] }).toEqual({
				entry,
				banner: expect.stringContaining('(build:bundle)'),
			});
			const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map(
				([, spec]) => spec,
			);
			expect({ entry, outside: required.filter((spec) => !allowed.has(spec)) }).toEqual({
				entry,
				outside: [],
			});
		}
	});

	it('each bundle loads in a fresh Node process and its class constructs (the action node, the trigger, the credential)', () => {
		for (const entry of entries) {
			const probe = `const e = require(process.argv[1]); const names = []; for (const [k, v] of Object.entries(e)) if (typeof v === 'function' && v.prototype) { new v(); names.push(k); } console.log(names.join(','));`;
			const result = spawnSync(process.execPath, ['-e', probe, join(root, entry)], {
				cwd: root,
				encoding: 'utf8',
				timeout: 60_000,
			});
			const className = entry
				.split('/')
				.pop()!
				.replace(/\.(node|credentials)\.js$/, '');
			expect({ entry, status: result.status, stderr: result.stderr }).toEqual({
				entry,
				status: 0,
				stderr: '',
			});
			expect(result.stdout.trim().split(',')).toContain(className);
		}
	}, 120_000);
});
