/**
 * The real-n8n harness (`executeWorkflow`) tells n8n's crash at exit after a
 * complete, saved run from a real failure. A stand-in for n8n (a script run like n8n's bin) writes
 * its "database" (a stand-in `sqlite3` module reads it), prints a run and kills itself with SIGSEGV,
 * so the harness's own process handling and database read are what is tested.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { executeWorkflow, judgeExecuteExit, type ExecutionRun } from '../../n8n/harness/execution';
import { cleanupAll, createN8nHome, type N8nHome, type N8nInstall } from '../../n8n/harness/home';
import { CommandError } from '../../n8n/harness/process';

jest.setTimeout(60_000);

/** n8n's `execute` as far as the harness sees it; FAKE_N8N_MODE says how it ends. */
const FAKE_N8N = `
const fs = require('fs');
const path = require('path');
const mode = process.env.FAKE_N8N_MODE;
const workflowId = process.argv.find((a) => a.startsWith('--id=')).slice(5);
const dbFile = path.join(process.env.N8N_USER_FOLDER, '.n8n/database.sqlite');
const rows = fs.existsSync(dbFile) ? JSON.parse(fs.readFileSync(dbFile, 'utf8')) : [];
const sqlTime = (d) => d.toISOString().replace('T', ' ').replace('Z', '');
const startedAt = new Date();
console.log('n8n log line: Starting execution');
if (mode === 'crash-before-save') process.kill(process.pid, 'SIGSEGV');
const running = mode === 'crash-saved-running';
if (mode !== 'crash-printed-not-saved') {
  rows.push({ id: rows.length + 1, workflowId, status: running ? 'running' : 'success', finished: running ? 0 : 1, startedAt: sqlTime(startedAt), stoppedAt: running ? null : sqlTime(new Date()) });
  fs.writeFileSync(dbFile, JSON.stringify(rows));
}
const run = { data: { resultData: { runData: { 'Hero Health': [{ data: { main: [[{ json: { message_id: 'm-1' } }]] } }] } } }, finished: true, mode: 'cli', startedAt: startedAt.toISOString(), stoppedAt: new Date().toISOString(), status: 'success' };
console.log(JSON.stringify(run, null, 2));
if (mode === 'exit-1') process.exit(1);
if (mode !== 'ok') process.kill(process.pid, 'SIGSEGV');
`;

/** Reads the stand-in database the way the harness's query would: newest row of the workflow. */
const FAKE_SQLITE = `
const fs = require('fs');
class Database {
  constructor(file, mode, callback) { this.file = file; setImmediate(() => callback && callback(null)); }
  all(sql, params, callback) {
    if (!/FROM execution_entity e\\s+WHERE e\\.workflowId = \\?/.test(sql)) return callback(new Error('unexpected query: ' + sql));
    const rows = JSON.parse(fs.readFileSync(this.file, 'utf8')).filter((r) => r.workflowId === params[0]).sort((a, b) => b.id - a.id).slice(0, 1);
    setImmediate(() => callback(null, rows));
  }
  close() {}
}
module.exports = { Database, OPEN_READONLY: 1 };
`;

let root: string;
let fakeN8n: N8nInstall;
const homes: N8nHome[] = [];

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'hero-fake-n8n-'));
	mkdirSync(join(root, 'node_modules/n8n/bin'), { recursive: true });
	mkdirSync(join(root, 'node_modules/sqlite3'), { recursive: true });
	writeFileSync(join(root, 'node_modules/n8n/bin/n8n'), FAKE_N8N);
	writeFileSync(join(root, 'node_modules/sqlite3/index.js'), FAKE_SQLITE);
	fakeN8n = {
		line: 1,
		dir: root,
		version: 'stand-in',
		nodeBin: process.execPath,
		n8nBin: join(root, 'node_modules/n8n/bin/n8n'),
	};
});

afterAll(async () => {
	for (const home of homes) await home.cleanup();
	await cleanupAll();
	rmSync(root, { recursive: true, force: true });
});

async function freshHome(): Promise<N8nHome> {
	const home = await createN8nHome({ n8n: fakeN8n, tarball: false });
	homes.push(home);
	return home;
}

const execute = (home: N8nHome, mode: string) =>
	executeWorkflow(home, 'wfCrash1', { env: { FAKE_N8N_MODE: mode } });

async function failure(promise: Promise<unknown>): Promise<CommandError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(CommandError);
	return error as CommandError;
}

