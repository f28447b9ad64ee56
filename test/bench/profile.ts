/**
 * Reads a V8 `.cpuprofile` (written by `node --cpu-prof`) and sums self time by code area and by
 * function, to see where an n8n execution spends its time per item.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

export interface ProfileSummary {
	totalMs: number;
	areas: Array<{ area: string; ms: number }>;
	functions: Array<{ name: string; area: string; ms: number }>;
	/** Inclusive time of our package's code (node, transport), callees included. */
	heroInclusiveMs: number;
}

/** Buckets a script URL into a readable area (our package, n8n-core, axios, Node internals...). */
export const OURS = 'n8n-nodes-hero-health (ours)';

export function areaOf(url: string): string {
	if (!url) return '(native / GC / idle)';
	// Installed as a community package: .n8n/nodes/node_modules/n8n-nodes-hero-health/dist/...
	if (/node_modules\/n8n-nodes-hero-health\/dist\//.test(url)) return OURS;
	if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
	const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url);
	return match ? match[1] : url.replace(/^file:\/\//, '');
}

/** Self time by area and function; with `window` (µs, V8's clock), only the samples taken inside it. */
export function summariseProfile(
	file: string,
	window?: { startUs: number; endUs: number },
	topFunctions = 25,
): ProfileSummary {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);

	const self = new Map<number, number>();
	let at = profile.startTime;
	profile.samples.forEach((nodeId, index) => {
		const delta = profile.timeDeltas[index] ?? 0;
		at += delta;
		if (window && (at < window.startUs || at > window.endUs)) return;
		self.set(nodeId, (self.get(nodeId) ?? 0) + delta / 1000);
	});

	const areas = new Map<string, number>();
	const functions = new Map<string, { name: string; area: string; ms: number }>();
	let heroInclusiveMs = 0;
	for (const [nodeId, ms] of self) {
		const node = byId.get(nodeId)!;
		const { functionName, url, lineNumber } = node.callFrame;
		const area = functionName === '(idle)' ? '(idle)' : areaOf(url);
		areas.set(area, (areas.get(area) ?? 0) + ms);
		const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
		const entry = functions.get(key) ?? { name: key, area, ms: 0 };
		entry.ms += ms;
		functions.set(key, entry);
		// Inclusive time of our code: any sample with one of our frames on its stack.
		for (let frame: number | undefined = nodeId; frame !== undefined; frame = parent.get(frame)) {
			if (areaOf(byId.get(frame)!.callFrame.url) === OURS) {
				heroInclusiveMs += ms;
				break;
			}
		}
	}
	return {
		totalMs: window
			? (window.endUs - window.startUs) / 1000
			: (profile.endTime - profile.startTime) / 1000,
		areas: [...areas].map(([area, ms]) => ({ area, ms })).sort((a, b) => b.ms - a.ms),
		functions: [...functions.values()]
			.filter((f) => f.area !== '(idle)')
			.sort((a, b) => b.ms - a.ms)
			.slice(0, topFunctions),
		heroInclusiveMs,
	};
}
