/**
 * Preloaded into the benchmark's `n8n execute` processes (`node --require cpu-hook.js`). For each
 * node it records the CPU time of the n8n process while the node ran (`process.cpuUsage()` around
 * n8n-core's `WorkflowExecute.runNode`; far steadier than wall time on a busy machine), its wall
 * time and window, and how many expressions n8n evaluated meanwhile (`Expression.renderExpression`,
 * each one a round trip into n8n's expression sandbox). Writes
 * `{ [nodeName]: { cpuMs, wallMs, startUs, endUs, expressions } }` to $HERO_BENCH_CPU_FILE at exit.
 * It also counts the TCP connections the process opened while each node ran (Node's
 * `net.client.socket` channel): `connections`, and `peakConnections`, the most held open at once,
 * each counted from its creation in `net.connect()` until its 'close'.
 * Changes nothing else: the nodes run exactly as without the hook.
 *
 * With HERO_BENCH_MEMORY=1 and `node --expose-gc` (separate runs: the collections take time inside
 * the node's measured window) it also records, per node, the heap above a collected start that the
 * node reached at most (`heapPeakBytes`, sampled every 5 ms) and still held once collected again
 * after it ran (`heapRetainedBytes`: its output, which n8n keeps).
 */
import { subscribe } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import Module from 'node:module';

interface Totals {
	cpuMs: number;
	wallMs: number;
	/** Monotonic clock (µs, the clock of V8's CPU profiles) when the node's first run started and its last run ended. */
	startUs: number;
	endUs: number;
	expressions: number;
	connections: number;
	peakConnections: number;
	heapPeakBytes?: number;
	heapRetainedBytes?: number;
}

type AnyFunction = (this: unknown, ...args: any[]) => any;
interface Patchable {
	prototype: Record<string, unknown>;
}

const file = process.env.HERO_BENCH_CPU_FILE;
const gc =
	process.env.HERO_BENCH_MEMORY === '1' ? (globalThis as { gc?: () => void }).gc : undefined;
const totals: Record<string, Totals> = {};
const loader = Module as unknown as { _load: AnyFunction };
const originalLoad = loader._load;
let running: Totals | undefined;
let patchedRunNode = false;
let patchedExpression = false;

function patchRunNode(workflowExecute: Patchable): void {
	const runNode = workflowExecute.prototype.runNode as AnyFunction;
	workflowExecute.prototype.runNode = async function (
		this: unknown,
		workflow: unknown,
		executionData: { node: { name: string } },
		...rest: unknown[]
	) {
		let heapBase = 0;
		let heapPeak = 0;
		let sampler: NodeJS.Timeout | undefined;
		if (gc) {
			gc();
			heapBase = heapPeak = process.memoryUsage().heapUsed;
			sampler = setInterval(
				() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)),
				5,
			);
		}
		const cpu = process.cpuUsage();
		const wall = process.hrtime.bigint();
		const entry = (totals[executionData.node.name] ??= {
			cpuMs: 0,
			wallMs: 0,
			startUs: Number(wall / 1000n),
			endUs: 0,
			expressions: 0,
			connections: 0,
			peakConnections: 0,
		});
		running = entry;
		try {
			return await runNode.call(this, workflow, executionData, ...rest);
		} finally {
			const used = process.cpuUsage(cpu);
			const end = process.hrtime.bigint();
			entry.cpuMs += (used.user + used.system) / 1000;
			entry.wallMs += Number(end - wall) / 1e6;
			entry.endUs = Number(end / 1000n);
			running = undefined;
			if (gc) {
				clearInterval(sampler);
				heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
				gc();
				entry.heapPeakBytes = heapPeak - heapBase;
				entry.heapRetainedBytes = process.memoryUsage().heapUsed - heapBase;
			}
		}
	};
	patchedRunNode = true;
}

function patchExpression(expression: Patchable): void {
	const render = expression.prototype.renderExpression as AnyFunction;
	expression.prototype.renderExpression = function (this: unknown, ...args: unknown[]) {
		if (running) running.expressions++;
		return render.apply(this, args);
	};
	patchedExpression = true;
}

let openConnections = 0;

function countConnection(message: unknown): void {
	const entry = running;
	if (!entry) return;
	entry.connections++;
	entry.peakConnections = Math.max(entry.peakConnections, ++openConnections);
	(message as { socket: { once(event: 'close', listener: () => void): unknown } }).socket.once(
		'close',
		() => openConnections--,
	);
}

if (file) {
	subscribe('net.client.socket', countConnection);
	loader._load = function (this: unknown, ...args: unknown[]) {
		const exported = originalLoad.apply(this, args) as
			| Record<string, Patchable | undefined>
			| undefined;
		const workflowExecute = exported?.WorkflowExecute;
		if (!patchedRunNode && typeof workflowExecute?.prototype?.runNode === 'function')
			patchRunNode(workflowExecute);
		const expression = exported?.Expression;
		if (!patchedExpression && typeof expression?.prototype?.renderExpression === 'function')
			patchExpression(expression);
		if (patchedRunNode && patchedExpression) loader._load = originalLoad;
		return exported;
	};
	process.on('exit', () => writeFileSync(file, JSON.stringify(totals)));
}
