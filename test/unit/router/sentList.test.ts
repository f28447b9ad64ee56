/**
 * The lists a run-stopping error adds ("Already sent to Hero", "may have been
 * carried out") name exactly the items whose write left n8n: never an item refused at the
 * connection or stopped by the credential before anything was sent, and every write that changes
 * data at Hero, the repeatable ones (PATCH updates, Patient Create or Update) included.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

import { sendFromItems } from '../../harness/parameters';
import { runHeroNode } from '../../harness/runNode';
import { slots } from '../../sandbox/routes/slots';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const MAY_HAVE = 'may have been carried out';
const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const item = (n: number, patient = '2001') => ({ n, patient, phone: '07700900123' });

/** A local port nothing listens on: connecting to it is refused at once. */
async function closedPort(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return `http://127.0.0.1:${port}`;
}

describe('the "already sent" list names the requests that left n8n', () => {
	it('sends refused at the connection (ECONNREFUSED) are not listed as may have been carried out', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: 3 }),
			items: [item(0), item(1), item(2)],
			credentials: { baseUrl: await closedPort() },
		});
		expect(result.error?.message).toContain('refused the connection');
		expect(`${result.error?.message}\n${result.error?.description}`).not.toContain(MAY_HAVE);
		expect(result.error?.description).not.toMatch(/Already sent/);
	}, 30_000);

	it('sends stopped by the credential before leaving n8n (http:// base URL to another machine) are not listed as may have been carried out', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: 3 }),
			items: [item(0), item(1), item(2)],
			credentials: { baseUrl: 'http://hero.example.org' },
		});
		expect(result.error?.description).toContain('Nothing was sent');
		expect(`${result.error?.message}\n${result.error?.description}`).not.toContain(MAY_HAVE);
		expect(sandbox.requests).toEqual([]);
	});

	it('sends Hero refused for the API key (401) are not listed as may have been carried out', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: 3 }),
			items: [item(0), item(1), item(2)],
			credentials: { apiKey: 'wrong-key' },
		});
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(3);
		expect(result.error?.message).toContain('did not accept the API key');
		expect(`${result.error?.message}\n${result.error?.description}`).not.toContain(MAY_HAVE);
	});

	it('a repeatable write (Task → Update, a PATCH) that went through is listed as already sent when a later item stops the run', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'task',
				operation: 'update',
				taskId: '={{ $json.task }}',
				updateFields: { status: 'closed' },
				requestOptions: { requestsInFlight: 1 },
			},
			items: [{ task: '8001' }, { task: '9999999' }],
		});
		expect(sandbox.received('PATCH')).toHaveLength(2);
		expect((result.error?.context as { itemIndex?: number }).itemIndex).toBe(1);
		expect(result.error?.description).toContain(
			'Already sent to Hero before the run stopped (1): row 1.',
		);
		expect(result.error?.message).toContain('1 other item was already sent');
	});

	it('a read made with POST (Slot → Check Availability) that went through is not listed as already sent', async () => {
		const slot = [...slots(sandbox.state).values()].find(
			(s) =>
				s.appointment_type_id === '4001' && Date.parse(s.start_time) > Date.now() + 48 * 3_600_000,
		)!;
		// Two checks at once; whichever reaches Hero first is refused, the other is answered.
		sandbox.faults.add({ kind: 'status', status: 400, path: '^/v1/slots/availability$', times: 1 });
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'slot',
				operation: 'checkAvailability',
				practitionerId: rl(slot.practitioner_id),
				appointmentTypeId: rl('4001'),
				locationId: rl('3001', 'id'),
				startTime: slot.start_time,
				duration: 15,
				requestOptions: { requestsInFlight: 2 },
			},
			items: [{}, {}],
		});
		expect(
			sandbox
				.received('POST', '/v1/slots/availability')
				.map((r) => r.status)
				.sort(),
		).toEqual([200, 400]);
		expect(result.error?.message).toMatch(/^Hero rejected the request/);
		expect(result.error?.description).not.toMatch(/Already sent|may have been carried out/);
	});
});
