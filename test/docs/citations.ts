/**
 * The docs cite tests as `` `test/path/file.test.ts` › "exact test title" ``. This reads those
 * citations and says which no longer point at a test, so a hazard log cannot silently rot.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Citation {
	file: string;
	title: string;
	line: number;
}

const CITATION = /`(test\/[^`]+?\.ts)`\s*›\s*"((?:[^"\\]|\\.)+)"/g;

export function citationsIn(markdown: string): Citation[] {
	const found: Citation[] = [];
	markdown.split('\n').forEach((text, index) => {
		for (const match of text.matchAll(CITATION)) {
			found.push({ file: match[1], title: match[2].replace(/\\"/g, '"'), line: index + 1 });
		}
	});
	return found;
}

/** Whether `source` declares a test (or describe block) with exactly this title, in any quote style. */
export function declaresTest(source: string, title: string): boolean {
	const call = /\b(?:it|test|describe)(?:\.(?:only|each\([^)]*\)))?\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
	for (const match of source.matchAll(call)) {
		const literal = match[2].replace(/\\(['"`\\])/g, '$1');
		if (literal === title) return true;
	}
	return false;
}

/** Citations whose file is missing or declares no test of that title, as readable lines. */
export function brokenCitations(markdown: string, root: string): string[] {
	const sources = new Map<string, string | undefined>();
	const broken: string[] = [];
	for (const citation of citationsIn(markdown)) {
		if (!sources.has(citation.file)) {
			const path = join(root, citation.file);
			sources.set(citation.file, existsSync(path) ? readFileSync(path, 'utf8') : undefined);
		}
		const source = sources.get(citation.file);
		if (source === undefined) broken.push(`line ${citation.line}: ${citation.file} does not exist`);
		else if (!declaresTest(source, citation.title)) broken.push(`line ${citation.line}: ${citation.file} has no test "${citation.title}"`);
	}
	return broken;
}
