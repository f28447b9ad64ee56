import { sendFromItems } from '../harness/parameters';
import { runHeroNode } from '../harness/runNode';
import { startSandbox, type Sandbox } from '../sandbox/server';

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
		const result = await runHeroNode(sandbox, { parameters: sendFromItems({ requestsInFlight: 4 }), items });
		expect(result.json.map((json) => json.content)).toEqual(items.map((i) => `Hello ${i.n}`));
		expect(result.items.map((i) => i.pairedItem)).toEqual(items.map((_, index) => ({ item: index })));
	});

	it('never has more requests in flight than configured', async () => {
		sandbox.faults.add({ kind: 'latency', latencyMs: 20, path: '/v1/messages/send' });
		const items = Array.from({ length: 20 }, (_, n) => item(n));
		await runHeroNode(sandbox, { parameters: sendFromItems({ requestsInFlight: 3 }), items });
		expect(sandbox.peakInFlight).toBe(3);
		sandbox.reset();
		sandbox.faults.add({ kind: 'latency', latencyMs: 20, path: '/v1/messages/send' });
		await runHeroNode(sandbox, { parameters: sendFromItems({ requestsInFlight: 1 }), items: items.slice(0, 5) });
		expect(sandbox.peakInFlight).toBe(1);
	});

	it('Continue On Fail: the bad item becomes an error item, the others are sent', async () => {
		const items = [item(0), item(1, '12345'), item(2)];
		const result = await runHeroNode(sandbox, { parameters: sendFromItems(), items, continueOnFail: true });
		expect(result.json).toHaveLength(3);
		expect(result.json[0].message_id).toBeDefined();
		expect(result.json[1].error).toMatch(/^Recipient Contact Detail: expected a phone number.*\[item 1\]$/);
		expect(result.json[2].message_id).toBeDefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(2);
	});

	it('Continue On Fail also covers API errors, with the HTTP code', async () => {
		const items = [item(0), { ...item(1), patient: '424242' }];
		const result = await runHeroNode(sandbox, { parameters: sendFromItems(), items, continueOnFail: true });
		expect(result.json[1]).toMatchObject({ httpCode: '404' });
		expect(result.json[1].error).toContain('Hero found nothing');
	});

	it('without Continue On Fail, the first failure stops the run and starts no new item', async () => {
		// Item 1 is valid but Hero refuses it (unknown patient): item 0 was sent, items 2 and 3 never start.
		const items = [item(0), { ...item(1), patient: '424242' }, item(2), item(3)];
		const result = await runHeroNode(sandbox, { parameters: sendFromItems({ requestsInFlight: 1 }), items });
		expect(result.error?.message).toContain('Hero found nothing');
		expect((result.error?.context as { itemIndex?: number }).itemIndex).toBe(1);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(2);
	});

	it('without Continue On Fail, an invalid item stops the run before any request (finding 8)', async () => {
		const items = [item(0), item(1, 'bad'), item(2), item(3)];
		const result = await runHeroNode(sandbox, { parameters: sendFromItems({ requestsInFlight: 1 }), items });
		expect(result.error?.message).toContain('[item 1]');
		expect((result.error?.context as { itemIndex?: number }).itemIndex).toBe(1);
		expect(sandbox.requests).toHaveLength(0);
	});
});
