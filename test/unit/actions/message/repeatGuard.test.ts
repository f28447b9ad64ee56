/**
 * Exactly once under agents: Message → Send as a tool refuses an identical send in the same
 * execution (nodes/HeroHealth/actions/message/repeatGuard.ts). The AI Agent and MCP paths are proven
 * end to end in test/e2e/agents.e2e.test.ts and mcp.e2e.test.ts; these check the rule's edges and
 * that the plain node is unchanged.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import {
	REPEAT_WINDOW_MS,
	claimSend,
	practiceOf,
} from '../../../../nodes/HeroHealth/actions/message/repeatGuard';
import { outcomeUnknown } from '../../../../nodes/HeroHealth/transport';
import { certainlyNotCarriedOut } from '../../../../nodes/HeroHealth/transport/retry';
import { runHeroNode } from '../../../harness/runNode';
import { messages } from '../../../sandbox/routes/messages';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

/** The few context calls the guard makes. */
function context(
	executionId: string,
	refuseRepeatSend: boolean | 'absent' = true,
	nodeName = 'Send SMS',
): IExecuteFunctions {
	return {
		getNodeParameter: (name: string, _item: number, fallback: unknown) =>
			name === 'refuseRepeatSend' && refuseRepeatSend !== 'absent' ? refuseRepeatSend : fallback,
		getExecutionId: () => executionId,
		getNode: () => ({
			name: nodeName,
			type: 'n8n-nodes-hero-health.heroHealthTool',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			id: 'x',
		}),
	} as unknown as IExecuteFunctions;
}
const body = { patient_id: '2001', message_type: 'sms', message_string: 'Your results are ready.' };

describe('Refuse Repeat Send', () => {
	it('refuses the same body in the same execution, naming the first message, and never the patient data', () => {
		const ctx = context('exec-a');
		claimSend(ctx, 0, body)!.sent({ message_id: '1001' });
		let refusal: Error | undefined;
		try {
			claimSend(ctx, 0, { ...body });
		} catch (error) {
			refusal = error as Error;
		}
		expect(refusal?.message).toBe(
			'Refused: this message was already sent to this patient in this execution (message_id 1001); it was not sent again [row 1 (n8n item 0)]',
		);
		expect(refusal?.message).not.toContain('2001');
		expect(refusal?.message).not.toContain('results');
	});

	it('allows a different text, another patient, another execution, another node, and the same send after the window', () => {
		const now = Date.now();
		claimSend(context('exec-b'), 0, body, now)!.sent({ message_id: '1' });
		expect(
			claimSend(context('exec-b'), 0, { ...body, message_string: 'Another text' }, now),
		).toBeDefined();
		expect(claimSend(context('exec-b'), 0, { ...body, patient_id: '2002' }, now)).toBeDefined();
		expect(claimSend(context('exec-c'), 0, body, now)).toBeDefined();
		expect(claimSend(context('exec-b', true, 'Other send node'), 0, body, now)).toBeDefined();
		expect(() => claimSend(context('exec-b'), 0, body, now + 1000)).toThrow(/^Refused/);
		expect(claimSend(context('exec-b'), 0, body, now + REPEAT_WINDOW_MS + 1)).toBeDefined();
	});

	it('refuses a send while an identical one is in flight, and forgets a send that failed so a retry can go', () => {
		const first = claimSend(context('exec-d'), 0, body)!;
		expect(() => claimSend(context('exec-d'), 1, body)).toThrow(
			'Refused: this message was already sent to this patient in this execution; it was not sent again [row 2 (n8n item 1)]',
		);
		first.failed();
		expect(claimSend(context('exec-d'), 0, body)).toBeDefined();
	});

	it('is off when the option is off or absent (the plain node)', () => {
		claimSend(context('exec-e', false), 0, body);
		expect(claimSend(context('exec-e', false), 0, body)).toBeUndefined();
		expect(claimSend(context('exec-f', 'absent'), 0, body)).toBeUndefined();
	});
});

/**
 * Under n8n's MCP Server Trigger a tool runs before any execution exists
 * (`getExecutionId()` is undefined); the guard is then scoped to the workflow and the credential's
 * practice group, and says so.
 */
