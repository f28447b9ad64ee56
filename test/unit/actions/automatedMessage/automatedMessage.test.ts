import { runHeroNode } from '../../../harness/runNode';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const list = (extra: Record<string, unknown> = {}) => ({
	resource: 'automatedMessage',
	operation: 'getMany',
	returnAll: true,
	...extra,
});
const calls = () => sandbox.received('GET', '/v2/automated_messages');

describe('Automated Message → Get Many', () => {
	it('Return All walks every page (130 seeded, pages of 100)', async () => {
		const result = await runHeroNode(sandbox, { parameters: list() });
		expect(result.json).toHaveLength(130);
		expect(new Set(result.json.map((m) => m.id)).size).toBe(130);
		expect(calls().map((r) => r.query.page_index)).toEqual(['0', '1']);
	});

	it('sends the filters and orderBy (camelCase, as documented) and gets only matching messages', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: list({
				filters: {
					recipientId: '2001',
					status: 'INVALIDATED',
					notificationType: 'appointment_reminder',
				},
				options: { orderBy: 'createdAt', orderDescending: true },
			}),
		});
		expect(calls()[0].query).toEqual({
			orderBy: 'createdAt',
			order_descending: 'true',
			recipient_id: '2001',
			status: 'INVALIDATED',
			notification_type: 'appointment_reminder',
			page_index: '0',
			page_size: '100',
		});
		expect(result.json.length).toBeGreaterThan(0);
		for (const message of result.json)
			expect(message).toMatchObject({
				recipient_id: '2001',
				status: 'INVALIDATED',
				notification_type: 'appointment_reminder',
			});
		const dates = result.json.map((m) => String(m.created_at));
		expect(dates).toEqual([...dates].sort().reverse());
	});

	it('stops at Limit', async () => {
		const result = await runHeroNode(sandbox, { parameters: list({ returnAll: false, limit: 3 }) });
		expect(result.json).toHaveLength(3);
		expect(calls()).toHaveLength(1);
	});

	it.each([
		[
			'a non-numeric recipient',
			{ filters: { recipientId: 'Ada' } },
			'Recipient ID: expected a numeric Hero ID',
		],
		[
			'a status that is an object',
			{ filters: { status: { value: 'SENT' } } },
			'Status: expected text',
		],
	])('rejects %s before sending, naming the field and item', async (_name, extra, expected) => {
		const result = await runHeroNode(sandbox, { parameters: list(extra) });
		expect(result.error?.message).toContain(expected);
		expect(result.error?.message).toContain('[row 1 (n8n item 0)]');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Automated Message → Get', () => {
	it('gets one from the v2 path, picked from the list or by ID', async () => {
		const fromList = await runHeroNode(sandbox, {
			parameters: {
				resource: 'automatedMessage',
				operation: 'get',
				automatedMessageId: rl('7003'),
			},
		});
		expect(fromList.json[0]).toMatchObject({ id: '7003', notification_type: 'recall' });
		const byId = await runHeroNode(sandbox, {
			parameters: {
				resource: 'automatedMessage',
				operation: 'get',
				automatedMessageId: rl('7004', 'id'),
			},
		});
		expect(byId.json[0]).toMatchObject({ id: '7004' });
		expect(sandbox.received('GET').map((r) => r.path)).toEqual([
			'/v2/automated_messages/7003',
			'/v2/automated_messages/7004',
		]);
	});

	it('maps an unknown one to 404', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'automatedMessage', operation: 'get', automatedMessageId: rl('1') },
		});
		expect(result.error?.message).toBe('Automated message not found');
		expect(result.error?.description).toContain(
			'Hero answered 404 to GET /v2/automated_messages/1',
		);
	});
});
