/**
 * Executions in the n8n harness: `n8n execute` of an imported workflow (`executeWorkflow`), the one
 * tolerated crash at exit (`judgeExecuteExit`, see docs/compatibility.md), the saved execution read
 * from a home's SQLite database, and reading a node's items from an execution (CLI or public API).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { N8nHome } from './home';
import { CommandError, run, runN8n } from './process';

export interface ExecuteResult {
	/** The execution n8n printed (`--rawOutput`): `output.data.resultData.runData[node]`. */
	output: ExecutionRun;
	stdout: string;
	stderr: string;
	/** Wall time of the whole `n8n execute` process, start-up included. */
	durationMs: number;
	/**
	 * Set when n8n crashed at exit (SIGSEGV) after printing a complete run that its database holds
	 * as finished and successful: the line the harness printed about it. See `judgeExecuteExit`.
	 */
	crashedAfterSave?: string;
}

/**
 * `n8n execute --id=<id> --rawOutput` in a fresh process. Throws a `CommandError` (full stdout and
 * stderr in its message, the parsed execution in `.output`) when n8n exits non-zero, prints no
 * execution, or the execution did not succeed. One exception, said on stderr: a SIGSEGV at exit
 * after a complete run that n8n saved as successful (`judgeExecuteExit`).
 */
