/**
 * How often `n8n execute` crashes at exit (docs/compatibility.md, "n8n crashing at exit"). A measuring tool, not part of
 * `npm test`:
 *
 *   npm run build && npm run build:tools
 *   node .tools/test/n8n/crash-rate.js [--runs=40] [--configs=readme,readme-legacy,no-package,second-n8n-workflow]
 *
 * Configurations, each in its own n8n home, runs interleaved (one of each per round) so that the
 * machine's load falls on all alike:
 * - readme: the package installed by the README's manual command (as users install), default
 *   (vm) expression engine; workflow Manual Trigger → Code (2 items) → Hero Health Message → Send
 *   with expressions, against the sandbox;
 * - readme-legacy: the same home and workflow with N8N_EXPRESSION_ENGINE=legacy;
 * - no-package: no package; Manual Trigger → Code → Edit Fields with an expression;
 * - second-n8n-workflow: the package plus its own n8n-workflow (1.120.14, the dev dependency)
 *   beside it in .n8n/nodes, what the README's old command aimed at (two copies loaded);
 * - engine-only (not in the default set): no n8n process and no workflow, only n8n's exit path:
 *   a Node script that starts n8n-workflow's vm expression engine the way n8n's base command does,
 *   evaluates one expression, disposes the engine and calls process.exit() (ENGINE_EXIT_SCRIPT).
 * Each run is classified: clean exit 0, SIGSEGV after a complete run saved as success (checked in
 * n8n's database, as the harness does), SIGSEGV before that, or another failure.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { NODE_NAMES, REPO_ROOT } from './harness/constants';
import {
	isExitCrash,
	judgeExecuteExit,
	nodeItems,
	parseExecutionOutput,
	readSavedExecution,
	type ExecutionRun,
} from './harness/execution';
import { cleanupAll, createN8nHome, ensureN8n, packPackage, type N8nHome } from './harness/home';
import { runN8n } from './harness/process';
import {
	importCredential,
	importWorkflow,
	linearWorkflow,
	manualTriggerNode,
	heroNode,
	itemsNode,
	type WorkflowJson,
} from './harness/workflows';
import { readInstallBlocks, runInstallBlock, runScript } from './readme-install';
import { sendItemFields } from '../harness/parameters';
import { startSandbox, type Sandbox } from '../sandbox/server';

type Outcome = 'clean' | 'segv-after-save' | 'segv-before-save' | 'failed';

interface Config {
	name: string;
	home: N8nHome;
	workflowId: string;
	env?: Record<string, string | undefined>;
	/** Checks the printed run did what the workflow is for; returns a problem or undefined. */
	check(run: ExecutionRun): string | undefined;
	counts: Record<Outcome, number>;
	notes: string[];
}

const ALL = ['readme', 'readme-legacy', 'no-package', 'second-n8n-workflow'];
const OPTIONAL = ['engine-only'];
const args = new Map(
	process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]),
);
const RUNS = Number(args.get('runs') ?? 40);
const WANTED = (args.get('configs') ?? ALL.join(',')).split(',');
for (const name of WANTED)
	if (!ALL.includes(name) && !OPTIONAL.includes(name))
		throw new Error(`unknown configuration ${name}`);

/**
 * n8n's `exitSuccessFully` without n8n: n8n-workflow (from the n8n install) starts the vm
 * expression engine as n8n's base command does, one expression is evaluated, the engine is
 * disposed and process.exit() follows at once. argv[1]: the n8n install folder.
 */
const ENGINE_EXIT_SCRIPT = `
const { Expression, Workflow } = require(process.argv[1] + '/node_modules/n8n-workflow');
(async () => {
  await Expression.initExpressionEngine({ engine: 'vm', poolSize: 1, maxCodeCacheSize: 1024, bridgeTimeout: 5000, bridgeMemoryLimit: 128 });
  const type = { description: { properties: [] } };
  const workflow = new Workflow({ nodes: [{ id: '1', name: 'A', type: 'x.noOp', typeVersion: 1, position: [0, 0], parameters: {} }], connections: {}, active: false,
    nodeTypes: { getByName: () => type, getByNameAndVersion: () => type, getKnownTypes: () => ({}) } });
  await workflow.expression.acquireIsolate();
  const value = workflow.expression.getParameterValue('={{ 1 + 2 }}', null, 0, 0, 'A', [{ json: {} }], 'manual', {});
  if (String(value) !== '3') throw new Error('unexpected value ' + value);
  await workflow.expression.releaseIsolate();
  await Expression.disposeExpressionEngine();
  if (process.env.DELAY_MS) await new Promise((r) => setTimeout(r, Number(process.env.DELAY_MS)));
  process.exit();
})().catch((e) => { console.error(e); process.exit(3); });
`;

