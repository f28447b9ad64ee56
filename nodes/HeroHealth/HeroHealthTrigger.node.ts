import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { HERO_APP_DESCRIPTION, PACKAGE_GUIDE_URL } from './nodeDescription';
import { setRequestTimeout } from './transport';
import { HERO_EVENTS } from './webhooks/events';
import { labelLookup } from './shared/subtitle';
import { minimalOutputField } from './privacy/minimalOutput';
import { fieldList, outputProperties, type OutputMode } from './shared/simplify';
import { buildEventItem, parseEnvelope, RECORD_ATTEMPT_TIMEOUT_MS } from './trigger/records';
import {
	registerWebhooks,
	registrationsExist,
	staticDataOf,
	unregisterWebhooks,
} from './webhooks/registration';
import { acceptedDeliveries } from './trigger/replay';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyHeroSignature } from './trigger/signature';

const EVENT_LABELS = Object.fromEntries(
	HERO_EVENTS.map((option) => [String(option.value), option.name]),
);

export class HeroHealthTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Hero Health Trigger',
		name: 'heroHealthTrigger',
		icon: { light: 'file:heroHealth.svg', dark: 'file:heroHealth.dark.svg' },
		group: ['trigger'],
		version: 1,
		// The events' names as the Events list shows them ("Events: Appointment Cancelled"), not their values.
		subtitle: `={{ "Events: " + $parameter["events"].map((event) => ${labelLookup(EVENT_LABELS, 'event', 'event')}).join(", ") }}`,
		// n8n shows the trigger's description for the whole app in the node creator (see nodeDescription.ts).
		description: HERO_APP_DESCRIPTION,
		documentationUrl: PACKAGE_GUIDE_URL,
		defaults: { name: 'Hero Health Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'heroHealthApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					"Hero's servers post each event to this node's URL, so n8n needs a public HTTPS address (behind a reverse proxy, set <code>WEBHOOK_URL</code>). The test URL (while Execute step listens for an event) and the production URL (once the workflow is active), both under Webhook URLs above, differ, and each is registered with Hero on its own. Only Hero's own events start it, e.g. an appointment booked, cancelled or moved in Hero. More in the README's Trigger section.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: HERO_EVENTS,
				default: [],
				required: true,
				description: 'The events that start the workflow. Hero registers one webhook per event.',
			},
			{
				displayName: 'Fetch Full Record',
				name: 'fetchFullRecord',
				type: 'boolean',
				default: true,
				description:
					"Whether to read the appointment, patient or message the event names and output it as 'record' (an appointment also with start_time_local, Europe/London, and its names). Hero's payload carries only the object type and ID.",
			},
			{ ...minimalOutputField, displayOptions: { show: { fetchFullRecord: [true] } } },
			// Output of the record (Minimal Output, the privacy filter, takes precedence and hides it).
			...outputProperties(['appointment', 'patient', 'message'], {
				tool: false,
				show: { fetchFullRecord: [true], minimalOutput: [false] },
			}),
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return registrationsExist.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return registerWebhooks.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return unregisterWebhooks.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		// The signature covers the exact bytes Hero sent: read them, never re-serialise the parsed body.
		if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
		const rawBody = request.rawBody ?? Buffer.alloc(0);
		const headers = this.getHeaderData();

		const verdict = verifyHeroSignature({
			signingKey: staticDataOf(this).signingKey,
			timestamp: headers[TIMESTAMP_HEADER],
			signature: headers[SIGNATURE_HEADER],
			rawBody,
		});
		if (!verdict.valid) {
			this.logger.warn(`Hero Health Trigger: refused a delivery (${verdict.reason})`, {
				workflowId: this.getWorkflow().id,
				node: this.getNode().name,
			});
			this.getResponseObject()
				.status(401)
				.json({ message: 'Hero Health signature verification failed' });
			return { noWebhookResponse: true };
		}

		// Hero posts JSON; anything else is not a Hero event even when signed.
		const contentType = String(headers['content-type'] ?? '')
			.split(';')[0]
			.trim()
			.toLowerCase();
		const envelope = contentType === 'application/json' ? parseEnvelope(rawBody) : undefined;
		if (!envelope) {
			this.getResponseObject()
				.status(400)
				.json({ message: 'Expected a Hero event: {object, id, practice_group_id, event}' });
			return { noWebhookResponse: true };
		}
		// An exact repeat (same timestamp, same signed body) of a delivery accepted within the window:
		// acknowledge, start nothing. Checked and remembered in one step, so repeats at once count once.
		// Keyed on the digest of the whole signed text, never the envelope: twins that differ in any byte both run.
		const deliveryKey = `${this.getWorkflow().id ?? ''}:${this.getNode().id}:${verdict.digest}`;
		if (acceptedDeliveries.isRepeat(deliveryKey, verdict.timestampMs)) {
			return {
				webhookResponse: { received: true, ignored: 'a repeat of a delivery already accepted' },
			};
		}
		const events = this.getNodeParameter('events', []) as string[];
		if (!events.includes(envelope.event)) {
			// A registration left over from before the events changed: acknowledge, start nothing.
			return {
				webhookResponse: {
					received: true,
					ignored: `event ${envelope.event} is not selected in this trigger`,
				},
			};
		}

		const fetchFullRecord = this.getNodeParameter('fetchFullRecord', true) as boolean;
		if (!fetchFullRecord)
			return {
				workflowData: [
					this.helpers.returnJsonArray([await buildEventItem.call(this, envelope, false)]),
				],
			};
		// Acknowledge before reading the record: a slow Hero read must not outlast Hero's delivery
		// timeout (undocumented), or Hero would deliver again and the workflow would run twice.
		// n8n still starts the run from workflowData when the node has answered itself.
		this.getResponseObject().status(200).json({ received: true });
		setRequestTimeout(this, RECORD_ATTEMPT_TIMEOUT_MS);
		const minimal = this.getNodeParameter('minimalOutput', false) === true;
		const mode = this.getNodeParameter('output', 'raw') as OutputMode;
		const fields = mode === 'selected' ? fieldList(this.getNodeParameter('outputFields', '')) : [];
		const withRecord = await buildEventItem.call(this, envelope, true, minimal, { mode, fields });
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([withRecord])] };
	}
}
