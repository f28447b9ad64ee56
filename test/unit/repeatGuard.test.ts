/**
 * Issue 16, exactly once under agents: Message → Send as a tool refuses an identical send in the same
 * execution (nodes/HeroHealth/actions/message/repeatGuard.ts). The AI Agent and MCP paths are proven
 * end to end in test/e2e/agents.e2e.test.ts and mcp.e2e.test.ts; these check the rule's edges and
 * that the plain node is unchanged.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { REPEAT_WINDOW_MS, claimSend } from '../../nodes/HeroHealth/actions/message/repeatGuard';
import { runHeroNode } from '../harness/runNode';
import { startSandbox, type Sandbox } from '../sandbox/server';

/** The few context calls the guard makes. */
function context(executionId: string, refuseRepeatSend: boolean | 'absent' = true, nodeName = 'Send SMS'): IExecuteFunctions {
	return {
		getNodeParameter: (name: string, _item: number, fallback: unknown) => (name === 'refuseRepeatSend' && refuseRepeatSend !== 'absent' ? refuseRepeatSend : fallback),
		getExecutionId: () => executionId,
		getNode: () => ({ name: nodeName, type: 'n8n-nodes-hero-health.heroHealthTool', typeVersion: 1, position: [0, 0], parameters: {}, id: 'x' }),
	} as unknown as IExecuteFunctions;
}
const body = { patient_id: '2001', message_type: 'sms', message_string: 'Your results are ready.' };

describe('finding (issue 16): Refuse Repeat Send', () => {
	it('refuses the same body in the same execution, naming the first message, and never the patient data', () => {
		const ctx = context('exec-a');
		claimSend(ctx, 0, body)!.sent({ message_id: '1001' });
		let refusal: Error | undefined;
		try {
			claimSend(ctx, 0, { ...body });
		} catch (error) {
			refusal = error as Error;
		}
		expect(refusal?.message).toBe('Refused: this message was already sent to this patient in this execution (message_id 1001); it was not sent again [item 0]');
		expect(refusal?.message).not.toContain('2001');
		expect(refusal?.message).not.toContain('results');
	});

	it('allows a different text, another patient, another execution, another node, and the same send after the window', () => {
		const now = Date.now();
		claimSend(context('exec-b'), 0, body, now)!.sent({ message_id: '1' });
		expect(claimSend(context('exec-b'), 0, { ...body, message_string: 'Another text' }, now)).toBeDefined();
		expect(claimSend(context('exec-b'), 0, { ...body, patient_id: '2002' }, now)).toBeDefined();
		expect(claimSend(context('exec-c'), 0, body, now)).toBeDefined();
		expect(claimSend(context('exec-b', true, 'Other send node'), 0, body, now)).toBeDefined();
		expect(() => claimSend(context('exec-b'), 0, body, now + 1000)).toThrow(/^Refused/);
		expect(claimSend(context('exec-b'), 0, body, now + REPEAT_WINDOW_MS + 1)).toBeDefined();
	});

	it('refuses a send while an identical one is in flight, and forgets a send that failed so a retry can go', () => {
		const first = claimSend(context('exec-d'), 0, body)!;
		expect(() => claimSend(context('exec-d'), 1, body)).toThrow('Refused: this message was already sent to this patient in this execution; it was not sent again [item 1]');
		first.failed();
		expect(claimSend(context('exec-d'), 0, body)).toBeDefined();
	});

	it('is off when the option is off or absent (the plain node)', () => {
		claimSend(context('exec-e', false), 0, body);
		expect(claimSend(context('exec-e', false), 0, body)).toBeUndefined();
		expect(claimSend(context('exec-f', 'absent'), 0, body)).toBeUndefined();
	});
});

describe('finding (issue 16): the plain Hero Health node keeps its behaviour', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());

	it('two identical items in one run of the plain node are both sent (Refuse Repeat Send exists only on the tool)', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'message', operation: 'send', patientId: '2001', messageType: 'sms', message: 'Reminder: flu clinic on Saturday.', additionalFields: {} },
			items: [{}, {}],
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(2);
	});
});
