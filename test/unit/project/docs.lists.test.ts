/**
 * One list per fact. docs/coverage.md lists every operation of the node, docs/inferred.md
 * every guess in INFERRED; both are written by hand, so these tests hold them to the code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodePropertyOptions } from 'n8n-workflow';

import { properties } from '../../../nodes/HeroHealth/actions/description';
import { resources } from '../../../nodes/HeroHealth/actions/resources';
import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';

const ROOT = join(__dirname, '../../..');
const page = (name: string) => readFileSync(join(ROOT, 'docs', name), 'utf8');

/** The rows of the first table after `heading`, as lists of trimmed cells (header and rule left out). */
function tableAfter(markdown: string, heading: string): string[][] {
	const lines = markdown.split('\n');
	const start = lines.findIndex((line) => line.trim() === heading);
	if (start === -1) throw new Error(`no heading ${heading}`);
	const rows: string[][] = [];
	for (const line of lines.slice(start + 1)) {
		if (line.startsWith('#')) break;
		if (!line.startsWith('|')) {
			if (rows.length) break;
			continue;
		}
		rows.push(
			line
				.slice(1, line.trimEnd().length - 1)
				.split('|')
				.map((cell) => cell.trim()),
		);
	}
	return rows.slice(2);
}

const labels = (options: unknown) => (options ?? []) as INodePropertyOptions[];

/** "Resource → Operation" for every operation the node offers, named as the editor names them. */
function operationsInCode(): string[] {
	const selector = properties.find((property) => property.name === 'resource');
	return labels(selector?.options).flatMap((resource) =>
		labels(resources[String(resource.value)].operationProperty.options).map(
			(operation) => `${resource.name} → ${operation.name}`,
		),
	);
}

describe('docs/coverage.md lists the operations of the code', () => {
	const rows = tableAfter(page('coverage.md'), '## Operations and their HTTP calls');

	it('every operation in the code has a row, and every row is an operation in the code', () => {
		const documented = rows.map(([resource, operation]) => `${resource} → ${operation}`);
		expect(documented.length).toBeGreaterThan(50);
		expect([...documented].sort()).toEqual(operationsInCode().sort());
	});

	it('the check notices an operation missing from the page', () => {
		const page_ = page('coverage.md').replace(/^\| Slot \| Count \|.*\n/m, '');
		const documented = tableAfter(page_, '## Operations and their HTTP calls').map(
			([resource, operation]) => `${resource} → ${operation}`,
		);
		expect(operationsInCode().filter((operation) => !documented.includes(operation))).toEqual([
			'Slot → Count',
		]);
	});
});

describe('docs/inferred.md names every guess in INFERRED', () => {
	const rows = tableAfter(page('inferred.md'), "# What is inferred about Hero's API");
	/** The INFERRED keys a row names in its last column, `` `key` `` each. */
	const keysOf = (row: string[]) =>
		[...row[row.length - 1].matchAll(/`([A-Za-z]+)`/g)].map((match) => match[1]);

	it('every INFERRED key is named by a row, and every named key exists', () => {
		const named = rows.flatMap(keysOf);
		// A row names its keys, or says "—" when the guess is not a value in INFERRED (the error mapping).
		expect(
			rows.filter((row) => keysOf(row).length === 0).map((row) => row[row.length - 1]),
		).toEqual(['—']);
		expect([...new Set(named)].sort()).toEqual(Object.keys(INFERRED).sort());
	});
});

describe("README's Operations table lists the operations of the code", () => {
	const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
	/** "Resource → Operation" for each row, remarks in brackets left out. */
	const listed = (markdown: string) =>
		tableAfter(markdown, '## Operations').flatMap(([resource, operations]) =>
			operations
				.replace(/\s*\([^)]*\)/g, '')
				.split(',')
				.map((operation) => `${resource} → ${operation.trim()}`),
		);

	it('every operation in the code is in the table, and every one listed is in the code', () => {
		expect(listed(readme).sort()).toEqual(operationsInCode().sort());
	});

	it('the check notices an operation missing from the table', () => {
		const without = readme.replace(
			'| Slot | Check Availability, Count, Get, Get Many |',
			'| Slot | Check Availability, Get, Get Many |',
		);
		expect(operationsInCode().filter((operation) => !listed(without).includes(operation))).toEqual([
			'Slot → Count',
		]);
	});

	it("the screenshot's description gives the number of operations the node has", () => {
		expect(readme).toContain(`its ${operationsInCode().length} actions`);
	});
});

describe("docs/coverage.md's reference table holds to the code and to its own count", () => {
	const markdown = page('coverage.md');
	const rows = tableAfter(markdown, "## Coverage of Hero's reference");
	const notPossible = (row: string[]) => row[2].startsWith('not possible yet');
	/** The node's operations a row names in its "Covered by" cell (the trigger is not one). */
	const namedOperations = (row: string[]) =>
		row[2]
			.split(';')
			.map((part) => part.replace(/\s*\([^)]*\)/g, '').trim())
			.filter((part) => part.includes(' → '));

	it('lists every operation of the endpoints reference, each once', () => {
		const names = rows.map((row) => row[0]);
		expect(new Set(names).size).toBe(names.length);
		expect(names.length).toBe(83);
	});

	it('every operation a row names as covering it is an operation of the node', () => {
		const inCode = new Set(operationsInCode());
		const unknown = rows.flatMap(namedOperations).filter((name) => !inCode.has(name));
		expect(unknown).toEqual([]);
	});

	it('a row is either covered by an operation or says why it is not possible yet, and only rows without a documented path are not possible', () => {
		for (const row of rows) {
			if (notPossible(row)) expect(row[1]).toMatch(/^not documented/);
			else expect(namedOperations(row).length).toBeGreaterThan(0);
		}
	});

	it('the text and the README give the counts the table has', () => {
		const covered = rows.filter((row) => !notPossible(row)).length;
		expect(markdown).toContain(`${covered} of the\n${rows.length}`);
		expect(markdown).toContain(`The other ${rows.length - covered} are not possible yet`);
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
		expect(readme).toContain(
			`which of the ${rows.length} operations listed from Hero's API reference are covered (${covered}; the other ${rows.length - covered} have no documented path)`,
		);
	});
});
