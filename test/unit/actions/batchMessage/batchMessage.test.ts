import { execute as getManyInBatchExecute } from '../../../../nodes/HeroHealth/actions/message/getManyInBatch.operation';
import { execute as getSendsExecute } from '../../../../nodes/HeroHealth/actions/batchMessage/getSends.operation';
import { runHeroNode } from '../../../harness/runNode';
import { batches } from '../../../sandbox/routes/batches';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

// Seeded patients: Ada (2001) 943 476 5919 born 1985-12-10, Alan (2002) 943 476 5870.
// 943 476 5927 passes the check digit but belongs to no seeded patient.
const ADA = { nhsNumber: '943 476 5919', dateOfBirth: '1985-12-10' };
const ALAN = { nhsNumber: '9434765870', dateOfBirth: '' };
const STRANGER = { nhsNumber: '943 476 5927', dateOfBirth: '' };
const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });

const create = (
	fields: Record<string, unknown> = {},
	recipient: Array<Record<string, unknown>> = [ADA, ALAN],
) => ({
	resource: 'batchMessage',
	operation: 'create',
	name: 'Flu clinic 2026',
	channel: 'SMS',
	content: 'Flu jabs are now available: reply or call to book.',
	specifyRecipients: 'fields',
	recipients: { recipient },
	...fields,
});

async function createBatch(recipient = [ADA, ALAN, STRANGER]): Promise<string> {
	const result = await runHeroNode(sandbox, { parameters: create({}, recipient) });
	expect(result.error).toBeUndefined();
	return String(result.json[0].id);
}

