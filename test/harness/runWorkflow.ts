/**
 * Runs a whole workflow JSON (e.g. an example of test/n8n/examples/) in n8n-core's WorkflowExecute
 * against the sandbox, as runNode.ts does for one Hero Health node. The Hero Health nodes are the
 * real ones; n8n's own nodes that the examples use are small stand-ins (n8n-nodes-base is not a
 * dependency): each does only what the examples ask of it and refuses anything else, so a stand-in
 * never hides a step it does not model.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type IConnections,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
} from 'n8n-workflow';

import type { WorkflowJson } from '../n8n/harness/workflows';
import type { Sandbox } from '../sandbox/server';
import {
	manualRunAdditionalData,
	nodeTypes as heroNodeTypes,
	SandboxCredentials,
	sandboxCredentialData,
} from './engine';

const standIn = (
	name: string,
	properties: INodeType['description']['properties'],
	execute: INodeType['execute'],
	inputs: string[] = ['main'],
): INodeType =>
	({
		description: {
			displayName: name,
			name,
			group: ['transform'],
			version: [1, 2, 3],
			description: 'stand-in',
			defaults: { name },
			inputs,
			outputs: ['main'],
			properties,
		},
		execute,
	}) as unknown as INodeType;

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
	...args: string[]
) => (...values: unknown[]) => Promise<unknown>;

/** n8n's Code node, "Run Once for All Items": the code's `return` value becomes the items. */
const code = standIn(
	'code',
	[{ displayName: 'JS', name: 'jsCode', type: 'string', default: '' }],
	async function (this: IExecuteFunctions) {
		const input = this.getInputData();
		const result = (await new AsyncFunction('$input', this.getNodeParameter('jsCode', 0) as string)(
			{ all: () => input, first: () => input[0] },
		)) as IDataObject[];
		return [
			result.map((item) =>
				'json' in item ? (item as unknown as INodeExecutionData) : { json: item },
			),
		];
	},
);

/** n8n's IF v2 with "is true" boolean conditions joined by AND (what the examples use). */
const ifNode = standIn(
	'if',
	[{ displayName: 'Conditions', name: 'conditions', type: 'json', default: {} }],
	async function (this: IExecuteFunctions) {
		const { conditions, combinator } = this.getNode().parameters.conditions as {
			conditions: Array<{ leftValue: string; operator: { type: string; operation: string } }>;
			combinator: string;
		};
		if (
			combinator !== 'and' ||
			conditions.some((c) => c.operator.type !== 'boolean' || c.operator.operation !== 'true')
		)
			throw new Error('IF stand-in: only "is true" conditions joined by AND');
		// evaluateExpression adds the leading "=" itself.
		const [yes, no]: INodeExecutionData[][] = [[], []];
		this.getInputData().forEach((item, i) =>
			(conditions.every((c) => this.evaluateExpression(c.leftValue.replace(/^=/, ''), i) === true)
				? yes
				: no
			).push(item),
		);
		return [yes, no];
	},
);

/** n8n's Wait: the time waited is not what these tests check, so the items go straight on. */
const wait = standIn('wait', [], async function (this: IExecuteFunctions) {
	return [this.getInputData()];
});

const start = standIn('manualTrigger', [], async () => [[{ json: {} }]], []);
const notInProcess = (name: string) =>
	standIn(name, [], async () => {
		throw new Error(`${name} does not run in process (test/e2e runs it in a real n8n)`);
	});

const standIns: Record<string, INodeType> = {
	manualTrigger: start,
	code,
	if: ifNode,
	wait,
	stickyNote: standIn(
		'stickyNote',
		[{ displayName: 'Content', name: 'content', type: 'string', default: '' }],
		async () => [[]],
	),
	agent: notInProcess('agent'),
	lmChatOpenAi: notInProcess('lmChatOpenAi'),
	heroHealthTool: notInProcess('heroHealthTool'),
};

const nodeTypes: INodeTypes = {
	getByName: (type: string) => standIns[type.split('.').pop()!] ?? heroNodeTypes.getByName(type),
	getByNameAndVersion: (type: string, version?: number) =>
		standIns[type.split('.').pop()!] ?? heroNodeTypes.getByNameAndVersion(type, version),
	getKnownTypes: () => ({}),
};

export type WorkflowToRun = Pick<WorkflowJson, 'nodes' | 'connections' | 'settings'>;

export interface WorkflowRunResult {
	/** Each node's first run: its output items (first output) and error. */
	ran: Record<
		string,
		{ items: IDataObject[]; outputs: IDataObject[][]; error?: Error & { description?: string } }
	>;
	/** The execution's error, when it stopped on one. */
	error?: Error & { description?: string };
	run: IRun;
}

/**
 * Runs `workflow` from `startNode` (default: its manual trigger) with the sandbox credential. To
 * start from a trigger's item, replace the trigger node by an Items node (`test.items`) of that name.
 */
export async function runWorkflow(
	sandbox: Sandbox,
	workflow: WorkflowToRun,
	options: { timezone?: string; startNode?: string } = {},
): Promise<WorkflowRunResult> {
	const nodes = workflow.nodes.map((node) => ({ ...node }) as unknown as INode);
	const startName =
		options.startNode ?? nodes.find((node) => node.type.endsWith('.manualTrigger'))?.name;
	if (!startName) throw new Error('runWorkflow: no start node');
	const wf = new Workflow({
		id: 'wf-example',
		name: 'example',
		nodes,
		connections: workflow.connections as IConnections,
		active: false,
		nodeTypes,
		settings: {
			...(workflow.settings ?? {}),
			timezone: options.timezone ?? 'Europe/London',
		} as IDataObject,
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', {
		id: 'wf-example',
		name: 'example',
		nodes,
		connections: {},
		active: false,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
	} as never);
	const additionalData = manualRunAdditionalData(
		new SandboxCredentials(sandboxCredentialData(sandbox)),
		hooks,
	);
	const run = await new WorkflowExecute(additionalData, 'manual').run(wf, wf.getNode(startName)!);
	const ran: WorkflowRunResult['ran'] = {};
	for (const [name, tasks] of Object.entries(run.data.resultData.runData)) {
		const outputs = (tasks[0]?.data?.main ?? []).map((items) =>
			(items ?? []).map((item) => item.json),
		);
		ran[name] = {
			items: outputs[0] ?? [],
			outputs,
			error: tasks[0]?.error as WorkflowRunResult['error'],
		};
	}
	return { ran, error: run.data.resultData.error as WorkflowRunResult['error'], run };
}
