/**
 * A custom Base URL over plain http:// to a host that is not this machine would send
 * the API key (and patient data) unencrypted. It is refused, by the node and by the credential test,
 * before the key is attached; http:// to loopback (the sandbox, the demo) keeps working.
 */
import { networkInterfaces } from 'os';

import { HeroHealthApi } from '../../../credentials/HeroHealthApi.credentials';
import { runHeroNode } from '../../harness/runNode';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
let port = 0;
beforeAll(async () => {
	// Every interface, IPv4 and IPv6: the same fake Hero is reachable over loopback and over the LAN.
	sandbox = await startSandbox({ host: '::' });
	port = Number(sandbox.url.split(':').pop());
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const getMe = { resource: 'practiceGroup', operation: 'get' };
/** This machine's own non-loopback addresses (a LAN address reaches the sandbox like a remote host would), and 0.0.0.0. */
const remoteHosts = [
	...Object.values(networkInterfaces())
		.flat()
		.filter((address) => address && !address.internal && address.family === 'IPv4')
		.map((address) => address!.address),
	'0.0.0.0',
];

describe('Credential Base URL over http://', () => {
	it.each(remoteHosts)(
		'refuses http:// to %s, a host that is not loopback: nothing is sent, so the API key never travels in clear',
		async (host) => {
			const result = await runHeroNode(sandbox, {
				parameters: getMe,
				credentials: { baseUrl: `http://${host}:${port}` },
			});
			expect(result.error?.message).toBe(
				'Base URL: http:// would send the API key unencrypted; use https://, or http:// only to this machine (127.0.0.1, localhost, [::1])',
			);
			expect(result.error?.message).not.toContain(sandbox.apiKey);
			expect(sandbox.requests).toHaveLength(0);
		},
	);

	it('the credential test refuses it too, before the key is added to the request', async () => {
		const credential = new HeroHealthApi();
		const data = {
			apiKey: 'hero-live-key-secret',
			practiceGroupId: '1001',
			environment: 'custom',
			baseUrl: 'http://hero-proxy.example.org',
		};
		// n8n's credential test resolves the test request's baseURL, then calls `authenticate` on it.
		await expect(
			credential.authenticate(data, {
				method: 'GET',
				baseURL: 'http://hero-proxy.example.org',
				url: credential.test.request.url ?? '',
				disableFollowRedirect: true,
			}),
		).rejects.toThrow(
			'Base URL: http:// would send the API key unencrypted; use https://, or http:// only to this machine (127.0.0.1, localhost, [::1])',
		);
		await expect(
			credential.authenticate(data, { baseURL: 'https://hero-proxy.example.org', url: '/v1/me' }),
		).resolves.toMatchObject({ headers: { 'x-api-key': 'hero-live-key-secret' } });
		await expect(
			credential.authenticate(data, { url: 'http://hero-proxy.example.org/v1/me' }),
		).rejects.toThrow(/^Base URL: http:\/\//);
	});

	it.each(['127.0.0.1', 'localhost', '[::1]'])(
		'keeps http:// to loopback (%s) working: the sandbox and the demo use it',
		async (host) => {
			const result = await runHeroNode(sandbox, {
				parameters: getMe,
				credentials: { baseUrl: `http://${host}:${port}` },
			});
			expect(result.error).toBeUndefined();
			const calls = sandbox.received('GET', '/v1/me');
			expect(calls).toHaveLength(1);
			expect(calls[0].headers['x-api-key']).toBe(sandbox.apiKey);
		},
	);
});
