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
			description: 'The key Hero issued to your partner account; keys are scoped (messaging, booking, booking links)',
		},
		{
			displayName: 'Practice Group ID',
			name: 'practiceGroupId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1234',
			description: 'The practice group to act for. Sent as x-practice-group-id on every request.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'https://api.herohealth.net',
			options: [
				{ name: 'Production', value: 'https://api.herohealth.net' },
				{ name: 'Staging', value: 'https://api.staging.htech.app' },
				{
					name: 'Hero Mock Server',
					value: 'https://developer.herohealth.net/_mock/apis/public-api/openapi',
				},
				{ name: 'Custom (Sandbox or Proxy)', value: CUSTOM_ENVIRONMENT },
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://127.0.0.1:4780',
			placeholder: 'e.g. http://127.0.0.1:4780',
			description: 'Base URL of a Hero-compatible API, such as the local Hero sandbox or a proxy',
			displayOptions: { show: { environment: [CUSTOM_ENVIRONMENT] } },
		},
	];

	// A function, not generic `={{$credentials...}}` headers: n8n would evaluate those two
	// expressions on every request, the largest per-item cost the benchmark found.
	authenticate = async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		headers: {
			...requestOptions.headers,
			'x-api-key': String(credentials.apiKey ?? ''),
			'x-practice-group-id': String(credentials.practiceGroupId ?? ''),
		},
	});

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
