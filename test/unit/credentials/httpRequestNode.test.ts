/**
 * n8n's HTTP Request node with Authentication → Predefined Credential Type → Hero Health API calls
 * the credential's `authenticate` with request-library options: the address is `uri`, and redirects
 * are followed unless turned off. The credential refuses http:// to another machine there too, and
 * turns redirects off so the key's header is never carried to another host. The run in a real n8n is
 * `test/e2e/httpRequest.e2e.test.ts`.
 */
import {
	CLEARTEXT_BASE_URL_ERROR,
	HeroHealthApi,
} from '../../../credentials/HeroHealthApi.credentials';

const credential = new HeroHealthApi();
const data = { apiKey: 'hero-live-key-secret', practiceGroupId: '1001', environment: 'custom' };
/** The options HTTP Request (typeVersion 4.x) builds for a GET, as n8n 1.123 passes them. */
const requestStyle = (uri: string) =>
	({
		method: 'GET',
		uri,
		headers: { accept: 'application/json' },
		followRedirect: true,
		followAllRedirects: true,
		sendCredentialsOnCrossOriginRedirect: true,
	}) as never;

describe("Hero Health API credential in n8n's HTTP Request node", () => {
	it('adds the key and practice group as headers to the address the node calls, keeping its own headers', async () => {
		await expect(
			credential.authenticate(data, requestStyle('https://api.herohealth.net/v1/me')),
		).resolves.toMatchObject({
			uri: 'https://api.herohealth.net/v1/me',
			headers: {
				accept: 'application/json',
				'x-api-key': 'hero-live-key-secret',
				'x-practice-group-id': '1001',
			},
		});
	});

	it('refuses an http:// address of another machine, whose request options name it `uri`', async () => {
		await expect(
			credential.authenticate(data, requestStyle('http://hero-proxy.example.org/v1/me')),
		).rejects.toThrow(CLEARTEXT_BASE_URL_ERROR);
		await expect(
			credential.authenticate(data, requestStyle('http://127.0.0.1:4780/v1/me')),
		).resolves.toMatchObject({ uri: 'http://127.0.0.1:4780/v1/me' });
	});

	it("turns the node's redirects off, and leaves the package's own requests (`url`) as they are", async () => {
		const options = (await credential.authenticate(
			data,
			requestStyle('https://api.herohealth.net/v1/me'),
		)) as unknown as Record<string, unknown>;
		expect(options.followRedirect).toBe(false);
		expect(options.followAllRedirects).toBe(false);
		const own = await credential.authenticate(data, {
			url: 'https://api.herohealth.net/v1/me',
			disableFollowRedirect: true,
		});
		expect(own).not.toHaveProperty('followRedirect');
		expect(own).not.toHaveProperty('followAllRedirects');
		expect(own.disableFollowRedirect).toBe(true);
	});
});
