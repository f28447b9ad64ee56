import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest } from '../../transport';
import { checkOneOf, requireString } from '../helpers';
import { invalid } from '../../privacy/invalid';

const LOOKUPS = ['url', 'id'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Look Up By',
		name: 'lookUpBy',
		type: 'options',
		default: 'url',
		options: [
			{ name: 'Link ID', value: 'id', description: 'The ID Hero gave the link' },
			{ name: 'Short Link URL', value: 'url', description: 'The full link as sent to the patient' },
		],
	},
	{
		displayName: 'Short Link URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://bookings.herohealth.net/s/abc123',
		description: 'The short_link of a booking, form, video or attachment link',
		displayOptions: { show: { lookUpBy: ['url'] } },
	},
	{
		displayName: 'Link ID',
		name: 'linkId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 4321',
		displayOptions: { show: { lookUpBy: ['id'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['link'], operation: ['getStatus'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const lookUpBy = checkOneOf(
		this,
		itemIndex,
		'Look Up By',
		this.getNodeParameter('lookUpBy', itemIndex, 'url'),
		LOOKUPS,
	);
	const qs: IDataObject = {};
	if (lookUpBy === 'url') {
		const url = requireString(this, 'url', itemIndex, 'Short Link URL');
		if (!/^https?:\/\/[^\s/]+\/\S*$/i.test(url))
			throw invalid(
				this,
				itemIndex,
				'Short Link URL',
				'expected a full link such as https://bookings.herohealth.net/s/abc123',
			);
		qs.url = url;
	} else {
		qs.id = requireString(this, 'linkId', itemIndex, 'Link ID');
	}
	return heroApiRequest.call(this, { method: 'GET', path: '/v1/links/status', qs, itemIndex });
}
