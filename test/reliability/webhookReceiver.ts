/**
 * A stand-in for n8n's webhook endpoint of one active Hero Health Trigger: a local HTTP server whose
 * handler runs the trigger's `webhook()` in n8n-core's own WebhookContext, on the real request and
 * response objects (the raw body kept as n8n keeps it, `res.status().json()` as Express offers it).
 * An "execution" is a webhook() result with workflowData, as n8n starts a workflow run for each.
 */
import { createHmac } from 'node:crypto';
import {
	Agent,
	createServer,
	request,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebhookContext } from 'n8n-core';
import { Workflow, type IDataObject, type INode, type INodeExecutionData } from 'n8n-workflow';

import {
	additionalDataFor,
	Handling,
	nodeTypes,
	SandboxCredentials,
	sandboxCredentialData,
	triggerNode,
	triggerNodeType as trigger,
	triggerWebhookData,
} from '../harness/engine';
import type { Sandbox } from '../sandbox/server';
import { captureError, captured } from './capture';

/** Express's `res.status(...).json(...)` and friends, on the real ServerResponse. */
function expressLike(res: ServerResponse) {
	const wrapped = res as ServerResponse & {
		status(code: number): typeof wrapped;
		json(body: unknown): typeof wrapped;
		send(body: unknown): typeof wrapped;
	};
	wrapped.status = (code: number) => ((res.statusCode = code), wrapped);
	wrapped.json = (body: unknown) => {
		const text = JSON.stringify(body);
		res.setHeader('content-type', 'application/json');
		res.end(text);
		return wrapped;
	};
	wrapped.send = (body: unknown) => (
		typeof body === 'string' || Buffer.isBuffer(body) ? res.end(body) : wrapped.json(body),
		wrapped
	);
	return wrapped;
}

export interface Answer {
	status: number;
	body: string;
}

export class WebhookReceiver {
	/** Output items of each execution. */
	readonly executions: INodeExecutionData[][] = [];
	url = '';
	private server: Server;
	private workflow: Workflow;
	private node: INode;
	private credentials: SandboxCredentials;
	private agent = new Agent({ keepAlive: true, maxSockets: 64 });

	constructor(
		sandbox: Sandbox,
		readonly signingKey: string,
		parameters: IDataObject,
	) {
		this.credentials = new SandboxCredentials(sandboxCredentialData(sandbox));
		this.node = triggerNode('trigger', 'reliability-webhook', parameters);
		// The activated trigger's static data: the signing key it registered its webhooks with.
		this.workflow = new Workflow({
			id: 'wf-reliability-trigger',
			name: 'reliability trigger',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes,
			staticData: { [`node:${this.node.name}`]: { signingKey, registrations: {} } },
			settings: {},
		});
		this.server = createServer((req, res) => this.handling.track(this.receive(req, res)));
	}

	private handling = new Handling();

	async listen(): Promise<this> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook/reliability-webhook/webhook`;
		return this;
	}

	async close(): Promise<void> {
		this.agent.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
		// As n8n's webhook server: the raw bytes kept on the request, JSON bodies also parsed.
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		let body: unknown = {};
		if (
			String(req.headers['content-type'] ?? '').startsWith('application/json') &&
			rawBody.length
		) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				body = {};
			}
		}
		Object.assign(req, { rawBody, body, query: {}, params: {}, readRawBody: async () => {} });
		const response = expressLike(res);
		const additionalData = additionalDataFor(this.credentials, {
			baseUrl: 'http://127.0.0.1',
			httpRequest: req,
			httpResponse: response,
			executionId: 'exec-1',
		});
		const webhookData = triggerWebhookData(this.workflow.id, this.node, additionalData);
		try {
			const context = new WebhookContext(
				this.workflow,
				this.node,
				additionalData,
				'webhook',
				webhookData,
				[],
				null,
			);
			const result = await trigger.webhook!.call(context);
			if (result.workflowData) {
				const items = result.workflowData[0] ?? [];
				this.executions.push(items);
				for (const item of items) captured.outputs.push(JSON.stringify(item.json));
			}
			if (result.noWebhookResponse) {
				if (!res.writableEnded)
					response.status(500).json({ message: 'the trigger claimed to answer but did not' });
				return;
			}
			// n8n's "Respond: Immediately" answer.
			response.status(200).json(result.webhookResponse ?? { message: 'Workflow was started' });
		} catch (error) {
			captureError(error);
			if (!res.writableEnded) response.status(500).json({ message: (error as Error).message });
		}
	}

	/**
	 * POSTs a delivery and resolves with the answer once the receiver is done with it: the trigger
	 * answers Hero before it reads the record, so the execution may start after the answer.
	 */
	async deliver(body: string | Buffer, headers: Record<string, string>): Promise<Answer> {
		const answer = await this.post(body, headers);
		await this.handling.idle();
		return answer;
	}

	/** POSTs a delivery and resolves with the answer, without waiting for the trigger to finish with it. */
	post(body: string | Buffer, headers: Record<string, string>): Promise<Answer> {
		const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
		return new Promise((resolve, reject) => {
			const req = request(
				this.url,
				{
					method: 'POST',
					agent: this.agent,
					headers: { 'content-length': String(payload.length), ...headers },
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (chunk: Buffer) => chunks.push(chunk));
					res.on('end', () =>
						resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
					);
					res.on('error', reject);
				},
			);
			req.on('error', reject);
			req.end(payload);
		});
	}
}

/** Hero's documented signature: HMAC-SHA256 of `"{timestamp}.{raw body}"`, here in hex. */
export function sign(
	key: string,
	timestamp: string,
	body: string | Buffer,
	encoding: 'hex' | 'base64' = 'hex',
): string {
	return createHmac('sha256', key).update(`${timestamp}.`).update(body).digest(encoding);
}
