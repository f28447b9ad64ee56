/**
 * The README is a short guide for users, in the order of n8n's community-node README
 * template, with the measurement and reference pages in docs/ linked from it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const headings = (level: string) =>
	readme
		.split('\n')
		.filter((line) => line.startsWith(`${level} `))
		.map((line) => line.slice(level.length + 1).trim());

describe('README for users', () => {
	it('the README is under 15 kB', () => {
		expect(Buffer.byteLength(readme)).toBeLessThan(15_000);
	});

	it("the README's sections follow the template order, with Development after Version history", () => {
		expect(headings('##')).toEqual([
			'Installation',
			'Credentials',
			'Operations',
			'Trigger',
			'Example workflows',
			'Compatibility',
			'Usage notes',
			'Use with AI agents',
			'Safety and data protection',
			'Resources',
			'Version history',
			'Development',
			'Licence',
		]);
		const installation = readme.slice(
			readme.indexOf('## Installation'),
			readme.indexOf('## Credentials'),
		);
		for (const way of [
			'### In n8n (GUI)',
			'### Manually (self-hosted)',
			'### Docker',
			'### Queue mode',
		])
			expect(installation).toContain(way);
		const development = readme.slice(readme.indexOf('## Development'));
		expect(development).toMatch(/npm ci && npm start/);
		expect(development).toMatch(/npm ci && npm test/);
	});

	it('every docs/ page and CHANGELOG.md is linked from the README, and the measurement tables live there, not in the README', () => {
		for (const page of readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')))
			expect(readme).toContain(`](docs/${page})`);
		expect(readme).toContain('](CHANGELOG.md)');
		// Figures of the benchmark, the reliability suite and the queue-mode runs are not repeated here.
		for (const figure of [
			'ms / send',
			'Peak connections',
			'Duplicates',
			'none twice',
			'Reference operation',
		])
			expect(readme).not.toContain(figure);
	});
});
