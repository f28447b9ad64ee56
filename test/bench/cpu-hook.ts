/**
 * Preloaded into the benchmark's `n8n execute` processes (`node --require cpu-hook.js`): measures
 * the CPU time the n8n process spends while each node runs (`process.cpuUsage()` around n8n-core's
 * `WorkflowExecute.runNode`), and writes `{ [nodeName]: { cpuMs, wallMs } }` to
 * $HERO_BENCH_CPU_FILE at exit. CPU time is far less disturbed than wall time by other work on a
 * busy machine. Changes nothing else: the node runs exactly as without the hook.
 */
import { writeFileSync } from 'node:fs';
import Module from 'node:module';

interface Totals {
	cpuMs: number;
	wallMs: number;
}

type RunNode = (this: unknown, workflow: unknown, executionData: { node: { name: string } }, ...rest: unknown[]) => Promise<unknown>;

const file = process.env.HERO_BENCH_CPU_FILE;
const totals: Record<string, Totals> = {};
const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
const originalLoad = loader._load;

function patch(workflowExecute: { prototype: { runNode: RunNode } }): void {
	const runNode = workflowExecute.prototype.runNode;
	workflowExecute.prototype.runNode = async function (this: unknown, workflow, executionData, ...rest) {
		const cpu = process.cpuUsage();
		const wall = process.hrtime.bigint();
		try {
			return await runNode.call(this, workflow, executionData, ...rest);
		} finally {
			const used = process.cpuUsage(cpu);
			const entry = (totals[executionData.node.name] ??= { cpuMs: 0, wallMs: 0 });
			entry.cpuMs += (used.user + used.system) / 1000;
			entry.wallMs += Number(process.hrtime.bigint() - wall) / 1e6;
		}
	};
}

if (file) {
	loader._load = function (this: unknown, ...args: [string, unknown, boolean]) {
		const exported = originalLoad.apply(this, args) as { WorkflowExecute?: { prototype: { runNode?: RunNode } } } | undefined;
		const candidate = exported?.WorkflowExecute;
		if (candidate && typeof candidate.prototype?.runNode === 'function') {
			patch(candidate as { prototype: { runNode: RunNode } });
			loader._load = originalLoad;
		}
		return exported;
	};
	process.on('exit', () => writeFileSync(file, JSON.stringify(totals)));
}
