/**
 * Webhook → Create / Get Many / Delete in the action node, against the sandbox's webhook API (the
 * same one the Hero Health Trigger registers with). Signing keys are secrets: Hero's answers show
 * them as [hidden]; Create returns a key only when the node generated it.
 */
import { hideSecrets } from '../../../../nodes/HeroHealth/privacy/hideSecrets';
import { HERO_EVENT_NAMES } from '../../../../nodes/HeroHealth/webhooks/events';
import { INFERRED } from '../../../../nodes/HeroHealth/transport/inferred';
import { searchList } from '../../../harness/listSearch';
import { runHeroNode } from '../../../harness/runNode';
import {
	WEBHOOK_EVENTS,
	deliveryPolicy,
	webhooks,
	type SandboxWebhook,
} from '../../../sandbox/routes/webhooks';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const HOOK_URL = 'https://crm.example.com/hero-events';
const create = (
	fields: Record<string, unknown> = {},
	additionalFields: Record<string, unknown> = {},
) => ({
	resource: 'webhook',
	operation: 'create',
	eventType: 'appointment.confirmed',
	url: HOOK_URL,
	signingKey: '',
	additionalFields,
	...fields,
});
const posts = () => sandbox.received('POST', '/v1/webhooks');
const stored = () => [...webhooks(sandbox.state).values()];

/** Registrations put straight into the sandbox, each with a signing key. */
function seed(count: number, event = 'appointment.confirmed'): SandboxWebhook[] {
	const made: SandboxWebhook[] = [];
	for (let n = 0; n < count; n++) {
		const now = new Date().toISOString();
		const webhook: SandboxWebhook = {
			id: sandbox.state.nextId(),
			event_type: event,
			url: `https://hooks.example.com/${event}/${n}`,
			signing_key: `seeded-key-${n}`,
			created_at: now,
			updated_at: now,
		};
		webhooks(sandbox.state).set(webhook.id, webhook);
		made.push(webhook);
	}
	return made;
}

describe('Webhook → Create', () => {
	it('offers exactly the events the trigger offers (one list), and the sandbox accepts each', () => {
		expect([...HERO_EVENT_NAMES].sort()).toEqual([...WEBHOOK_EVENTS].sort());
	});

	it('sends the documented body with a given key; the key is not returned', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: create(
				{ eventType: 'appointment.cancelled', signingKey: ' my-own-signing-key ' },
				{
					description: ' CRM sync ',
					headers: {
						header: [
							{ name: 'X-Api-Key', value: 'static-secret' },
							{ name: 'X-Source', value: 'hero' },
						],
					},
				},
			),
		});
		expect(result.error).toBeUndefined();
		expect(posts()).toHaveLength(1);
		expect(posts()[0].body).toEqual({
			event_type: 'appointment.cancelled',
			url: HOOK_URL,
			signing_key: 'my-own-signing-key',
			headers: { 'X-Api-Key': 'static-secret', 'X-Source': 'hero' },
			description: 'CRM sync',
		});
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({
			id: stored()[0].id,
			event_type: 'appointment.cancelled',
			url: HOOK_URL,
			signing_key: '[hidden]',
			signing_key_generated: false,
		});
		expect(JSON.stringify(result.json)).not.toContain('my-own-signing-key');
		expect(stored()[0].signing_key).toBe('my-own-signing-key');
	});

	it('generates a random key when none is given and returns it once; later reads hide it', async () => {
		const first = await runHeroNode(sandbox, { parameters: create() });
		const second = await runHeroNode(sandbox, {
			parameters: create({ eventType: 'prescription.issued' }),
		});
		const [a, b] = posts().map((r) => (r.body as { signing_key: string }).signing_key);
		expect(a).toMatch(/^[0-9a-f]{64}$/);
		expect(b).toMatch(/^[0-9a-f]{64}$/);
		expect(a).not.toBe(b);
		expect(posts()[0].body).toEqual({
			event_type: 'appointment.confirmed',
			url: HOOK_URL,
			signing_key: a,
		});
		expect(first.json[0]).toMatchObject({ signing_key: a, signing_key_generated: true });
		expect(second.json[0]).toMatchObject({ signing_key: b, signing_key_generated: true });
		expect(stored().map((w) => w.signing_key)).toEqual([a, b]);

		const listed = await runHeroNode(sandbox, {
			parameters: { resource: 'webhook', operation: 'getMany', returnAll: true },
		});
		expect(listed.json.map((w) => w.signing_key)).toEqual(['[hidden]', '[hidden]']);
		expect(JSON.stringify(listed.json)).not.toContain(a);
	});

	it('is not repeated when Hero answers 503 (the registration may exist already)', async () => {
		sandbox.faults.add({ kind: 'status', status: 503, method: 'POST', path: '^/v1/webhooks$' });
		const result = await runHeroNode(sandbox, {
			parameters: create({ signingKey: 'key-not-in-errors' }),
		});
		expect(result.error).toBeDefined();
		expect(posts()).toHaveLength(1);
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain(
			'key-not-in-errors',
		);
	});
});

