import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { UNCONFIRMED_EVENTS } from './events';

/**
 * Why n8n's webhook URL may be out of Hero's reach: Hero's servers post to it from the internet.
 * A fact about n8n's URL, not a guess about Hero: Hero's docs do not say it refuses http or a
 * private address (its create sample uses `http://example.com`), so nothing is refused here.
 */
export function unreachableReason(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'it is not a valid URL';
	}
	const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
	const reasons: string[] = [];
	if (parsed.protocol !== 'https:')
		reasons.push(`it is ${parsed.protocol.replace(':', '')}, not https`);
	if (isPrivateHost(host)) reasons.push(`${host} is a private or local address`);
	return reasons.length ? reasons.join(', and ') : undefined;
}

function isPrivateHost(host: string): boolean {
	if (host === 'localhost' || host.endsWith('.localhost')) return true;
	// A name without a dot (a Docker service such as `n8n`) or a local-network name.
	if (!host.includes('.') && !host.includes(':')) return true;
	if (/\.(local|internal|lan|home\.arpa)$/.test(host)) return true;
	const v4 = host.match(/^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/);
	if (v4) {
		const [a, b] = [Number(v4[1]), Number(v4[2])];
		return (
			a === 10 ||
			a === 127 ||
			a === 0 ||
			(a === 169 && b === 254) ||
			(a === 172 && b >= 16 && b <= 31) ||
			(a === 192 && b === 168) ||
			(a === 100 && b >= 64 && b <= 127)
		);
	}
	// IPv6: loopback, unique local (fc00::/7), link-local (fe80::/10).
	return host === '::1' || /^f[cd][0-9a-f]{0,2}:/.test(host) || /^fe[89ab][0-9a-f]?:/.test(host);
}

/**
 * Hero refusing the content of a registration (400/422) names the event and the URL registered,
 * says why where we can (an unconfirmed event; a URL Hero's servers cannot reach) and quotes Hero
 * without the signing key. Anything else (key refused, Hero down) is about the request, not the
 * registration, and is passed on unchanged.
 */
export function refusedRegistrationError(
	ctx: IHookFunctions,
	event: string,
	url: string,
	signingKey: string,
	error: unknown,
): unknown {
	const { httpCode, message } = error as { httpCode?: unknown; message?: unknown };
	if (httpCode !== '400' && httpCode !== '422') return error;
	const which = ctx.getMode() === 'manual' ? 'test URL' : 'production URL';
	const unconfirmed = UNCONFIRMED_EVENTS.includes(event)
		? `${event} is unconfirmed: Hero's event documentation (AsyncAPI) names it, but Hero's create-webhook API does not list it, so Hero may not offer it yet. Remove it from Events, or ask Hero to enable it. `
		: '';
	const heroSaid = typeof message === 'string' && message !== '';
	const said = heroSaid
		? (signingKey ? message.split(signingKey).join('[redacted]') : message).replace(/\.$/, '')
		: 'nothing more';
	const unreachable = unreachableReason(url);
	const reach = unreachable
		? ` Hero's servers post to this URL from the internet, and ${unreachable}: give n8n a public HTTPS address (behind a reverse proxy, set WEBHOOK_URL to it), then try again.`
		: '';
	// n8n shows only the message of an activation error (API, toast, log), so the reason is in it too.
	const why = unconfirmed
		? ` ${event} is unconfirmed: Hero may not offer it yet.`
		: unreachable
			? ` Hero cannot reach it: ${unreachable}; set WEBHOOK_URL to a public HTTPS address.`
			: '';
	return new NodeOperationError(
		ctx.getNode(),
		`Hero refused the webhook for ${event} at ${url} (${httpCode})${heroSaid ? `: ${said}` : ''}.${why}`,
		{
			description: `${unconfirmed}Hero said: ${said}. URL registered: ${url} (the ${which}).${reach}`,
		},
	);
}