const heroWorkflow = (credentialId: string): WorkflowJson =>
	linearWorkflow('crashRateHero1', 'Crash rate: Hero send', [
		manualTriggerNode(),
		itemsNode([
			{ patientId: '2001', phone: '07700 900123', text: 'Your flu jab is booked.' },
			{ patientId: '2002', phone: '07700 900124', text: 'Your results are in.' },
		]),
		heroNode(sendItemFields(), { credentialId }),
	]);

const plainWorkflow = (): WorkflowJson =>
	linearWorkflow('crashRatePlain1', 'Crash rate: no package', [
		manualTriggerNode(),
		itemsNode([{ text: 'a' }, { text: 'b' }]),
		{
			id: 'set-1',
			name: 'Edit Fields',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [0, 0],
			parameters: {
				assignments: {
					assignments: [
						{
							id: 'a1',
							name: 'copy',
							value: '={{ $json.text }}-{{ $now.toISO() }}',
							type: 'string',
						},
					],
				},
				options: {},
			},
		},
	]);

const heroCheck = (sandbox: Sandbox) => (run: ExecutionRun) => {
	const items = nodeItems(run, NODE_NAMES.hero);
	const sends = sandbox.received('POST', '/v1/messages/send').length;
	return items.length === 2 && items.every((i) => typeof i.message_id === 'string') && sends === 2
		? undefined
		: `${items.length} items, ${sends} sends`;
};