describe('Refuse Repeat Send outside an execution (MCP)', () => {
	/** A tool call under the MCP trigger: no execution id; the workflow and credential given. */
	function mcpContext(
		workflowId: string,
		credentials: Record<string, unknown>,
		nodeName = 'Send SMS',
	): IExecuteFunctions {
		return {
			getNodeParameter: (name: string, _item: number, fallback: unknown) =>
				name === 'refuseRepeatSend' ? true : fallback,
			getExecutionId: () => undefined,
			getWorkflow: () => ({ id: workflowId, name: 'MCP server', active: true }),
			getCredentials: async () => credentials,
			getNode: () => ({
				name: nodeName,
				type: 'n8n-nodes-hero-health.heroHealthTool',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
				id: 'x',
			}),
		} as unknown as IExecuteFunctions;
	}
	const practiceA = {
		environment: 'custom',
		baseUrl: 'http://127.0.0.1:9/',
		practiceGroupId: '1001',
		apiKey: 'k',
	};
	const claim = async (ctx: IExecuteFunctions, now: number) =>
		claimSend(ctx, 0, body, now, await practiceOf(ctx, 0));

	it('with no execution id, an identical send by the same workflow for the same practice group is refused, and the refusal names that scope', async () => {
		const now = Date.now();
		(await claim(mcpContext('wf-mcp-1', practiceA), now))!.sent({ message_id: '77' });
		await expect(claim(mcpContext('wf-mcp-1', { ...practiceA }), now + 1)).rejects.toThrow(
			'Refused: this message was already sent to this patient by this workflow for this practice group in the last 10 minutes (message_id 77); it was not sent again [row 1 (n8n item 0)]',
		);
	});

	it('with no execution id, another workflow, another practice group or another environment is not refused', async () => {
		const now = Date.now();
		(await claim(mcpContext('wf-mcp-2', practiceA), now))!.sent({ message_id: '78' });
		expect(await claim(mcpContext('wf-mcp-3', practiceA), now)).toBeDefined();
		expect(
			await claim(mcpContext('wf-mcp-2', { ...practiceA, practiceGroupId: '2002' }), now),
		).toBeDefined();
		expect(
			await claim(mcpContext('wf-mcp-2', { ...practiceA, baseUrl: 'http://127.0.0.1:10' }), now),
		).toBeDefined();
	});

	it('an unknown outcome outside an execution is kept, and the refusal names the workflow scope', async () => {
		const ctx = mcpContext('wf-mcp-4', practiceA);
		const now = Date.now();
		(await claim(ctx, now))!.failed(
			Object.assign(new Error('Hero answered 502'), { context: { outcomeUnknown: true } }),
		);
		await expect(claim(ctx, now + 1)).rejects.toThrow(
			'Refused: an identical message was sent earlier by this workflow for this practice group in the last 10 minutes and its outcome is unknown (it may have reached the patient); it was not sent again [row 1 (n8n item 0)]',
		);
	});

	it('inside an execution (an AI Agent) the credential is not read: the execution is the scope', async () => {
		const ctx = {
			...mcpContext('wf-mcp-5', practiceA),
			getExecutionId: () => 'exec-agent',
			getCredentials: () => Promise.reject(new Error('not read')),
		} as unknown as IExecuteFunctions;
		expect(await practiceOf(ctx, 0)).toBeUndefined();
	});
});

describe('the plain Hero Health node keeps its behaviour', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());

	it('two identical items in one run of the plain node are both sent (Refuse Repeat Send exists only on the tool)', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'message',
				operation: 'send',
				patientId: '2001',
				messageType: 'sms',
				message: 'Reminder: flu clinic on Saturday.',
				additionalFields: {},
			},
			items: [{}, {}],
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(2);
	});
});

/**
 * A send whose outcome is unknown may have reached the patient, so Refuse Repeat Send
 * keeps it. The node runs in n8n's engine as its AI-tool variant (where the option exists); two runs
 * with the same execution id stand for an agent calling Send twice in one execution.
 */
