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

/**
 * The mentions of `version` in `text` that are not a finding's release: the sentence up to the mention
 * (from the last `. `, `! `, `? ` or blank line) holds none of the words measured, checked, proven.
 */
function unmarkedMentions(text: string, version: string): string[] {
	const found: string[] = [];
	for (let at = text.indexOf(version); at >= 0; at = text.indexOf(version, at + 1)) {
		const before = text.slice(0, at);
		const sentenceStart = [...before.matchAll(/[.!?]\s+|\n\s*\n/g)]
			.map((end) => end.index + end[0].length)
			.reduce((last, end) => Math.max(last, end), 0);
		if (!/\b(measured|checked|proven)\b/i.test(before.slice(sentenceStart)))
			found.push(text.slice(sentenceStart, at + version.length).trim());
	}
	return found;
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

	it('the harness, the compatibility matrix and the evidence writer take n8n from install-n8n.sh or n8n-lines.json', () => {
		const read = (file: string) => readFileSync(join(root, file), 'utf8');
		// The harness and the matrix install (or reuse) each line through the script, which reads the pins.
		expect(read('test/n8n/harness/home.ts')).toMatch(
			/join\(REPO_ROOT, 'test\/install\/install-n8n\.sh'\)[\s\S]*?run\('bash', \[script, String\(line\)\]/,
		);
		expect(read('test/compat/matrix.sh')).toMatch(/bash test\/install\/install-n8n\.sh "\$line"/);
		// The evidence writer lists the pinned lines from the file and stamps the versions that ran.
		expect(read('test/evidence/write.ts')).toMatch(
			/readFileSync\(join\(root, 'test\/install\/n8n-lines\.json'\)/,
		);
	});

	it('the docs name a pinned version only as the release a finding was measured, checked or proven on', () => {
		// A doc that says which release the tests run would go stale when the pin moves: it says "the pinned
		// n8n 1.x" and points at n8n-lines.json. A finding keeps the release it was found on, in the same
		// sentence as the word measured, checked or proven. docs/evidence.md is generated from a run.
		const docs = [
			'README.md',
			'CONTRIBUTING.md',
			'CHANGELOG.md',
			...readdirSync(join(root, 'docs'))
				.filter((name) => name.endsWith('.md') && name !== 'evidence.md')
				.map((name) => `docs/${name}`),
		];
		const unmarked: string[] = [];
		for (const doc of docs) {
			const text = readFileSync(join(root, doc), 'utf8');
			for (const line of lines)
				for (const mention of unmarkedMentions(text, pins[line].version))
					unmarked.push(`${doc}: ${mention}`);
		}
		expect(unmarked).toEqual([]);
	});

	it('the docs check catches a sentence that states a pin as what the tests run, and passes a finding', () => {
		const version = pins['2'].version;
		expect(
			unmarkedMentions(
				`The suites run.\n\nThen n8n ${version}, using the folder, sends an SMS.`,
				version,
			),
		).toEqual([`Then n8n ${version}`]);
		expect(unmarkedMentions(`Bursts kept n8n ${version}'s main process busy.`, version)).toEqual([
			`Bursts kept n8n ${version}`,
		]);
		expect(
			unmarkedMentions(`An SMS was sent. Proven in n8n ${version} (activate, listen).`, version),
		).toEqual([]);
		expect(
			unmarkedMentions(`Measured with the bench\n  in n8n ${version}: the same count.`, version),
		).toEqual([]);
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
