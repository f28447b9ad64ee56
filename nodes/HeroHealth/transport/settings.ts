import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { CUSTOM_ENVIRONMENT } from '../../../credentials/HeroHealthApi.credentials';

export const CREDENTIAL_TYPE = 'heroHealthApi';
export const DEFAULT_TIMEOUT_MS = 30_000;

export type HeroContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface Settings {
	baseUrl: string;
	credentials: ICredentialDataDecryptedObject;
	timeout: number;
	/** The key and practice group ID, masked out of every error. */
	secrets: string[];
}

// Credentials are decrypted once per execution context, not once per item or per request.
const settingsCache = new WeakMap<object, Promise<Settings>>();
const timeouts = new WeakMap<object, number>();

/** Called once per execution by a caller that has its own Timeout (the trigger's record reads). */
export function setRequestTimeout(context: HeroContext, timeoutMs: number | undefined): void {
	if (timeoutMs && timeoutMs > 0) timeouts.set(context, timeoutMs);
}

/** The Timeout set for `context` with `setRequestTimeout`, if any. */
export const timeoutOf = (context: HeroContext): number | undefined => timeouts.get(context);

export function resolveBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? '');
	const url = environment === CUSTOM_ENVIRONMENT ? String(credentials.baseUrl ?? '') : environment;
	return url.replace(/\/+$/, '');
}

async function loadSettings(context: HeroContext): Promise<Settings> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const secrets = [credentials.apiKey, credentials.practiceGroupId].map((value) =>
		String(value ?? ''),
	);
	return {
		baseUrl: resolveBaseUrl(credentials),
		credentials,
		timeout: DEFAULT_TIMEOUT_MS,
		secrets,
	};
}

export function settingsFor(context: HeroContext): Promise<Settings> {
	let settings = settingsCache.get(context);
	if (!settings) {
		settings = loadSettings(context);
		settingsCache.set(context, settings);
		// A failed read must not be cached: the next call tries again.
		settings.catch(() => settingsCache.delete(context));
	}
	return settings;
}
