/**
 * The docs cite tests as `` `test/path/file.test.ts` › "exact test title" ``. This reads those
 * citations and says which no longer point at a test, or point at one that asserts nothing, so a
 * hazard log cannot silently rot.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

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

/** A declared test (or describe block): its title and the `expect(...)` calls in its callback's body. */
export interface DeclaredTest {
	title: string;
	kind: 'it' | 'test' | 'describe';
	expects: number;
}

const TEST_FUNCTIONS = new Set(['it', 'test', 'describe']);
const MODIFIERS = new Set(['only', 'skip', 'concurrent', 'failing', 'todo']);

/**
 * `it`, `it.only`, `it.each(table)`, `test.concurrent.each(table)`...: the test function's name, or
 * undefined when `callee` is something else. `it.each(...)` cases count as one test (one title).
 */
function testFunctionOf(callee: ts.Expression): 'it' | 'test' | 'describe' | undefined {
	let node = callee;
	// it.each(table)(title, fn): the callee is itself a call whose callee is `it.each`.
	if (
		ts.isCallExpression(node) &&
		ts.isPropertyAccessExpression(node.expression) &&
		node.expression.name.text === 'each'
	)
		node = node.expression.expression;
	while (ts.isPropertyAccessExpression(node) && MODIFIERS.has(node.name.text))
		node = node.expression;
	return ts.isIdentifier(node) && TEST_FUNCTIONS.has(node.text)
		? (node.text as 'it' | 'test' | 'describe')
		: undefined;
}

/**
 * `expect(...)` calls, also as `expect(...).resolves...` or inside nested callbacks and loops, and in the
 * body of any helper the test calls that this file declares (a shared case such as `rescheduleCase(204)`
 * asserts through it). A neighbouring test's expects are not counted: it is not called.
 */
function countExpects(
	body: ts.Node,
	helpers: Map<string, ts.Node>,
	followed = new Set<string>(),
): number {
	let count = 0;
	const visit = (node: ts.Node) => {
		if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
			const name = node.expression.text;
			if (name === 'expect') count++;
			else if (helpers.has(name) && !followed.has(name)) {
				followed.add(name);
				count += countExpects(helpers.get(name)!, helpers, followed);
			}
		}
		// expect.assertions(n) / expect.hasAssertions() are promises about other expects, not assertions.
		ts.forEachChild(node, visit);
	};
	visit(body);
	return count;
}

/** Functions the file declares by name (`function f` or `const f = () =>`), for countExpects. */
function namedFunctions(file: ts.SourceFile): Map<string, ts.Node> {
	const helpers = new Map<string, ts.Node>();
	const visit = (node: ts.Node) => {
		if (ts.isFunctionDeclaration(node) && node.name && node.body)
			helpers.set(node.name.text, node.body);
		if (
			ts.isVariableDeclaration(node) &&
			ts.isIdentifier(node.name) &&
			node.initializer &&
			(ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
		)
			helpers.set(node.name.text, node.initializer.body);
		ts.forEachChild(node, visit);
	};
	visit(file);
	return helpers;
}

/** Every test and describe block `source` declares with a literal title (no `${}` in it). */
export function declaredTests(source: string, fileName = 'cited.test.ts'): DeclaredTest[] {
	const file = ts.createSourceFile(
		fileName,
		source,
		ts.ScriptTarget.Latest,
		true,
		ts.ScriptKind.TS,
	);
	const found: DeclaredTest[] = [];
	const helpers = namedFunctions(file);
	const visit = (node: ts.Node) => {
		if (ts.isCallExpression(node) && node.arguments.length >= 2) {
			const kind = testFunctionOf(node.expression);
			const [title, callback] = node.arguments;
			if (kind && (ts.isStringLiteral(title) || ts.isNoSubstitutionTemplateLiteral(title))) {
				const fn =
					ts.isArrowFunction(callback) || ts.isFunctionExpression(callback) ? callback : undefined;
				found.push({ title: title.text, kind, expects: fn ? countExpects(fn.body, helpers) : 0 });
			}
		}
		ts.forEachChild(node, visit);
	};
	visit(file);
	return found;
}

/** Whether `source` declares a test (or describe block) with exactly this title, in any quote style. */
export function declaresTest(source: string, title: string): boolean {
	return declaredTests(source).some((test) => test.title === title);
}

/**
 * Citations whose file is missing, that declares no test of that title, or whose test asserts
 * nothing (no `expect` in the body of its callback), as readable lines.
 */
export function brokenCitations(markdown: string, root: string): string[] {
	const sources = new Map<string, DeclaredTest[] | undefined>();
	const broken: string[] = [];
	for (const citation of citationsIn(markdown)) {
		if (!sources.has(citation.file)) {
			const path = join(root, citation.file);
			sources.set(
				citation.file,
				existsSync(path) ? declaredTests(readFileSync(path, 'utf8'), citation.file) : undefined,
			);
		}
		const tests = sources.get(citation.file);
		if (tests === undefined) {
			broken.push(`line ${citation.line}: ${citation.file} does not exist`);
			continue;
		}
		const named = tests.filter((test) => test.title === citation.title);
		if (named.length === 0)
			broken.push(`line ${citation.line}: ${citation.file} has no test "${citation.title}"`);
		// A title declared twice is ambiguous: each must assert something.
		else if (named.some((test) => test.expects === 0))
			broken.push(
				`line ${citation.line}: ${citation.file} › "${citation.title}" asserts nothing (no expect in its body)`,
			);
	}
	return broken;
}
