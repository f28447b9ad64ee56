import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The layout rules CONTRIBUTING states, checked so they hold as the package grows: small files, and
 * imports that only go down (entry files → actions/methods/trigger → webhooks → shared → privacy,
 * validation, transport → the credential's type name), never sideways between areas or between
 * resource folders.
 */
const ROOT = join(__dirname, '../../..');
const NODE_DIR = join(ROOT, 'nodes/HeroHealth');
const MAX_LINES = 300;

const walk = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		return entry.isDirectory() ? walk(path) : entry.name.endsWith('.ts') ? [path] : [];
	});
const productFiles = [...walk(NODE_DIR), ...walk(join(ROOT, 'credentials'))];

/** Which areas each area may import from (besides itself). */
const MAY_IMPORT: Record<string, string[]> = {
	'(entry)': [
		'actions',
		'methods',
		'trigger',
		'webhooks',
		'shared',
		'privacy',
		'validation',
		'transport',
	],
	actions: ['webhooks', 'shared', 'privacy', 'validation', 'transport'],
	methods: ['shared', 'privacy', 'validation', 'transport'],
	trigger: ['webhooks', 'shared', 'privacy', 'validation', 'transport'],
	webhooks: ['shared', 'privacy', 'validation', 'transport'],
	shared: ['privacy', 'validation', 'transport'],
	transport: ['privacy', 'credentials'],
	privacy: [],
	validation: [],
};

function areaOf(path: string): string {
	if (path.startsWith(join(ROOT, 'credentials'))) return 'credentials';
	const parts = relative(NODE_DIR, path).split(sep);
	if (parts.length === 1) return statDir(path) ? parts[0] : '(entry)';
	return parts[0];
}
function statDir(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}

interface Edge {
	from: string;
	to: string;
}
function importsOf(file: string): Edge[] {
	const source = readFileSync(file, 'utf8');
	return [...source.matchAll(/(?:from\s+|require\()\s*['"](\.[^'"]+)['"]/g)].map((match) => ({
		from: file,
		to: resolve(dirname(file), match[1]),
	}));
}
const nodeImports = productFiles.filter((file) => file.startsWith(NODE_DIR)).flatMap(importsOf);
const show = (edge: Edge) => `${relative(ROOT, edge.from)} → ${relative(ROOT, edge.to)}`;

describe('package layout', () => {
	test(`no product file is longer than ${MAX_LINES} lines`, () => {
		const long = productFiles
			.map((file) => ({
				file: relative(ROOT, file),
				lines: readFileSync(file, 'utf8').split('\n').length,
			}))
			.filter(({ lines }) => lines > MAX_LINES);
		expect(long).toEqual([]);
	});

	test('every folder under nodes/HeroHealth has a place in the import order', () => {
		const areas = readdirSync(NODE_DIR, { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => entry.name);
		expect(areas.filter((area) => !(area in MAY_IMPORT))).toEqual([]);
	});

	test('imports between areas only go down: no sideways or upward import', () => {
		const wrong = nodeImports.filter((edge) => {
			const from = areaOf(edge.from);
			const to = areaOf(edge.to);
			return from !== to && !(MAY_IMPORT[from] ?? []).includes(to);
		});
		expect(wrong.map(show)).toEqual([]);
	});

	test('a resource folder under actions/ imports nothing from another resource folder', () => {
		const actions = join(NODE_DIR, 'actions');
		const folderOf = (path: string) => {
			const parts = relative(actions, path).split(sep);
			return parts.length > 1 && !parts[0].startsWith('..') ? parts[0] : undefined;
		};
		const wrong = nodeImports.filter((edge) => {
			const from = folderOf(edge.from);
			const to = folderOf(edge.to);
			return from !== undefined && to !== undefined && from !== to;
		});
		expect(wrong.map(show)).toEqual([]);
	});

	test('the product never imports test code', () => {
		const testDir = join(ROOT, 'test');
		expect(nodeImports.filter((edge) => edge.to.startsWith(testDir)).map(show)).toEqual([]);
	});
});
