import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readCollection } from '../helpers';
import {
	SUPPRESS_MAIL,
	appointmentIdField,
	copyFlags,
	readAppointmentId,
	suppressMailOption,
} from './fields';
import { writeAppointment } from './write';
import { pathId } from '../../transport';

const properties: INodeProperties[] = [
	appointmentIdField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Suppress Cancellation Policy',
				name: 'suppressCancellationPolicy',
				type: 'boolean',
				default: false,
				description:
					"Whether to cancel even inside the practice's cancellation window (cancellation_policy_hours before the start)",
			},
			suppressMailOption,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['appointment'], operation: ['cancel'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readAppointmentId(this, itemIndex);
	const body: IDataObject = {};
	copyFlags(this, itemIndex, readCollection(this, 'options', itemIndex), body, [
		['suppressCancellationPolicy', 'Suppress Cancellation Policy', 'suppress_cancellation_policy'],
		SUPPRESS_MAIL,
	]);
	return writeAppointment(this, id, {
		method: 'PATCH',
		path: `/v1/appointments/${pathId(id)}/cancel`,
		body: Object.keys(body).length ? body : undefined,
		repeatable: false,
		itemIndex,
	});
}