describe('Batch Message → Create', () => {
	it('posts the documented body (NHS numbers as Hero writes them, dob or null) and returns a CREATED batch', async () => {
		const result = await runHeroNode(sandbox, { parameters: create() });
		expect(result.error).toBeUndefined();
		const posts = sandbox.received('POST', '/v1/batch_message');
		expect(posts).toHaveLength(1);
		expect(posts[0].body).toEqual({
			name: 'Flu clinic 2026',
			channel: 'SMS',
			content: 'Flu jabs are now available: reply or call to book.',
			recipients: [
				{ nhs_number: '943 476 5919', dob: '1985-12-10' },
				{ nhs_number: '943 476 5870', dob: null },
			],
		});
		expect(result.json[0]).toEqual({
			id: expect.any(String),
			name: 'Flu clinic 2026',
			status: 'CREATED',
			channel: 'SMS',
			content: 'Flu jabs are now available: reply or call to book.',
		});
		expect(batches(sandbox.state).get(String(result.json[0].id))?.sends).toEqual([]);
	});

	it('sends the subject for an email batch, and requires it', async () => {
		const ok = await runHeroNode(sandbox, {
			parameters: create({ channel: 'EMAIL', subject: 'Your flu vaccination' }),
		});
		expect(ok.error).toBeUndefined();
		expect(sandbox.received('POST', '/v1/batch_message')[0].body).toMatchObject({
			channel: 'EMAIL',
			subject: 'Your flu vaccination',
		});

		sandbox.reset();
		const missing = await runHeroNode(sandbox, {
			parameters: create({ channel: 'EMAIL', subject: '={{ $json.nothing }}' }),
		});
		expect(missing.error?.message).toBe('Subject: is required [row 1 (n8n item 0)]');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('never sends a subject for SMS or NHS App batches', async () => {
		await runHeroNode(sandbox, { parameters: create({ channel: 'NHS_APP', subject: 'ignored' }) });
		expect(sandbox.received('POST', '/v1/batch_message')[0].body).not.toHaveProperty('subject');
	});

	it('takes the recipients from JSON text or from an expression that yields a list', async () => {
		const json = JSON.stringify([
			{ nhs_number: '9434765919', dob: '1985-12-10' },
			{ nhs_number: '943-476-5870', dob: null },
		]);
		const fromText = await runHeroNode(sandbox, {
			parameters: create({ specifyRecipients: 'json', recipientsJson: json }),
		});
		expect(fromText.error).toBeUndefined();
		const fromExpression = await runHeroNode(sandbox, {
			parameters: create({ specifyRecipients: 'json', recipientsJson: '={{ $json.people }}' }),
			items: [
				{
					people: [{ nhs_number: '943 476 5919', dob: '1985-12-10' }, { nhs_number: '9434765870' }],
				},
			],
		});
		expect(fromExpression.error).toBeUndefined();
		const bodies = sandbox
			.received('POST', '/v1/batch_message')
			.map((r) => (r.body as { recipients: unknown }).recipients);
		const expected = [
			{ nhs_number: '943 476 5919', dob: '1985-12-10' },
			{ nhs_number: '943 476 5870', dob: null },
		];
		expect(bodies).toEqual([expected, expected]);
	});

	it.each([
		[
			'a wrong check digit',
			create({}, [{ nhsNumber: '943 476 5918' }]),
			'Recipients: recipient 1: expected a valid 10-digit NHS number',
		],
		[
			'a missing NHS number',
			create({}, [ADA, { nhsNumber: '' }]),
			'Recipients: recipient 2 has no NHS number',
		],
		[
			'the same patient twice',
			create({}, [ADA, ALAN, { nhsNumber: '9434765919' }]),
			'Recipients: recipient 3 repeats the NHS number of recipient 1',
		],
		[
			'a future date of birth',
			create({}, [{ nhsNumber: '9434765919', dateOfBirth: '2999-01-01' }]),
			'Recipients: recipient 1: date of birth is in the future',
		],
		[
			'a malformed date of birth',
			create({}, [{ nhsNumber: '9434765919', dateOfBirth: '10/12/1985' }]),
			'Recipients: recipient 1: expected a date of birth',
		],
		['no recipients', create({}, []), 'Recipients: add at least one recipient'],
		[
			'JSON that is not JSON',
			create({ specifyRecipients: 'json', recipientsJson: '[{nhs_number: 9434765919' }),
			'Recipients (JSON): expected a JSON list',
		],
		[
			'JSON that is not a list',
			create({ specifyRecipients: 'json', recipientsJson: '{"nhs_number": "9434765919"}' }),
			'Recipients (JSON): expected a list of recipients',
		],
		[
			'a JSON recipient with an unknown field',
			create({
				specifyRecipients: 'json',
				recipientsJson: '[{"nhs_number": "9434765919", "dob": null, "mobile": "07700900001"}]',
			}),
			'Recipients (JSON): recipient 1 has a field Hero does not accept',
		],
		['an empty name', create({ name: '  ' }), 'Name: is required'],
		['an empty content', create({ content: '={{ "" }}' }), 'Content: is required'],
		[
			'an unknown channel',
			create({ channel: 'FAX' }),
			'Channel: expected one of SMS, EMAIL, NHS_APP',
		],
	])(
		'rejects %s before sending, naming the field and item',
		async (_name, parameters, expected) => {
			const result = await runHeroNode(sandbox, { parameters });
			expect(result.error?.message).toContain(expected);
			expect(result.error?.message).toContain('[row 1 (n8n item 0)]');
			expect(sandbox.requests).toHaveLength(0);
		},
	);

	it('never repeats a rejected NHS number or date of birth in the error', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: create({}, [{ nhsNumber: '943 476 5918', dateOfBirth: '1985-12-10' }]),
		});
		expect(result.error?.message).not.toMatch(/943|5918|1985/);
		const dob = await runHeroNode(sandbox, {
			parameters: create({}, [{ nhsNumber: '9434765919', dateOfBirth: '31/02/1985' }]),
		});
		expect(dob.error?.message).not.toMatch(/9434765919|31\/02/);
	});
});

