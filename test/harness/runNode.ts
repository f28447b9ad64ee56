/**
 * Runs the Hero Health node inside n8n's own engine (n8n-core's WorkflowExecute), so tests exercise
 * the real execute context: parameters and expressions, continueOnFail, pairedItem, and the real
 * httpRequestWithAuthentication over axios against the sandbox. Only the credential store is ours:
 * it applies the credential type's generic `authenticate` headers as n8n's CredentialsHelper does.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { HeroHealthApi } from '../../credentials/HeroHealthApi.credentials';
import { HeroHealth } from '../../nodes/HeroHealth/HeroHealth.node';
import type { Sandbox } from '../sandbox/server';

/** A start node that emits the items given in its `items` parameter. */
class ItemsSource implements INodeType {
	description = {
		displayName: 'Items',
		name: 'items',
		group: ['input'],
		version: 1,
		description: 'Test input',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const items = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

const nodeTypeMap: Record<string, INodeType> = { heroHealth: new HeroHealth(), items: new ItemsSource() };

const nodeTypes: INodeTypes = {
	getByName: (type: string) => nodeTypeMap[type.split('.').pop()!] as INodeType | IVersionedNodeType,
	getByNameAndVersion: (type: string) => nodeTypeMap[type.split('.').pop()!],
	getKnownTypes: () => ({}),
};

const credentialType = new HeroHealthApi();

class SandboxCredentials extends ICredentialsHelper {
	constructor(private data: ICredentialDataDecryptedObject) {
		super();
	}
	getParentTypes(): string[] {
		return [];
	}
	async authenticate(credentials: ICredentialDataDecryptedObject, _type: string, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const headers = { ...(options.headers ?? {}) } as IDataObject;
		for (const [name, template] of Object.entries(credentialType.authenticate.properties.headers ?? {})) {
			headers[name] = String(template).replace(/^=\{\{\s*\$credentials\.(\w+)\s*\}\}$/, (_m, key: string) => String(credentials[key] ?? ''));
		}
		return { ...options, headers };
	}
	async preAuthentication(): Promise<undefined> {
		return undefined;
	}
	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used');
	}
	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}
	async updateCredentials(): Promise<void> {}
	async updateCredentialsOauthTokenData(): Promise<void> {}
	getCredentialsProperties() {
		return credentialType.properties;
	}
}

export interface CredentialOverrides {
	apiKey?: string;
	practiceGroupId?: string;
	baseUrl?: string;
}

export interface RunOptions {
	/** The Hero Health node's parameters (resource, operation, fields...). */
	parameters: Record<string, unknown>;
	/** Input items (their json). Default: one empty item. */
	items?: IDataObject[];
	/** n8n's "On Error → Continue (using regular output)". */
	continueOnFail?: boolean;
	credentials?: CredentialOverrides;
	timezone?: string;
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
	const credentials: ICredentialDataDecryptedObject = {
		apiKey: options.credentials?.apiKey ?? sandbox.apiKey,
		practiceGroupId: options.credentials?.practiceGroupId ?? sandbox.practiceGroupId,
		environment: 'custom',
		baseUrl: options.credentials?.baseUrl ?? sandbox.url,
	};
	const nodes: INode[] = [
		{ id: 'a', name: 'Items', type: 'test.items', typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify(options.items ?? [{}]) } },
		{
			id: 'b',
			name: 'Hero Health',
			type: 'n8n-nodes-hero-health.heroHealth',
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters as INode['parameters'],
			credentials: { heroHealthApi: { id: 'cred-1', name: 'Hero sandbox' } },
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
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
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', { id: 'wf-test', name: 'test', nodes, connections: {}, active: false, settings: {}, createdAt: new Date(), updatedAt: new Date(), isArchived: false } as never);
	const additionalData = {
		credentialsHelper: new SandboxCredentials(credentials),
		hooks,
		executeWorkflow: async () => ({ data: [] }),
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'user-1',
		variables: {},
		setExecutionStatus: () => {},
		logAiEvent: () => {},
		startRunnerTask: async () => ({ ok: false, error: new Error('no task runner in tests') }),
		getRunExecutionData: async () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;

	const run = await new WorkflowExecute(additionalData, 'manual').run(workflow, nodes[0]);
	const taskData = run.data.resultData.runData['Hero Health']?.[0];
	const items = taskData?.data?.main?.[0] ?? [];
	const error = (taskData?.error ?? run.data.resultData.error) as RunResult['error'];
	return { items, json: items.map((item) => item.json), error, run };
}
