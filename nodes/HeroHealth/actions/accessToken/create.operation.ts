import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest } from '../../transport';
import { jwtExpiry } from './jwt';

const properties: INodeProperties[] = [
	{
		displayName:
			'Creates a short-lived token (30 minutes) for Hero Elements web components. Pass it to the component as <code>jwt-token</code> from your server; never store or log it.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['accessToken'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	// The token is a bearer credential: a model's context is no place for it, so no token is made for one.
	if (this.getNode().type.endsWith('Tool')) {
		throw new NodeOperationError(
			this.getNode(),
			'Access Token → Create is not available to an AI agent: it returns a bearer token, which must not be passed to a model',
			{
				itemIndex,
				description:
					"Nothing was sent to Hero and no token was made. Create the token in a workflow step that passes it straight to the Hero Elements component (a bearer token in a model's context is sent to its provider and may be repeated in its replies).",
			},
		);
	}
	const result = await heroApiRequest.call(this, {
		method: 'POST',
		path: '/v1/access_token',
		repeatable: false,
		itemIndex,
	});
	const token = result?.access_token;
	if (typeof token !== 'string' || token === '') {
		throw new NodeApiError(
			this.getNode(),
			{ message: 'Hero answered without an access_token' },
			{
				itemIndex,
				message: 'Hero answered POST /v1/access_token without an access_token',
				description: 'Check that the API key is allowed to create Elements access tokens.',
			},
		);
	}
	const expiresAt = jwtExpiry(token);
	return {
		...result,
		// Decoded from the token's `exp` claim; null if Hero's token carries none.
		expires_at: expiresAt ?? null,
		expires_in_seconds: expiresAt
			? Math.max(0, Math.round((Date.parse(expiresAt) - Date.now()) / 1000))
			: null,
	};
}
