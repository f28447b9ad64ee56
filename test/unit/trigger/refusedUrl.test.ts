/**
 * Hero Health Trigger set-up: the notice that answers "why does my trigger never fire", and the
 * activation error when Hero refuses a registration, which names the URL registered (test or
 * production), says when that URL is out of reach of Hero's servers (http, a private address),
 * and never carries the signing key or the API key.
 */
import type { IDataObject, IHookFunctions, INode } from 'n8n-workflow';

import { MiniN8n } from '../../harness/miniN8n';
import { triggerNodeType as trigger } from '../../harness/engine';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { webhooks } from '../../sandbox/routes/webhooks';
import {
	refusedRegistrationError,
	unreachableReason,
} from '../../../nodes/HeroHealth/webhooks/refusal';

// A known key, so that a Hero answer quoting it can be written before the activation makes it.
jest.mock('../../../nodes/HeroHealth/webhooks/signingKey', () => ({
	newSigningKey: () => '5e'.repeat(32),
}));
const SIGNING_KEY = '5e'.repeat(32);

let sandbox: Sandbox;
const instances: MiniN8n[] = [];
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => {
	await Promise.all(instances.map((n8n) => n8n.close()));
	await sandbox.close();
});
beforeEach(() => sandbox.reset());

async function n8nWith(parameters: IDataObject): Promise<MiniN8n> {
	const n8n = await new MiniN8n(sandbox, parameters).listen();
	instances.push(n8n);
	return n8n;
}

type Failure = Error & { description?: string };

