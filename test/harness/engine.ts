/**
 * The n8n-core plumbing the in-process tests share: the node types registry (Hero Health, Hero
 * Health Trigger and an Items start node), a credentials helper that applies the credential type's
 * `authenticate` function as n8n's CredentialsHelper does, and the `additionalData` n8n
 * gives every execution context.
 */
import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentials,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { HeroHealthApi } from '../../credentials/HeroHealthApi.credentials';
import { HeroHealth } from '../../nodes/HeroHealth/HeroHealth.node';
import { HeroHealthTrigger } from '../../nodes/HeroHealth/HeroHealthTrigger.node';
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

export const heroNodeType = new HeroHealth();
export const triggerNodeType = new HeroHealthTrigger();

/**
 * The action node as n8n offers it to an AI Agent (usableAsTool): the same node under a name ending in
 * `Tool`, which is what shows parameters displayed only for `@tool` (Refuse Repeat Send). Outputs stay
 * main, so a test can run it after the Items node without an agent.
 */
const toolNodeType: INodeType = Object.assign(Object.create(heroNodeType) as INodeType, {
	description: {
		...heroNodeType.description,
		name: 'heroHealthTool',
		displayName: `${heroNodeType.description.displayName} Tool`,
	},
});

const nodeTypeMap: Record<string, INodeType> = {
	heroHealth: heroNodeType,
	heroHealthTool: toolNodeType,
	heroHealthTrigger: triggerNodeType,
	items: new ItemsSource(),
};

/** Node types by the last part of their name (`n8n-nodes-hero-health.heroHealth`, `test.items`). */
export const nodeTypes: INodeTypes = {
	getByName: (type: string) =>
		nodeTypeMap[type.split('.').pop()!] as INodeType | IVersionedNodeType,
	getByNameAndVersion: (type: string) => nodeTypeMap[type.split('.').pop()!],
	getKnownTypes: () => ({}),
};

export const HERO_NODE_TYPE = 'n8n-nodes-hero-health.heroHealth';
export const HERO_TRIGGER_TYPE = 'n8n-nodes-hero-health.heroHealthTrigger';

/** The credential reference every test node carries. */
export const nodeCredentials = (): INodeCredentials => ({
	heroHealthApi: { id: 'cred-1', name: 'Hero sandbox' },
});

/** A Hero Health Trigger node listening on `/webhook/{webhookId}/webhook`. */
export function triggerNode(id: string, webhookId: string, parameters: IDataObject): INode {
	return {
		id,
		name: 'Hero Health Trigger',
		type: HERO_TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: parameters as INode['parameters'],
		credentials: nodeCredentials(),
	};
}

/** The webhook n8n registers for an active trigger node: POST `{webhookId}/webhook`. */
export function triggerWebhookData(
	workflowId: string,
	node: INode,
	additionalData: IWorkflowExecuteAdditionalData,
): IWebhookData {
	return {
		httpMethod: 'POST',
		node: node.name,
		path: `${node.webhookId}/webhook`,
		webhookDescription: triggerNodeType.description.webhooks![0],
		workflowId,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
	};
}

export interface CredentialOverrides {
	apiKey?: string;
	practiceGroupId?: string;
	baseUrl?: string;
}

/** The decrypted Hero Health API credential for the sandbox (custom environment at its URL). */
export function sandboxCredentialData(
	sandbox: Sandbox,
	overrides: CredentialOverrides = {},
): ICredentialDataDecryptedObject {
	return {
		apiKey: overrides.apiKey ?? sandbox.apiKey,
		practiceGroupId: overrides.practiceGroupId ?? sandbox.practiceGroupId,
		environment: 'custom',
		baseUrl: overrides.baseUrl ?? sandbox.url,
	};
}

const credentialType = new HeroHealthApi();

/** The credential store: applies the credential type's `authenticate` headers, as n8n's CredentialsHelper does. */
export class SandboxCredentials extends ICredentialsHelper {
	constructor(private data: ICredentialDataDecryptedObject) {
		super();
	}
	getParentTypes(): string[] {
		return [];
	}
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_type: string,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// As n8n's CredentialsHelper does with a function `authenticate`.
		return await credentialType.authenticate(credentials, options);
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

export type AdditionalDataOptions = {
	/** Where n8n's REST API and webhook URLs point. Default: http://localhost. */
	baseUrl?: string;
} & Record<string, unknown>;

/** n8n's `additionalData` for a context: the credentials helper, n8n's URLs, user and variables, plus `extra` fields. */
export function additionalDataFor(
	credentialsHelper: ICredentialsHelper,
	{ baseUrl = 'http://localhost', ...extra }: AdditionalDataOptions = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		restApiUrl: `${baseUrl}/rest`,
		instanceBaseUrl: `${baseUrl}/`,
		webhookBaseUrl: `${baseUrl}/webhook`,
		webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${baseUrl}/webhook-test`,
		formWaitingBaseUrl: `${baseUrl}/form-waiting`,
		userId: 'user-1',
		variables: {},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/**
 * The requests a stand-in webhook server is still handling. The trigger answers Hero before it
 * reads the record, so a run may start after the answer: `idle()` waits for that.
 */
export class Handling {
	private pending = new Set<Promise<unknown>>();

	track(handling: Promise<unknown>): void {
		this.pending.add(handling);
		void handling.finally(() => this.pending.delete(handling));
	}

	async idle(): Promise<void> {
		while (this.pending.size) await Promise.allSettled([...this.pending]);
	}
}

/**
 * `additionalData` for a whole manual run in WorkflowExecute (runNode, runWorkflow): `additionalDataFor`
 * plus the execution hooks n8n needs and stubs for what the tests never use (sub-workflows, the task
 * runner, AI event logging).
 */
export function manualRunAdditionalData(
	credentialsHelper: ICredentialsHelper,
	hooks: unknown,
	extra: AdditionalDataOptions = {},
): IWorkflowExecuteAdditionalData {
	return additionalDataFor(credentialsHelper, {
		hooks,
		executeWorkflow: async () => ({ data: [] }),
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		setExecutionStatus: () => {},
		logAiEvent: () => {},
		startRunnerTask: async () => ({ ok: false, error: new Error('no task runner in tests') }),
		getRunExecutionData: async () => undefined,
		...extra,
	});
}
