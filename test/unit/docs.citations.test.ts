import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { brokenCitations, citationsIn, declaresTest } from '../docs/citations';

const ROOT = resolve(__dirname, '../..');
const CITING_PAGES = ['docs/clinical-safety.md', 'docs/data-protection.md'];

describe('the safety pages cite tests that exist', () => {
	it.each(CITING_PAGES)('%s: every cited file and test title exists', (page) => {
		const markdown = readFileSync(join(ROOT, page), 'utf8');
		expect(citationsIn(markdown).length).toBeGreaterThan(5);
		expect(brokenCitations(markdown, ROOT)).toEqual([]);
	});

	it('fails when a cited test is renamed: the hazard log then names the broken citation', () => {
		const markdown = readFileSync(join(ROOT, 'docs/clinical-safety.md'), 'utf8');
		const [first] = citationsIn(markdown);
		// A copy of the repository's cited file in which that test has another title.
		const copy = mkdtempSync(join(tmpdir(), 'hero-citations-'));
		for (const citation of citationsIn(markdown)) {
			mkdirSync(dirname(join(copy, citation.file)), { recursive: true });
			writeFileSync(join(copy, citation.file), readFileSync(join(ROOT, citation.file), 'utf8'));
		}
		const renamed = readFileSync(join(ROOT, first.file), 'utf8').split(first.title).join(`${first.title} (renamed)`);
		writeFileSync(join(copy, first.file), renamed);
		expect(brokenCitations(markdown, copy)).toContain(`line ${first.line}: ${first.file} has no test "${first.title}"`);
	});
});

describe('reading citations', () => {
	it('reads `file` › "title" citations and matches titles in any quote style, escaped quotes included', () => {
		expect(citationsIn('see `test/unit/a.test.ts` › "sends \\"one\\" SMS" and more')).toEqual([
			{ file: 'test/unit/a.test.ts', title: 'sends "one" SMS', line: 1 },
		]);
		expect(declaresTest(`it('Hero\\'s 409 is shown', async () => {})`, "Hero's 409 is shown")).toBe(true);
		expect(declaresTest('test(`backtick title`, () => {})', 'backtick title')).toBe(true);
		expect(declaresTest("it('another title', () => {})", 'backtick title')).toBe(false);
		expect(declaresTest("const s = 'backtick title';", 'backtick title')).toBe(false);
	});
});
