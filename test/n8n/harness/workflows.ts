/**
 * Workflows for the n8n harness: importing credentials and workflows into a home with n8n's CLI
 * (`n8n import:*`, offline activation), an e2e suite's usual set-up (`createSandboxHome`), and the
 * workflow JSON builders (Hero Health node, Code node with items, Manual Trigger, linear workflows).
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import {
	DEFAULT_CREDENTIAL,
	HERO_CREDENTIAL_TYPE,
	HERO_NODE_TYPE,
	NODE_NAMES,
	type N8nLine,
} from './constants';
import { createN8nHome, ensureN8n, type N8nHome, type N8nInstall } from './home';
import { CommandError, runN8n } from './process';

// ---------------------------------------------------------------------------------------------
// Importing credentials and workflows (`n8n import:*`)

async function importFile(
	home: N8nHome,
	kind: 'credentials' | 'workflow',
	data: unknown,
): Promise<void> {
	const file = join(home.folder, `.import-${kind}-${randomBytes(6).toString('hex')}.json`);
	await writeFile(file, JSON.stringify(data), { mode: 0o600 });
	try {
		const result = await runN8n(home, [`import:${kind}`, `--input=${file}`]);
		if (result.exitCode !== 0) {
			throw new CommandError(`n8n import:${kind} failed`, result);
		}
	} finally {
		// The credential file holds the API key in clear.
		await rm(file, { force: true });
	}
}

export interface SandboxCredential {
	id?: string;
	name?: string;
	sandboxUrl: string;
	apiKey: string;
	practiceGroupId: string;
}

/**
 * Imports a Hero Health credential (environment "custom", base URL = the sandbox) with
 * `n8n import:credentials` (n8n encrypts it). Importing the same id again replaces it.
 * Returns the `{ id, name }` to reference from workflows.
 */
export async function importCredential(
	home: N8nHome,
	credential: SandboxCredential,
): Promise<{ id: string; name: string }> {
	const id = credential.id ?? DEFAULT_CREDENTIAL.id;
	const name = credential.name ?? DEFAULT_CREDENTIAL.name;
	await importFile(home, 'credentials', [
		{
			id,
			name,
			type: HERO_CREDENTIAL_TYPE,
			data: {
				apiKey: credential.apiKey,
				practiceGroupId: credential.practiceGroupId,
				environment: 'custom',
				baseUrl: credential.sandboxUrl,
			},
		},
	]);
	return { id, name };
}

/**
 * An e2e suite's usual set-up against a running sandbox: the n8n install (`ensureN8n(line)`), a
 * fresh home with the packed package, and the sandbox's credential imported (default id and name).
 */
export async function createSandboxHome(
	sandbox: { url: string; apiKey: string; practiceGroupId: string },
	line: N8nLine = 1,
): Promise<{ n8n: N8nInstall; home: N8nHome; credentialId: string }> {
	const n8n = await ensureN8n(line);
	const home = await createN8nHome({ n8n });
	const { id: credentialId } = await importCredential(home, {
		sandboxUrl: sandbox.url,
		apiKey: sandbox.apiKey,
		practiceGroupId: sandbox.practiceGroupId,
	});
	return { n8n, home, credentialId };
}

/** Imports one workflow or several (`n8n import:workflow`; keeps their ids; stored inactive). */
export async function importWorkflow(
	home: N8nHome,
	workflow: WorkflowJson | WorkflowJson[],
): Promise<void> {
	const list = (Array.isArray(workflow) ? workflow : [workflow]).map((w) => ({
		active: false,
		settings: { executionOrder: 'v1' },
		...w,
	}));
	await importFile(home, 'workflow', list);
}

/**
 * Marks a workflow active while n8n is stopped (1.x `update:workflow --active=true`,
 * 2.x `publish:workflow`); it is activated when `n8n start` runs. With a running n8n use
 * `server.activateWorkflow` instead.
 */
export async function activateWorkflowOffline(home: N8nHome, workflowId: string): Promise<void> {
	const args =
		home.n8n.line === 1
			? ['update:workflow', `--id=${workflowId}`, '--active=true']
			: ['publish:workflow', `--id=${workflowId}`];
	const result = await runN8n(home, args);
	if (result.exitCode !== 0) throw new CommandError('activating the workflow failed', result);
}
// ---------------------------------------------------------------------------------------------
// Workflow JSON builders

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	/** 'continueRegularOutput' = the node's "On Error: Continue" setting. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
	alwaysOutputData?: boolean;
	disabled?: boolean;
	[key: string]: unknown;
}

export interface WorkflowJson {
	id: string;
	name: string;
	active?: boolean;
	nodes: WorkflowNode[];
	connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: 'main'; index: number }>> }
	>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface HeroNodeOptions {
	credentialId: string;
	credentialName?: string;
	/** Node name (default "Hero Health"). */
	name?: string;
	/** Node settings beside the parameters, e.g. `{ onError: 'continueRegularOutput' }`. */
	settings?: Partial<WorkflowNode>;
}

/** A Hero Health node with the given parameters and credential. */
export function heroNode(
	parameters: Record<string, unknown>,
	options: HeroNodeOptions,
): WorkflowNode {
	return {
		id: `hero-${randomBytes(4).toString('hex')}`,
		name: options.name ?? NODE_NAMES.hero,
		type: HERO_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: {
			[HERO_CREDENTIAL_TYPE]: {
				id: options.credentialId,
				name: options.credentialName ?? DEFAULT_CREDENTIAL.name,
			},
		},
		...options.settings,
	};
}

/** A Code node that emits the given items (their `json`), whatever its input. */
export function itemsNode(
	items: Array<Record<string, unknown>>,
	name: string = NODE_NAMES.items,
): WorkflowNode {
	return {
		id: `items-${randomBytes(4).toString('hex')}`,
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [0, 0],
		parameters: {
			jsCode: `return ${JSON.stringify(
				items.map((json) => ({ json })),
				null,
				2,
			)};`,
		},
	};
}

export function manualTriggerNode(name: string = NODE_NAMES.trigger): WorkflowNode {
	return {
		id: `trigger-${randomBytes(4).toString('hex')}`,
		name,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}

/** Nodes connected one after another (main output 0 → main input 0), laid out left to right. */
export function linearWorkflow(id: string, name: string, nodes: WorkflowNode[]): WorkflowJson {
	const connections: WorkflowJson['connections'] = {};
	nodes.forEach((node, index) => {
		node.position = [index * 240, 300];
		const next = nodes[index + 1];
		if (next) connections[node.name] = { main: [[{ node: next.name, type: 'main', index: 0 }]] };
	});
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' } };
}

export interface ManualWorkflowOptions extends HeroNodeOptions {
	/** When given, a Code node ("Input Items") between the trigger and the Hero node emits these items. */
	items?: Array<Record<string, unknown>>;
}

/** Manual Trigger → (optional Code node with `items`) → Hero Health node. */
export function manualWorkflow(
	id: string,
	name: string,
	heroNodeParameters: Record<string, unknown>,
	options: ManualWorkflowOptions,
): WorkflowJson {
	const nodes = [manualTriggerNode()];
	if (options.items) nodes.push(itemsNode(options.items));
	nodes.push(heroNode(heroNodeParameters, options));
	return linearWorkflow(id, name, nodes);
}
