/**
 * `npm run bench`: the Hero Health node against n8n's HTTP Request node, inside the real pinned n8n
 * (test/install/install-n8n.sh), both talking to the in-process Hero sandbox. Prints markdown tables.
 * A benchmark, not a test: nothing fails on timing; it stops only if a run did the wrong thing
 * (missing, duplicated or failed sends, items out of order).
 *
 * Flags: --repeat=N (runs per loopback/paging figure, median reported; default 3)
 *        --count=N (sends, default 1000)   --slots=N (default 10000)   --latency=MS (default 50)
 *        --only=footprint,floor,sends,latency,paging   --profile (CPU profile of the sends, see profile.ts)
 *        --json=FILE (also write every figure as JSON; default $HERO_EVIDENCE_DIR/bench.json when that is set)
 *        --tarball=FILE (benchmark this package tarball instead of packing the working tree)
 *        --compare=FILE (also run the Hero sends from this tarball, interleaved: a candidate change vs the tree)
 *        --n8n-node-args='--require /path/hook.js' (extra Node flags for every n8n process, e.g. to instrument it)
 *        --engine=legacy|vm (n8n's expression engine, N8N_EXPRESSION_ENGINE, for every run; default: n8n's own)
 *        --profile-dir=DIR (with --profile: keep the .cpuprofile files there)
 *        --variants=heroMap10,http (only these send variants, by key; for looking into one row)
 */
import { spawn } from 'node:child_process';
import {
	closeSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import { resources } from '../../nodes/HeroHealth/actions/resources';
import { DEFAULT_REQUESTS_IN_FLIGHT } from '../../nodes/HeroHealth/actions/common.descriptions';
import { INFERRED } from '../../nodes/HeroHealth/transport/inferred';
import { REPO_ROOT } from '../n8n/harness/constants';
import { parseExecutionOutput, type ExecutionRun } from '../n8n/harness/execution';
import { cleanupAll, createN8nHome, ensureN8n, type N8nHome } from '../n8n/harness/home';
import { freePort } from '../n8n/harness/process';
import { importCredential, importWorkflow, type WorkflowJson } from '../n8n/harness/workflows';
import { patients } from '../sandbox/routes/patients';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { builtFiles, coldRequire, packInfo } from './footprint';
import { summariseProfile } from './profile';
import { slotBench, type SlotBench } from './slots';
import {
	BENCH_NODE,
	benchItem,
	heroGetManyWorkflow,
	benchPatients,
	heroMapWorkflow,
	heroNhsWorkflow,
	heroSendWorkflow,
	httpJsonSendWorkflow,
	httpPagingWorkflow,
	httpSendWorkflow,
	SPLIT_NODE,
} from './workflows';

// ---------------------------------------------------------------------------------------------
// Options

const flags = new Map(
	process.argv.slice(2).map((arg) => {
		const [key, value] = arg.replace(/^--/, '').split('=');
		return [key, value ?? 'true'] as const;
	}),
);
const REPEAT = Math.max(1, Number(flags.get('repeat') ?? 3));
const COUNT = Number(flags.get('count') ?? 1000);
const SLOTS = Number(flags.get('slots') ?? 10_000);
const LATENCY_MS = Number(flags.get('latency') ?? 50);
const ONLY = new Set((flags.get('only') ?? 'footprint,floor,sends,latency,paging').split(','));
const PROFILE = flags.has('profile');
const N8N_NODE_ARGS = (flags.get('n8n-node-args') ?? '').split(' ').filter(Boolean);
/** n8n's expression engine for every run (`vm`, n8n 1.123's default, or `legacy`); unset = n8n's default. */
const ENGINE_ENV: Record<string, string> = flags.has('engine')
	? { N8N_EXPRESSION_ENGINE: String(flags.get('engine')) }
	: {};
const CONCURRENCIES = [1, DEFAULT_REQUESTS_IN_FLIGHT, 10]
	.filter((c, i, all) => all.indexOf(c) === i)
	.sort((a, b) => a - b);
/** Input Data "Map Automatically": at the default and at 10 in flight. */
const MAP_CONCURRENCIES = CONCURRENCIES.filter((c) => c > 1);

// ---------------------------------------------------------------------------------------------
// Small helpers

const PEAK_NOTE =
	'Peak connections: n8n = the most TCP connections the n8n process held open at once while the node ran, each from its `connect()` to its close (the target); ' +
	"sandbox = the most sockets the sandbox had not yet closed, which lags behind the client by the sandbox's own event loop.";

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const s = (ms: number) => (ms / 1000).toFixed(2);
const ms1 = (ms: number) => ms.toFixed(2);
const scratch = mkdtempSync(join(tmpdir(), 'hero-bench-'));
process.once('exit', () => rmSync(scratch, { recursive: true, force: true }));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const log = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const out: string[] = [];
const print = (line = '') => {
	out.push(line);
	process.stdout.write(`${line}\n`);
};

function table(header: string[], rows: Array<Array<string | number>>): void {
	print(`| ${header.join(' | ')} |`);
	print(
		`|${header.map((h) => (/^(Client|Operation|What|Target)/.test(h) ? '---' : '---:')).join('|')}|`,
	);
	for (const row of rows) print(`| ${row.join(' | ')} |`);
	print();
}

const loads: Array<{ at: string; load: number[] }> = [];
const noteLoad = (at: string) =>
	loads.push({ at, load: loadavg().map((l) => Number(l.toFixed(2))) });

// ---------------------------------------------------------------------------------------------
// Running one execution in a fresh `n8n execute` process, watching its peak RSS

interface Execution {
	run: ExecutionRun;
	/** Wall time of the `n8n execute` process, start-up and shut-down included. */
	processMs: number;
	/** Execution startedAt → stoppedAt as n8n recorded it. */
	execMs: number;
	/** VmHWM of the n8n process (its resident-set high-water mark), sampled until it exited. */
	peakRssBytes: number;
	pid: number;
	/** CPU time of the n8n process while each node ran (cpu-hook.ts), by node name. */
	cpu: Record<
		string,
		{
			cpuMs: number;
			wallMs: number;
			startUs: number;
			endUs: number;
			expressions: number;
			connections: number;
			peakConnections: number;
			heapPeakBytes?: number;
			heapRetainedBytes?: number;
		}
	>;
}

async function execute(
	home: N8nHome,
	workflowId: string,
	nodeArgs: string[] = [],
	extraEnv: Record<string, string> = {},
): Promise<Execution> {
	const cpuFile = join(scratch, `cpu-${workflowId}-${Date.now()}.json`);
	const env = {
		...home.env,
		...ENGINE_ENV,
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		HERO_BENCH_CPU_FILE: cpuFile,
		...extraEnv,
	};
	const started = Date.now();
	const hook = ['--require', join(__dirname, 'cpu-hook.js')];
	// stdout goes to a file: n8n exits right after printing, and a large run (10,000 slots) written
	// to a pipe is cut short at exit, while writes to a file are synchronous.
	const outFile = join(scratch, `out-${workflowId}-${Date.now()}.json`);
	const outFd = openSync(outFile, 'w');
	const child = spawn(
		home.n8n.nodeBin,
		[
			...hook,
			...N8N_NODE_ARGS,
			...nodeArgs,
			home.n8n.n8nBin,
			'execute',
			`--id=${workflowId}`,
			'--rawOutput',
		],
		{ cwd: home.folder, env, stdio: ['ignore', outFd, 'pipe'] },
	);
	closeSync(outFd);
	const pid = child.pid!;
	let stderr = '';
	child
		.stderr!.setEncoding('utf8')
		.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-20_000)));
	let peakRssBytes = 0;
	const sample = () => {
		try {
			const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			if (match) peakRssBytes = Math.max(peakRssBytes, Number(match[1]) * 1024);
		} catch {
			// exited
		}
	};
	const poller = setInterval(sample, 20);
	const onExit = () => child.kill('SIGKILL');
	process.once('exit', onExit);
	const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
	process.removeListener('exit', onExit);
	clearInterval(poller);
	const processMs = Date.now() - started;
	const stdout = readFileSync(outFile, 'utf8');
	rmSync(outFile, { force: true });
	let run: ExecutionRun;
	try {
		run = parseExecutionOutput(stdout);
	} catch {
		throw new Error(
			`n8n execute --id=${workflowId} printed no execution (exit ${code})\n${stdout.slice(-4000)}\n${stderr}`,
		);
	}
	if (code !== 0 || run.status !== 'success') {
		const error = JSON.stringify(run.data?.resultData.error ?? run.status).slice(0, 2000);
		throw new Error(
			`n8n execute --id=${workflowId} ended with exit ${code}, status ${run.status}: ${error}\n${stderr.slice(-4000)}`,
		);
	}
	const execMs =
		run.startedAt && run.stoppedAt ? Date.parse(run.stoppedAt) - Date.parse(run.startedAt) : NaN;
	const cpu = JSON.parse(readFileSync(cpuFile, 'utf8'));
	rmSync(cpuFile, { force: true });
	return { run, processMs, execMs, peakRssBytes, pid, cpu };
}

