/**
 * Package footprint: what `npm pack` would publish (size, files) and the cold `require` time of the
 * built node files, each in a fresh Node process.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PackInfo {
	filename: string;
	/** Tarball size in bytes. */
	size: number;
	unpackedSize: number;
	entryCount: number;
}

/** `npm pack --dry-run --json`: the tarball npm would publish, without writing it. */
export async function packInfo(repoRoot: string): Promise<PackInfo> {
	const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: repoRoot,
		maxBuffer: 32 * 1024 * 1024,
	});
	const [info] = JSON.parse(stdout.slice(stdout.indexOf('['))) as PackInfo[];
	return {
		filename: info.filename,
		size: info.size,
		unpackedSize: info.unpackedSize,
		entryCount: info.entryCount,
	};
}

export interface RequireTime {
	file: string;
	/** Median over the fresh processes: `require` plus `new` of the exported class, n8n-workflow already loaded. */
	medianMs: number;
	minMs: number;
	maxMs: number;
	/** Median time to load n8n-workflow itself (n8n has it loaded before any community node). */
	workflowMs: number;
}

// Runs in a fresh process: loads n8n-workflow first (as n8n has), then times our file alone.
const PROBE = `
const t0 = process.hrtime.bigint();
require('n8n-workflow');
const t1 = process.hrtime.bigint();
const exported = require(process.argv[1]);
for (const value of Object.values(exported)) if (typeof value === 'function' && value.prototype) new value();
const t2 = process.hrtime.bigint();
process.stdout.write(JSON.stringify({ workflowMs: Number(t1 - t0) / 1e6, fileMs: Number(t2 - t1) / 1e6 }));
`;

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Cold require of a built file in `runs` fresh Node processes. `cwd` is where the probe's own
 * n8n-workflow resolves (the repo root for ours, the n8n install for n8n's nodes), so the file
 * finds it already loaded; `file` is relative to `cwd` or absolute.
 */
export async function coldRequire(cwd: string, file: string, runs = 7): Promise<RequireTime> {
	const path = isAbsolute(file) ? file : join(cwd, file);
	const repoRoot = cwd;
	const fileMs: number[] = [];
	const workflowMs: number[] = [];
	for (let i = 0; i < runs; i++) {
		const { stdout } = await run(process.execPath, ['-e', PROBE, path], { cwd: repoRoot });
		const probe = JSON.parse(stdout) as { workflowMs: number; fileMs: number };
		fileMs.push(probe.fileMs);
		workflowMs.push(probe.workflowMs);
	}
	return {
		file,
		medianMs: median(fileMs),
		minMs: Math.min(...fileMs),
		maxMs: Math.max(...fileMs),
		workflowMs: median(workflowMs),
	};
}

/** The built node and credential files the package declares (package.json `n8n`), present in dist/. */
export function builtFiles(repoRoot: string): string[] {
	const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
	return [...manifest.n8n.nodes, ...manifest.n8n.credentials].filter((file: string) =>
		existsSync(join(repoRoot, file)),
	);
}
