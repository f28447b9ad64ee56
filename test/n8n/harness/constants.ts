/**
 * Names and settings every part of the n8n harness shares: the package's node and credential types,
 * the node names the workflow builders use, the n8n line (1 or 2, HERO_N8N_LINE) and the repository root.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const PACKAGE_NAME = 'n8n-nodes-hero-health';
/** Node type of the Hero Health node when loaded as an installed community package. */
export const HERO_NODE_TYPE = `${PACKAGE_NAME}.heroHealth`;
export const HERO_CREDENTIAL_TYPE = 'heroHealthApi';
/** Node type of any node of this package, by its `description.name`. */
export const heroType = (name: string): string => `${PACKAGE_NAME}.${name}`;

/** Names the workflow builders give their nodes (use them with `nodeItems`). */
export const NODE_NAMES = {
	trigger: 'Manual Trigger',
	items: 'Input Items',
	hero: 'Hero Health',
} as const;

/** Credential the harness and the demo import unless told otherwise. */
export const DEFAULT_CREDENTIAL = { id: 'heroSandboxCred1', name: 'Hero Health sandbox' } as const;

export type N8nLine = 1 | 2;

/**
 * The n8n line set by HERO_N8N_LINE (1 or 2), if any. `npm run test:compat` (test/compat/matrix.sh)
 * sets it to run every e2e suite against each line: it then overrides the line a test asks for.
 */
export function matrixN8nLine(): N8nLine | undefined {
	const value = process.env.HERO_N8N_LINE?.trim();
	if (!value) return undefined;
	if (value !== '1' && value !== '2')
		throw new Error(`harness: HERO_N8N_LINE must be 1 or 2, not "${value}"`);
	return Number(value) as N8nLine;
}

/** The n8n line tests run against: HERO_N8N_LINE, else 1. */
export function defaultN8nLine(): N8nLine {
	return matrixN8nLine() ?? 1;
}

/** The repository root (the folder of this package's package.json), from source or from .tools/. */
export const REPO_ROOT = findRepoRoot(__dirname);

function findRepoRoot(start: string): string {
	for (let dir = start; ; dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === PACKAGE_NAME)
			return dir;
		if (dirname(dir) === dir)
			throw new Error(`harness: no ${PACKAGE_NAME} package.json above ${start}`);
	}
}
