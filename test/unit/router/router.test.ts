import { sendFromItems } from '../../harness/parameters';
import { runHeroNode } from '../../harness/runNode';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const item = (n: number, phone = '07700900123') => ({ n, patient: '2001', phone });

describe('router', () => {
	it('keeps output order and pairedItem for every item, also with several in flight', async () => {
		sandbox.faults.add({ kind: 'latency', latencyMs: 30, path: '/v1/messages/send', times: 1 }); // the first answer comes last
		const items = Array.from({ length: 12 }, (_, n) => item(n));
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: 4 }),
			items,
		});
		expect(result.json.map((json) => json.content)).toEqual(items.map((i) => `Hello ${i.n}`));
		expect(result.items.map((i) => i.pairedItem)).toEqual(
			items.map((_, index) => ({ item: index })),
		);
	});

	it('never has more requests in flight than configured', async () => {
		sandbox.faults.add({ kind: 'latency', latencyMs: 20, path: '/v1/messages/send' });
		const items = Array.from({ length: 20 }, (_, n) => item(n));
		await runHeroNode(sandbox, { parameters: sendFromItems({ requestsInFlight: 3 }), items });
		expect(sandbox.peakInFlight).toBe(3);
		sandbox.reset();
		sandbox.faults.add({ kind: 'latency', latencyMs: 20, path: '/v1/messages/send' });
		await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: 1 }),
			items: items.slice(0, 5),
		});
		expect(sandbox.peakInFlight).toBe(1);
	});

	it('Continue On Fail: the bad item becomes an error item, the others are sent', async () => {
		const items = [item(0), item(1, '12345'), item(2)];
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems(),
			items,
			continueOnFail: true,
		});
		expect(result.json).toHaveLength(3);
		expect(result.json[0].message_id).toBeDefined();
		expect(result.json[1].error).toMatch(
			/^Recipient Contact Detail: expected a phone number.*\[row 2 \(n8n item 1\)\]$/,
		);
		expect(result.json[2].message_id).toBeDefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(2);
	});

	it('Continue On Fail also covers API errors, with the HTTP code', async () => {
		// Hero refuses items 1 and 4 (unknown patient), item 3 is invalid: every item still ends with a
		// result or an error of its own, in order, and the others are sent.
		const items = [
			item(0),
			{ ...item(1), patient: '424242' },
			item(2),
			item(3, '12345'),
			{ ...item(4), patient: '424243' },
			item(5),
		];
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: 3 }),
			items,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual(
			items.map((_, index) => ({ item: index })),
		);
		for (const n of [1, 4]) {
			expect(result.json[n]).toEqual({
				error: expect.stringContaining('Patient not found'),
				description: expect.stringContaining('Hero answered 404 to POST /v1/messages/send'),
				httpCode: '404',
				// The row as a person counts it, and the patient its send named.
				row: n + 1,
				patient_id: items[n].patient,
			});
		}
		expect(result.json[3].error).toMatch(
			/^Recipient Contact Detail: expected a phone number.*\[row 4 \(n8n item 3\)\]$/,
		);
		expect(result.json[3]).not.toHaveProperty('message_id');
		const stored = (sandbox.state.snapshot().messages ?? []) as Array<{
			id: string;
			message: string;
		}>;
		for (const n of [0, 2, 5]) {
			expect(result.json[n]).not.toHaveProperty('error');
			expect(stored.filter((m) => m.message === `Hello ${n}`).map((m) => String(m.id))).toEqual([
				String(result.json[n].message_id),
			]);
		}
		expect(stored).toHaveLength(3);
		// The invalid item never reached Hero; the two refused ones did, once each.
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(5);
	});

	it('without Continue On Fail, the first failure stops the run and starts no new item', async () => {
		// Item 1 is valid but Hero refuses it (unknown patient): item 0 was sent, items 2 and 3 never start.
		const items = [item(0), { ...item(1), patient: '424242' }, item(2), item(3)];
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: 1 }),
			items,
		});
		expect(result.error?.message).toContain('Patient not found');
		expect((result.error?.context as { itemIndex?: number }).itemIndex).toBe(1);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(2);
	});

	it('without Continue On Fail, an invalid item stops the run before any request', async () => {
		const items = [item(0), item(1, 'bad'), item(2), item(3)];
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: 1 }),
			items,
		});
		expect(result.error?.message).toContain('[row 2 (n8n item 1)]');
		expect((result.error?.context as { itemIndex?: number }).itemIndex).toBe(1);
		expect(sandbox.requests).toHaveLength(0);
	});
});
