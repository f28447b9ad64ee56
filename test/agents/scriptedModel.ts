/**
 * A scripted, OpenAI-compatible chat-completions server for agent tests. It is a test fixture, not a
 * model: it answers from a script (tool calls, then a final message) and records every request, so a
 * test can check that n8n passed the tools, the arguments and the tool results through correctly.
 *
 * Serves `POST /v1/chat/completions` (JSON, or server-sent events when the request says
 * `stream: true`) and `GET /v1/models`. Point n8n's OpenAI credential "Base URL" at `server.baseUrl`.
 *
 *   const model = await startScriptedModel([
 *     { toolCalls: [{ name: 'Find_slots', arguments: { date: '2026-12-07' } }] },
 *     (conversation) => ({ content: `Booked: ${conversation.lastToolResult()}` }),
 *   ]);
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One tool call the scripted model makes. `arguments` is sent as JSON text, as OpenAI does. */
export interface ScriptedToolCall {
	name: string;
	arguments: Record<string, unknown>;
}

/** One answer: tool calls (the agent runs them and asks again) or a final message. */
export interface ScriptedReply {
	toolCalls?: ScriptedToolCall[];
	content?: string;
}

/** A script step: a fixed reply, or one computed from the conversation so far (e.g. a tool's result). */
export type ScriptStep = ScriptedReply | ((conversation: Conversation) => ScriptedReply);

/** An OpenAI chat message as the agent sends it. */
export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool' | string;
	content: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{
		id: string;
		type: 'function';
		function: { name: string; arguments: string };
	}>;
	tool_call_id?: string;
	name?: string;
}

/** A tool the agent offered, in OpenAI's `tools` format. */
export interface OfferedTool {
	type: 'function';
	function: {
		name: string;
		description?: string;
		parameters?: Record<string, any>;
		strict?: boolean;
	};
}

/** One request the server received. */
export interface RecordedChatRequest {
	path: string;
	body: {
		model?: string;
		messages?: ChatMessage[];
		tools?: OfferedTool[];
		stream?: boolean;
		[key: string]: unknown;
	};
	authorization?: string;
	/** The reply the script gave (undefined when the script had run out). */
	reply?: ScriptedReply;
	/** True when the reply went out as server-sent events. */
	streamed: boolean;
	/** Set when the request was refused (400: a tool name OpenAI would refuse). */
	status?: number;
}

/** OpenAI's rule for a function (tool) name: 1 to 64 characters of letters, digits, `_` and `-`. */
export const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/** The request being answered, with helpers for computed steps. */
export class Conversation {
	constructor(readonly request: RecordedChatRequest) {}

	get messages(): ChatMessage[] {
		return this.request.body.messages ?? [];
	}

	/** Text of a message whatever its content shape. */
	static text(message: ChatMessage): string {
		if (typeof message.content === 'string') return message.content;
		if (Array.isArray(message.content))
			return message.content.map((part) => part.text ?? '').join('');
		return '';
	}

	/** The content of the tool messages, oldest first. */
	toolResults(): string[] {
		return this.messages.filter((m) => m.role === 'tool').map(Conversation.text);
	}

	/** The last tool result, parsed as JSON when it is JSON. */
	lastToolResult(): unknown {
		const results = this.toolResults();
		const last = results[results.length - 1];
		if (last === undefined) return undefined;
		try {
			return JSON.parse(last);
		} catch {
			return last;
		}
	}
}

export interface ScriptedModel {
	/** `http://127.0.0.1:<port>/v1`: the OpenAI base URL to configure in n8n. */
	readonly baseUrl: string;
	readonly requests: RecordedChatRequest[];
	/** Chat-completion requests only (not /models). */
	chatRequests(): RecordedChatRequest[];
	/**
	 * Every tool answer the model was given, once each (the agent resends earlier ones with each
	 * request): tool_call_id and the text as the model received it.
	 */
	toolAnswers(): Array<{ toolCallId?: string; text: string }>;
	/** Replaces the script and clears the record (between tests). */
	reset(script: ScriptStep[]): void;
	close(): Promise<void>;
}

/** Text the server answers with once the script is used up, so a runaway agent is easy to spot. */
export const SCRIPT_EXHAUSTED = 'SCRIPT EXHAUSTED: the scripted model has no more steps';

export interface ScriptedModelOptions {
	port?: number;
	/**
	 * Answers every request from the conversation alone, instead of the script's next step: for a
	 * server that serves many conversations (the demo). The script is then unused.
	 */
	respond?: (conversation: Conversation) => ScriptedReply;
}

