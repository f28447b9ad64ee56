/**
 * The action node as an AI agent's tool.
 * 1. Default tool names that an OpenAI-compatible API accepts, with the longer text still given to the model.
 * 5. Safety switches the model cannot set ("let the model define this"), and no Input Data mode on the tool.
 * 6. No bearer token in a tool's answer.
 * The decisions are n8n's own functions (n8n-workflow's NodeHelpers) run on our description, and the
 * node run as its tool variant inside n8n's engine against the sandbox.
 */
import {
	NodeHelpers,
	type INode,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { everyOperation, heroToolDescription, n8nToolName } from '../../agents/workflows';
import { withoutCredentials } from '../../../nodes/HeroHealth/privacy/toolAnswer';
import { runHeroNode } from '../../harness/runNode';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { issuedTokens } from '../../sandbox/routes/practiceGroup';
import { messages, sendAnswerSettings } from '../../sandbox/routes/messages';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const tool = heroToolDescription();
const plain = { ...tool, name: 'heroHealth', outputs: ['main'] } as INodeTypeDescription;

/** A tool node as n8n runs it: its stored parameters with the defaults of what is displayed filled in. */
function toolNode(parameters: Record<string, unknown>): INode {
	const node: INode = {
		id: 't',
		name: 'tool',
		type: `n8n-nodes-hero-health.${tool.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
	};
	node.parameters = NodeHelpers.getNodeParameters(
		tool.properties,
		node.parameters,
		true,
		false,
		node,
		tool,
	)!;
	// n8n's loader adds "Tool Description: Set Automatically" only when the node brings no toolDescription of its own.
	if (!tool.properties.some((p) => p.name === 'toolDescription'))
		node.parameters.descriptionType = 'auto';
	return node;
}

/**
 * Whether n8n's editor offers "let the model define this" (✨, $fromAI) on a tool's parameter: the
 * rule of `canBeContentOverride` in n8n's editor-ui (src/utils/fromAIOverrideUtils.ts), for a node
 * whose codex n8n marks as an AI tool (every `usableAsTool` node's tool variant).
 */
function offersFromAI(parameter: INodeProperties, path = `parameters.${parameter.name}`): boolean {
	if (
		[
			'parameters.name',
			'parameters.toolName',
			'parameters.description',
			'parameters.toolDescription',
		].includes(path)
	)
		return false;
	if (['options', 'credentialsSelect'].includes(parameter.type)) return false;
	return !parameter.noDataExpression;
}

/** The parameter named `name` that n8n shows for these values on this node type, if any. */
function shown(
	name: string,
	values: Record<string, unknown>,
	description: INodeTypeDescription,
): INodeProperties | undefined {
	const node = { typeVersion: 1 };
	return description.properties.find(
		(p) =>
			p.name === name &&
			NodeHelpers.displayParameter(values as INode['parameters'], p, node, description),
	);
}

describe('tool names and what the model reads', () => {
	it('every action, as n8n names a tool added from the panel, is a function name OpenAI accepts, and no action is longer than 40 characters', () => {
		const tooLong: string[] = [];
		for (const { resource, operation } of everyOperation()) {
			const name = NodeHelpers.makeNodeName({ resource, operation }, tool);
			expect(name).toMatch(/ in Hero Health$/);
			// OpenAI: at most 64 characters of [a-zA-Z0-9_-]; n8n replaces the rest with `_`. Room is left for n8n's "1", "2" on a second copy.
			expect(n8nToolName(name).length).toBeLessThanOrEqual(62);
			const action = name.slice(0, -' in Hero Health'.length);
			if (action.length > 40) tooLong.push(`${resource}:${operation} (${action.length}) ${action}`);
		}
		expect(tooLong).toEqual([]);
		expect(NodeHelpers.makeNodeName({ resource: 'message', operation: 'send' }, tool)).toBe(
			'Send a message in Hero Health',
		);
		expect(NodeHelpers.makeNodeName({ resource: 'slot', operation: 'getMany' }, tool)).toBe(
			'Get many slots in Hero Health',
		);
	});

	it("as a tool, every operation is described to the model by its operation's description (n8n's getToolDescriptionForNode)", () => {
		const nodeType = { description: tool } as INodeType;
		for (const { resource, operation } of everyOperation()) {
			const option = (
				tool.properties.find(
					(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
				)!.options as Array<{ value: string; description: string }>
			).find((o) => o.value === operation)!;
			const description = NodeHelpers.getToolDescriptionForNode(
				toolNode({ resource, operation }),
				nodeType,
			);
			expect(description).toContain(option.description);
			expect(description).toMatch(/Hero Health/);
		}
		const send = NodeHelpers.getToolDescriptionForNode(
			toolNode({ resource: 'message', operation: 'send' }),
			nodeType,
		);
		expect(send).toContain('Returns message_id and content');
		// A description the user wrote is what the model reads.
		expect(
			NodeHelpers.getToolDescriptionForNode(
				toolNode({ resource: 'message', operation: 'send', toolDescription: 'Text the patient.' }),
				nodeType,
			),
		).toBe('Text the patient.');
		// The plain node shows no tool description.
		expect(
			shown('toolDescription', { resource: 'message', operation: 'send' }, plain),
		).toBeUndefined();
	});
});

describe('controls a model must not hold', () => {
	const send = { resource: 'message', operation: 'send', inputData: 'defineBelow' };

	it('as a tool, Refuse Repeat Send and Minimal Output do not offer "let the model define this", and Input Data is hidden', () => {
		const refuse = shown('refuseRepeatSend', send, tool);
		const minimal = shown('minimalOutput', send, tool);
		expect(refuse).toBeDefined();
		expect(minimal).toBeDefined();
		expect(offersFromAI(refuse!)).toBe(false);
		expect(offersFromAI(minimal!)).toBe(false);
		// Input Data (Map Automatically) reads the input item's fields: a tool has no such item. Hidden on the tool, kept on the plain node.
		expect(shown('inputData', send, tool)).toBeUndefined();
		expect(shown('inputData', send, plain)).toBeDefined();
		// The fields the model does fill keep the button.
		expect(offersFromAI(shown('patientId', send, tool)!)).toBe(true);
		expect(offersFromAI(shown('message', send, tool)!)).toBe(true);
	});

	it('with Input Data hidden, a tool Send still reads its fields from the parameters and sends once', async () => {
		const result = await runHeroNode(sandbox, {
			asTool: true,
			parameters: {
				resource: 'message',
				operation: 'send',
				patientId: '2001',
				messageType: 'sms',
				message: 'Your results are ready.',
			},
			items: [{ toolCallId: 'call_1' }],
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([expect.objectContaining({ content: 'Your results are ready.' })]);
		expect([...messages(sandbox.state).values()].map((m) => m.message)).toEqual([
			'Your results are ready.',
		]);
	});
});

describe('what the model sees', () => {
	const TOKEN = 'hero-auth-7d1f3c9a2b';
	// Written to the record: Hero's answer then carries a token, and a confirm URL that carries it too.
	const send = {
		resource: 'message',
		operation: 'send',
		patientId: '2001',
		messageType: 'sms',
		message: 'Your results are ready.',
		additionalFields: { writeToRecord: true },
	};

	it("as a tool, Send's answer leaves out auth_token and confirm_write_to_record_url; the plain node outputs Hero's answer", async () => {
		sendAnswerSettings(sandbox.state).authToken = TOKEN;
		const asTool = await runHeroNode(sandbox, {
			asTool: true,
			parameters: send,
			items: [{ toolCallId: 'call_1' }],
		});
		expect(asTool.error).toBeUndefined();
		const [answer] = asTool.json;
		expect(Object.keys(answer).sort()).toEqual([
			'content',
			'created_at',
			'message_id',
			'send_at',
			'snomed_code',
			'submitted_by',
			'write_to_record',
		]);
		expect(answer).toMatchObject({
			message_id: expect.stringMatching(/^\d+$/),
			content: 'Your results are ready.',
			write_to_record: true,
		});
		expect(JSON.stringify(asTool.json)).not.toContain(TOKEN);
		// The plain node is a workflow step, not a model: Hero's answer as it came; Minimal Output leaves the token out there.
		const asNode = await runHeroNode(sandbox, { parameters: send });
		expect(asNode.json[0]).toMatchObject({
			auth_token: TOKEN,
			confirm_write_to_record_url: expect.stringContaining(TOKEN),
		});
		const minimal = await runHeroNode(sandbox, { parameters: { ...send, minimalOutput: true } });
		expect(JSON.stringify(minimal.json)).not.toMatch(
			/auth_token|confirm_write_to_record_url|hero-auth/,
		);
	});

	it('a tool answer leaves out tokens under any key, JWTs and links that carry a token, and keeps the rest', () => {
		const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMDAxIn0.c2lnbmF0dXJl';
		expect(
			withoutCredentials({
				message_id: '990002',
				session: {
					access_token: 'opaque-1',
					refresh_token: 'r-1',
					note: `Bearer ${jwt}`,
					expires_at: '2026-12-06T10:00:00Z',
				},
				links: ['https://hero.example/b/abc', 'https://hero.example/c?auth_token=xyz'],
				api_key: 'k',
				content: 'Your results are ready.',
			}),
		).toEqual({
			message_id: '990002',
			session: { expires_at: '2026-12-06T10:00:00Z' },
			links: ['https://hero.example/b/abc'],
			content: 'Your results are ready.',
		});
	});

	it('Access Token → Create as a tool is refused before Hero is asked, and the model is told why', async () => {
		const asTool = await runHeroNode(sandbox, {
			asTool: true,
			parameters: { resource: 'accessToken', operation: 'create' },
			items: [{ toolCallId: 'call_1' }],
		});
		expect(asTool.json).toEqual([
			{
				error: expect.stringMatching(/^Access Token → Create is not available to an AI agent/),
				description: expect.stringContaining('bearer token'),
			},
		]);
		expect(sandbox.received('POST', '/v1/access_token')).toHaveLength(0);
		expect(issuedTokens(sandbox.state)).toHaveLength(0);
		// The plain node still creates one.
		const asNode = await runHeroNode(sandbox, {
			parameters: { resource: 'accessToken', operation: 'create' },
		});
		expect(asNode.json[0].access_token).toMatch(/^eyJ/);
	});
});