function nodeRun(execution: Execution, node: string) {
	const first = execution.run.data?.resultData.runData[node]?.[0];
	if (!first) throw new Error(`node ${node} did not run`);
	const hooked = execution.cpu[node];
	return {
		ms: first.executionTime ?? NaN,
		cpuMs: hooked?.cpuMs ?? NaN,
		expressions: hooked?.expressions ?? NaN,
		connections: hooked?.connections ?? NaN,
		peakConnections: hooked?.peakConnections ?? NaN,
		items: first.data?.main?.[0] ?? [],
	};
}

function resetStats(sandbox: Sandbox): void {
	sandbox.requests.length = 0;
	sandbox.peakConnections = sandbox.openConnections;
	sandbox.peakInFlight = sandbox.inFlight;
}

/**
 * From the sandbox's clock, for the sends of the last run: how long after an answer the request that
 * took its place arrived (the k-th request to arrive follows the (k - inFlight)-th answer), and how long a
 * request took to arrive once its connection was accepted. Medians, ms; only where requests in flight
 * are bounded.
 */
function turnaround(
	sandbox: Sandbox,
	inFlight: number,
): { nextRequestMs: number; connectionToRequestMs: number } {
	const sent = sandbox.received('POST', '/v1/messages/send');
	const answered = sent.map((r) => r.timing.answeredAt ?? NaN).sort((a, b) => a - b);
	const received = sent.map((r) => r.timing.receivedAt).sort((a, b) => a - b);
	return {
		nextRequestMs: median(received.slice(inFlight).map((at, k) => at - answered[k])),
		connectionToRequestMs: median(sent.map((r) => r.timing.receivedAt - r.timing.connectedAt)),
	};
}

// ---------------------------------------------------------------------------------------------
// The floor: a plain keep-alive client in its own process