describe('Webhook → Get Many', () => {
	it('returns every registration in one request (Hero documents no paging), keys hidden', async () => {
		const made = seed(3);
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'webhook', operation: 'getMany', returnAll: true },
		});
		expect(result.json.map((w) => w.id)).toEqual(made.map((w) => w.id));
		expect(result.json[0]).toEqual({
			id: made[0].id,
			event_type: 'appointment.confirmed',
			url: made[0].url,
			signing_key: '[hidden]',
			created_at: made[0].created_at,
			updated_at: made[0].updated_at,
		});
		expect(JSON.stringify(result.json)).not.toContain('seeded-key');
		const calls = sandbox.received('GET', '/v1/webhooks');
		expect(calls).toHaveLength(1);
		expect(calls[0].query).toEqual({});
	});

	it('applies Limit to what Hero returns, and sends the Event Type filter', async () => {
		seed(3);
		const cancelled = seed(2, 'appointment.cancelled');
		const limited = await runHeroNode(sandbox, {
			parameters: { resource: 'webhook', operation: 'getMany', returnAll: false, limit: 2 },
		});
		expect(limited.json).toHaveLength(2);
		const filtered = await runHeroNode(sandbox, {
			parameters: {
				resource: 'webhook',
				operation: 'getMany',
				returnAll: true,
				filters: { eventType: 'appointment.cancelled' },
			},
		});
		expect(filtered.json.map((w) => w.id)).toEqual(cancelled.map((w) => w.id));
		expect(sandbox.received('GET', '/v1/webhooks').map((r) => r.query)).toEqual([
			{},
			{ event_type: 'appointment.cancelled' },
		]);
	});

	it('Return All reads the registrations beyond the first page, as the trigger does', async () => {
		const made = seed(45);
		const all = await runHeroNode(sandbox, {
			parameters: { resource: 'webhook', operation: 'getMany', returnAll: true },
		});
		expect(all.json.map((w) => w.id)).toEqual(made.map((w) => w.id));
		const limited = await runHeroNode(sandbox, {
			parameters: { resource: 'webhook', operation: 'getMany', returnAll: false, limit: 30 },
		});
		expect(limited.json.map((w) => w.id)).toEqual(made.slice(0, 30).map((w) => w.id));
	});

	it('refuses an unknown Event Type filter without calling Hero', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'webhook',
				operation: 'getMany',
				returnAll: true,
				filters: { eventType: '={{ "appointment.created" }}' },
			},
		});
		expect(result.error?.message).toMatch(
			/^Event Type: expected one of .* \[row 1 \(n8n item 0\)\]$/,
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Webhook → Delete', () => {
	it('deletes by ID at the inferred path; the output confirms it, key hidden', async () => {
		const [one, two] = seed(2);
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'webhook', operation: 'delete', webhookId: rl(one.id, 'id') },
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.received('DELETE', INFERRED.webhookPath(one.id))).toHaveLength(1);
		expect(result.json).toEqual([
			{
				id: one.id,
				event_type: one.event_type,
				url: one.url,
				signing_key: '[hidden]',
				created_at: one.created_at,
				updated_at: one.updated_at,
				deleted: true,
			},
		]);
		expect(stored().map((w) => w.id)).toEqual([two.id]);
	});

	it('lists webhooks "From list" as event → url, filters by the typed text, and deletes the one picked', async () => {
		const [confirmed] = seed(1);
		const [cancelled] = seed(1, 'appointment.cancelled');
		const all = await searchList(sandbox, 'searchWebhooks', {
			resource: 'webhook',
			operation: 'delete',
		});
		expect(all.results).toEqual([
			{ name: `appointment.confirmed → ${confirmed.url}`, value: confirmed.id },
			{ name: `appointment.cancelled → ${cancelled.url}`, value: cancelled.id },
		]);
		expect(all.paginationToken).toBeUndefined();
		const [request] = sandbox.received('GET', '/v1/webhooks');
		expect(request.query).toEqual({});
		expect(request.headers['x-api-key']).toBe(sandbox.apiKey);
		expect(JSON.stringify(all)).not.toContain('seeded-key');

		const narrowed = await searchList(sandbox, 'searchWebhooks', {}, 'CANCELLED');
		expect(narrowed.results.map((r) => r.value)).toEqual([cancelled.id]);

		const picked = narrowed.results[0].value as string;
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'webhook', operation: 'delete', webhookId: rl(picked) },
		});
		expect(result.json[0]).toMatchObject({ id: cancelled.id, deleted: true });
		expect(stored().map((w) => w.id)).toEqual([confirmed.id]);
	});

	it('when Hero answers the delete but still lists the webhook, the item fails saying it was not deleted', async () => {
		const [one] = seed(1);
		deliveryPolicy(sandbox.state).deleteKeepsRegistration = true;
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'webhook', operation: 'delete', webhookId: rl(one.id, 'id') },
		});
		expect(sandbox.received('DELETE', INFERRED.webhookPath(one.id))).toHaveLength(1);
		expect(sandbox.received('GET', '/v1/webhooks')).toHaveLength(1);
		expect(result.json).toEqual([]);
		expect(result.error?.message).toBe(
			`Webhook ${one.id} was not deleted: Hero answered the delete but still lists it`,
		);
		expect(result.error?.description).toContain('inferred');
		expect(stored().map((w) => w.id)).toEqual([one.id]);
	});

	it('a 404 to the delete of a webhook Hero still lists (a wrong delete path) is reported as not deleted, not as not found', async () => {
		const [one] = seed(1);
		sandbox.faults.add({
			kind: 'status',
			status: 404,
			method: 'DELETE',
			body: { error: 'Not Found', statusCode: 404, message: 'Cannot DELETE' },
		});
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'webhook', operation: 'delete', webhookId: rl(one.id, 'id') },
		});
		expect(result.error?.message).toBe(
			`Webhook ${one.id} was not deleted: Hero answered the delete with 404 but still lists it`,
		);
		expect(stored().map((w) => w.id)).toEqual([one.id]);
	});

	it('reports a webhook Hero does not have as not found', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'webhook', operation: 'delete', webhookId: rl('999999', 'id') },
		});
		expect(result.error?.httpCode).toBe('404');
		expect(sandbox.received('DELETE')).toHaveLength(1);
	});

	it('refuses an ID that is missing or not an ID without calling Hero', async () => {
		const missing = await runHeroNode(sandbox, {
			parameters: {
				resource: 'webhook',
				operation: 'delete',
				webhookId: rl('={{ $json.missing }}', 'id'),
			},
		});
		expect(missing.error?.message).toBe('Webhook: is required [row 1 (n8n item 0)]');
		const path = await runHeroNode(sandbox, {
			parameters: {
				resource: 'webhook',
				operation: 'delete',
				webhookId: rl('={{ "../me" }}', 'id'),
			},
		});
		expect(path.error?.message).toBe(
			'Webhook: expected a Hero webhook ID such as 1234 [row 1 (n8n item 0)]',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Webhook headers are secrets', () => {
	it('Create, Get Many and Delete output the header names Hero echoes with every value as [hidden]', async () => {
		const headers = {
			header: [
				{ name: 'X-Receiver-Secret', value: 'static-receiver-secret' },
				{ name: 'Authorization', value: 'Bearer crm-token-123' },
			],
		};
		const created = await runHeroNode(sandbox, {
			parameters: create({ signingKey: 'typed-signing-key' }, { headers }),
		});
		expect(created.error).toBeUndefined();
		// Hero was sent the real values, and echoes them back (the sandbox does as Hero's sample does).
		expect(posts()[0].body).toMatchObject({
			headers: {
				'X-Receiver-Secret': 'static-receiver-secret',
				Authorization: 'Bearer crm-token-123',
			},
		});
		const id = stored()[0].id;
		const echoed = await (
			await fetch(`${sandbox.url}/v1/webhooks`, {
				headers: { 'x-api-key': sandbox.apiKey, 'x-practice-group-id': sandbox.practiceGroupId },
			})
		).json();
		expect(JSON.stringify(echoed)).toContain('static-receiver-secret');

		const hidden = { 'X-Receiver-Secret': '[hidden]', Authorization: '[hidden]' };
		expect(created.json[0]).toMatchObject({ id, signing_key: '[hidden]', headers: hidden });
		const listed = await runHeroNode(sandbox, {
			parameters: { resource: 'webhook', operation: 'getMany', returnAll: true },
		});
		expect(listed.json).toEqual([
			expect.objectContaining({ id, signing_key: '[hidden]', headers: hidden }),
		]);
		const deleted = await runHeroNode(sandbox, {
			parameters: { resource: 'webhook', operation: 'delete', webhookId: rl(id, 'id') },
		});
		expect(deleted.json).toEqual([
			expect.objectContaining({ id, signing_key: '[hidden]', headers: hidden, deleted: true }),
		]);
		for (const output of [created, listed, deleted])
			expect(JSON.stringify(output.json)).not.toMatch(
				/static-receiver-secret|crm-token-123|typed-signing-key/,
			);
	});

	it('hides headers Hero might send in another shape as a whole, and leaves a webhook without secrets as it is', () => {
		expect(
			hideSecrets({
				id: '1',
				headers: [{ name: 'X-Receiver-Secret', value: 'static-receiver-secret' }],
			}),
		).toEqual({ id: '1', headers: '[hidden]' });
		expect(hideSecrets({ id: '1', headers: 'X-Receiver-Secret: static-receiver-secret' })).toEqual({
			id: '1',
			headers: '[hidden]',
		});
		expect(hideSecrets({ id: '1', url: HOOK_URL, headers: null, signing_key: '' })).toEqual({
			id: '1',
			url: HOOK_URL,
			headers: null,
			signing_key: '',
		});
	});
});

describe('Webhook → Create: validation before sending', () => {
	const URL_ERROR =
		'URL: expected an http or https URL such as https://example.com/hero-events [row 1 (n8n item 0)]';

	it.each([
		'crm.example.com/hero-events',
		'ftp://crm.example.com/x',
		'http:///hero-events',
		'https://crm.example .com/x',
		'https://?q=1',
		'mailto:ops@example.com',
	])('refuses the URL %j, naming the field and not the value, and sends nothing', async (url) => {
		const result = await runHeroNode(sandbox, {
			parameters: create({ url: '={{ $json.url }}', signingKey: 'secret-typed-key' }),
			items: [{ url }],
		});
		expect(result.error?.message).toBe(URL_ERROR);
		expect(result.error?.description).toBe(
			'Row 1 was not sent to Hero. Correct "URL" and run again.',
		);
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain(url);
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain(
			'secret-typed-key',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('refuses a missing or unknown Event Type and a missing URL', async () => {
		const missing = await runHeroNode(sandbox, {
			parameters: create({ eventType: '={{ $json.event }}' }),
		});
		expect(missing.error?.message).toBe('Event Type: is required [row 1 (n8n item 0)]');
		const unknown = await runHeroNode(sandbox, {
			parameters: create({ eventType: '={{ "appointment.created" }}' }),
		});
		expect(unknown.error?.message).toBe(
			`Event Type: expected one of ${HERO_EVENT_NAMES.join(', ')} [row 1 (n8n item 0)]`,
		);
		const noUrl = await runHeroNode(sandbox, {
			parameters: create({ url: '={{ $json.missing }}' }),
		});
		expect(noUrl.error?.message).toBe('URL: is required [row 1 (n8n item 0)]');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('refuses bad headers and a key given as an object, never repeating a secret', async () => {
		const header = (name: unknown, value: unknown) =>
			create({}, { headers: { header: [{ name, value }] } });
		const cases: Array<[Record<string, unknown>, string]> = [
			[header('', 'v'), 'Headers: Name: is required for every header [row 1 (n8n item 0)]'],
			[
				header('X Api Key', 'v'),
				'Headers: Name: expected a header name of letters, digits and dashes such as X-Api-Key [row 1 (n8n item 0)]',
			],
			[
				create(
					{},
					{
						headers: {
							header: [
								{ name: 'X-Token', value: 'a' },
								{ name: 'x-token', value: 'b' },
							],
						},
					},
				),
				'Headers: Name: each header can be given only once [row 1 (n8n item 0)]',
			],
			[
				header('X-Token', '={{ "line-one\\nInjected: header-secret" }}'),
				'Headers: Value: cannot contain line breaks [row 1 (n8n item 0)]',
			],
			[
				create({ signingKey: '={{ $json.key }}' }),
				'Signing Key: expected text, got an object or list [row 1 (n8n item 0)]',
			],
		];
		for (const [parameters, message] of cases) {
			const result = await runHeroNode(sandbox, {
				parameters,
				items: [{ key: { key: 'object-secret' } }],
			});
			expect(result.error?.message).toBe(message);
			expect(`${result.error?.message} ${result.error?.description}`).not.toMatch(
				/header-secret|object-secret/,
			);
		}
		expect(sandbox.requests).toHaveLength(0);
	});

	it('with Continue On Fail, an invalid item becomes an error item and the others are created', async () => {
		const items = [
			{ url: 'https://a.example.com/hook' },
			{ url: 'not a url' },
			{ url: 'https://b.example.com/hook' },
		];
		const result = await runHeroNode(sandbox, {
			parameters: create({ url: '={{ $json.url }}' }),
			items,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.json[1]).toEqual({
			error:
				'URL: expected an http or https URL such as https://example.com/hero-events [row 2 (n8n item 1)]',
			description: 'Row 2 was not sent to Hero. Correct "URL" and run again.',
			row: 2,
		});
		expect(result.json[0]).toMatchObject({
			url: 'https://a.example.com/hook',
			signing_key_generated: true,
		});
		expect(result.json[2]).toMatchObject({
			url: 'https://b.example.com/hook',
			signing_key_generated: true,
		});
		expect(posts().map((r) => (r.body as { url: string }).url)).toEqual([
			'https://a.example.com/hook',
			'https://b.example.com/hook',
		]);
	});
});

describe('Sandbox: POST /v1/webhooks is strict', () => {
	async function post(
		body: unknown,
	): Promise<{ status: number; body: { message: Array<{ path: string[] }> } }> {
		const response = await fetch(`${sandbox.url}/v1/webhooks`, {
			method: 'POST',
			headers: {
				'x-api-key': sandbox.apiKey,
				'x-practice-group-id': sandbox.practiceGroupId,
				'content-type': 'application/json',
			},
			body: JSON.stringify(body),
		});
		return {
			status: response.status,
			body: (await response.json()) as { message: Array<{ path: string[] }> },
		};
	}

	it.each([
		[{ url: HOOK_URL }, 'event_type'],
		[{ event_type: 'appointment.confirmed' }, 'url'],
		[{ event_type: 'appointment.created', url: HOOK_URL }, 'event_type'],
		[{ event_type: 'appointment.confirmed', url: 'http:///no-host' }, 'url'],
		[{ event_type: 'appointment.confirmed', url: 'https://?q=1' }, 'url'],
		[{ event_type: 'appointment.confirmed', url: 'https://exa mple.com/x' }, 'url'],
		[{ event_type: 'appointment.confirmed', url: 'ftp://example.com/x' }, 'url'],
		[{ event_type: 'appointment.confirmed', url: HOOK_URL, signing_key: '' }, 'signing_key'],
		[
			{ event_type: 'appointment.confirmed', url: HOOK_URL, events: ['appointment.cancelled'] },
			'events',
		],
	])('rejects %j at %s', async (body, field) => {
		const answer = await post(body);
		expect(answer.status).toBe(400);
		expect(answer.body.message.map((issue) => issue.path[0])).toContain(field);
		expect(stored()).toEqual([]);
	});
});
