/**
 * The n8n releases the tests run on are pinned in one place, test/install/n8n-lines.json: following
 * n8n is a one-line change there. The install script, the harness and the matrix read it; no other
 * test code, script or workflow restates a pinned version.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../../..');
const pinsFile = join(root, 'test/install/n8n-lines.json');
const pins = JSON.parse(readFileSync(pinsFile, 'utf8')) as Record<
	string,
	{ version: string; overrides: Record<string, string> }
>;
const lines = Object.keys(pins).filter((key) => /^\d+$/.test(key));

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'node_modules' || name.startsWith('.')) return [];
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

describe('n8n pins', () => {
	it('n8n-lines.json names each line with an exact version and its npm overrides', () => {
		expect(lines).toEqual(['1', '2']);
		for (const line of lines) {
			expect(pins[line].version).toMatch(/^\d+\.\d+\.\d+$/);
			expect(pins[line].version.split('.')[0]).toBe(line);
			expect(typeof pins[line].overrides).toBe('object');
		}
	});

	it('no test code, script, workflow or package.json restates a pinned version: they read n8n-lines.json', () => {
		const candidates = [
			...files(join(root, 'test')).filter((file) => /\.(ts|js|mjs|sh)$/.test(file)),
			...files(join(root, '.github')),
			join(root, '.ci/run'),
			join(root, 'package.json'),
		];
		const found: string[] = [];
		for (const file of candidates) {
			const text = readFileSync(file, 'utf8');
			for (const line of lines) {
				if (text.includes(pins[line].version))
					found.push(`${relative(root, file)} holds ${pins[line].version}`);
			}
		}
		expect(found).toEqual([]);
	});

	it('install-n8n.sh takes the version of each line from n8n-lines.json, and refuses a line it does not list', () => {
		// An unknown line fails before anything is installed; a known one is named with its pinned version
		// in the folder it would print (checked without installing: a stand-in npm that fails at once).
		const unknown = spawnSync('bash', [join(root, 'test/install/install-n8n.sh'), '9'], {
			encoding: 'utf8',
			env: { ...process.env, HERO_N8N_CACHE: '/nonexistent-hero-cache' },
		});
		expect(unknown.status).toBe(2);
		expect(unknown.stderr).toContain('unknown n8n line: 9');
		const script = readFileSync(join(root, 'test/install/install-n8n.sh'), 'utf8');
		expect(script).toContain('n8n-lines.json');
		expect(script).toMatch(/dir="\$cache\/n8n-\$version"/);
	});
});
