import { runHeroNode } from '../harness/runNode';
import { startSandbox, type Sandbox } from '../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const send = (fields: Record<string, unknown> = {}, additionalFields: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'send',
	patientId: '2001',
	messageType: 'sms',
	message: 'Your appointment is confirmed.',
	additionalFields,
	...fields,
});

describe('Message → Send', () => {
	it('sends one request with both auth headers and a normalised phone', async () => {
		const result = await runHeroNode(sandbox, { parameters: send({}, { recipientContactDetail: '07700 900123' }) });
		expect(result.error).toBeUndefined();
		expect(result.json[0].message_id).toEqual(expect.any(String));
		const received = sandbox.received('POST', '/v1/messages/send');
		expect(received).toHaveLength(1);
		expect(received[0].headers['x-api-key']).toBe(sandbox.apiKey);
		expect(received[0].headers['x-practice-group-id']).toBe(sandbox.practiceGroupId);
		expect(received[0].body).toEqual({
			patient_id: '2001',
			message_type: 'sms',
			message_string: 'Your appointment is confirmed.',
			recipient_contact_detail: '+447700900123',
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});
});
