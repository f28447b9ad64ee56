/**
 * Run figures written by hand into a doc: test counts, matrix and queue-mode counts, bench ratios and
 * timings, scanner and secrets-scan counts, run dates. They belong on docs/evidence.md only (generated
 * by `npm run evidence`), because a hand-copied figure goes stale when the code moves on. Settings the
 * code enforces ("at most 20", "≤ 1.3× the ideal" as a target, "250 ms" backoff steps) are not figures
 * of a run, and the patterns leave them alone.
 */
export interface Figure {
	line: number;
	kind: string;
	text: string;
}

/** A number that is not part of a version such as 1.100.7. */
const N = String.raw`(?<![\d.])\d[\d,]*(?:\.\d+)?(?![\d.]*\.\d)`;

const PATTERNS: Array<{ kind: string; re: RegExp }> = [
	// "899 of 899 tests", "46/46 tests", "20/20 executions", "140 of 140"-style counts of tests or runs.
	{
		kind: 'test count',
		re: new RegExp(
			String.raw`${N}\s*(?:of|/)\s*${N}\s+(?:tests?|suites?|cases|executions?)\b`,
			'i',
		),
	},
	{
		kind: 'test count',
		re: new RegExp(
			String.raw`${N} (?:tests?|suites?)\b(?! (?:file|folder|suite|machine|harness|project))`,
			'i',
		),
	},
	{ kind: 'test count', re: new RegExp(String.raw`${N} (?:passed|failed|passing|failing)\b`, 'i') },
	// "17 of 17", "280 of 280": everything of a counted set passed.
	{ kind: 'test count', re: /(?<![\d.,])(\d[\d,]*) of \1(?![\d.,]*\d)/ },
	// A measured ratio ("1.19×", "0.60×"); a target ("≤ 1.3×", "within 1.2×") is a setting, not a figure.
	{ kind: 'bench ratio', re: new RegExp(String.raw`(?<!(?:≤|<=|<|within|at most|under)\s?)${N}×`) },
	{
		kind: 'bench ratio',
		re: new RegExp(String.raw`\bratios?\b[^.|]{0,40}?(?<![\d.])\d\.\d\d\b(?!\.)`, 'i'),
	},
	// Timings: decimals (settings are whole numbers), cold require, CPU per send.
	{ kind: 'timing', re: /(?<![\d.])\d+\.\d+ ?(?:ms|µs|s)\b/ },
	{
		kind: 'timing',
		re: /cold `?require`?[^.|]*?(?<!(?:≤|<=|under|at most)\s?)(?<![\d.])\d+ ?ms\b/i,
	},
	{
		kind: 'timing',
		re: /(?<![\d.])\d+(?:\.\d+)? ?(?:ms|µs) (?:of CPU|per send|\/ send|per request)/,
	},
	{ kind: 'size', re: /(?<![\d.])\d+\.\d+ kB\b/ },
	// A table row of measured decimals (bench tables: ratios, seconds, ms per send).
	{
		kind: 'bench table',
		re: /^\|(?:[^|]*\|){0,}?(?:[^|\d]*(?<![\d.])\d+\.\d\d(?![\d.])[^|]*\|){3}/,
	},
	// Peaks the bench saw, e.g. "up to 995 requests in flight".
	{ kind: 'bench count', re: /\b(?:saw|up to) [\d,]+ (?:requests|connections)\b[^.]*\bat once\b/i },
	// Secrets scan and queue-mode counts.
	{
		kind: 'secrets-scan count',
		re: /(?<![\d.])[\d,]{2,} (?:outputs|output items|log lines|error texts)\b/,
	},
	{
		kind: 'queue-mode count',
		re: /(?<![\d.])\d[\d,]*,? none twice\b|\b\d+ sent, \d+ never sent\b/i,
	},
	// A run's date given beside its figures ("Last run: … 2026-12-03").
	{
		kind: 'run date',
		re: /\b(?:last run|latest figures|fresh clone|measured|from `npm)\b[^|]*?\b20\d\d-\d\d-\d\d\b(?!T)/i,
	},
];

/** The run figures in one markdown text, by line. Fenced code blocks are skipped (commands, not claims). */
export function runFigures(markdown: string): Figure[] {
	const found: Figure[] = [];
	let fenced = false;
	const lines = markdown.split('\n');
	lines.forEach((text, index) => {
		if (/^\s*```/.test(text)) fenced = !fenced;
		if (fenced) return;
		// With the next line, as a sentence wraps ("cold require fell\nfrom 53 ms"); a match is this line's if it starts here.
		const next = lines[index + 1] ?? '';
		const window = /^\s*(?:```|\|)/.test(next) || text.startsWith('|') ? text : `${text} ${next}`;
		for (const { kind, re } of PATTERNS) {
			const match = re.exec(window);
			// One finding per line and kind is enough to point at it.
			if (
				match &&
				match.index < text.length &&
				!found.some((f) => f.line === index + 1 && f.kind === kind)
			)
				found.push({ line: index + 1, kind, text: match[0] });
		}
	});
	return found;
}