async function floor(
	sandbox: Sandbox,
	concurrency: number,
): Promise<{ ms: number; peakConnections: number; peakInFlight: number }> {
	resetStats(sandbox);
	const args = JSON.stringify({
		url: sandbox.url,
		apiKey: sandbox.apiKey,
		practiceGroupId: sandbox.practiceGroupId,
		count: COUNT,
		concurrency,
	});
	const child = spawn(process.execPath, [join(__dirname, 'floor.js'), args], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	let stdout = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
	if (code !== 0) throw new Error(`floor client exited ${code}`);
	const result = JSON.parse(stdout) as { ms: number; statuses: Record<string, number> };
	if (result.statuses['200'] !== COUNT)
		throw new Error(
			`floor client: expected ${COUNT} answers 200, got ${JSON.stringify(result.statuses)}`,
		);
	return {
		ms: result.ms,
		peakConnections: sandbox.peakConnections,
		peakInFlight: sandbox.peakInFlight,
	};
}

// ---------------------------------------------------------------------------------------------
// Sends

interface SendVariant {
	key: string;
	label: string;
	workflowId: string;
	/** Requests in flight (the HTTP Request node starts every item at once). */
	concurrency: number;
	hero: boolean;
	/** Runs in the home of the --compare tarball. */
	compare?: boolean;
	/** Each item names its patient by NHS number and date of birth: one search per item before the sends. */
	byNhsNumber?: boolean;
}

interface SendFigure {
	nodeMs: number[];
	cpuMs: number[];
	expressions: number[];
	execMs: number[];
	processMs: number[];
	/** Connections the n8n process held open at once while the node ran (cpu-hook.ts). */
	peakConnections: number[];
	/** Sockets the sandbox had not yet closed, at most: its side lags the client's close by its own event loop. */
	sandboxPeakConnections: number[];
	peakInFlight: number[];
}

/** Runs one send workflow and checks it did exactly the sends asked for, in order. */
async function runSend(
	home: N8nHome,
	sandbox: Sandbox,
	variant: SendVariant,
	nodeArgs: string[] = [],
): Promise<
	Execution & {
		nodeMs: number;
		cpuMs: number;
		expressions: number;
		peakConnections: number;
		sandboxPeakConnections: number;
		peakInFlight: number;
	}
> {
	resetStats(sandbox);
	if (variant.byNhsNumber) {
		const map = patients(sandbox.state);
		for (const p of benchPatients(COUNT))
			map.set(p.id, {
				id: p.id,
				title: null,
				first_name: 'Bench',
				last_name: `Patient${p.id}`,
				dob: p.dob,
				nhs_number: p.nhs_number,
				email: null,
				mobile: '+447700900000',
				postcode: null,
			});
	}
	const execution = await execute(home, variant.workflowId, nodeArgs);
	const { ms, cpuMs, expressions, connections, peakConnections, items } = nodeRun(
		execution,
		BENCH_NODE,
	);
	// One connection per request (n8n's helper reuses none): anything else means the count caught other sockets.
	const requests = variant.byNhsNumber ? 2 * COUNT : COUNT;
	if (connections !== requests)
		throw new Error(
			`${variant.label}: the n8n process opened ${connections} connections while the node ran, expected ${requests}`,
		);
	if (variant.byNhsNumber) {
		const searched = sandbox.received('GET', '/v3/patients').filter((r) => r.status === 200);
		const wrong = sandbox
			.received('POST', '/v1/messages/send')
			.filter((r) => !String(JSON.parse(r.rawBody || '{}').patient_id).startsWith('5'));
		if (searched.length !== COUNT || wrong.length)
			throw new Error(
				`${variant.label}: ${searched.length} searches answered 200 (expected ${COUNT}), ${wrong.length} sends to a patient not found by NHS number`,
			);
	}
	const sent = sandbox.received('POST', '/v1/messages/send');
	const ok = sent.filter((r) => r.status === 200).length;
	if (sent.length !== COUNT || ok !== COUNT)
		throw new Error(
			`${variant.label}: the sandbox received ${sent.length} sends (${ok} answered 200), expected ${COUNT}`,
		);
	if (items.length !== COUNT)
		throw new Error(`${variant.label}: ${items.length} output items, expected ${COUNT}`);
	// rawBody, not body: the sandbox fills `body` on its latest record, which under latency may be another request's.
	const bodies = new Set(
		sent.map((r) => (JSON.parse(r.rawBody || '{}') as { message_string?: string }).message_string),
	);
	if (bodies.size !== COUNT)
		throw new Error(`${variant.label}: ${COUNT - bodies.size} sends were duplicated`);
	if (variant.hero) {
		items.forEach((item, index) => {
			const paired = (item.pairedItem as { item?: number } | undefined)?.item;
			const message = (item.json as { message?: string }).message;
			if (paired !== index || (message !== undefined && message !== benchItem(index).text)) {
				throw new Error(
					`${variant.label}: output item ${index} is out of order (paired with ${paired})`,
				);
			}
		});
	}
	return {
		...execution,
		nodeMs: ms,
		cpuMs,
		expressions,
		peakConnections,
		sandboxPeakConnections: sandbox.peakConnections,
		peakInFlight: sandbox.peakInFlight,
	};
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
	const started = Date.now();
	const results: Record<string, unknown> = {};
	noteLoad('start');
	const n8n =
		ONLY.has('sends') || ONLY.has('latency') || ONLY.has('paging') || PROFILE
			? await ensureN8n(1)
			: undefined;

	print('## Benchmark: Hero Health node vs n8n HTTP Request node');
	print();
	print(
		`Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${mb(totalmem())} MB RAM, Node ${process.version}` +
			(n8n ? `, n8n ${n8n.version}` : '') +
			`. Load average at start: ${loadavg()
				.map((l) => l.toFixed(2))
				.join(' / ')}. ` +
			`Loopback figures are the median of ${REPEAT} run(s) (min–max beside).`,
	);
	print();

	// -------------------------------------------------------------------- footprint (no n8n)
	if (ONLY.has('footprint')) {
		log('footprint: npm pack --dry-run, cold require');
		const pack = await packInfo(REPO_ROOT);
		const files = builtFiles(REPO_ROOT);
		const times = [];
		for (const file of files) times.push(await coldRequire(REPO_ROOT, file));
		results.footprint = { pack, require: times };
		print('### Package footprint');
		print();
		table(
			['What', 'Figure', 'Target'],
			[
				[
					'`npm pack` tarball',
					`${(pack.size / 1024).toFixed(1)} kB (${pack.entryCount} files, ${(pack.unpackedSize / 1024).toFixed(1)} kB unpacked)`,
					`<= 150 kB: ${pack.size <= 150 * 1024 ? 'met' : 'NOT met'}`,
				],
				...times.map((t) => [
					`cold \`require\` + \`new\` of \`${t.file}\``,
					`${ms1(t.medianMs)} ms (min ${ms1(t.minMs)}, max ${ms1(t.maxMs)}; 7 fresh processes)`,
					`<= 50 ms: ${t.medianMs <= 50 ? 'met' : 'NOT met'}`,
				]),
			],
		);
		// n8n's own nodes on this machine, for scale: the HTTP Request node and two of its broadest apps.
		if (n8n) {
			const base = join(n8n.dir, 'node_modules/n8n-nodes-base/dist/nodes');
			const references = [
				'HttpRequest/HttpRequest.node.js',
				'Hubspot/Hubspot.node.js',
				'Salesforce/Salesforce.node.js',
			];
			const referenceTimes = [];
			for (const file of references)
				referenceTimes.push(await coldRequire(n8n.dir, join(base, file)));
			results.footprintReferences = referenceTimes;
			table(
				["What: n8n's own node (n8n-nodes-base), same probe", 'Cold require + new'],
				referenceTimes.map((t) => [
					`\`${t.file.split('/').pop()}\``,
					`${ms1(t.medianMs)} ms (min ${ms1(t.minMs)}, max ${ms1(t.maxMs)})`,
				]),
			);
		}
		if (times.length)
			print(
				`n8n-workflow is loaded first in each process (n8n has it loaded before any community node); loading it took ${ms1(median(times.map((t) => t.workflowMs)))} ms more.`,
			);
		if (!files.some((f) => /Trigger/.test(f)))
			print('No trigger node is declared in package.json yet: only the files above were timed.');
		print();
	}

	const sandbox = await startSandbox({ port: 0, maxRecorded: Math.max(100_000, COUNT * 2) });
	try {
		// ---------------------------------------------------------------- floor
		const floorResults: Record<number, { ms: number[]; peakConnections: number }> = {};
		if (ONLY.has('floor') || ONLY.has('sends')) {
			log('floor: plain keep-alive Node client');
			for (const c of CONCURRENCIES) {
				const runs = [];
				for (let r = 0; r < REPEAT; r++) runs.push(await floor(sandbox, c));
				floorResults[c] = {
					ms: runs.map((x) => x.ms),
					peakConnections: Math.max(...runs.map((x) => x.peakConnections)),
				};
			}
			results.floor = floorResults;
			if (!ONLY.has('sends')) {
				print(`### Floor: ${COUNT} message sends from a plain keep-alive Node client`);
				print();
				table(
					['Client', 'In flight', 'Time, s', 'ms / send', 'Peak connections'],
					CONCURRENCIES.map((c) => [
						'Plain Node keep-alive client',
						c,
						s(median(floorResults[c].ms)),
						ms1(median(floorResults[c].ms) / COUNT),
						floorResults[c].peakConnections,
					]),
				);
			}
		}

		let home: N8nHome | undefined;
		let compareHome: N8nHome | undefined;
		let credentialId = '';
		const compare = flags.get('compare');
		const allSendVariants: SendVariant[] = [
			{
				key: 'http',
				label: 'HTTP Request node, 3 fields by expression (headers by hand)',
				workflowId: 'benchHttpSend',
				concurrency: COUNT,
				hero: false,
			},
			{
				key: 'httpJson',
				label: 'HTTP Request node, whole item as JSON body (1 expression)',
				workflowId: 'benchHttpJsonSend',
				concurrency: COUNT,
				hero: false,
			},
			...CONCURRENCIES.map((c) => ({
				key: `hero${c}`,
				label: `Hero Health node, fields by expression${c === DEFAULT_REQUESTS_IN_FLIGHT ? ' (default)' : ''}`,
				workflowId: `benchHeroSend${c}`,
				concurrency: c,
				hero: true,
			})),
			...MAP_CONCURRENCIES.map((c) => ({
				key: `heroMap${c}`,
				label: `Hero Health node, Map Automatically${c === DEFAULT_REQUESTS_IN_FLIGHT ? ' (default)' : ''}`,
				workflowId: `benchHeroMap${c}`,
				concurrency: c,
				hero: true,
			})),
			{
				key: `heroNhs${DEFAULT_REQUESTS_IN_FLIGHT}`,
				label: 'Hero Health node, fields by expression, by NHS number and date of birth (default)',
				workflowId: `benchHeroNhs${DEFAULT_REQUESTS_IN_FLIGHT}`,
				concurrency: DEFAULT_REQUESTS_IN_FLIGHT,
				hero: true,
				byNhsNumber: true,
			},
			{
				key: `heroNhsMap${DEFAULT_REQUESTS_IN_FLIGHT}`,
				label: 'Hero Health node, Map Automatically, by NHS number and date of birth (default)',
				workflowId: `benchHeroNhsMap${DEFAULT_REQUESTS_IN_FLIGHT}`,
				concurrency: DEFAULT_REQUESTS_IN_FLIGHT,
				hero: true,
				byNhsNumber: true,
			},
			...(compare
				? [
						...CONCURRENCIES.map((c) => ({
							key: `compare${c}`,
							label: 'Hero Health node, --compare build',
							workflowId: `benchHeroSend${c}`,
							concurrency: c,
							hero: true,
							compare: true,
						})),
						...MAP_CONCURRENCIES.map((c) => ({
							key: `compareMap${c}`,
							label: 'Hero Health node, Map Automatically, --compare build',
							workflowId: `benchHeroMap${c}`,
							concurrency: c,
							hero: true,
							compare: true,
						})),
					]
				: []),
		];
		const picked = flags.get('variants')?.split(',');
		const sendVariants = picked
			? allSendVariants.filter((v) => picked.includes(v.key))
			: allSendVariants;
		const homeOf = (variant: SendVariant) => (variant.compare ? compareHome! : home!);
		const slots: SlotBench | undefined = ONLY.has('paging') ? slotBench(resources) : undefined;

		if (n8n) {
			log('n8n: fresh home with the packed package, credential, workflows');
			home = await createN8nHome({ n8n, tarball: flags.get('tarball') });
			({ id: credentialId } = await importCredential(home, {
				sandboxUrl: sandbox.url,
				apiKey: sandbox.apiKey,
				practiceGroupId: sandbox.practiceGroupId,
			}));
			const headers = { apiKey: sandbox.apiKey, practiceGroupId: sandbox.practiceGroupId };
			const workflows: WorkflowJson[] = [
				httpSendWorkflow('benchHttpSend', COUNT, sandbox.url, headers),
				httpJsonSendWorkflow('benchHttpJsonSend', COUNT, sandbox.url, headers),
				...CONCURRENCIES.map((c) => heroSendWorkflow(`benchHeroSend${c}`, COUNT, c, credentialId)),
				...MAP_CONCURRENCIES.map((c) =>
					heroMapWorkflow(`benchHeroMap${c}`, COUNT, c, credentialId),
				),
				heroNhsWorkflow(
					`benchHeroNhs${DEFAULT_REQUESTS_IN_FLIGHT}`,
					COUNT,
					DEFAULT_REQUESTS_IN_FLIGHT,
					credentialId,
					'fields',
				),
				heroNhsWorkflow(
					`benchHeroNhsMap${DEFAULT_REQUESTS_IN_FLIGHT}`,
					COUNT,
					DEFAULT_REQUESTS_IN_FLIGHT,
					credentialId,
					'map',
				),
			];
			if (slots?.available) {
				workflows.push(heroGetManyWorkflow('benchHeroSlots', slots.heroParameters, credentialId));
				workflows.push(
					httpPagingWorkflow('benchHttpSlots', slots.path, slots.query, {
						baseUrl: sandbox.url,
						headers,
						firstPageIndex: INFERRED.firstPageIndex,
						pageSize: INFERRED.pageSize,
					}),
				);
			}
			await importWorkflow(home, workflows);
			if (compare) {
				log(`n8n: a second home with ${compare}`);
				compareHome = await createN8nHome({ n8n, tarball: compare });
				const { id } = await importCredential(compareHome, {
					sandboxUrl: sandbox.url,
					apiKey: sandbox.apiKey,
					practiceGroupId: sandbox.practiceGroupId,
				});
				await importWorkflow(compareHome, [
					...CONCURRENCIES.map((c) => heroSendWorkflow(`benchHeroSend${c}`, COUNT, c, id)),
					...MAP_CONCURRENCIES.map((c) => heroMapWorkflow(`benchHeroMap${c}`, COUNT, c, id)),
				]);
			}
		}

		// ---------------------------------------------------------------- loopback sends
		if (home && ONLY.has('sends')) {
			const figures = new Map<string, SendFigure>(
				sendVariants.map((v) => [
					v.key,
					{
						nodeMs: [],
						cpuMs: [],
						expressions: [],
						execMs: [],
						processMs: [],
						peakConnections: [],
						sandboxPeakConnections: [],
						peakInFlight: [],
					},
				]),
			);
			for (let r = 0; r < REPEAT; r++) {
				// Interleaved, so a noisy moment spreads over every variant instead of one.
				for (const variant of r % 2 ? [...sendVariants].reverse() : sendVariants) {
					log(`sends, loopback, run ${r + 1}/${REPEAT}: ${variant.label} @${variant.concurrency}`);
					const result = await runSend(homeOf(variant), sandbox, variant);
					const figure = figures.get(variant.key)!;
					figure.nodeMs.push(result.nodeMs);
					figure.cpuMs.push(result.cpuMs);
					figure.expressions.push(result.expressions);
					figure.execMs.push(result.execMs);
					figure.processMs.push(result.processMs);
					figure.peakConnections.push(result.peakConnections);
					figure.sandboxPeakConnections.push(result.sandboxPeakConnections);
					figure.peakInFlight.push(result.peakInFlight);
				}
			}
			noteLoad('after loopback sends');
			results.sends = Object.fromEntries(figures);
			// NaN when --variants left the reference out.
			const of = (key: string, figure: 'nodeMs' | 'cpuMs') =>
				median(figures.get(key)?.[figure] ?? [NaN]);
			const httpMs = of('http', 'nodeMs');
			const httpCpu = of('http', 'cpuMs');
			const jsonMs = of('httpJson', 'nodeMs');
			const jsonCpu = of('httpJson', 'cpuMs');
			const range = (values: number[]) =>
				`${s(median(values))} (${s(Math.min(...values))}–${s(Math.max(...values))})`;
			print(`### ${COUNT} message sends, loopback (sandbox answers at once)`);
			print();
			print(
				"Node time = the node's own `executionTime` in the run data (median, min–max). CPU = CPU time of the n8n process while the node ran " +
					"(steadier than wall time on a busy machine; all its threads). Expressions = n8n expression evaluations while the node ran, each a round trip into n8n's expression sandbox. " +
					"Exec = the execution's start → stop; process = the whole `n8n execute` process (n8n start-up included). " +
					PEAK_NOTE,
			);
			print();
			table(
				[
					'Client',
					'In flight',
					'Node time, s',
					'ms / send',
					'Ratio vs HTTP Request (3 expr.)',
					'Ratio vs HTTP Request (JSON body)',
					'CPU, ms / send',
					'CPU ratio (3 expr.)',
					'CPU ratio (JSON body)',
					'Expressions / send',
					'Exec, s',
					'Process, s',
					'Peak connections (n8n / sandbox)',
				],
				[
					...sendVariants.map((v) => {
						const f = figures.get(v.key)!;
						const node = median(f.nodeMs);
						const cpu = median(f.cpuMs);
						return [
							v.label,
							v.hero ? v.concurrency : `all (${COUNT})`,
							range(f.nodeMs),
							ms1(node / COUNT),
							(node / httpMs).toFixed(2),
							(node / jsonMs).toFixed(2),
							ms1(cpu / COUNT),
							(cpu / httpCpu).toFixed(2),
							(cpu / jsonCpu).toFixed(2),
							(median(f.expressions) / COUNT).toFixed(1),
							s(median(f.execMs)),
							s(median(f.processMs)),
							`${Math.max(...f.peakConnections)} / ${Math.max(...f.sandboxPeakConnections)}`,
						];
					}),
					...CONCURRENCIES.filter((c) => floorResults[c]).map((c) => [
						'Floor: plain Node keep-alive client',
						c,
						range(floorResults[c].ms),
						ms1(median(floorResults[c].ms) / COUNT),
						(median(floorResults[c].ms) / httpMs).toFixed(2),
						(median(floorResults[c].ms) / jsonMs).toFixed(2),
						'–',
						'–',
						'–',
						'–',
						'–',
						'–',
						`– / ${floorResults[c].peakConnections}`,
					]),
				],
			);
		}

		// ---------------------------------------------------------------- latency
		if (home && ONLY.has('latency')) {
			sandbox.faults.add({ kind: 'latency', latencyMs: LATENCY_MS, path: '^/v1/messages/send$' });
			const rows: Array<Array<string | number>> = [];
			const latency: Record<string, unknown> = {};
			for (const variant of [...sendVariants].reverse()) {
				log(`sends, ${LATENCY_MS} ms latency: ${variant.label} @${variant.concurrency}`);
				const result = await runSend(homeOf(variant), sandbox, variant);
				const turn = variant.hero ? turnaround(sandbox, variant.concurrency) : undefined;
				const ideal = (COUNT / variant.concurrency) * LATENCY_MS;
				latency[variant.key] = {
					nodeMs: result.nodeMs,
					idealMs: ideal,
					peakConnections: result.peakConnections,
					sandboxPeakConnections: result.sandboxPeakConnections,
					concurrency: variant.concurrency,
					hero: variant.hero,
				};
				rows.push([
					variant.label,
					variant.hero ? variant.concurrency : `all (${COUNT})`,
					s(ideal),
					s(result.nodeMs),
					(result.nodeMs / ideal).toFixed(2),
					ms1(result.cpuMs / COUNT),
					`${result.peakConnections} / ${result.sandboxPeakConnections}`,
					result.peakInFlight,
					turn ? `${ms1(turn.nextRequestMs)} (${ms1(turn.connectionToRequestMs)})` : '–',
				]);
			}
			for (const c of CONCURRENCIES.filter((c) => c > 1)) {
				log(`floor, ${LATENCY_MS} ms latency @${c}`);
				const result = await floor(sandbox, c);
				const turn = turnaround(sandbox, c);
				const ideal = (COUNT / c) * LATENCY_MS;
				latency[`floor${c}`] = {
					ms: result.ms,
					idealMs: ideal,
					peakConnections: result.peakConnections,
				};
				rows.push([
					'Floor: plain Node keep-alive client',
					c,
					s(ideal),
					s(result.ms),
					(result.ms / ideal).toFixed(2),
					'–',
					`– / ${result.peakConnections}`,
					result.peakInFlight,
					`${ms1(turn.nextRequestMs)} (reused)`,
				]);
			}
			sandbox.faults.clear();
			noteLoad('after latency sends');
			results.latency = latency;
			print(`### ${COUNT} message sends, ${LATENCY_MS} ms sandbox latency`);
			print();
			print(
				`Ideal = ${COUNT} / in flight × ${LATENCY_MS} ms. One run each. ${PEAK_NOTE} ` +
					"Answer → next request: on the sandbox's clock, from an answer to the arrival of the request that took its place (median); in brackets, from accepting that request's connection to its arrival.",
			);
			print();
			table(
				[
					'Client',
					'In flight',
					'Ideal, s',
					'Node time, s',
					'Measured / ideal',
					'CPU, ms / send',
					'Peak connections (n8n / sandbox)',
					'Peak requests in flight',
					'Answer → next request, ms (connection → request)',
				],
				rows,
			);
		}

		// ---------------------------------------------------------------- paging
		if (home && ONLY.has('paging')) {
			print(`### Slot → Get Many, Return All over ${SLOTS} slots`);
			print();
			if (!slots?.available) {
				print(`Not measured: ${slots?.reason ?? 'no Slot resource'}.`);
				print();
			} else {
				type PagingRun = { ms: number; cpuMs: number; pages: number; items: number; rss: number };
				const hero: PagingRun[] = [];
				const http: PagingRun[] = [];
				await slots.generate(sandbox, SLOTS);
				const checkPages = (who: string, items: number, expected: number) => {
					const requested = sandbox.received('GET', slots.path);
					const distinct = new Set(
						requested.map((r) => String(r.query.page_index ?? INFERRED.firstPageIndex)),
					);
					if (distinct.size !== requested.length)
						throw new Error(`${who} asked for the same page twice: ${[...distinct].join(',')}`);
					if (items !== expected)
						throw new Error(`${who} returned ${items} slots, expected ${expected}`);
					return requested.length;
				};
				const runHero = async (memory = false, expected = SLOTS) => {
					resetStats(sandbox);
					const h = await execute(
						home!,
						'benchHeroSlots',
						memory ? ['--expose-gc'] : [],
						memory ? { HERO_BENCH_MEMORY: '1' } : {},
					);
					const node = nodeRun(h, BENCH_NODE);
					return { h, node, pages: checkPages('Hero', node.items.length, expected) };
				};
				const runLoop = async (memory = false) => {
					resetStats(sandbox);
					const p = await execute(
						home!,
						'benchHttpSlots',
						memory ? ['--expose-gc'] : [],
						memory ? { HERO_BENCH_MEMORY: '1' } : {},
					);
					const page = nodeRun(p, BENCH_NODE);
					const split = nodeRun(p, SPLIT_NODE);
					return {
						p,
						page,
						split,
						pages: checkPages('the paging loop', split.items.length, SLOTS),
					};
				};
				for (let r = 0; r < REPEAT; r++) {
					log(`paging, run ${r + 1}/${REPEAT}`);
					const { h, node, pages } = await runHero();
					hero.push({
						ms: node.ms,
						cpuMs: node.cpuMs,
						pages,
						items: node.items.length,
						rss: h.peakRssBytes,
					});
					const { p, page, split, pages: loopPages } = await runLoop();
					http.push({
						ms: page.ms + split.ms,
						cpuMs: page.cpuMs + split.cpuMs,
						pages: loopPages,
						items: split.items.length,
						rss: p.peakRssBytes,
					});
				}
				// Memory: separate runs with collections around each node (they would distort the times above).
				log('paging: heap runs (--expose-gc)');
				const heroHeap = (await runHero(true)).h.cpu[BENCH_NODE];
				const loopRun = (await runLoop(true)).p.cpu;
				const loopHeap = {
					retained:
						(loopRun[BENCH_NODE].heapRetainedBytes ?? NaN) +
						(loopRun[SPLIT_NODE].heapRetainedBytes ?? NaN),
					peak: Math.max(
						loopRun[BENCH_NODE].heapPeakBytes ?? NaN,
						(loopRun[BENCH_NODE].heapRetainedBytes ?? NaN) +
							(loopRun[SPLIT_NODE].heapPeakBytes ?? NaN),
					),
				};
				const smaller = Math.round(SLOTS / 10);
				await slots.generate(sandbox, smaller);
				log(`paging: Hero Return All over ${smaller} slots`);
				const small = await runHero(true, smaller);
				const smallHeap = small.h.cpu[BENCH_NODE];
				await slots.generate(sandbox, SLOTS);
				noteLoad('after paging');
				results.paging = {
					hero,
					http,
					heap: { hero: heroHeap, loop: loopHeap, heroSmall: smallHeap },
				};
				const m = (list: PagingRun[], pick: (x: PagingRun) => number) => median(list.map(pick));
				const heroMs = m(hero, (x) => x.ms);
				const heroCpu = m(hero, (x) => x.cpuMs);
				const loopMs = m(http, (x) => x.ms);
				const loopCpu = m(http, (x) => x.cpuMs);
				const perRecord = (bytes: number | undefined, records: number) =>
					`${mb(bytes ?? NaN)} (${((bytes ?? NaN) / records).toFixed(0)} B / slot)`;
				table(
					[
						'Client',
						'Node time, s',
						'Ratio vs paging loop',
						'CPU, s',
						'CPU ratio',
						'Pages requested',
						'Items out',
						'Peak RSS of n8n, MB',
						'Heap kept after the node, MB',
						'Heap peak during the node, MB',
					],
					[
						[
							'Hero Health node, Return All',
							s(heroMs),
							(heroMs / loopMs).toFixed(2),
							s(heroCpu),
							(heroCpu / loopCpu).toFixed(2),
							hero[0].pages,
							SLOTS,
							mb(m(hero, (x) => x.rss)),
							perRecord(heroHeap.heapRetainedBytes, SLOTS),
							mb(heroHeap.heapPeakBytes ?? NaN),
						],
						[
							'HTTP Request pagination + Split Out (the paging loop)',
							s(loopMs),
							'1.00',
							s(loopCpu),
							'1.00',
							http[0].pages,
							SLOTS,
							mb(m(http, (x) => x.rss)),
							perRecord(loopHeap.retained, SLOTS),
							mb(loopHeap.peak),
						],
						[
							`Hero Health node, Return All over ${smaller} slots`,
							s(small.node.ms),
							'–',
							s(small.node.cpuMs),
							'–',
							small.pages,
							smaller,
							mb(small.h.peakRssBytes),
							perRecord(smallHeap.heapRetainedBytes, smaller),
							mb(smallHeap.heapPeakBytes ?? NaN),
						],
					],
				);
				print(
					`Page size ${INFERRED.pageSize} (the node's largest page, \`transport/inferred.ts\`); both stop at a short page or once \`count\` slots were read. Times, CPU and peak RSS (the n8n process's VmHWM): median of ${REPEAT} run(s). Heap: one more run of each with a garbage collection before and after the node (\`--expose-gc\`), so it counts what the node's output keeps, not garbage; the paging loop's figure adds its two nodes. The smaller run is one run.`,
				);
				print();
			}
		}

		// ---------------------------------------------------------------- profile
		if (home && PROFILE) {
			const kept = flags.get('profile-dir');
			const dir = kept ?? mkdtempSync(join(tmpdir(), 'hero-prof-'));
			try {
				print(
					'### Where the time goes: CPU profile of the send node (`node --cpu-prof`, main thread of the n8n process)',
				);
				print();
				for (const variant of sendVariants.filter((v) =>
					[
						'http',
						'httpJson',
						`hero${DEFAULT_REQUESTS_IN_FLIGHT}`,
						`heroMap${DEFAULT_REQUESTS_IN_FLIGHT}`,
					].includes(v.key),
				)) {
					log(`profile: ${variant.label}`);
					const result = await runSend(home, sandbox, variant, [
						'--cpu-prof',
						`--cpu-prof-dir=${dir}`,
					]);
					const file = readdirSync(dir).find((f) => f.includes(`.${result.pid}.`));
					if (!file) throw new Error('no profile written');
					const summary = summariseProfile(join(dir, file), result.cpu[BENCH_NODE]);
					if (!kept) rmSync(join(dir, file));
					print(
						`**${variant.label} @${variant.concurrency}**: samples taken while the node ran (${s(summary.totalMs)} s under the profiler); on-CPU time with this package's code on the stack: ${ms1(summary.heroInclusiveMs)} ms.`,
					);
					print();
					table(
						['What', 'Self time, ms'],
						summary.areas.slice(0, 12).map((a) => [a.area, ms1(a.ms)]),
					);
					table(
						['What', 'Area', 'Self time, ms'],
						summary.functions.slice(0, 15).map((f) => [`\`${f.name}\``, f.area, ms1(f.ms)]),
					);
				}
			} finally {
				if (!kept) rmSync(dir, { recursive: true, force: true });
			}
		}
	} finally {
		await sandbox.close();
		await cleanupAll();
	}

	// -------------------------------------------------------------------- targets
	noteLoad('end');
	const sends = results.sends as Record<string, SendFigure> | undefined;
	const latency = results.latency as
		| Record<
				string,
				{
					nodeMs: number;
					idealMs: number;
					peakConnections: number;
					concurrency?: number;
					hero?: boolean;
				}
		  >
		| undefined;
	const paging = results.paging as
		| { hero: Array<{ ms: number }>; http: Array<{ ms: number }> }
		| undefined;
	const footprint = results.footprint as
		| { pack: { size: number }; require: Array<{ file: string; medianMs: number }> }
		| undefined;
	const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
	const targets: string[][] = [];
	const D = DEFAULT_REQUESTS_IN_FLIGHT;
	if (sends) {
		const node = (key: string) => median(sends[key]?.nodeMs ?? [NaN]);
		const cpu = (key: string) => median(sends[key]?.cpuMs ?? [NaN]);
		const ratio = (value: number) => value.toFixed(2);
		if (sends[`heroMap${D}`]) {
			const time = node(`heroMap${D}`) / node('httpJson');
			targets.push([
				`Map Automatically at the default (${D} in flight), loopback: node time / HTTP Request node (JSON body) <= 0.6`,
				`${ratio(time)} (vs 3 expr.: ${ratio(node(`heroMap${D}`) / node('http'))})`,
				verdict(time <= 0.6),
			]);
			const perSend = cpu(`heroMap${D}`) / cpu('httpJson');
			targets.push([
				`Map Automatically: CPU per send / HTTP Request node (JSON body) <= 0.5`,
				`${ratio(perSend)} (${ms1(cpu(`heroMap${D}`) / COUNT)} vs ${ms1(cpu('httpJson') / COUNT)} ms; vs 3 expr.: ${ratio(cpu(`heroMap${D}`) / cpu('http'))})`,
				verdict(perSend <= 0.5),
			]);
		}
		for (const [byNhs, byId, mode] of [
			[`heroNhs${D}`, `hero${D}`, 'fields by expression'],
			[`heroNhsMap${D}`, `heroMap${D}`, 'Map Automatically'],
		]) {
			if (!sends[byNhs] || !sends[byId]) continue;
			const time = node(byNhs) / node(byId);
			targets.push([
				`Sends by NHS number and date of birth at the default (${D} in flight), ${mode}, loopback: node time / by Hero ID <= 1.5`,
				`${ratio(time)}× (CPU per item ${ratio(cpu(byNhs) / cpu(byId))}×; ${COUNT} searches and ${COUNT} sends)`,
				verdict(time <= 1.5),
			]);
		}
		const field = node(`hero${D}`) / node('http');
		targets.push([
			`Fields by expression (today's workflow) at the default: node time / HTTP Request node (3 expr.) <= 1.0`,
			`${ratio(field)} (vs JSON body: ${ratio(node(`hero${D}`) / node('httpJson'))})`,
			verdict(field <= 1),
		]);
	}
	if (latency?.[`heroMap10`]) {
		const ratio = latency.heroMap10.nodeMs / latency.heroMap10.idealMs;
		targets.push([
			`${LATENCY_MS} ms latency, 10 in flight, Map Automatically: <= 1.3× the ideal`,
			`${ratio.toFixed(2)}×`,
			verdict(ratio <= 1.3),
		]);
	}
	if (latency?.hero10) {
		const ratio = latency.hero10.nodeMs / latency.hero10.idealMs;
		targets.push([
			`${LATENCY_MS} ms latency, 10 in flight, fields by expression: within 1.2× of ideal (earlier target)`,
			`${ratio.toFixed(2)}×`,
			verdict(ratio <= 1.2),
		]);
	}
	if (sends || latency) {
		// Every Hero run, loopback and latency: the most connections n8n held open at once against the run's Requests in Flight.
		const over: string[] = [];
		let worst = 0;
		for (const [key, figure] of Object.entries(sends ?? {})) {
			const c = Number(/\d+$/.exec(key)?.[0]);
			if (!key.startsWith('hero') || !c) continue;
			const peak = Math.max(...figure.peakConnections);
			worst = Math.max(worst, peak / c);
			if (peak > c) over.push(`${key} loopback: ${peak} > ${c}`);
		}
		for (const [key, figure] of Object.entries(latency ?? {})) {
			if (!figure.hero || !figure.concurrency) continue;
			worst = Math.max(worst, figure.peakConnections / figure.concurrency);
			if (figure.peakConnections > figure.concurrency)
				over.push(`${key} latency: ${figure.peakConnections} > ${figure.concurrency}`);
		}
		targets.push([
			'Peak open connections never more than Requests in Flight (every Hero run)',
			over.length ? over.join('; ') : `highest peak / in flight: ${worst.toFixed(2)}`,
			verdict(over.length === 0),
		]);
	}
	if (paging) {
		const ratio = median(paging.hero.map((x) => x.ms)) / median(paging.http.map((x) => x.ms));
		targets.push([
			'Return All <= 1.1× the paging loop',
			`${ratio.toFixed(2)}×`,
			verdict(ratio <= 1.1),
		]);
	}
	if (footprint) {
		targets.push([
			'Tarball <= 150 kB',
			`${(footprint.pack.size / 1024).toFixed(1)} kB`,
			verdict(footprint.pack.size <= 150 * 1024),
		]);
		for (const t of footprint.require)
			targets.push([
				`Cold require <= 50 ms (median of 7): ${t.file.split('/').pop()}`,
				`${ms1(t.medianMs)} ms`,
				verdict(t.medianMs <= 50),
			]);
	}
	if (targets.length) {
		print('### Targets');
		print();
		table(['Target', 'Measured', 'Verdict'], targets);
	}
	print(
		`Machine load (1 / 5 / 15 min averages; ${cpus().length} cores): ${loads.map((l) => `${l.at} ${l.load.join(' / ')}`).join('; ')}. Total bench time ${s(Date.now() - started)} s.`,
	);

	// With HERO_EVIDENCE_DIR (`npm run evidence`) and no --json, the figures go to the evidence folder.
	const jsonFile =
		flags.get('json') ??
		(process.env.HERO_EVIDENCE_DIR ? join(process.env.HERO_EVIDENCE_DIR, 'bench.json') : undefined);
	if (jsonFile) {
		const run = {
			args: process.argv.slice(2),
			repeat: REPEAT,
			count: COUNT,
			node: process.version,
			n8n: n8n?.version,
			seconds: Math.round((Date.now() - started) / 1000),
		};
		const targetRows = targets.map(([target, measured, verdict]) => ({
			target,
			measured,
			met: verdict === 'met',
		}));
		writeFileSync(
			jsonFile,
			JSON.stringify({ run, targets: targetRows, results, loads, output: out.join('\n') }, null, 2),
		);
	}
}

main().catch(async (error) => {
	process.stderr.write(`[bench] failed: ${error?.stack ?? error}\n`);
	await cleanupAll().catch(() => undefined);
	process.exit(1);
});
