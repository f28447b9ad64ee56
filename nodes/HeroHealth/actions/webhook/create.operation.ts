import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest } from '../../transport';
import { HERO_EVENT_NAMES, HERO_EVENTS } from '../../webhooks/events';
import { newSigningKey } from '../../webhooks/signingKey';
import { checkOneOf, readCollection, requireString } from '../helpers';
import { invalid } from '../../privacy/invalid';
import { hideSecrets } from '../../privacy/hideSecrets';

const properties: INodeProperties[] = [
	{
		displayName: 'Event Type',
		name: 'eventType',
		type: 'options',
		required: true,
		default: 'appointment.confirmed',
		options: HERO_EVENTS,
		description:
			'The event Hero sends to the URL. One event per webhook: create one webhook per event.',
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/hero-events',
		description:
			'Where Hero POSTs each event (http or https). To start an n8n workflow on Hero events, use the Hero Health Trigger instead: it registers and removes its own webhooks.',
	},
	{
		displayName: 'Signing Key',
		name: 'signingKey',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			"Secret Hero signs every delivery with (HMAC-SHA256, header X-Herohealth-Signature). Leave empty to have a random key generated: it is returned once, as signing_key in this output, so store it then. A key you type is not returned, and keys in Hero's answers are always shown as [hidden]. A key typed here is stored in the workflow: a credential or an expression reading a secret is the safer way.",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				placeholder: 'e.g. Appointment confirmations for the CRM',
				description: 'Free text to recognise the webhook by',
			},
			{
				displayName: 'Headers',
				name: 'headers',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Header',
				description:
					"Extra HTTP headers Hero sends with every delivery, e.g. a static secret the receiver checks. Their values are shown as [hidden] in this node's output.",
				options: [
					{
						displayName: 'Header',
						name: 'header',
						values: [
							{
								displayName: 'Name',
								name: 'name',
								type: 'string',
								default: '',
								placeholder: 'e.g. X-Api-Key',
							},
							{
								displayName: 'Value',
								name: 'value',
								type: 'string',
								typeOptions: { password: true },
								default: '',
								description:
									'Typed here, a secret value is stored in the workflow: a credential or an expression reading a secret is the safer way',
							},
						],
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['create'] } },
	properties,
);

/** RFC 9110 token characters: what a header name may contain. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
		return String(value);
	return undefined;
}

/** `scheme://host...` with nothing lenient parsers would repair (`http:///x`, spaces, backslashes). */
const URL_SHAPE = /^https?:\/\/[^\s/?#\\]+(?:[/?#]\S*)?$/i;

/** An http(s) URL with a host, as typed (not normalised). */
export function checkWebhookUrl(ctx: IExecuteFunctions, itemIndex: number, value: string): string {
	let parsed: URL | undefined;
	try {
		parsed = new URL(value);
	} catch {
		parsed = undefined;
	}
	if (
		!URL_SHAPE.test(value) ||
		!parsed ||
		!['http:', 'https:'].includes(parsed.protocol) ||
		!parsed.hostname
	) {
		throw invalid(
			ctx,
			itemIndex,
			'URL',
			'expected an http or https URL such as https://example.com/hero-events',
		);
	}
	return value;
}

function readHeaders(
	ctx: IExecuteFunctions,
	itemIndex: number,
	extra: IDataObject,
): Record<string, string> | undefined {
	const given = (extra.headers as IDataObject | undefined)?.header;
	if (given === undefined) return undefined;
	const entries = Array.isArray(given) ? given : [given];
	const headers: Record<string, string> = {};
	const seen = new Set<string>();
	for (const entry of entries as IDataObject[]) {
		// The value may be a secret: errors name the field, never the value.
		const name = text(entry?.name)?.trim();
		if (name === undefined)
			throw invalid(ctx, itemIndex, 'Headers: Name', 'expected text, got an object or list');
		if (!name) throw invalid(ctx, itemIndex, 'Headers: Name', 'is required for every header');
		if (!HEADER_NAME.test(name))
			throw invalid(
				ctx,
				itemIndex,
				'Headers: Name',
				'expected a header name of letters, digits and dashes such as X-Api-Key',
			);
		if (seen.has(name.toLowerCase()))
			throw invalid(ctx, itemIndex, 'Headers: Name', 'each header can be given only once');
		seen.add(name.toLowerCase());
		const value = text(entry?.value);
		if (value === undefined)
			throw invalid(ctx, itemIndex, 'Headers: Value', 'expected text, got an object or list');
		if (/[\r\n]/.test(value))
			throw invalid(ctx, itemIndex, 'Headers: Value', 'cannot contain line breaks');
		headers[name] = value;
	}
	return Object.keys(headers).length ? headers : undefined;
}

/** Builds and checks the body of POST /v1/webhooks; throws before any request on bad input. */
export function buildWebhookBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { body: IDataObject; generated: boolean } {
	const eventType = checkOneOf(
		ctx,
		itemIndex,
		'Event Type',
		requireString(ctx, 'eventType', itemIndex, 'Event Type'),
		HERO_EVENT_NAMES,
	);
	const url = checkWebhookUrl(ctx, itemIndex, requireString(ctx, 'url', itemIndex, 'URL'));
	const typedKey = text(ctx.getNodeParameter('signingKey', itemIndex, ''));
	if (typedKey === undefined)
		throw invalid(ctx, itemIndex, 'Signing Key', 'expected text, got an object or list');
	const extra = readCollection(ctx, 'additionalFields', itemIndex);
	const headers = readHeaders(ctx, itemIndex, extra);
	const descriptionText = text(extra.description);
	if (descriptionText === undefined)
		throw invalid(ctx, itemIndex, 'Description', 'expected text, got an object or list');

	const generated = typedKey.trim() === '';
	const body: IDataObject = {
		event_type: eventType,
		url,
		signing_key: generated ? newSigningKey() : typedKey.trim(),
	};
	if (headers) body.headers = headers;
	if (descriptionText.trim()) body.description = descriptionText.trim();
	return { body, generated };
}

/**
 * `POST /v1/webhooks` (never repeated: a second registration would deliver every event twice).
 * The output carries the signing key only when this node generated it.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { body, generated } = buildWebhookBody(this, itemIndex);
	const created = await heroApiRequest.call(this, {
		method: 'POST',
		path: '/v1/webhooks',
		body,
		itemIndex,
	});
	const output = hideSecrets(
		created && typeof created === 'object' && !Array.isArray(created) ? created : {},
	);
	if (generated) output.signing_key = body.signing_key;
	output.signing_key_generated = generated;
	return output;
}
