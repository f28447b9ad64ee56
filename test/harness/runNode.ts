/**
 * Runs the Hero Health node inside n8n's own engine (n8n-core's WorkflowExecute), so tests exercise
 * the real execute context: parameters and expressions, continueOnFail, pairedItem, and the real
 * httpRequestWithAuthentication over axios against the sandbox. Only the credential store is ours
 * (engine.ts): it applies the credential type's generic `authenticate` headers as n8n's CredentialsHelper does.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type IRun,
} from 'n8n-workflow';

import type { Sandbox } from '../sandbox/server';
import {
	HERO_NODE_TYPE,
	manualRunAdditionalData,
	nodeCredentials,
	nodeTypes,
	SandboxCredentials,
	sandboxCredentialData,
	type CredentialOverrides,
} from './engine';

export type { CredentialOverrides } from './engine';

export interface RunOptions {
	/** The Hero Health node's parameters (resource, operation, fields...). */
	parameters: Record<string, unknown>;
	/** Input items (their json). Default: one empty item. */
	items?: IDataObject[];
	/** n8n's "On Error → Continue (using regular output)". */
	continueOnFail?: boolean;
	/** n8n's own node setting "Retry On Fail": n8n runs the node again after it fails (up to maxTries). */
	retryOnFail?: { maxTries?: number; waitBetweenTries?: number };
	credentials?: CredentialOverrides;
	timezone?: string;
	/** Run the node as its AI-tool variant (`heroHealthTool`), where `@tool`-only parameters apply. */
	asTool?: boolean;
	/** n8n's execution id: two runs with the same id stand for two tool calls in one execution. */
	executionId?: string;
	/** Presses Stop this many ms after the run starts (n8n cancels the execution: the node's cancel signal aborts). */
	stopAfterMs?: number;
}

export interface RunResult {
	/** Output items of the Hero Health node (json + pairedItem). */
	items: INodeExecutionData[];
	json: IDataObject[];
	/** The node's error when the execution failed (continueOnFail off). */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	run: IRun;
}

/** Runs Items → Hero Health once against the sandbox and returns the node's output. */
export async function runHeroNode(sandbox: Sandbox, options: RunOptions): Promise<RunResult> {
	const nodes: INode[] = [
		{
			id: 'a',
			name: 'Items',
			type: 'test.items',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.items ?? [{}]) },
		},
		{
			id: 'b',
			name: 'Hero Health',
			type: options.asTool ? `${HERO_NODE_TYPE}Tool` : HERO_NODE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters as INode['parameters'],
			credentials: nodeCredentials(),
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(options.retryOnFail ? { retryOnFail: true, ...options.retryOnFail } : {}),
		},
	];
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'test',
		nodes,
		connections: { Items: { main: [[{ node: 'Hero Health', type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
		settings: { timezone: options.timezone ?? 'Europe/London' },
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', {
		id: 'wf-test',
		name: 'test',
		nodes,
		connections: {},
		active: false,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
	} as never);
	const additionalData = manualRunAdditionalData(
		new SandboxCredentials(sandboxCredentialData(sandbox, options.credentials)),
		hooks,
		{
			...(options.executionId ? { executionId: options.executionId } : {}),
		},
	);

	const running = new WorkflowExecute(additionalData, 'manual').run(workflow, nodes[0]);
	// As n8n's Stop does: cancels the run; the node still hands back its items, which n8n records.
	const stop =
		options.stopAfterMs === undefined
			? undefined
			: setTimeout(() => running.cancel(), options.stopAfterMs);
	const run = await running;
	clearTimeout(stop);
	const taskData = run.data.resultData.runData['Hero Health']?.[0];
	const items = taskData?.data?.main?.[0] ?? [];
	const error = (taskData?.error ?? run.data.resultData.error) as RunResult['error'];
	return { items, json: items.map((item) => item.json), error, run };
}
