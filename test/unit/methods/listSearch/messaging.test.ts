/**
 * The "From list" dropdowns of the batch message, template, automated message and admin locators,
 * run in n8n-core's own LoadOptionsContext (the context n8n gives listSearch methods in the editor),
 * with the real httpRequestWithAuthentication against the sandbox.
 */
import type { IDataObject, INodeListSearchResult } from 'n8n-workflow';

import { automatedMessageLabel } from '../../../../nodes/HeroHealth/methods/listSearch/automatedMessages';
import { INFERRED } from '../../../../nodes/HeroHealth/transport/inferred';
import { searchList } from '../../../harness/listSearch';
import { runHeroNode } from '../../../harness/runNode';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

async function search(
	method: string,
	parameters: IDataObject,
	filter?: string,
	token?: string,
): Promise<INodeListSearchResult> {
	return searchList(sandbox, method, parameters, filter, token);
}

describe('Batch Message "From list"', () => {
	it('lists batches newest first with channel and status, and filters by name', async () => {
		await runHeroNode(sandbox, {
			parameters: {
				resource: 'batchMessage',
				operation: 'create',
				name: 'Asthma review',
				channel: 'SMS',
				content: 'Time for your asthma review.',
				specifyRecipients: 'fields',
				recipients: { recipient: [{ nhsNumber: '9434765919' }] },
			},
		});
		const all = await search('searchBatchMessages', {
			resource: 'batchMessage',
			operation: 'send',
		});
		expect(all.results.map((r) => r.name)).toEqual([
			'Asthma review (SMS, CREATED)',
			'Flu clinic invitations (SMS, COMPLETED)',
		]);
		expect(all.paginationToken).toBeUndefined();
		const lists = sandbox.received('GET', '/v1/batch_message');
		expect(lists[0].headers['x-api-key']).toBe(sandbox.apiKey);
		expect(lists[0].query).toEqual({
			page_index: String(INFERRED.firstPageIndex),
			page_size: String(INFERRED.pageSize),
		});
		const flu = await search('searchBatchMessages', {}, 'FLU');
		expect(flu.results).toEqual([
			{ name: 'Flu clinic invitations (SMS, COMPLETED)', value: '5001' },
		]);
	});
});

describe('Template "From list"', () => {
	it('lists every template by name in one request, and filters', async () => {
		const all = await search('searchMessageTemplates', { resource: 'message', operation: 'send' });
		expect(all.results).toEqual([
			{
				name: 'Appointment reminder: Reminder: you have an appointment at the surgery. Reply CANCEL if you cannot…',
				value: '11',
			},
			{
				name: 'Flu clinic invitation: You are invited to our flu clinic. Reply YES to be booked in.',
				value: '12',
			},
			{
				name: 'Blood test results: normal: Your recent blood test results are normal. No action is needed.',
				value: '13',
			},
			{ name: 'Friends and family survey', value: '14' },
		]);
		expect(sandbox.received('GET', '/v1/templates')[0].query).toEqual({});
		const flu = await search('searchMessageTemplates', {}, 'flu');
		expect(flu.results.map((r) => r.value)).toEqual(['12']);
	});
});

describe('Automated Message "From list"', () => {
	it('pages with a token (130 seeded, pages of 100), newest first', async () => {
		const first = await search('searchAutomatedMessages', {});
		expect(first.results).toHaveLength(100);
		expect(first.results[0].value).toBe('7001');
		expect(first.paginationToken).toBe(String(INFERRED.firstPageIndex + 1));
		const second = await search(
			'searchAutomatedMessages',
			{},
			undefined,
			first.paginationToken as string | undefined,
		);
		expect(second.results).toHaveLength(30);
		expect(second.paginationToken).toBeUndefined();
		expect(sandbox.received('GET', '/v2/automated_messages').map((r) => r.query)).toEqual([
			{ orderBy: 'createdAt', order_descending: 'true', page_index: '0', page_size: '100' },
			{ orderBy: 'createdAt', order_descending: 'true', page_index: '1', page_size: '100' },
		]);
	});

	it('labels each with the inferred fields it has', () => {
		expect(
			automatedMessageLabel({
				id: '7001',
				notification_type: 'recall',
				status: 'SENT',
				created_at: '2026-10-31T00:00:00.000Z',
			}),
		).toBe('#7001 · recall · SENT · 2026-10-31T00:00:00.000Z');
		expect(automatedMessageLabel({ id: '9' })).toBe('#9');
	});
});

describe('Admin "From list"', () => {
	it('lists admins by first name with their email, and finds them by name', async () => {
		const all = await search('searchAdmins', { resource: 'admin', operation: 'update' });
		expect(all.results[0]).toEqual({
			name: 'Aisha Khan (aisha.khan@sandbox-surgery.nhs.uk)',
			value: '44',
		});
		expect(all.results).toHaveLength(6);
		expect(sandbox.received('GET', '/v1/admins')[0].query).toMatchObject({
			order_by: 'first_name',
		});
		const shah = await search('searchAdmins', {}, 'shah');
		expect(shah.results.map((r) => r.value)).toEqual(['42']);
	});
});