describe('Refuse Repeat Send keeps sends whose outcome is unknown', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	beforeEach(() => sandbox.reset());
	afterAll(() => sandbox.close());

	const SEND = '^/v1/messages/send$';
	let executions = 0;
	/** Calls Send (as the tool, Refuse Repeat Send on by default) twice with the same arguments in one execution. */
	const sendTwice = async (text: string, credentials?: { baseUrl: string }) => {
		const executionId = `exec-point2-${++executions}`;
		const call = () =>
			runHeroNode(sandbox, {
				parameters: {
					resource: 'message',
					operation: 'send',
					patientId: '2001',
					messageType: 'sms',
					message: text,
					additionalFields: {},
				},
				continueOnFail: true,
				asTool: true,
				executionId,
				credentials,
			});
		const first = await call();
		const second = await call();
		return [first.json[0], second.json[0]];
	};
	const smsTo2001 = (text: string) =>
		[...messages(sandbox.state).values()].filter(
			(m) => m.patient.id === '2001' && m.message === text,
		);
	const UNKNOWN_REFUSAL =
		'Refused: an identical message was sent earlier in this execution and its outcome is unknown (it may have reached the patient); it was not sent again [row 1 (n8n item 0)]';

	it('after Hero recorded the SMS and answered 502, the same send again is refused and the patient has one SMS', async () => {
		sandbox.faults.add({ kind: 'status-after', status: 502, method: 'POST', path: SEND, times: 1 });
		const text = 'Your blood test results are ready (502 case).';
		const [first, second] = await sendTwice(text);
		expect(first.error).toMatch(/may or may not have been carried out/);
		expect(second.error).toBe(UNKNOWN_REFUSAL);
		expect(second.description).toMatch(/^The earlier send got no usable answer from Hero/);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(1);
		expect(smsTo2001(text)).toHaveLength(1);
	});

	it('after Hero recorded the SMS and the connection was reset, the same send again is refused and the patient has one SMS', async () => {
		sandbox.faults.add({ kind: 'reset-after', method: 'POST', path: SEND, times: 1 });
		const text = 'Your blood test results are ready (reset case).';
		const [first, second] = await sendTwice(text);
		expect(first.error).toMatch(
			/^The connection to Hero was reset; the request may or may not have been carried out/,
		);
		expect(second.error).toBe(UNKNOWN_REFUSAL);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(1);
		expect(smsTo2001(text)).toHaveLength(1);
	});

	it('after Hero recorded the SMS and answered an empty 200, the same send again is refused and the patient has one SMS', async () => {
		sandbox.faults.add({ kind: 'empty-after', status: 200, method: 'POST', path: SEND, times: 1 });
		const text = 'Your blood test results are ready (empty 200 case).';
		const [first, second] = await sendTwice(text);
		expect(first.error).toMatch(
			/^Hero answered 200 with an empty body; the request may or may not have been carried out/,
		);
		expect(second.error).toBe(UNKNOWN_REFUSAL);
		expect(smsTo2001(text)).toHaveLength(1);
	});

	it('a send that stalled past the Timeout (Hero recorded it late) fails as outcome unknown, and the guard then refuses the same send', async () => {
		// The tool hides Request Options (its Timeout is the default 30 s): the stall is shown on the node
		// with a 300 ms Timeout, and its error handed to the guard as Send hands it.
		sandbox.faults.add({ kind: 'latency', latencyMs: 1_000, method: 'POST', path: SEND, times: 1 });
		const text = 'Your blood test results are ready (timeout case).';
		const run = await runHeroNode(sandbox, {
			parameters: {
				resource: 'message',
				operation: 'send',
				patientId: '2001',
				messageType: 'sms',
				message: text,
				additionalFields: {},
				requestOptions: { timeout: 300 },
			},
		});
		expect(run.error?.message).toMatch(
			/^The request to Hero timed out; the request may or may not have been carried out/,
		);
		expect(outcomeUnknown(run.error)).toBe(true);
		const ctx = context('exec-timeout');
		const sent = { patient_id: '2001', message_type: 'sms', message_string: text };
		claimSend(ctx, 0, sent)!.failed(run.error);
		expect(() => claimSend(ctx, 0, sent)).toThrow(UNKNOWN_REFUSAL);
		// The stalled request is handled once its latency has passed: one request, one SMS.
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(1);
		expect(smsTo2001(text)).toHaveLength(1);
	});

	it('after Hero refused the send with a 4xx, the same send may go again', async () => {
		sandbox.faults.add({
			kind: 'status',
			status: 400,
			method: 'POST',
			path: SEND,
			times: 1,
			body: {
				error: true,
				statusCode: 400,
				message: [
					{
						code: 'invalid_string',
						expected: 'a reachable mobile',
						path: ['recipient_contact_detail'],
					},
				],
			},
		});
		const text = 'Your blood test results are ready (400 case).';
		const [first, second] = await sendTwice(text);
		expect(first.error).toMatch(/^Hero rejected the request/);
		expect(second).toMatchObject({ message_id: expect.any(String) });
		expect(second.error).toBeUndefined();
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(2);
		expect(smsTo2001(text)).toHaveLength(1);
	});

	it('after a refused connection (the send never left n8n), the same send may go again', async () => {
		// A port nothing listens on: the connection is refused before any byte of the send is written.
		const closed = await startSandbox();
		const baseUrl = closed.url;
		await closed.close();
		const [first, second] = await sendTwice('Refused connection case.', { baseUrl });
		// The second call tried again (and met the same refusal); the guard did not stop it.
		expect(first.error).toMatch(/^Hero refused the connection/);
		expect(second.error).toMatch(/^Hero refused the connection/);
	}, 30_000);
});

describe('which failed calls were certainly not carried out', () => {
	it('only a 4xx answer or a connection that never opened is certain; 5xx, 3xx, an unusable 2xx, resets and timeouts are not', () => {
		const certain = (failure: Parameters<typeof certainlyNotCarriedOut>[0]) =>
			certainlyNotCarriedOut(failure);
		for (const status of [400, 401, 403, 404, 409, 422, 429])
			expect([status, certain({ status })]).toEqual([status, true]);
		for (const networkCode of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])
			expect([networkCode, certain({ networkCode })]).toEqual([networkCode, true]);
		for (const status of [200, 204, 301, 303, 500, 502, 503, 504])
			expect([status, certain({ status })]).toEqual([status, false]);
		for (const networkCode of ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EUNKNOWN'])
			expect([networkCode, certain({ networkCode })]).toEqual([networkCode, false]);
		// An answer over the size cap names neither a status nor a network code: it came, so it is unknown.
		expect(certain({})).toBe(false);
	});

	it('the guard forgets a send for an error that is not from a call to Hero (nothing was sent)', () => {
		const ctx = context('exec-not-sent');
		claimSend(ctx, 0, body)!.failed(new Error('stopped before the first request (check pass)'));
		expect(claimSend(ctx, 0, body)).toBeDefined();
	});
});