async function main(): Promise<void> {
	const n8n = await ensureN8n(1);
	const sandbox = await startSandbox({ port: 0 });
	const tarball = await packPackage();
	const configs: Config[] = [];
	const newCounts = (): Record<Outcome, number> => ({
		clean: 0,
		'segv-after-save': 0,
		'segv-before-save': 0,
		failed: 0,
	});
	const credential = {
		sandboxUrl: sandbox.url,
		apiKey: sandbox.apiKey,
		practiceGroupId: sandbox.practiceGroupId,
	};

	if (WANTED.includes('readme') || WANTED.includes('readme-legacy')) {
		const home = await createN8nHome({ n8n, tarball: false });
		const block = readInstallBlocks().get('manual');
		if (!block) throw new Error('README.md has no <!-- install:manual --> block');
		const installed = await runInstallBlock('manual', block, tarball, home.folder);
		if (installed.exitCode !== 0) throw new Error(`README install failed:\n${installed.output}`);
		const { id } = await importCredential(home, credential);
		const workflow = heroWorkflow(id);
		await importWorkflow(home, workflow);
		if (WANTED.includes('readme'))
			configs.push({
				name: 'readme',
				home,
				workflowId: workflow.id,
				check: heroCheck(sandbox),
				counts: newCounts(),
				notes: [],
			});
		if (WANTED.includes('readme-legacy'))
			configs.push({
				name: 'readme-legacy',
				home,
				workflowId: workflow.id,
				env: { N8N_EXPRESSION_ENGINE: 'legacy' },
				check: heroCheck(sandbox),
				counts: newCounts(),
				notes: [],
			});
	}
	if (WANTED.includes('no-package')) {
		const home = await createN8nHome({ n8n, tarball: false });
		const workflow = plainWorkflow();
		await importWorkflow(home, workflow);
		configs.push({
			name: 'no-package',
			home,
			workflowId: workflow.id,
			check: (run) =>
				nodeItems(run, 'Edit Fields').length === 2
					? undefined
					: 'Edit Fields did not output 2 items',
			counts: newCounts(),
			notes: [],
		});
	}
	if (WANTED.includes('second-n8n-workflow')) {
		const home = await createN8nHome({ n8n, tarball: false });
		const devVersion = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'))
			.devDependencies['n8n-workflow'] as string;
		const installed = await runScript(
			`npm install --prefix ~/.n8n/nodes --legacy-peer-deps ${tarball} n8n-workflow@${devVersion}`,
			home.folder,
		);
		if (installed.exitCode !== 0)
			throw new Error(`install with n8n-workflow failed:\n${installed.output}`);
		const { id } = await importCredential(home, credential);
		const workflow = heroWorkflow(id);
		await importWorkflow(home, workflow);
		configs.push({
			name: 'second-n8n-workflow',
			home,
			workflowId: workflow.id,
			check: heroCheck(sandbox),
			counts: newCounts(),
			notes: [],
		});
	}

	const isolatedVm = JSON.parse(
		readFileSync(join(n8n.dir, 'node_modules/isolated-vm/package.json'), 'utf8'),
	).version;
	console.log(
		`n8n ${n8n.version}, Node ${process.version}, isolated-vm ${isolatedVm}; ${RUNS} runs per configuration: ${configs.map((c) => c.name).join(', ')}`,
	);
	for (let round = 1; round <= RUNS; round++) {
		for (const config of configs) {
			sandbox.reset();
			const spawnedAt = Date.now();
			const result = await runN8n(
				config.home,
				['execute', `--id=${config.workflowId}`, '--rawOutput'],
				{ env: config.env },
			);
			let output: ExecutionRun | undefined;
			try {
				output = parseExecutionOutput(result.stdout);
			} catch {
				output = undefined;
			}
			let outcome: Outcome;
			let note = '';
			if (isExitCrash(result.exitCode, result.signal)) {
				const saved = await readSavedExecution(config.home, config.workflowId).catch(
					() => undefined,
				);
				const verdict = judgeExecuteExit({
					workflowId: config.workflowId,
					exitCode: result.exitCode,
					signal: result.signal,
					output,
					saved,
					spawnedAt,
				});
				outcome = verdict.accepted ? 'segv-after-save' : 'segv-before-save';
				if (!verdict.accepted) note = verdict.reason;
			} else if (result.exitCode !== 0 || !output || output.status !== 'success') {
				outcome = 'failed';
				note = `exit ${result.exitCode ?? result.signal}, status ${output?.status}: ${result.stderr.slice(-300)}`;
			} else outcome = 'clean';
			// A run that exited or crashed after saving must also have done its work.
			const problem =
				output && outcome !== 'failed' && outcome !== 'segv-before-save'
					? safeCheck(config, output)
					: undefined;
			if (problem) {
				outcome = 'failed';
				note = problem;
			}
			config.counts[outcome]++;
			if (note) config.notes.push(`round ${round}: ${note}`);
			process.stdout.write(
				`round ${round}/${RUNS} ${config.name}: ${outcome} (${result.durationMs} ms)${note ? ` ${note}` : ''}\n`,
			);
		}
	}

	if (WANTED.includes('engine-only')) {
		for (const delay of ['0', '200']) {
			const counts = { clean: 0, segv: 0, other: 0 };
			for (let i = 0; i < RUNS; i++) {
				const result = spawnSync(process.execPath, ['-e', ENGINE_EXIT_SCRIPT, n8n.dir], {
					env: { PATH: process.env.PATH, DELAY_MS: delay },
					encoding: 'utf8',
				});
				if (result.status === 0) counts.clean++;
				else if (isExitCrash(result.status, result.signal)) counts.segv++;
				else {
					counts.other++;
					console.log(
						`engine-only: exit ${result.status ?? result.signal}: ${result.stderr.slice(-300)}`,
					);
				}
			}
			console.log(
				`engine-only, ${delay} ms between dispose and process.exit(): ${RUNS} runs, ${counts.clean} clean, ${counts.segv} SIGSEGV, ${counts.other} other`,
			);
		}
	}

	if (configs.length) {
		console.log(
			'\n| Configuration | Runs | Clean exit | SIGSEGV after a complete saved run | SIGSEGV before | Other failure |',
		);
		console.log('|---|---|---|---|---|---|');
	}
	for (const c of configs) {
		const total = Object.values(c.counts).reduce((a, b) => a + b, 0);
		console.log(
			`| ${c.name} | ${total} | ${c.counts.clean} | ${c.counts['segv-after-save']} | ${c.counts['segv-before-save']} | ${c.counts.failed} |`,
		);
	}
	for (const c of configs) for (const note of c.notes) console.log(`${c.name} ${note}`);
	for (const c of new Set(configs.map((x) => x.home))) await c.cleanup();
	await sandbox.close();
	await cleanupAll();
}

function safeCheck(config: Config, output: ExecutionRun): string | undefined {
	try {
		return config.check(output);
	} catch (error) {
		return (error as Error).message;
	}
}

main().catch(async (error) => {
	console.error(error);
	await cleanupAll();
	process.exit(1);
});
