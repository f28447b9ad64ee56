import { updateDisplayOptions } from 'n8n-workflow';

import { batchSendsProperties, executeBatchSends } from '../batchSends';

/**
 * Message → Get Many in a Batch is Batch Message → Get Sends under the Message resource, kept for
 * workflows built with it: same fields (`batchId` also takes a plain ID), same code.
 */
export const description = updateDisplayOptions(
	{ show: { resource: ['message'], operation: ['getManyInBatch'] } },
	batchSendsProperties,
);

export { executeBatchSends as execute };
