import { runHeroNode } from '../../../harness/runNode';
import { description as updateDescription } from '../../../../nodes/HeroHealth/actions/practiceGroup/update.operation';
import { description as webhookCreateDescription } from '../../../../nodes/HeroHealth/actions/webhook/create.operation';
import { practiceGroup } from '../../../sandbox/routes/practiceGroup';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const run = (operation: string, extra: Record<string, unknown> = {}) =>
	runHeroNode(sandbox, { parameters: { resource: 'practiceGroup', operation, ...extra } });

describe('Practice Group', () => {
	it('Get reads /v1/me with both credential headers', async () => {
		const result = await run('get');
		expect(result.json[0]).toMatchObject({
			id: sandbox.practiceGroupId,
			name: 'Hero Sandbox Surgery',
			sector: 'nhs',
		});
		const [call] = sandbox.received('GET', '/v1/me');
		expect(call.headers['x-api-key']).toBe(sandbox.apiKey);
		expect(call.headers['x-practice-group-id']).toBe(sandbox.practiceGroupId);
	});

	it('Update sends the documented fields, nesting the address and the partner credentials', async () => {
		const result = await run('update', {
			updateFields: {
				name: ' Park Row Surgery ',
				prescriptionPartnerEnabled: true,
				prescriptionPartner: 'signature_rx',
				prescriptionPartnerEmail: 'rx@example.com',
				prescriptionPartnerPassword: 's3cret!',
				addressLine1: '1 Park Row',
				town: 'Leeds',
				postcode: 'LS1 5HD',
			},
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.received('PATCH', '/v1/me')[0].body).toEqual({
			name: 'Park Row Surgery',
			prescription_partner_enabled: true,
			prescription_partner: 'signature_rx',
			prescription_partner_credentials: { email: 'rx@example.com', password: 's3cret!' },
			address: { line_1: '1 Park Row', town: 'Leeds', postcode: 'LS1 5HD' },
		});
		expect(practiceGroup(sandbox.state)).toMatchObject({
			name: 'Park Row Surgery',
			prescription_partner_enabled: true,
			address: { line_1: '1 Park Row', postcode: 'LS1 5HD' },
		});
		// The sandbox, like a careful API, never answers the password.
		expect(JSON.stringify(result.json[0])).not.toContain('s3cret!');
		const got = await run('get');
		expect(got.json[0]).toMatchObject({ name: 'Park Row Surgery' });
	});

	it.each([
		['no fields', {}, 'Update Fields: add at least one field to change'],
		['an empty name', { name: '  ' }, 'Name: cannot be empty'],
		[
			'a partner email without the password',
			{ prescriptionPartnerEmail: 'rx@example.com' },
			'Prescription Partner Password: is required with the email',
		],
		[
			'a partner password without the email',
			{ prescriptionPartnerPassword: 'x' },
			'Prescription Partner Email: is required with the password',
		],
	])('Update rejects %s before sending', async (_name, updateFields, expected) => {
		const result = await run('update', { updateFields });
		expect(result.error?.message).toContain(expected);
		expect(result.error?.message).toContain('[row 1 (n8n item 0)]');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('Get Capabilities, Get Configuration and Get Elements read their paths; elements come one item each', async () => {
		expect((await run('getCapabilities')).json[0].capabilities).toContain('sms_messaging');
		expect((await run('getConfiguration')).json[0]).toMatchObject({
			practice_group_id: sandbox.practiceGroupId,
			time_zone: 'Europe/London',
		});
		const elements = await run('getElements');
		expect(elements.json.map((e) => e.tag)).toEqual([
			'hero-message-builder',
			'hero-booking-widget',
		]);
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v1/me/capabilities',
			'GET /v1/me/configuration',
			'GET /v1/me/elements',
		]);
	});

	it('the sandbox rejects undocumented practice group fields', async () => {
		const response = await fetch(`${sandbox.url}/v1/me`, {
			method: 'PATCH',
			headers: {
				'content-type': 'application/json',
				'x-api-key': sandbox.apiKey,
				'x-practice-group-id': sandbox.practiceGroupId,
			},
			body: JSON.stringify({ sector: 'paid' }),
		});
		expect(response.status).toBe(400);
	});
});

describe('secrets typed into node parameters', () => {
	type Option = {
		name: string;
		displayName: string;
		type: string;
		description?: string;
		typeOptions?: { password?: boolean };
	};
	const optionsOf = (
		properties: Array<{ name: string; options?: unknown[] }>,
		collection: string,
	) => (properties.find((p) => p.name === collection)?.options ?? []) as Option[];

	it('the Prescription Partner Password is a password field whose hint points to a credential or an expression reading a secret', () => {
		const password = optionsOf(updateDescription as never, 'updateFields').find(
			(o) => o.name === 'prescriptionPartnerPassword',
		);
		expect(password?.type).toBe('string');
		expect(password?.typeOptions?.password).toBe(true);
		expect(password?.description).toMatch(/stored in the workflow/i);
		expect(password?.description).toMatch(/credential/i);
		expect(password?.description).toMatch(/expression/i);
	});

	it('the password reaches Hero inside prescription_partner_credentials and never the node output or a validation error', async () => {
		const secret = 'Pa55-example-only';
		const sent = await run('update', {
			updateFields: {
				prescriptionPartnerEmail: 'rx@example.com',
				prescriptionPartnerPassword: secret,
			},
		});
		expect(sent.error).toBeUndefined();
		expect(sandbox.received('PATCH', '/v1/me')[0].body).toEqual({
			prescription_partner_credentials: { email: 'rx@example.com', password: secret },
		});
		expect(JSON.stringify(sent.json)).not.toContain(secret);
		const refused = await run('update', { updateFields: { prescriptionPartnerPassword: secret } });
		expect(refused.error?.message).toMatch(/^Prescription Partner Email: /);
		expect(
			`${refused.error?.message} ${(refused.error as { description?: string }).description}`,
		).not.toContain(secret);
	});

	it('other secret-like fields (webhook Signing Key, webhook header Value) are password fields with the same hint', () => {
		const signingKey = (webhookCreateDescription as unknown as Option[]).find(
			(p) => p.name === 'signingKey',
		);
		expect(signingKey?.typeOptions?.password).toBe(true);
		expect(signingKey?.description).toMatch(/credential or an expression/i);
		const headers = optionsOf(webhookCreateDescription as never, 'additionalFields').find(
			(o) => o.name === 'headers',
		) as unknown as { options: Array<{ values: Option[] }> };
		const value = headers.options[0].values.find((v) => v.name === 'value');
		expect(value?.typeOptions?.password).toBe(true);
		expect(value?.description).toMatch(/credential or an expression/i);
	});
});
