import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { INFERRED, heroApiRequest } from '../../transport';
import { hideSecrets, requireWebhookId, webhookLocator } from './common';

const properties: INodeProperties[] = [webhookLocator];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['delete'] } }, properties);

/**
 * `DELETE /v1/webhooks/{id}` (path inferred: `INFERRED.webhookPath`). Hero's answer was never
 * captured: the output is `{ id, deleted: true }` plus whatever Hero returns, signing key and header values hidden.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireWebhookId(this, itemIndex);
	const answer = await heroApiRequest.call(this, { method: 'DELETE', path: INFERRED.webhookPath(encodeURIComponent(id)), itemIndex });
	const record = answer && typeof answer === 'object' && !Array.isArray(answer) ? hideSecrets(answer) : {};
	return { id, ...record, deleted: true };
}
