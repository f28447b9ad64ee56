/**
 * Issue 18: Minimal Output keeps ids, statuses, types and times, and leaves out contact details,
 * names and free text, on Message → Send and on the trigger's record.
 */
import { minimalOutput } from '../../nodes/HeroHealth/privacy/minimalOutput';
import { runHeroNode } from '../harness/runNode';
import { startSandbox, type Sandbox } from '../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const TEXT = 'Dear Ada, your smear test is booked for 15 March at 09:30.';
const send = (minimal: boolean) => ({
	resource: 'message',
	operation: 'send',
	patientId: '2001',
	messageType: 'sms',
	message: TEXT,
	additionalFields: { recipientContactDetail: '07700 900123', fallbackMessageType: 'email', fallbackContactDetail: 'ada@example.com' },
	minimalOutput: minimal,
});

describe('Minimal Output', () => {
	it('Message → Send with Minimal Output outputs the message id, time and flags, and no message text or contact detail', async () => {
		const full = await runHeroNode(sandbox, { parameters: send(false) });
		expect(full.json[0].content).toBe(TEXT);
		const minimal = await runHeroNode(sandbox, { parameters: send(true) });
		expect(minimal.error).toBeUndefined();
		// Hero's answer less its free text (content, submitted_by); ids, times, flags and nulls stay.
		const kept: Record<string, unknown> = { ...full.json[0], message_id: minimal.json[0].message_id, created_at: minimal.json[0].created_at };
		delete kept.content;
		delete kept.submitted_by;
		expect(minimal.json[0]).toEqual(kept);
		expect(minimal.json[0]).toMatchObject({ message_id: expect.any(String), created_at: expect.any(String), write_to_record: false });
		const text = JSON.stringify(minimal.json);
		for (const secret of [TEXT, 'smear', '900123', 'ada@example.com']) expect(text).not.toContain(secret);
		// The option changes what n8n keeps, not what Hero is sent.
		expect(sandbox.received('POST', '/v1/messages/send').map((r) => r.body)).toEqual([expect.objectContaining({ message_string: TEXT }), expect.objectContaining({ message_string: TEXT })]);
	});

	it('keeps ids, statuses, types, times and flags at any depth, and drops names, contact details, NHS numbers, dates of birth and free text', () => {
		const patient = {
			id: '2001',
			title: 'Ms',
			first_name: 'Ada',
			last_name: 'Lovelace',
			dob: '1985-12-10',
			nhs_number: '9434765919',
			email: 'ada@example.com',
			mobile: '+447700900001',
			phone: 447700900001,
			postcode: 'LS1 4AP',
			status: 'active',
			practice_group_id: '1001',
			created_at: '2026-01-01T09:00:00.000Z',
			deceased: false,
			ehr: { ehr_id: 'E1', address: '1 Park Row', linked: true },
			contacts: [{ contact_type: 'mobile', value: '+447700900002' }],
			tags: ['diabetic'],
			count: 2,
		};
		expect(minimalOutput(patient)).toEqual({
			id: '2001',
			status: 'active',
			practice_group_id: '1001',
			created_at: '2026-01-01T09:00:00.000Z',
			deceased: false,
			ehr: { ehr_id: 'E1', linked: true },
			contacts: [{ contact_type: 'mobile' }],
			count: 2,
		});
	});
});
