import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

// Option values are the base URLs themselves, so the URL of each environment lives here only.
export const CUSTOM_ENVIRONMENT = 'custom';

/** Why a Base URL is refused (docs/data-protection.md "Base URL over http://"). */
export const CLEARTEXT_BASE_URL_ERROR =
	'Base URL: http:// would send the API key unencrypted; use https://, or http:// only to this machine (127.0.0.1, localhost, [::1])';

const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * Whether a request to `url` would carry the key in clear to another machine: plain http:// to a
 * host that is not loopback. Loopback stays allowed for the local sandbox and the demo. A URL that
 * does not parse is left to fail as the request itself fails.
 */
export function sendsKeyInClear(url: string, base?: string): boolean {
	let parsed: URL;
	try {
		parsed = new URL(url, base || undefined);
	} catch {
		return false;
	}
	return parsed.protocol === 'http:' && !LOOPBACK_HOST.test(parsed.hostname.toLowerCase());
}

export class HeroHealthApi implements ICredentialType {
	name = 'heroHealthApi';

	displayName = 'Hero Health API';

	documentationUrl = 'https://developer.herohealth.net/pages/api/authentication';

	icon: Icon = {
		light: 'file:../nodes/HeroHealth/heroHealth.svg',
		dark: 'file:../nodes/HeroHealth/heroHealth.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The key Hero Health issues to your organisation when you join its partner programme (ask Hero support). Staging and production have separate keys; each key is scoped to messaging, booking and/or booking links.',
		},
		{
			displayName: 'Practice Group ID',
			name: 'practiceGroupId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1234',
			description:
				'The number of the practice, or group of practices, to act for. Hero issues each API key for one practice group and gives you its ID with the key. Another group works only if Hero has linked it to yours (e.g. a PCN hub).',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			// Staging by default: reaching real patients takes a deliberate choice of
			// Production, and a production key left on Staging fails (401) instead of sending.
			default: 'https://api.staging.htech.app',
			description:
				'Which Hero Health to call. Use the key issued for that environment. Choose Production only when the workflow is ready for real patients.',
			options: [
				{
					name: 'Production',
					value: 'https://api.herohealth.net',
					description: 'Real patients. https://api.herohealth.net.',
				},
				{
					name: 'Staging',
					value: 'https://api.staging.htech.app',
					description: 'Hero test data, with a staging key. https://api.staging.htech.app.',
				},
				{
					name: 'Hero Mock Server',
					value: 'https://developer.herohealth.net/_mock/apis/public-api/openapi',
					description:
						"The mock server of Hero's API reference, for trying calls: it holds no practice's data and sends nothing to patients. https://developer.herohealth.net/_mock/apis/public-api/openapi.",
				},
				{
					name: 'Custom (Sandbox or Proxy)',
					value: CUSTOM_ENVIRONMENT,
					description:
						"Any Hero-compatible URL, such as this package's local sandbox (npm run sandbox) or your proxy",
				},
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://hero-proxy.example.org',
			description:
				"Base URL of a Hero-compatible API, without /v1. Use https://: plain http:// is refused except to this machine, as it would send the API key unencrypted. The package's local sandbox listens on http://127.0.0.1:4780 by default.",
			displayOptions: { show: { environment: [CUSTOM_ENVIRONMENT] } },
		},
	];

	// A function, not generic `={{$credentials...}}` headers: n8n would evaluate those two
	// expressions on every request, the largest per-item cost the benchmark found.
	// Refusing here, where the key is added, covers the credential test as well as every node request.
	// n8n's HTTP Request node (Predefined Credential Type) passes request-library options, whose
	// address is `uri`, not `url`: the guard reads either, and for those options turns redirects off,
	// as the node's transport does, since n8n would carry the key's header to the redirect's host.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const { uri } = requestOptions as { uri?: unknown };
		const target = requestOptions.url ?? (typeof uri === 'string' ? uri : '');
		if (sendsKeyInClear(target, requestOptions.baseURL)) throw new Error(CLEARTEXT_BASE_URL_ERROR);
		return {
			...requestOptions,
			...(typeof uri === 'string' ? { followRedirect: false, followAllRedirects: false } : {}),
			headers: {
				...requestOptions.headers,
				'x-api-key': String(credentials.apiKey ?? ''),
				'x-practice-group-id': String(credentials.practiceGroupId ?? ''),
			},
		};
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.environment === "custom" ? $credentials.baseUrl.replace(/\\/+$/, "") : $credentials.environment}}',
			url: '/v1/me',
			method: 'GET',
			// As in the node's transport: a redirect must not carry the key to another host.
			disableFollowRedirect: true,
		},
	};
}
