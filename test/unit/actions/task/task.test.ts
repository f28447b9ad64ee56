import { runHeroNode } from '../../../harness/runNode';
import { tasks } from '../../../sandbox/routes/tasks';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const update = (updateFields: Record<string, unknown>, taskId = '8001') => ({
	resource: 'task',
	operation: 'update',
	taskId,
	updateFields,
});
const patches = (id = '8001') => sandbox.received('PATCH', `/v1/tasks/${id}`);

describe('Task → Get', () => {
	it('gets a task from the v2 path with its status and patient', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'task', operation: 'get', taskId: '8001' },
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.received('GET', '/v2/tasks/8001')).toHaveLength(1);
		expect(result.json[0]).toMatchObject({
			id: '8001',
			type_label: 'Prescription request',
			status: 'open',
			category: 'prescriptions',
		});
		expect(result.json[0].patient).toMatchObject({ id: '2001', dob: '1985-12-10' });
	});

	it('maps an unknown task to 404 and rejects a non-numeric ID without calling Hero', async () => {
		const missing = await runHeroNode(sandbox, {
			parameters: { resource: 'task', operation: 'get', taskId: '9999999' },
		});
		expect(missing.error?.message).toBe('Task not found');
		expect(missing.error?.description).toContain('Hero answered 404 to GET /v2/tasks/9999999');
		const bad = await runHeroNode(sandbox, {
			parameters: { resource: 'task', operation: 'get', taskId: 'T-1' },
		});
		expect(bad.error?.message).toBe(
			'Task ID: expected a numeric Hero ID such as 1234 [row 1 (n8n item 0)]',
		);
		expect(sandbox.requests).toHaveLength(1);
	});
});

describe('Task → Update', () => {
	it('patches only the fields given, on the v1 path, and Hero answers { data: { id } }', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: update({ status: 'closed', priority: 'highest' }),
		});
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toEqual({ data: { id: '8001' } });
		expect(patches()).toHaveLength(1);
		expect(patches()[0].body).toEqual({ status: 'closed', priority: 'highest' });
		const got = await runHeroNode(sandbox, {
			parameters: { resource: 'task', operation: 'get', taskId: '8001' },
		});
		expect(got.json[0]).toMatchObject({ status: 'closed', priority: 'highest' });
	});

	it('assigns with the lower-case assignee types of this endpoint', async () => {
		await runHeroNode(sandbox, {
			parameters: update({ assigneeId: '7', assigneeType: 'admin_team' }),
		});
		expect(patches()[0].body).toEqual({ assignee_type: 'admin_team', assignee_id: '7' });
		expect(tasks(sandbox.state).get('8001')).toMatchObject({
			assignee_type: 'admin_team',
			assignee_id: '7',
		});
	});

	it('retries a 503 (setting fixed values is safe to repeat) and lands once', async () => {
		sandbox.faults.add({
			kind: 'status',
			status: 503,
			method: 'PATCH',
			path: '^/v1/tasks/8001$',
			times: 1,
		});
		const result = await runHeroNode(sandbox, { parameters: update({ status: 'in_progress' }) });
		expect(result.error).toBeUndefined();
		expect(patches()).toHaveLength(2);
		expect(tasks(sandbox.state).get('8001')?.status).toBe('in_progress');
	});

	it.each([
		['no field to change', {}, 'Update Fields: add at least one field to change'],
		[
			'an assignee ID without its type',
			{ assigneeId: '42' },
			'Assignee Type: Assignee ID and Assignee Type go together',
		],
		[
			'an assignee type without its ID',
			{ assigneeType: 'admin' },
			'Assignee ID: Assignee ID and Assignee Type go together',
		],
		[
			'a non-numeric assignee',
			{ assigneeId: 'Dr Shah', assigneeType: 'admin' },
			'Assignee ID: expected a numeric Hero ID',
		],
		[
			'an unknown status from an expression',
			{ status: '={{ "done" }}' },
			'Status: expected one of open, closed, in_progress',
		],
		[
			'an unknown priority from an expression',
			{ priority: '={{ "urgent" }}' },
			'Priority: expected one of lowest, low, medium, high, highest',
		],
		[
			'the Admin spelling of other endpoints',
			{ assigneeId: '42', assigneeType: '={{ "Admin" }}' },
			'Assignee Type: expected one of admin, admin_team',
		],
	])('rejects %s before sending, naming the field and item', async (_name, fields, expected) => {
		const result = await runHeroNode(sandbox, { parameters: update(fields) });
		expect(result.error?.message).toContain(expected);
		expect(result.error?.message).toContain('[row 1 (n8n item 0)]');
		expect(sandbox.requests).toHaveLength(0);
	});
});