export async function startScriptedModel(
	script: ScriptStep[] = [],
	options: ScriptedModelOptions = {},
): Promise<ScriptedModel> {
	let steps = [...script];
	let nextStep = 0;
	let callSeq = 0;
	const requests: RecordedChatRequest[] = [];

	const handle = async (req: IncomingMessage, res: ServerResponse) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const raw = await readBody(req);
		const record: RecordedChatRequest = {
			path: url.pathname,
			body: {},
			authorization: req.headers.authorization,
			streamed: false,
		};
		try {
			record.body = raw ? JSON.parse(raw) : {};
		} catch {
			return sendJson(res, 400, {
				error: { message: 'request body is not JSON', type: 'invalid_request_error' },
			});
		}
		requests.push(record);

		if (req.method === 'GET' && /\/models$/.test(url.pathname)) {
			return sendJson(res, 200, {
				object: 'list',
				data: [{ id: 'scripted-model', object: 'model', created: 0, owned_by: 'hero-tests' }],
			});
		}
		if (req.method !== 'POST' || !/\/chat\/completions$/.test(url.pathname)) {
			return sendJson(res, 404, {
				error: { message: `no route ${req.method} ${url.pathname}`, type: 'invalid_request_error' },
			});
		}

		// OpenAI's rule for function names (n8n builds them from node names): refuse as OpenAI does.
		const badName = (record.body.tools ?? []).findIndex(
			(tool) => !FUNCTION_NAME.test(tool.function?.name ?? ''),
		);
		if (badName >= 0) {
			const name = record.body.tools![badName].function?.name ?? '';
			record.status = 400;
			const message =
				name.length > 64
					? `Invalid 'tools[${badName}].function.name': string too long. Expected a string with maximum length 64, but got a string with length ${name.length} instead.`
					: `Invalid 'tools[${badName}].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`;
			return sendJson(res, 400, {
				error: {
					message,
					type: 'invalid_request_error',
					param: `tools[${badName}].function.name`,
					code: name.length > 64 ? 'string_above_max_length' : 'invalid_value',
				},
			});
		}

		const step = steps[nextStep];
		let reply: ScriptedReply;
		if (options.respond) {
			reply = options.respond(new Conversation(record));
			record.reply = reply;
		} else if (step === undefined) {
			reply = { content: SCRIPT_EXHAUSTED };
		} else {
			nextStep++;
			reply = typeof step === 'function' ? step(new Conversation(record)) : step;
			record.reply = reply;
		}
		const id = `chatcmpl-scripted-${requests.length}`;
		const model = String(record.body.model ?? 'scripted-model');
		const toolCalls = (reply.toolCalls ?? []).map((call) => ({
			id: `call_scripted_${++callSeq}`,
			type: 'function' as const,
			function: { name: call.name, arguments: JSON.stringify(call.arguments) },
		}));
		const finishReason = toolCalls.length ? 'tool_calls' : 'stop';
		const content = reply.content ?? (toolCalls.length ? null : '');
		const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
		const created = Math.floor(Date.now() / 1000);

		if (record.body.stream === true) {
			record.streamed = true;
			res.writeHead(200, {
				'content-type': 'text/event-stream',
				'cache-control': 'no-cache',
				connection: 'keep-alive',
			});
			const chunk = (
				delta: Record<string, unknown>,
				finish: string | null,
				extra: Record<string, unknown> = {},
			) =>
				res.write(
					`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`,
				);
			chunk({ role: 'assistant', content: toolCalls.length ? null : '' }, null);
			if (content) chunk({ content }, null);
			toolCalls.forEach((call, index) => {
				chunk(
					{
						tool_calls: [
							{
								index,
								id: call.id,
								type: 'function',
								function: { name: call.function.name, arguments: '' },
							},
						],
					},
					null,
				);
				chunk({ tool_calls: [{ index, function: { arguments: call.function.arguments } }] }, null);
			});
			chunk({}, finishReason);
			const streamOptions = record.body.stream_options as { include_usage?: boolean } | undefined;
			if (streamOptions?.include_usage)
				res.write(
					`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`,
				);
			res.end('data: [DONE]\n\n');
			return;
		}
		const message: Record<string, unknown> = { role: 'assistant', content };
		if (toolCalls.length) message.tool_calls = toolCalls;
		sendJson(res, 200, {
			id,
			object: 'chat.completion',
			created,
			model,
			choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
			usage,
		});
	};

	const server: Server = createServer((req, res) => {
		handle(req, res).catch((error: Error) =>
			sendJson(res, 500, {
				error: { message: `scripted model: ${error.message}`, type: 'server_error' },
			}),
		);
	});
	const sockets = new Set<Socket>();
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		requests,
		chatRequests: () => requests.filter((r) => /\/chat\/completions$/.test(r.path)),
		toolAnswers() {
			const seen = new Map<string, { toolCallId?: string; text: string }>();
			for (const request of requests) {
				for (const message of request.body.messages ?? []) {
					if (message.role !== 'tool') continue;
					const answer = { toolCallId: message.tool_call_id, text: Conversation.text(message) };
					seen.set(JSON.stringify(answer), answer);
				}
			}
			return [...seen.values()];
		},
		reset(script) {
			steps = [...script];
			nextStep = 0;
			requests.length = 0;
		},
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		let body = '';
		req.setEncoding('utf8');
		req.on('data', (chunk: string) => (body += chunk));
		req.on('end', () => resolve(body));
		req.on('error', reject);
	});
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
	});
	res.end(text);
}