describe('the harness tells a crash at exit after a complete, saved run from a real failure', () => {
	test('a SIGSEGV after the run was printed and saved as success is accepted, and the harness says so on stderr', async () => {
		const home = await freshHome();
		const stderr = jest.spyOn(process.stderr, 'write');
		try {
			const result = await execute(home, 'crash-after-save');
			expect(result.output.status).toBe('success');
			expect(result.crashedAfterSave).toMatch(
				/crashed at exit \(SIGSEGV\) AFTER its run was printed and saved as complete \(execution 1: status success, finished\); accepted as a success/,
			);
			expect(stderr.mock.calls.map(([chunk]) => String(chunk)).join('')).toContain(
				result.crashedAfterSave!,
			);
		} finally {
			stderr.mockRestore();
		}
	});

	test('a SIGSEGV before any run was printed fails, naming the crash (an earlier saved run of the workflow does not count)', async () => {
		const home = await freshHome();
		await execute(home, 'ok');
		const error = await failure(execute(home, 'crash-before-save'));
		expect(error.message).toContain(
			'n8n execute of workflow wfCrash1 crashed: SIGSEGV before n8n printed a run',
		);
	});

	test('a SIGSEGV after a printed run that the database does not hold fails', async () => {
		const home = await freshHome();
		await execute(home, 'ok'); // creates the database, with no run of wfCrash2
		const error = await failure(
			executeWorkflow(home, 'wfCrash2', { env: { FAKE_N8N_MODE: 'crash-printed-not-saved' } }),
		);
		expect(error.message).toContain("n8n's database holds no execution of workflow wfCrash2");
	});

	test('a SIGSEGV with the run saved unfinished (status running) fails', async () => {
		const home = await freshHome();
		const error = await failure(execute(home, 'crash-saved-running'));
		expect(error.message).toContain(
			'is saved as status running, finished false (not a complete run)',
		);
	});

	test('a clean exit is not marked as a crash, and exit code 1 still fails', async () => {
		const home = await freshHome();
		const ok = await execute(home, 'ok');
		expect(ok.crashedAfterSave).toBeUndefined();
		const error = await failure(execute(home, 'exit-1'));
		expect(error.message).toContain('n8n execute of workflow wfCrash1 failed');
		expect(error.result.exitCode).toBe(1);
	});

	test('judgeExecuteExit: only a segfault with a complete printed run saved by this very process is accepted', () => {
		const spawnedAt = Date.parse('2026-12-03T08:00:00.000Z');
		const output: ExecutionRun = {
			status: 'success',
			finished: true,
			startedAt: '2026-12-03T08:00:03.120Z',
			stoppedAt: '2026-12-03T08:00:03.500Z',
		};
		const saved = {
			id: '7',
			status: 'success',
			finished: true,
			startedAt: Date.parse('2026-12-03T08:00:03.120Z'),
			stoppedAt: Date.parse('2026-12-03T08:00:03.500Z'),
		};
		const judge = (changes: Partial<Parameters<typeof judgeExecuteExit>[0]>) =>
			judgeExecuteExit({
				workflowId: 'w',
				exitCode: null,
				signal: 'SIGSEGV',
				output,
				saved,
				spawnedAt,
				...changes,
			});
		expect(judge({})).toMatchObject({ accepted: true });
		// A shell between us and n8n reports the signal as 139.
		expect(judge({ signal: null, exitCode: 139 })).toMatchObject({ accepted: true });
		expect(judge({ signal: 'SIGABRT' })).toEqual({
			accepted: false,
			reason: 'SIGABRT is not a segmentation fault',
		});
		expect(judge({ output: { ...output, status: 'error' } })).toMatchObject({
			accepted: false,
			reason: expect.stringContaining('printed run is not complete'),
		});
		expect(judge({ output: { ...output, finished: false } })).toMatchObject({ accepted: false });
		// The newest saved run is an older one (started before this process).
		expect(judge({ saved: { ...saved, startedAt: spawnedAt - 60_000 } })).toMatchObject({
			accepted: false,
			reason: expect.stringContaining('started before this n8n process'),
		});
		// Saved, but not the run that was printed.
		expect(judge({ saved: { ...saved, startedAt: saved.startedAt + 5_000 } })).toMatchObject({
			accepted: false,
			reason: expect.stringContaining('is not the run n8n printed'),
		});
		expect(judge({ saved: { ...saved, stoppedAt: null } })).toMatchObject({ accepted: false });
		expect(judge({ saved: undefined })).toMatchObject({ accepted: false });
	});
});
