import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { heroApiRequest } from '../transport';

import { deleteAll, stillListedText } from './deletion';
import { HERO_EVENT_NAMES } from './events';
import { listRegistrations } from './list';
import { refusedRegistrationError } from './refusal';
import { newSigningKey } from './signingKey';

/**
 * The webhook lifecycle. Hero registers one event per webhook (`POST /v1/webhooks`), so one
 * activation makes one registration per selected event. The node's static data keeps
 * `registrations` (event → Hero webhook id) and the `signingKey` every registration was given.
 */

export interface TriggerStaticData extends IDataObject {
	registrations?: Record<string, string>;
	signingKey?: string;
	/** Registrations a delete failed to remove; the next `create` tries again. */
	staleRegistrations?: string[];
}

export function staticDataOf(ctx: {
	getWorkflowStaticData(type: string): IDataObject;
}): TriggerStaticData {
	return ctx.getWorkflowStaticData('node') as TriggerStaticData;
}

function webhookUrlOf(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url)
		throw new NodeOperationError(
			ctx.getNode(),
			'n8n gave no webhook URL for the Hero Health Trigger',
		);
	return url;
}

/** The selected events: at least one, each a documented Hero event, no repeats. */
export function selectedEvents(ctx: IHookFunctions): string[] {
	const value = ctx.getNodeParameter('events', []) as unknown;
	const events = [
		...new Set(
			(Array.isArray(value) ? value : [value])
				.map((event) => String(event ?? '').trim())
				.filter(Boolean),
		),
	];
	if (events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Events: choose at least one event', {
			description:
				'Hero registers one webhook per event; select the events that should start this workflow.',
		});
	}
	const unknown = events.filter((event) => !HERO_EVENT_NAMES.includes(event));
	if (unknown.length) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Events: ${unknown.join(', ')} is not a Hero webhook event`,
			{
				description: `Choose from: ${HERO_EVENT_NAMES.join(', ')}.`,
			},
		);
	}
	return events;
}

/**
 * checkExists: true only if, at our URL, Hero has exactly one registration per selected event,
 * each the one we stored, with the key we hold, and nothing else. Anything else (events changed,
 * a registration removed at Hero, a lost key) answers false, so n8n calls `create`, which cleans up.
 */
export async function registrationsExist(this: IHookFunctions): Promise<boolean> {
	const events = selectedEvents(this);
	const url = webhookUrlOf(this);
	const data = staticDataOf(this);
	const stored = data.registrations ?? {};
	if (!data.signingKey || Object.keys(stored).length === 0 || data.staleRegistrations?.length)
		return false;

	const ours = (await listRegistrations(this)).filter((registration) => registration.url === url);
	if (ours.length !== events.length || Object.keys(stored).length !== events.length) return false;
	return events.every((event) =>
		ours.some(
			(registration) =>
				registration.event_type === event &&
				registration.id === stored[event] &&
				(registration.signing_key === undefined || registration.signing_key === data.signingKey),
		),
	);
}

/**
 * create: removes what we registered before (stored ids, and anything else at our URL, which only
 * this node uses), makes a fresh signing key, and registers every selected event. If one
 * registration fails, those already made are deleted again and the activation fails.
 */
export async function registerWebhooks(this: IHookFunctions): Promise<boolean> {
	const events = selectedEvents(this);
	const url = webhookUrlOf(this);
	const data = staticDataOf(this);

	const stale = new Set([
		...Object.values(data.registrations ?? {}),
		...(data.staleRegistrations ?? []),
	]);
	for (const registration of await listRegistrations(this))
		if (registration.url === url) stale.add(registration.id);
	const deletion = await deleteAll(this, [...stale], 'replacing stale registrations');
	const notDeleted = [...deletion.failed, ...deletion.stillListed];
	delete data.registrations;
	delete data.signingKey;
	if (notDeleted.length) data.staleRegistrations = notDeleted;
	else delete data.staleRegistrations;
	// Registering again would add one more registration per activation, each left with an old key.
	if (deletion.stillListed.length) {
		const count = deletion.stillListed.length;
		throw new NodeOperationError(
			this.getNode(),
			`Hero still lists ${count} webhook registration${count === 1 ? '' : 's'} for this trigger after answering ${count === 1 ? 'its delete' : 'their deletes'}: ${deletion.stillListed.join(', ')}`,
			{
				description: `${stillListedText(deletion.stillListed)}. Registering again would add a registration on every activation, and Hero would keep delivering to the old ones with keys this trigger no longer holds (refused with 401). Delete them in Hero (or ask Hero support to), then activate the workflow again.`,
			},
		);
	}

	const signingKey = newSigningKey();
	const workflow = this.getWorkflow();
	const registrations: Record<string, string> = {};
	let failure: unknown;
	let event = '';
	try {
		for (event of events) {
			const created = await heroApiRequest.call(this, {
				method: 'POST',
				path: '/v1/webhooks',
				body: {
					event_type: event,
					url,
					signing_key: signingKey,
					description: `n8n workflow ${workflow.id ?? ''}: ${this.getNode().name}`.trim(),
				},
			});
			if (created?.id === undefined || created?.id === null) {
				throw new NodeOperationError(
					this.getNode(),
					`Hero registered the ${event} webhook but returned no id`,
				);
			}
			registrations[event] = String(created.id);
		}
	} catch (error) {
		failure = refusedRegistrationError(this, event, url, signingKey, error);
	}
	if (failure !== undefined) {
		const rollback = await deleteAll(
			this,
			Object.values(registrations),
			'rolling back a failed activation',
		);
		const leftOver = [...rollback.failed, ...rollback.stillListed];
		if (leftOver.length) data.staleRegistrations = [...notDeleted, ...leftOver];
		// A NodeApiError from the transport, or our NodeOperationError: both carry their own message.
		throw failure;
	}
	data.registrations = registrations;
	data.signingKey = signingKey;
	return true;
}

/** delete: removes every registration this node made; failures are logged and kept for the next `create`. */
export async function unregisterWebhooks(this: IHookFunctions): Promise<boolean> {
	const data = staticDataOf(this);
	const ids = [
		...new Set([...Object.values(data.registrations ?? {}), ...(data.staleRegistrations ?? [])]),
	];
	const deletion = await deleteAll(this, ids, 'deactivating the workflow');
	const failed = [...deletion.failed, ...deletion.stillListed];
	delete data.registrations;
	delete data.signingKey;
	if (failed.length) data.staleRegistrations = failed;
	else delete data.staleRegistrations;
	return failed.length === 0;
}
