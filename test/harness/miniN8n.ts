/**
 * A stand-in for n8n's webhook server, built from n8n-core's contexts, for the Hero Health Trigger's
 * in-process tests (test/unit/trigger.test.ts): the trigger's webhook methods and webhook() run in
 * n8n-core's own HookContext and WebhookContext (real parameters, static data,
 * httpRequestWithAuthentication) behind a local HTTP endpoint the Hero sandbox delivers to.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import type { Sandbox } from '../sandbox/server';
import {
	additionalDataFor,
	Handling,
	nodeTypes,
	SandboxCredentials,
	sandboxCredentialData,
	triggerNode,
	triggerNodeType as trigger,
	triggerWebhookData,
} from './engine';

export class Credentials extends SandboxCredentials {
	/** Requests to Hero seen by the credential layer, e.g. to refuse one of them. */
	refuse?: (options: IHttpRequestOptions) => boolean;
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		type: string,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticated = await super.authenticate(credentials, type, options);
		if (this.refuse?.(options)) (authenticated.headers as IDataObject)['x-api-key'] = 'revoked-key';
		return authenticated;
	}
}

export interface Answer {
	status: number;
	body: string;
}

export interface LogLine {
	level: string;
	message: string;
	meta?: unknown;
}

/** Like n8n: the workflow's node, its static data (kept across restarts), and a webhook endpoint. */
export class MiniN8n {
	readonly executions: IDataObject[][] = [];
	readonly answers: Answer[] = [];
	readonly logs: LogLine[] = [];
	/** Answer this many deliveries with 503 before handling any (the receiver is "down"). */
	failNext = 0;
	/** Leave `req.rawBody` unset so the node must call `req.readRawBody()`. */
	lazyRawBody = false;
	active = false;
	credentials: Credentials;
	workflow!: Workflow;
	private server: Server;
	private baseUrl = '';
	private staticData: IDataObject = {};

	constructor(
		private sandbox: Sandbox,
		private parameters: IDataObject,
		readonly webhookId = `wh-${Math.random().toString(36).slice(2, 10)}`,
	) {
		this.credentials = new Credentials(sandboxCredentialData(sandbox));
		this.server = createServer((req, res) => this.handling.track(this.receive(req, res)));
	}

	private handling = new Handling();

	/** Resolves once no delivery is being handled (the node may still be fetching after it answered). */
	idle(): Promise<void> {
		return this.handling.idle();
	}

	get node(): INode {
		return triggerNode('trigger-node', this.webhookId, this.parameters);
	}

	get webhookUrl(): string {
		return `${this.baseUrl}/webhook/${this.webhookId}/webhook`;
	}

	/** The node's static data as n8n would persist it. */
	get nodeStaticData(): IDataObject {
		return (this.workflow.staticData[`node:${this.node.name}`] ?? {}) as IDataObject;
	}

	async listen(): Promise<this> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		this.load();
		return this;
	}

	close(): Promise<void> {
		return new Promise((resolve) => this.server.close(() => resolve()));
	}

	/** Loads the workflow as n8n does after a restart or an edit: saved parameters and static data. */
	load(parameters?: IDataObject): void {
		if (parameters) this.parameters = parameters;
		if (this.workflow) this.staticData = JSON.parse(JSON.stringify(this.workflow.staticData));
		this.workflow = new Workflow({
			id: 'wf-trigger',
			name: 'trigger test',
			nodes: [this.node],
			connections: {},
			active: this.active,
			nodeTypes,
			staticData: this.staticData,
			settings: {},
		});
	}

	private additionalData(
		extra: Partial<IWorkflowExecuteAdditionalData> = {},
	): IWorkflowExecuteAdditionalData {
		return additionalDataFor(this.credentials, {
			baseUrl: this.baseUrl,
			executionId: 'exec-1',
			...extra,
		});
	}

	private webhookData(additionalData: IWorkflowExecuteAdditionalData): IWebhookData {
		return triggerWebhookData('wf-trigger', this.node, additionalData);
	}

	private capture<T extends object>(context: T): T {
		const line = (level: string) => (message: string, meta?: unknown) =>
			this.logs.push({ level, message, meta });
		Object.defineProperty(context, 'logger', {
			value: { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') },
		});
		return context;
	}

	private hook(): HookContext {
		const additionalData = this.additionalData();
		return this.capture(
			new HookContext(
				this.workflow,
				this.node,
				additionalData,
				'trigger',
				this.active ? 'init' : 'activate',
				this.webhookData(additionalData),
			),
		);
	}

	/** n8n's WebhookService.createWebhookIfNotExists: checkExists, then create if it said false. */
	async activate(): Promise<{ existed: boolean }> {
		const methods = trigger.webhookMethods.default;
		const existed = await methods.checkExists.call(this.hook());
		if (!existed) await methods.create.call(this.hook());
		this.active = true;
		this.load();
		return { existed };
	}

	/** n8n's deactivation: the delete method, static data saved after. */
	async deactivate(): Promise<boolean> {
		const deleted = await trigger.webhookMethods.default.delete.call(this.hook());
		this.active = false;
		this.load();
		return deleted;
	}

	private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const answer = (status: number, body: unknown) => {
			const text = typeof body === 'string' ? body : JSON.stringify(body);
			this.answers.push({ status, body: text });
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(text);
		};
		if (req.url !== `/webhook/${this.webhookId}/webhook` || req.method !== 'POST' || !this.active) {
			for await (const _chunk of req);
			return answer(404, { message: 'The requested webhook is not registered.' });
		}
		if (this.failNext > 0) {
			this.failNext--;
			for await (const _chunk of req);
			return answer(503, { message: 'Service unavailable' });
		}
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks);
		// n8n's rawBodyReader + parseBody: rawBody is a Buffer, body the parsed JSON.
		const request = req as IncomingMessage & {
			rawBody?: Buffer;
			body?: unknown;
			readRawBody(): Promise<void>;
		};
		request.readRawBody = async () => {
			request.rawBody = raw;
		};
		if (!this.lazyRawBody) request.rawBody = raw;
		try {
			request.body = JSON.parse(raw.toString('utf8'));
		} catch {
			request.body = {};
		}
		let status = 200;
		const response = {
			status(code: number) {
				status = code;
				return response;
			},
			json: (body: unknown) => answer(status, body),
			send: (body: unknown) => answer(status, body),
			end: () => answer(status, ''),
		};
		const additionalData = this.additionalData({
			httpRequest: request,
			httpResponse: response,
		} as never);
		const context = this.capture(
			new WebhookContext(
				this.workflow,
				this.node,
				additionalData,
				'webhook',
				this.webhookData(additionalData),
				[],
				null,
			),
		);
		try {
			const result = await trigger.webhook!.call(context);
			// As n8n's webhook helpers: workflowData starts a run even when the node answered itself.
			if (result.workflowData)
				this.executions.push(result.workflowData[0].map((item) => item.json));
			if (result.noWebhookResponse) {
				if (!res.writableEnded) answer(500, { message: 'the node claimed to answer but did not' });
				return;
			}
			if (result.workflowData) return answer(200, { message: 'Workflow was started' });
			return answer(200, result.webhookResponse ?? { message: 'Webhook call received' });
		} catch (error) {
			return answer(500, { message: `Workflow Webhook Error: ${(error as Error).message}` });
		}
	}
}
