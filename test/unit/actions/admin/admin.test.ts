import { runHeroNode } from '../../../harness/runNode';
import { admins } from '../../../sandbox/routes/admins';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const update = (updateFields: Record<string, unknown>, adminId: unknown = rl('43')) => ({
	resource: 'admin',
	operation: 'update',
	adminId,
	updateFields,
});
const patches = (id = '43') => sandbox.received('PATCH', `/v1/admins/${id}`);

describe('Admin → Get Many', () => {
	it('lists admins, paged, with the documented order options', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'admin',
				operation: 'getMany',
				returnAll: true,
				options: { orderBy: 'first_name', orderDescending: true },
			},
		});
		expect(result.json.map((a) => a.first_name)).toEqual([
			'Tom',
			'Priya',
			'Mei',
			'Liam',
			'Gareth',
			'Aisha',
		]);
		expect(sandbox.received('GET', '/v1/admins')[0].query).toEqual({
			order_by: 'first_name',
			order_descending: 'true',
			page_index: '0',
			page_size: '100',
		});
		expect(result.json[0]).toEqual({
			id: '43',
			first_name: 'Tom',
			last_name: 'Evans',
			email: 'tom.evans@sandbox-surgery.nhs.uk',
			external_prescriber_id: null,
			prescriber_details: null,
		});
	});

	it('stops at Limit', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'admin', operation: 'getMany', returnAll: false, limit: 2 },
		});
		expect(result.json).toHaveLength(2);
		expect(sandbox.received('GET', '/v1/admins')[0].query).toEqual({
			page_index: '0',
			page_size: '2',
		});
	});
});

describe('Admin → Update', () => {
	it('sets the external prescriber ID and prescriber details; Hero answers { admin_id }', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: update({
				externalPrescriberId: ' RX-0043 ',
				prescriberDetails: {
					details: {
						name: 'Dr Tom Evans',
						email: 'tom.evans@sandbox-surgery.nhs.uk',
						registrationCode: '7054321',
					},
				},
			}),
		});
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toEqual({ admin_id: '43' });
		expect(patches()[0].body).toEqual({
			external_prescriber_id: 'RX-0043',
			prescriber_details: {
				name: 'Dr Tom Evans',
				email: 'tom.evans@sandbox-surgery.nhs.uk',
				registration_code: '7054321',
			},
		});
		expect(admins(sandbox.state).get('43')).toMatchObject({
			external_prescriber_id: 'RX-0043',
			prescriber_details: { registration_code: '7054321' },
		});
	});

	it('clears both (sent as null), for an admin given by ID', async () => {
		await runHeroNode(sandbox, {
			parameters: update(
				{ clearExternalPrescriberId: true, clearPrescriberDetails: true },
				rl('42', 'id'),
			),
		});
		expect(patches('42')[0].body).toEqual({
			external_prescriber_id: null,
			prescriber_details: null,
		});
		expect(admins(sandbox.state).get('42')).toMatchObject({
			external_prescriber_id: null,
			prescriber_details: null,
		});
	});

	it('maps an unknown admin to 404', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: update({ externalPrescriberId: 'RX-1' }, rl('999')),
		});
		expect(result.error?.message).toBe('Admin not found');
		expect(result.error?.description).toContain('Hero answered 404 to PATCH /v1/admins/999');
	});

	it.each([
		['nothing to change', {}, 'Update Fields: add at least one field to change'],
		[
			'an ID and its clearing together',
			{ externalPrescriberId: 'RX-1', clearExternalPrescriberId: true },
			'Clear External Prescriber ID: cannot be on while External Prescriber ID is set',
		],
		[
			'details and their clearing together',
			{ prescriberDetails: { details: { name: 'Dr X' } }, clearPrescriberDetails: true },
			'Clear Prescriber Details: cannot be on while Prescriber Details are set',
		],
		[
			'an empty external prescriber ID',
			{ externalPrescriberId: '  ' },
			'External Prescriber ID: is empty',
		],
		[
			'empty prescriber details',
			{ prescriberDetails: { details: { name: '' } } },
			'Prescriber Details: fill in at least one of Name, Email, Registration Code',
		],
		[
			'a malformed prescriber email',
			{ prescriberDetails: { details: { email: 'tom.evans@' } } },
			'Prescriber Details: Email: expected an email address',
		],
	])('rejects %s before sending, naming the field and item', async (_name, fields, expected) => {
		const result = await runHeroNode(sandbox, { parameters: update(fields) });
		expect(result.error?.message).toContain(expected);
		expect(result.error?.message).toContain('[row 1 (n8n item 0)]');
		expect(result.error?.message).not.toContain('tom.evans');
		expect(sandbox.requests).toHaveLength(0);
	});
});