export async function executeWorkflow(
	home: N8nHome,
	workflowId: string,
	options: { timeoutMs?: number; env?: Record<string, string | undefined> } = {},
): Promise<ExecuteResult> {
	const spawnedAt = Date.now();
	const result = await runN8n(home, ['execute', `--id=${workflowId}`, '--rawOutput'], options);
	let output: ExecutionRun | undefined;
	try {
		output = parseExecutionOutput(result.stdout);
	} catch {
		output = undefined;
	}
	let crashedAfterSave: string | undefined;
	if (isExitCrash(result.exitCode, result.signal)) {
		const saved = await readSavedExecution(home, workflowId).catch((error: Error) => error);
		const verdict = judgeExecuteExit({
			workflowId,
			exitCode: result.exitCode,
			signal: result.signal,
			output,
			saved: saved instanceof Error ? undefined : saved,
			spawnedAt,
		});
		if (!verdict.accepted) {
			throw new CommandError(
				`n8n execute of workflow ${workflowId} crashed: ${verdict.reason}${saved instanceof Error ? ` (reading n8n's database: ${saved.message})` : ''}`,
				result,
				output,
			);
		}
		crashedAfterSave = verdict.note;
		process.stderr.write(`\n${verdict.note}\n`);
	} else if (result.exitCode !== 0)
		throw new CommandError(`n8n execute of workflow ${workflowId} failed`, result, output);
	if (!output)
		throw new CommandError(
			`n8n execute of workflow ${workflowId} printed no execution JSON`,
			result,
		);
	if (output.status && output.status !== 'success')
		throw new CommandError(
			`workflow ${workflowId} ended with status ${output.status}`,
			result,
			output,
		);
	return {
		output,
		stdout: result.stdout,
		stderr: result.stderr,
		durationMs: result.durationMs,
		crashedAfterSave,
	};
}

/** A segmentation fault: the signal itself, or 139 (128 + 11) from a shell in between. */
export function isExitCrash(exitCode: number | null, signal: NodeJS.Signals | null): boolean {
	return signal === 'SIGSEGV' || exitCode === 139;
}

/** A row of n8n's `execution_entity` (see `readSavedExecution`). */
export interface SavedExecution {
	id: string;
	status: string;
	finished: boolean;
	/** Milliseconds since the epoch (UTC). */
	startedAt: number | null;
	stoppedAt: number | null;
	/** With `withData`: the execution's saved run data, as n8n stores it (`execution_data.data`). */
	data?: string;
}

export type ExecuteExitVerdict =
	| { accepted: true; note: string }
	| { accepted: false; reason: string };

/**
 * Whether an `n8n execute` that crashed with SIGSEGV may count as a success (docs/compatibility.md).
 * n8n 1.123 sometimes segfaults while it exits (`exitSuccessFully` disposes the isolated-vm
 * expression engine, overridden here to isolated-vm 5.0.4, then calls process.exit) after the run
 * was saved and printed. Accepted only when all hold:
 * - n8n printed a complete run whose status is `success` (finished, with a stop time);
 * - n8n's database holds the newest execution of that workflow as `success`, finished, stopped,
 *   started by this process (not before it was spawned) and at the start time it printed.
 * Anything else (no printed run, a run not saved or saved unfinished) is a real failure.
 */
export function judgeExecuteExit(input: {
	workflowId: string;
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	output: ExecutionRun | undefined;
	saved: SavedExecution | undefined;
	/** When the harness spawned n8n (ms since the epoch). */
	spawnedAt: number;
}): ExecuteExitVerdict {
	const { workflowId, exitCode, signal, output, saved, spawnedAt } = input;
	const exit = signal ?? `exit code ${exitCode}`;
	if (!isExitCrash(exitCode, signal))
		return { accepted: false, reason: `${exit} is not a segmentation fault` };
	if (!output) return { accepted: false, reason: `${exit} before n8n printed a run` };
	if (output.status !== 'success' || output.finished !== true || !output.stoppedAt) {
		return {
			accepted: false,
			reason: `${exit}; the printed run is not complete (status ${output.status}, finished ${output.finished})`,
		};
	}
	if (!saved)
		return {
			accepted: false,
			reason: `${exit}; n8n's database holds no execution of workflow ${workflowId}`,
		};
	// Two seconds of slack: the database and this process read the same clock, in whole milliseconds.
	if (saved.startedAt === null || saved.startedAt < spawnedAt - 2_000) {
		return {
			accepted: false,
			reason: `${exit}; the newest saved execution of workflow ${workflowId} (id ${saved.id}) started before this n8n process`,
		};
	}
	const printedStart = output.startedAt ? Date.parse(output.startedAt) : NaN;
	if (!Number.isFinite(printedStart) || Math.abs(printedStart - saved.startedAt) > 1_000) {
		return {
			accepted: false,
			reason: `${exit}; the saved execution ${saved.id} is not the run n8n printed`,
		};
	}
	if (saved.status !== 'success' || !saved.finished || saved.stoppedAt === null) {
		return {
			accepted: false,
			reason: `${exit}; execution ${saved.id} is saved as status ${saved.status}, finished ${saved.finished} (not a complete run)`,
		};
	}
	return {
		accepted: true,
		note:
			`[harness] n8n execute of workflow ${workflowId} crashed at exit (${exit}) AFTER its run was printed and saved as complete ` +
			`(execution ${saved.id}: status success, finished); accepted as a success. This is n8n 1.123's exit crash with the ` +
			`isolated-vm expression engine, not this package (docs/compatibility.md, "n8n crashing at exit (SIGSEGV)").`,
	};
}

/**
 * The newest execution of a workflow in a home's SQLite database (`<folder>/.n8n/database.sqlite`),
 * read by a separate process on n8n's own Node with n8n's `sqlite3` (native, built for that Node).
 * Undefined when the workflow has no execution. Rejects for another database type.
 */
export async function readSavedExecution(
	home: N8nHome,
	workflowId: string,
	{ withData = false } = {},
): Promise<SavedExecution | undefined> {
	if (home.env.DB_TYPE && home.env.DB_TYPE !== 'sqlite')
		throw new Error(
			`harness: reading executions from DB_TYPE=${home.env.DB_TYPE} is not supported`,
		);
	const database = join(home.folder, '.n8n/database.sqlite');
	if (!existsSync(database)) throw new Error(`harness: no database at ${database}`);
	const prefix = home.env.DB_TABLE_PREFIX ?? '';
	if (!/^\w*$/.test(prefix)) throw new Error('harness: unexpected DB_TABLE_PREFIX');
	const script = [
		'const [sqliteModule, file, workflowId, table] = process.argv.slice(1);',
		'const sqlite3 = require(sqliteModule);',
		'const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => { if (error) { console.error(error.message); process.exit(2); } });',
		'const [dataTable, withData] = process.argv.slice(5);',
		'const columns = withData === "1" ? `e.id, e.status, e.finished, e.startedAt, e.stoppedAt, d.data` : `e.id, e.status, e.finished, e.startedAt, e.stoppedAt`;',
		'const join = withData === "1" ? `LEFT JOIN ${dataTable} d ON d.executionId = e.id` : ``;',
		'db.all(`SELECT ${columns} FROM ${table} e ${join} WHERE e.workflowId = ? ORDER BY CAST(e.id AS INTEGER) DESC LIMIT 1`, [workflowId], (error, rows) => {',
		'  if (error) { console.error(error.message); process.exit(2); }',
		'  process.stdout.write(JSON.stringify(rows));',
		'  db.close();',
		'});',
	].join('\n');
	const sqliteModule = join(home.n8n.dir, 'node_modules/sqlite3');
	const result = await run(
		home.n8n.nodeBin,
		[
			'-e',
			script,
			sqliteModule,
			database,
			workflowId,
			`${prefix}execution_entity`,
			`${prefix}execution_data`,
			withData ? '1' : '0',
		],
		{ cwd: home.folder, env: { PATH: process.env.PATH }, timeoutMs: 60_000 },
	);
	if (result.exitCode !== 0)
		throw new CommandError('harness: reading the saved execution failed', result);
	const [row] = JSON.parse(result.stdout) as Array<{
		id: number | string;
		status: string;
		finished: number | boolean;
		startedAt: string | null;
		stoppedAt: string | null;
		data?: string | null;
	}>;
	if (!row) return undefined;
	const saved: SavedExecution = {
		id: String(row.id),
		status: row.status,
		finished: Boolean(row.finished),
		startedAt: sqliteTime(row.startedAt),
		stoppedAt: sqliteTime(row.stoppedAt),
	};
	return withData ? { ...saved, data: row.data ?? '' } : saved;
}

/** n8n's SQLite dates are UTC text, `2026-12-03 08:01:02.345`. */
function sqliteTime(value: string | null): number | null {
	if (!value) return null;
	const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
	return Number.isFinite(ms) ? ms : null;
}

/** The JSON document that follows n8n's log lines on stdout (a top-level `{` or `[` line). */
export function parseExecutionOutput(stdout: string): ExecutionRun {
	const lines = stdout.split('\n');
	const starts = lines.flatMap((line, index) => (/^[{[]/.test(line) ? [index] : []));
	const ends = lines.flatMap((line, index) => (/^[}\]]\s*$/.test(line) ? [index] : [])).reverse();
	for (const start of starts) {
		for (const end of ends) {
			if (end < start) break;
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionRun;
			} catch {
				// not this pair
			}
		}
		try {
			return JSON.parse(lines.slice(start).join('\n')) as ExecutionRun;
		} catch {
			// try the next start
		}
	}
	throw new Error('harness: no JSON document in the output');
}

