/**
 * The trigger's record read. Its attempts fit inside the read's deadline, so a
 * first attempt that hangs is retried and the record still arrives in time; and once the run has
 * started without the record, the read is stopped: no attempt is made after that, and its
 * connection to Hero is closed.
 */
import { randomBytes } from 'node:crypto';

import { RECORD_READ_DEADLINE_MS } from '../../nodes/HeroHealth/trigger/records';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { usesSecret } from './capture';
import { sign, WebhookReceiver } from './webhookReceiver';

const SIGNING_KEY = `whsec-${randomBytes(16).toString('hex')}`;
const PATIENT_PATH = '/v2/patients/2001';

let sandbox: Sandbox;
let receiver: WebhookReceiver;
beforeAll(async () => {
	sandbox = await startSandbox();
	usesSecret(sandbox.apiKey, SIGNING_KEY);
	receiver = await new WebhookReceiver(sandbox, SIGNING_KEY, {
		events: ['patient.medical-record-updated'],
		fetchFullRecord: true,
	}).listen();
});
afterAll(async () => {
	await receiver.close();
	await sandbox.close();
});
beforeEach(() => {
	sandbox.reset();
	receiver.executions.length = 0;
});

const delivery = () =>
	JSON.stringify({
		object: 'Patient',
		id: '2001',
		practice_group_id: sandbox.practiceGroupId,
		event: 'patient.medical-record-updated',
	});
const signed = (body: string) => {
	const timestamp = String(Math.floor(Date.now() / 1000));
	return {
		'content-type': 'application/json',
		'x-herohealth-timestamp': timestamp,
		'x-herohealth-signature': sign(SIGNING_KEY, timestamp, body),
	};
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the trigger record read', () => {
	it('a first attempt that hangs is retried inside the deadline, and the run starts with the record', async () => {
		sandbox.faults.add({ kind: 'hang', method: 'GET', path: `^${PATIENT_PATH}$`, times: 1 });
		const body = delivery();
		const started = performance.now();
		const answer = await receiver.deliver(body, signed(body));
		const runMs = performance.now() - started;
		expect(answer.status).toBe(200);
		expect(receiver.executions).toHaveLength(1);
		const item = receiver.executions[0][0].json;
		expect(item.error).toBeUndefined();
		expect(item.record).toMatchObject({ hero_id: '2001' });
		expect(sandbox.received('GET', PATIENT_PATH).map((r) => r.status)).toEqual([-2, 200]);
		expect(runMs).toBeLessThan(RECORD_READ_DEADLINE_MS);
	}, 30_000);

	it('a read still unanswered at the deadline is stopped when the run starts without it: no attempt after that, its connection closed', async () => {
		sandbox.faults.add({ kind: 'hang', method: 'GET', path: `^${PATIENT_PATH}$` });
		const body = delivery();
		const answer = await receiver.deliver(body, signed(body));
		expect(answer.status).toBe(200);
		expect(receiver.executions).toHaveLength(1);
		expect(receiver.executions[0][0].json).toMatchObject({
			record: null,
			error: { message: expect.stringContaining(`within ${RECORD_READ_DEADLINE_MS / 1000} s`) },
		});
		const attemptsWhenRunStarted = sandbox.received('GET', PATIENT_PATH).length;
		expect(attemptsWhenRunStarted).toBeGreaterThanOrEqual(2);
		// Longer than any backoff step the read could still be waiting out.
		await pause(2_500);
		expect(sandbox.received('GET', PATIENT_PATH)).toHaveLength(attemptsWhenRunStarted);
		expect(sandbox.openConnections).toBe(0);
	}, 30_000);
});
