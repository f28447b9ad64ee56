import { updateDisplayOptions } from 'n8n-workflow';

import { batchSendsProperties, executeBatchSends } from '../batchSends';

/** Batch Message → Get Sends: the individual messages of a batch (shared with Message → Get Many in a Batch). */
export const description = updateDisplayOptions(
	{ show: { resource: ['batchMessage'], operation: ['getSends'] } },
	batchSendsProperties,
);

export { executeBatchSends as execute };