// ---------------------------------------------------------------------------------------------
// Reading executions (CLI output and public API executions have the same `data` shape)

export interface ExecutionItem {
	json: Record<string, unknown>;
	pairedItem?: unknown;
	error?: unknown;
}

export interface NodeRun {
	executionStatus?: string;
	executionTime?: number;
	startTime?: number;
	error?: Record<string, unknown>;
	data?: { main?: Array<ExecutionItem[] | null> };
}

export interface ExecutionRun {
	id?: string;
	status?: string;
	finished?: boolean;
	mode?: string;
	startedAt?: string;
	stoppedAt?: string | null;
	workflowId?: string;
	data?: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			lastNodeExecuted?: string;
			error?: Record<string, unknown>;
		};
	};
}

/** The JSON of the items a node emitted (one run, one output). */
export function nodeItems(
	run: ExecutionRun,
	nodeName: string,
	{ runIndex = 0, outputIndex = 0 } = {},
): Array<Record<string, unknown>> {
	const runs = run.data?.resultData.runData[nodeName];
	if (!runs)
		throw new Error(
			`harness: node "${nodeName}" did not run (ran: ${Object.keys(run.data?.resultData.runData ?? {}).join(', ')})`,
		);
	return (runs[runIndex]?.data?.main?.[outputIndex] ?? []).map((item) => item.json);
}

/** The items of the node that ran last. */
export function lastNodeItems(run: ExecutionRun): Array<Record<string, unknown>> {
	const last = run.data?.resultData.lastNodeExecuted;
	if (!last) throw new Error('harness: the execution has no last node');
	return nodeItems(run, last);
}
