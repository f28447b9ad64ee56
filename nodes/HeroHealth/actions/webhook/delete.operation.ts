import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { INFERRED, heroApiRequest, pathId } from '../../transport';
import { listWebhooks } from '../../webhooks/list';
import { requireWebhookId, webhookLocator } from './fields';
import { hideSecrets } from '../../privacy/hideSecrets';

const properties: INodeProperties[] = [webhookLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['delete'] } },
	properties,
);

/**
 * `DELETE /v1/webhooks/{id}` (path inferred: `INFERRED.webhookPath`). Hero's answer was never
 * captured: the output is `{ id, deleted: true }` plus whatever Hero returns, signing key and header values hidden.
 * As the path is a guess, the documented list is read after the answer (a 2xx or a 404): a webhook
 * still listed was not deleted, and the item fails saying so.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireWebhookId(this, itemIndex);
	let answer: IDataObject | undefined;
	let failure: unknown;
	try {
		answer = await heroApiRequest.call(this, {
			method: 'DELETE',
			path: INFERRED.webhookPath(pathId(id)),
			itemIndex,
		});
	} catch (error) {
		failure = error;
	}
	const notFound = failure !== undefined && (failure as { httpCode?: unknown }).httpCode === '404';
	// Already a NodeApiError with Hero's status and a human message (transport/errors.ts).
	if (failure !== undefined && !notFound) throw failure;
	const listed = (await listWebhooks(this, undefined, undefined, itemIndex)).some(
		(webhook) => String(webhook.id) === id,
	);
	if (listed) {
		throw new NodeOperationError(
			this.getNode(),
			`Webhook ${id} was not deleted: Hero answered the delete${notFound ? ' with 404' : ''} but still lists it`,
			{
				itemIndex,
				description: `DELETE ${INFERRED.webhookPath('{id}')} is an inferred path (Hero documents only create and list webhooks) and did not remove the registration. Delete it in Hero, or ask Hero support how.`,
			},
		);
	}
	// A 404 for a webhook Hero does not list: it is not there (another practice group's, or removed already).
	if (notFound) throw failure;
	const record =
		answer && typeof answer === 'object' && !Array.isArray(answer) ? hideSecrets(answer) : {};
	return { id, ...record, deleted: true };
}