describe('Batch Message → Send', () => {
	it('sends once with no body; the batch moves to SENDING then COMPLETED and gets one send per recipient', async () => {
		const id = await createBatch();
		const sent = await runHeroNode(sandbox, {
			parameters: { resource: 'batchMessage', operation: 'send', batchId: rl(id) },
		});
		expect(sent.error).toBeUndefined();
		expect(sent.json[0]).toMatchObject({ id, status: 'SENDING' });
		const patches = sandbox.received('PATCH', `/v1/batch_message/${id}/send`);
		expect(patches).toHaveLength(1);
		expect(patches[0].rawBody).toBe('');

		const batch = batches(sandbox.state).get(id)!;
		expect(batch.sendCount).toBe(1);
		expect(batch.sends.map((s) => s.status)).toEqual(['QUEUED', 'QUEUED', 'ENRICHMENT_ERROR']);

		const got = await runHeroNode(sandbox, {
			parameters: { resource: 'batchMessage', operation: 'get', batchId: rl(id, 'id') },
		});
		expect(got.json[0]).toMatchObject({ id, status: 'COMPLETED', name: 'Flu clinic 2026' });
	});

	it('is refused by Hero the second time (409), and the batch is sent only once', async () => {
		const id = await createBatch();
		await runHeroNode(sandbox, {
			parameters: { resource: 'batchMessage', operation: 'send', batchId: rl(id) },
		});
		const again = await runHeroNode(sandbox, {
			parameters: { resource: 'batchMessage', operation: 'send', batchId: rl(id) },
		});
		expect(again.error?.description).toContain('Hero answered 409 to PATCH /v1/batch_message/');
		expect(again.error?.message).toContain('already been sent');
		expect((again.error as { httpCode?: string }).httpCode).toBe('409');
		expect(batches(sandbox.state).get(id)?.sendCount).toBe(1);
		expect(batches(sandbox.state).get(id)?.sends).toHaveLength(3);
	});

	it.each([
		['the connection drops after Hero acted on it', { kind: 'reset-after' as const }],
		['Hero answers 503', { kind: 'status' as const, status: 503 }],
		['Hero answers 502', { kind: 'status' as const, status: 502 }],
	])(
		'is never resent when %s: one request, and the item says to check before resending',
		async (_name, fault) => {
			const id = await createBatch();
			sandbox.faults.add({ ...fault, method: 'PATCH', path: '/send$' });
			const result = await runHeroNode(sandbox, {
				parameters: { resource: 'batchMessage', operation: 'send', batchId: rl(id) },
			});
			expect(result.error?.message).toContain('may or may not have been carried out');
			expect(sandbox.received('PATCH', `/v1/batch_message/${id}/send`)).toHaveLength(1);
			expect(batches(sandbox.state).get(id)?.sendCount ?? 0).toBeLessThanOrEqual(1);
		},
	);

	it('retries a 429 (Hero did not act on it) and sends exactly once', async () => {
		const id = await createBatch();
		sandbox.faults.add({
			kind: 'status',
			status: 429,
			retryAfter: 0,
			method: 'PATCH',
			path: '/send$',
			times: 1,
		});
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'batchMessage', operation: 'send', batchId: rl(id) },
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.received('PATCH', `/v1/batch_message/${id}/send`)).toHaveLength(2);
		expect(batches(sandbox.state).get(id)?.sendCount).toBe(1);
	});

	it('rejects an ID that is not numeric without calling Hero, and maps an unknown batch to 404', async () => {
		// Typed in "By ID" mode, n8n's own check refuses it; from an expression, the node does.
		await expect(
			runHeroNode(sandbox, {
				parameters: { resource: 'batchMessage', operation: 'send', batchId: rl('abc', 'id') },
			}),
		).rejects.toThrow('workflow has issues');
		const bad = await runHeroNode(sandbox, {
			parameters: {
				resource: 'batchMessage',
				operation: 'send',
				batchId: rl('={{ $json.batch }}', 'id'),
			},
			items: [{ batch: 'abc' }],
		});
		expect(bad.error?.message).toBe(
			'Batch Message: expected a numeric Hero ID such as 1234 [row 1 (n8n item 0)]',
		);
		expect(sandbox.requests).toHaveLength(0);
		const missing = await runHeroNode(sandbox, {
			parameters: { resource: 'batchMessage', operation: 'send', batchId: rl('999999') },
		});
		expect(missing.error?.message).toBe('Batch message not found');
		expect(missing.error?.description).toContain(
			'Hero answered 404 to PATCH /v1/batch_message/999999/send',
		);
	});
});