describe('Hero Health Trigger: set-up notice', () => {
	it('the trigger opens with a notice: a public HTTPS URL (WEBHOOK_URL), test and production URLs differ, only Hero events fire it', () => {
		const [first, second] = trigger.description.properties;
		expect(first.type).toBe('notice');
		expect(second.name).toBe('events');
		const text = first.displayName;
		expect(text).toMatch(/public HTTPS address/);
		expect(text).toMatch(/<code>WEBHOOK_URL<\/code>/);
		expect(text).toMatch(
			/test URL \(while Execute step listens for an event\) and the production URL \(once the workflow is active\), both under Webhook URLs above, differ/,
		);
		expect(text).toMatch(/Only Hero's own events start it/);
	});
});

describe('Hero Health Trigger: Hero refuses the URL', () => {
	it('a 400 about the url: the activation error names the URL registered and why Hero cannot reach it, without the signing key or API key', async () => {
		const n8n = await n8nWith({ events: ['appointment.cancelled', 'appointment.confirmed'] });
		// Hero's docs do not say Hero refuses http or private URLs (its sample is http://example.com):
		// this is Hero refusing it anyway, in its documented 400 shape, quoting what it was sent.
		sandbox.faults.add({
			kind: 'status',
			status: 400,
			method: 'POST',
			path: '^/v1/webhooks$',
			times: 1,
			body: {
				error: 'Bad Request',
				statusCode: 400,
				message: [
					{
						code: 'invalid_url',
						path: ['url'],
						message: `url must be a public https address (signing_key ${SIGNING_KEY}, key ${sandbox.apiKey})`,
					},
				],
			},
		});
		const failure = await n8n.activate().then(
			() => undefined,
			(error: Failure) => error,
		);

		// The request Hero refused carried that URL; nothing was left registered.
		const posted = sandbox.received('POST', '/v1/webhooks');
		expect(posted.map((r) => [(JSON.parse(r.rawBody) as IDataObject).url, r.status])).toEqual([
			[n8n.webhookUrl, 400],
		]);
		expect(n8n.webhookUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\//);
		expect([...webhooks(sandbox.state).values()]).toEqual([]);
		expect(n8n.nodeStaticData).toEqual({});

		expect(failure?.message).toBe(
			`Hero refused the webhook for appointment.cancelled at ${n8n.webhookUrl} (400): Hero rejected the request: field url: url must be a public https address (signing_key [redacted], key [redacted]). Hero cannot reach it: it is http, not https, and 127.0.0.1 is a private or local address; set WEBHOOK_URL to a public HTTPS address.`,
		);
		expect(failure?.description).toContain(
			'Hero said: Hero rejected the request: field url: url must be a public https address',
		);
		expect(failure?.description).toContain(
			`URL registered: ${n8n.webhookUrl} (the production URL).`,
		);
		expect(failure?.description).toContain(
			"Hero's servers post to this URL from the internet, and it is http, not https, and 127.0.0.1 is a private or local address: give n8n a public HTTPS address (behind a reverse proxy, set WEBHOOK_URL to it)",
		);
		const everything = JSON.stringify({
			...failure,
			message: failure?.message,
			description: failure?.description,
		});
		expect(everything).not.toContain(SIGNING_KEY);
		expect(everything).not.toContain(sandbox.apiKey);
		expect(failure?.description).toContain('signing_key [redacted]');
	});

	it('a refusal of the test URL says it is the test URL; a public HTTPS URL gets no reach hint', () => {
		const node = { name: 'Hero Health Trigger' } as INode;
		const ctx = (mode: string) =>
			({ getMode: () => mode, getNode: () => node }) as unknown as IHookFunctions;
		const refusal = Object.assign(new Error('Hero rejected the request: field url: invalid'), {
			httpCode: '422',
		});
		const url = 'https://n8n.example.org/webhook-test/abc/webhook';
		const test = refusedRegistrationError(
			ctx('manual'),
			'prescription.issued',
			url,
			SIGNING_KEY,
			refusal,
		) as Failure;
		expect(test.message).toBe(
			`Hero refused the webhook for prescription.issued at ${url} (422): Hero rejected the request: field url: invalid.`,
		);
		expect(test.description).toBe(
			`Hero said: Hero rejected the request: field url: invalid. URL registered: ${url} (the test URL).`,
		);
		const production = refusedRegistrationError(
			ctx('trigger'),
			'prescription.issued',
			url,
			SIGNING_KEY,
			refusal,
		) as Failure;
		expect(production.description).toContain('(the production URL).');
		// An unconfirmed event: n8n shows only the message, so the message says why (no Hero text: none given).
		const unconfirmed = refusedRegistrationError(
			ctx('trigger'),
			'form-submission.created',
			url,
			SIGNING_KEY,
			Object.assign(new Error(''), { httpCode: '400' }),
		) as Failure;
		expect(unconfirmed.message).toBe(
			`Hero refused the webhook for form-submission.created at ${url} (400). form-submission.created is unconfirmed: Hero may not offer it yet.`,
		);
		expect(unconfirmed.description).toMatch(
			/^form-submission\.created is unconfirmed: .*Hero said: nothing more\./,
		);
		// A refused key or Hero being down is not about the registration: passed on as it came.
		const unauthorised = Object.assign(new Error('Hero did not accept the API key'), {
			httpCode: '401',
		});
		expect(
			refusedRegistrationError(
				ctx('trigger'),
				'prescription.issued',
				url,
				SIGNING_KEY,
				unauthorised,
			),
		).toBe(unauthorised);
	});

	it.each([
		['https://n8n.example.org/webhook/a/webhook', undefined],
		['https://172.32.0.1/webhook/a/webhook', undefined],
		['https://81.2.69.160:8443/webhook/a/webhook', undefined],
		['http://n8n.example.org/webhook/a/webhook', 'it is http, not https'],
		['https://localhost:5678/webhook/a/webhook', 'localhost is a private or local address'],
		['https://n8n:5678/webhook/a/webhook', 'n8n is a private or local address'],
		['https://surgery.local/webhook/a/webhook', 'surgery.local is a private or local address'],
		['https://10.1.2.3/webhook/a/webhook', '10.1.2.3 is a private or local address'],
		['https://172.20.0.5/webhook/a/webhook', '172.20.0.5 is a private or local address'],
		['https://192.168.1.20/webhook/a/webhook', '192.168.1.20 is a private or local address'],
		['https://169.254.1.1/webhook/a/webhook', '169.254.1.1 is a private or local address'],
		['https://[::1]:5678/webhook/a/webhook', '::1 is a private or local address'],
		['https://[fd12::1]/webhook/a/webhook', 'fd12::1 is a private or local address'],
		[
			'http://127.0.0.1:5678/webhook/a/webhook',
			'it is http, not https, and 127.0.0.1 is a private or local address',
		],
	])('%s: %s', (url, reason) => {
		expect(unreachableReason(url)).toBe(reason);
	});
});
