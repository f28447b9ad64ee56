import { runHeroNode } from '../../../harness/runNode';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const list = (extra: Record<string, unknown> = {}) => ({
	resource: 'episode',
	operation: 'getMany',
	returnAll: true,
	...extra,
});
const calls = () => sandbox.received('GET', '/v1/episodes');
const PRIORITY_RANK = ['lowest', 'low', 'medium', 'high', 'highest'];

describe('Episode → Get Many', () => {
	it('Return All walks every page (130 seeded episodes, pages of 100), each with its tasks and patient', async () => {
		const result = await runHeroNode(sandbox, { parameters: list() });
		expect(result.json).toHaveLength(130);
		expect(calls().map((r) => r.query)).toEqual([
			{ page_index: '0', page_size: '100' },
			{ page_index: '1', page_size: '100' },
		]);
		expect(result.json[0]).toMatchObject({ id: '6001', patient: { id: '2001' } });
		expect((result.json[0].tasks as Array<{ id: string }>).map((t) => t.id)).toEqual([
			'8001',
			'8002',
		]);
	});

	it('sends filters under their literal bracketed names, repeating the key for each value', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: list({
				filters: {
					statuses: ['open', 'closed'],
					priorities: ['high', 'highest'],
					assigneeTypes: ['Admin'],
					assigneeIds: '42, 43',
				},
			}),
		});
		expect(result.error).toBeUndefined();
		expect(calls()[0].query).toEqual({
			'status[]': ['open', 'closed'],
			'priority[]': ['high', 'highest'],
			'assignee_type[]': 'Admin',
			'assignee_id[]': ['42', '43'],
			page_index: '0',
			page_size: '100',
		});
		expect(result.json.length).toBeGreaterThan(0);
		for (const episode of result.json) {
			expect(['open', 'closed']).toContain(episode.status);
			expect(['high', 'highest']).toContain(episode.priority);
			expect((episode.assignees as Array<{ type: string; id: string }>)[0]).toMatchObject({
				type: 'Admin',
			});
		}
	});

	it('finds unassigned episodes', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: list({ filters: { assigneeTypes: ['Unassigned'] } }),
		});
		expect(result.json.length).toBeGreaterThan(0);
		expect(result.json.every((e) => (e.assignees as unknown[]).length === 0)).toBe(true);
	});

	it('sorts by several rules: order_by[] with order_descending[] in the same order', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: list({
				returnAll: false,
				limit: 40,
				sort: {
					rule: [
						{ field: 'priority', descending: true },
						{ field: 'created_at', descending: false },
					],
				},
			}),
		});
		expect(calls()[0].query).toMatchObject({
			'order_by[]': ['priority', 'created_at'],
			'order_descending[]': ['true', 'false'],
		});
		const ranks = result.json.map((e) => PRIORITY_RANK.indexOf(String(e.priority)));
		expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
		expect(result.json[0].priority).toBe('highest');
	});

	it('the sandbox refuses unbracketed names, so the bracketed ones are what makes filtering work', async () => {
		// Guard for the test above: the same filter without brackets is an unknown parameter.
		const response = await fetch(`${sandbox.url}/v1/episodes?status=open`, {
			headers: { 'x-api-key': sandbox.apiKey, 'x-practice-group-id': sandbox.practiceGroupId },
		});
		expect(response.status).toBe(400);
	});

	it.each([
		[
			'non-numeric assignee IDs',
			{ filters: { assigneeIds: '42, Dr Shah' } },
			'Assignee IDs: expected numeric Hero IDs',
		],
		[
			'a field sorted twice',
			{ sort: { rule: [{ field: 'priority' }, { field: 'priority', descending: true }] } },
			'Sort: each field may be used once',
		],
		[
			'an unknown status from an expression',
			{ filters: { statuses: '={{ ["open", "snoozed"] }}' } },
			'Statuses: expected one of open, closed, in_progress',
		],
	])('rejects %s before sending, naming the field and item', async (_name, extra, expected) => {
		const result = await runHeroNode(sandbox, { parameters: list(extra) });
		expect(result.error?.message).toContain(expected);
		expect(result.error?.message).toContain('[row 1 (n8n item 0)]');
		expect(sandbox.requests).toHaveLength(0);
	});
});