describe('Batch Message → Get, Get Many, Get Recipients, Get Sends', () => {
	it('Get Many lists the batches (newest first) and filters by status', async () => {
		const id = await createBatch();
		const all = await runHeroNode(sandbox, {
			parameters: { resource: 'batchMessage', operation: 'getMany', returnAll: true },
		});
		expect(all.json.map((b) => b.id)).toEqual([id, '5001']);
		const created = await runHeroNode(sandbox, {
			parameters: {
				resource: 'batchMessage',
				operation: 'getMany',
				returnAll: false,
				limit: 10,
				filters: { status: 'CREATED' },
			},
		});
		expect(created.json.map((b) => b.id)).toEqual([id]);
		const lists = sandbox.received('GET', '/v1/batch_message');
		expect(lists[1].query).toEqual({ status: 'CREATED', page_index: '0', page_size: '10' });
	});

	it("Get Many: every documented status filter can match, a batch matching by its recipients' statuses", async () => {
		const send = (id: string) =>
			runHeroNode(sandbox, {
				parameters: { resource: 'batchMessage', operation: 'send', batchId: rl(id, 'id') },
			});
		const mixed = await createBatch(); // Ada, Alan (QUEUED), a stranger (ENRICHMENT_ERROR)
		await send(mixed);
		// Rosalind (2005) has no email: matched, but nothing to queue.
		const made = await runHeroNode(sandbox, {
			parameters: create({ channel: 'EMAIL', subject: 'Flu jabs' }, [
				{ nhsNumber: '943 476 5811', dateOfBirth: '1960-07-25' },
				ADA,
			]),
		});
		const email = String(made.json[0].id);
		await send(email);
		// The node refuses a bad NHS number, so this batch is posted to the sandbox directly.
		const response = await fetch(`${sandbox.url}/v1/batch_message`, {
			method: 'POST',
			headers: {
				'x-api-key': sandbox.apiKey,
				'x-practice-group-id': sandbox.practiceGroupId,
				'content-type': 'application/json',
			},
			body: JSON.stringify({
				name: 'Typo',
				channel: 'SMS',
				content: 'Hello',
				recipients: [{ nhs_number: '123 456 7890', dob: null }],
			}),
		});
		const invalid = String(((await response.json()) as { id: string }).id);
		await send(invalid);
		const unsent = await createBatch([ALAN]);

		const filtered = async (status: string) =>
			(
				await runHeroNode(sandbox, {
					parameters: {
						resource: 'batchMessage',
						operation: 'getMany',
						returnAll: true,
						filters: { status },
					},
				})
			).json.map((b) => b.id);
		// Newest first; the seeded batch 5001 has QUEUED and ENRICHMENT_ERROR recipients.
		expect(await filtered('CREATED')).toEqual([unsent]);
		expect(await filtered('ENRICHMENT_ERROR')).toEqual([mixed, '5001']);
		expect(await filtered('ENRICHED')).toEqual([email]);
		expect(await filtered('INVALID_PAYLOAD')).toEqual([invalid]);
		expect(await filtered('QUEUED')).toEqual([email, mixed, '5001']);
		// The filter is not the batch's own status: a sent batch is COMPLETED, yet matches QUEUED.
		const queued = await runHeroNode(sandbox, {
			parameters: {
				resource: 'batchMessage',
				operation: 'getMany',
				returnAll: true,
				filters: { status: 'QUEUED' },
			},
		});
		expect(queued.json.map((b) => b.status)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
		expect(
			batches(sandbox.state)
				.get(email)
				?.recipients.map((r) => r.status),
		).toEqual(['ENRICHED', 'QUEUED']);
		expect(
			batches(sandbox.state)
				.get(email)
				?.sends.map((s) => s.status),
		).toEqual(['ENRICHED', 'QUEUED']);
	});

	it('Get Recipients shows CREATED before the send and the matching result after it', async () => {
		const id = await createBatch();
		const params = {
			resource: 'batchMessage',
			operation: 'getRecipients',
			batchId: rl(id),
			returnAll: true,
		};
		const before = await runHeroNode(sandbox, { parameters: params });
		expect(before.json.map((r) => r.status)).toEqual(['CREATED', 'CREATED', 'CREATED']);
		await runHeroNode(sandbox, {
			parameters: { resource: 'batchMessage', operation: 'send', batchId: rl(id) },
		});
		const after = await runHeroNode(sandbox, { parameters: params });
		expect(after.json.map((r) => [r.nhs_number, r.status])).toEqual([
			['943 476 5919', 'QUEUED'],
			['943 476 5870', 'QUEUED'],
			['943 476 5927', 'ENRICHMENT_ERROR'],
		]);
		const filtered = await runHeroNode(sandbox, {
			parameters: { ...params, filters: { status: 'ENRICHMENT_ERROR' } },
		});
		expect(filtered.json).toHaveLength(1);
		expect(
			sandbox.received('GET', `/v1/batch_message/${id}/recipients`).at(-1)?.query,
		).toMatchObject({ status: 'ENRICHMENT_ERROR' });
	});

	it('Get Recipients pages through the seeded 120 (Return All) and stops at Limit', async () => {
		const all = await runHeroNode(sandbox, {
			parameters: {
				resource: 'batchMessage',
				operation: 'getRecipients',
				batchId: rl('5001'),
				returnAll: true,
			},
		});
		expect(all.json).toHaveLength(120);
		expect(
			sandbox.received('GET', '/v1/batch_message/5001/recipients').map((r) => r.query.page_index),
		).toEqual(['0', '1']);
		sandbox.reset();
		const some = await runHeroNode(sandbox, {
			parameters: {
				resource: 'batchMessage',
				operation: 'getRecipients',
				batchId: rl('5001'),
				returnAll: false,
				limit: 7,
			},
		});
		expect(some.json).toHaveLength(7);
		expect(sandbox.received('GET', '/v1/batch_message/5001/recipients')).toHaveLength(1);
	});

	it('Get Sends lists the messages a send created; each queued one is a message Message → Get can read', async () => {
		const id = await createBatch();
		const none = await runHeroNode(sandbox, {
			parameters: {
				resource: 'batchMessage',
				operation: 'getSends',
				batchId: rl(id),
				returnAll: true,
			},
		});
		expect(none.json).toEqual([]);
		await runHeroNode(sandbox, {
			parameters: { resource: 'batchMessage', operation: 'send', batchId: rl(id) },
		});
		const sends = await runHeroNode(sandbox, {
			parameters: {
				resource: 'batchMessage',
				operation: 'getSends',
				batchId: rl(id),
				returnAll: true,
			},
		});
		expect(sends.json).toHaveLength(3);
		const queued = sends.json.filter((s) => s.status === 'QUEUED');
		expect(queued).toHaveLength(2);
		const message = await runHeroNode(sandbox, {
			parameters: { resource: 'message', operation: 'get', messageId: queued[0].id },
		});
		expect(message.json[0]).toMatchObject({
			message_type: 'sms',
			campaign: { id, name: 'Flu clinic 2026' },
			patient: { id: '2001' },
		});
	});

	it('Message → Get Many in a Batch is the same code as Get Sends, and gives the same records', async () => {
		expect(getManyInBatchExecute).toBe(getSendsExecute);
		const viaMessage = await runHeroNode(sandbox, {
			parameters: {
				resource: 'message',
				operation: 'getManyInBatch',
				batchId: '5001',
				returnAll: false,
				limit: 30,
			},
		});
		const viaBatch = await runHeroNode(sandbox, {
			parameters: {
				resource: 'batchMessage',
				operation: 'getSends',
				batchId: rl('5001'),
				returnAll: false,
				limit: 30,
			},
		});
		expect(viaMessage.json).toHaveLength(30);
		expect(viaBatch.json).toEqual(viaMessage.json);
		const [first, second] = sandbox.received('GET', '/v1/batch_message/5001/messages');
		expect(second.query).toEqual(first.query);
	});
});
