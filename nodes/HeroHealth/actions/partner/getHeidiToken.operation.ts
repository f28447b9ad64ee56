import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName:
			"Gets a token for Heidi (the AI scribe) for this API key's admin and practice group. It is a bearer credential: pass it straight to Heidi; never store or log it.",
		name: 'notice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['partner'], operation: ['getHeidiToken'] } },
	properties,
);

const PATH = '/v1/partners/heidi/token';

/**
 * `GET /v1/partners/heidi/token` → `{ token, expiration_time }`, treated like Access Token → Create:
 * refused as an AI tool before Hero is asked, and an answer that cannot be used fails without
 * quoting it. A read (retried like one): a repeat only gets another token.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// The token is a bearer credential: a model's context is no place for it, so none is got for one.
	if (this.getNode().type.endsWith('Tool')) {
		throw new NodeOperationError(
			this.getNode(),
			'Partner → Get Heidi Token is not available to an AI agent: it returns a bearer token, which must not be passed to a model',
			{
				itemIndex,
				description:
					"Nothing was sent to Hero and no token was got. Get the token in a workflow step that passes it straight to Heidi (a bearer token in a model's context is sent to its provider and may be repeated in its replies).",
			},
		);
	}
	const result = await heroApiRequest.call(this, { method: 'GET', path: PATH, itemIndex });
	const { token, expiration_time: expires } = result ?? {};
	const expiresAt = typeof expires === 'string' ? Date.parse(expires) : NaN;
	if (typeof token !== 'string' || token === '' || Number.isNaN(expiresAt)) {
		// Named by field only: the answer may hold the token, which no error may repeat.
		const missing = typeof token !== 'string' || token === '' ? 'token' : 'expiration_time';
		throw new NodeApiError(
			this.getNode(),
			{ message: `Hero answered without a usable ${missing}` },
			{
				itemIndex,
				message: `Hero answered GET ${PATH} without a usable ${missing}`,
				description: 'Check that the API key is allowed Heidi tokens (a partner integration).',
			},
		);
	}
	return {
		...result,
		expires_in_seconds: Math.max(0, Math.round((expiresAt - Date.now()) / 1000)),
	};
}
