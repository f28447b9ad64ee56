import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { brokenCitations, citationsIn, declaredTests, declaresTest } from '../../docs/citations';

const ROOT = resolve(__dirname, '../../..');
// Every page of docs/ that cites a test is checked, not only the two safety pages.
const CITING_PAGES = readdirSync(join(ROOT, 'docs'))
	.filter((name) => name.endsWith('.md'))
	.map((name) => `docs/${name}`)
	.filter((page) => citationsIn(readFileSync(join(ROOT, page), 'utf8')).length > 0);

describe('the safety pages cite tests that exist', () => {
	it('the safety pages are among the pages checked', () => {
		expect(CITING_PAGES).toEqual(
			expect.arrayContaining(['docs/clinical-safety.md', 'docs/data-protection.md']),
		);
	});

	it.each(CITING_PAGES)(
		'%s: every cited file and test title exists, and each cited test asserts something',
		(page) => {
			const markdown = readFileSync(join(ROOT, page), 'utf8');
			expect(citationsIn(markdown).length).toBeGreaterThan(0);
			expect(brokenCitations(markdown, ROOT)).toEqual([]);
		},
	);

	it('fails when a cited test is renamed: the hazard log then names the broken citation', () => {
		const markdown = readFileSync(join(ROOT, 'docs/clinical-safety.md'), 'utf8');
		const [first] = citationsIn(markdown);
		// A copy of the repository's cited file in which that test has another title.
		const copy = mkdtempSync(join(tmpdir(), 'hero-citations-'));
		for (const citation of citationsIn(markdown)) {
			mkdirSync(dirname(join(copy, citation.file)), { recursive: true });
			writeFileSync(join(copy, citation.file), readFileSync(join(ROOT, citation.file), 'utf8'));
		}
		const renamed = readFileSync(join(ROOT, first.file), 'utf8')
			.split(first.title)
			.join(`${first.title} (renamed)`);
		writeFileSync(join(copy, first.file), renamed);
		expect(brokenCitations(markdown, copy)).toContain(
			`line ${first.line}: ${first.file} has no test "${first.title}"`,
		);
	});
});

describe('a citation must cite a test that asserts something', () => {
	const page = 'see `test/unit/a.test.ts` › "sends one SMS"';
	const inCopy = (source: string) => {
		const copy = mkdtempSync(join(tmpdir(), 'hero-citations-'));
		mkdirSync(join(copy, 'test/unit'), { recursive: true });
		writeFileSync(join(copy, 'test/unit/a.test.ts'), source);
		return brokenCitations(page, copy);
	};

	it('fails when the cited test has no expect in its body, naming the citation', () => {
		const hollow =
			"it('sends one SMS', async () => {\n\tawait run();\n\tconsole.log('sent');\n});\nit('another', () => { expect(1).toBe(1); });";
		expect(inCopy(hollow)).toEqual([
			'line 1: test/unit/a.test.ts › "sends one SMS" asserts nothing (no expect in its body)',
		]);
	});

	it('passes when the body asserts, also inside loops and callbacks, with it.each over any table, it.only or test.concurrent', () => {
		expect(
			inCopy(
				"it('sends one SMS', async () => { for (const r of await run()) expect(r.status).toBe(200); });",
			),
		).toEqual([]);
		expect(
			inCopy(
				"it.each(CASES.map((c) => [c.name, c] as const))('sends one SMS', async (_n, c) => { await check(c).then((r) => expect(r).toBeDefined()); });",
			),
		).toEqual([]);
		expect(
			inCopy(
				"test.concurrent('sends one SMS', async function () { await expect(run()).resolves.toEqual([]); });",
			),
		).toEqual([]);
		expect(inCopy('it.only(`sends one SMS`, () => { expect(true).toBe(true); });')).toEqual([]);
	});

	it('counts expects in the cited callback only: an expect in a neighbouring test, or expect.assertions, does not count', () => {
		expect(
			inCopy(
				"it('sends one SMS', () => { expect.assertions(1); run(); });\nit('x', () => { expect(1).toBe(1); });",
			),
		).toEqual([
			'line 1: test/unit/a.test.ts › "sends one SMS" asserts nothing (no expect in its body)',
		]);
		// A title given as a variable, or a call that is not a test, is not a declaration.
		expect(
			declaredTests(
				"const t = 'sends one SMS'; it(t, () => { expect(1).toBe(1); }); run('sends one SMS', () => expect(1));",
			),
		).toEqual([]);
		expect(
			declaredTests("it.each([[1], [2]])('case %s', (n) => { expect(n).toBeGreaterThan(0); });"),
		).toEqual([{ title: 'case %s', kind: 'it', expects: 1 }]);
	});
	it('counts the expects of a helper the cited test calls, declared in the same file; a helper without expects does not count', () => {
		const source = [
			'async function rescheduleCase(status: number) { const result = await run(status); expect(result.ok).toBe(true); }',
			'const quiet = () => run(1);',
			"it('Reschedule answered 204 is done', () => rescheduleCase(204));",
			"it('only runs', () => quiet());",
		].join('\n');
		expect(declaredTests(source)).toEqual([
			{ title: 'Reschedule answered 204 is done', kind: 'it', expects: 1 },
			{ title: 'only runs', kind: 'it', expects: 0 },
		]);
	});
});

describe('reading citations', () => {
	it('reads `file` › "title" citations and matches titles in any quote style, escaped quotes included', () => {
		expect(citationsIn('see `test/unit/a.test.ts` › "sends \\"one\\" SMS" and more')).toEqual([
			{ file: 'test/unit/a.test.ts', title: 'sends "one" SMS', line: 1 },
		]);
		expect(declaresTest(`it('Hero\\'s 409 is shown', async () => {})`, "Hero's 409 is shown")).toBe(
			true,
		);
		expect(declaresTest('test(`backtick title`, () => {})', 'backtick title')).toBe(true);
		expect(declaresTest("it('another title', () => {})", 'backtick title')).toBe(false);
		expect(declaresTest("const s = 'backtick title';", 'backtick title')).toBe(false);
	});
});
