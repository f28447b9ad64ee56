import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { INFERRED, heroApiRequest, pathId } from '../../transport';
import { bookingLocator, readLocatorId } from '../booking.descriptions';
import { checkBoolean, readCollection, requireId } from '../helpers';
import { invalid } from '../../privacy/invalid';
import {
	bookingLinkLocator,
	checkDateWindow,
	checkExpiryDate,
	checkUseCount,
	dateWindowOptions,
	expiryDateOption,
	maximumUseCountOption,
} from '../links.descriptions';

const FIELDS = INFERRED.bookingLinkUpdateFields;

const properties: INodeProperties[] = [
	bookingLinkLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Active',
				name: 'active',
				type: 'boolean',
				default: false,
				description: 'Whether the link can still be used (turn off to deactivate it)',
			},
			bookingLocator('appointmentType', {
				description: 'The appointment type the patient can book',
			}),
			...dateWindowOptions,
			expiryDateOption,
			bookingLocator('location', { description: 'Where the appointment takes place' }),
			maximumUseCountOption,
			bookingLocator('practitioner', { description: 'Pre-select one practitioner' }),
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bookingLink'], operation: ['update'] } },
	properties,
);

/** Builds and checks the body of PATCH /v1/booking_links/{id}; throws before any request on bad input. */
export function buildUpdateBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = readCollection(ctx, 'updateFields', itemIndex);
	const body: IDataObject = {};
	for (const [key, field, name] of [
		['appointmentTypeId', 'Appointment Type', 'appointment_type_id'],
		['locationId', 'Location', 'location_id'],
		['practitionerId', 'Practitioner', 'practitioner_id'],
	] as const) {
		const id = readLocatorId(ctx, itemIndex, field, fields[key]);
		if (id) body[name] = id;
	}
	Object.assign(body, checkDateWindow(ctx, itemIndex, fields.fromDate, fields.toDate));
	if (fields.expiryDate !== undefined && fields.expiryDate !== '')
		body[FIELDS.expiryDate] = checkExpiryDate(ctx, itemIndex, fields.expiryDate);
	if (fields.maximumUseCount !== undefined)
		body[FIELDS.maximumUseCount] = checkUseCount(ctx, itemIndex, fields.maximumUseCount);
	if (fields.active !== undefined)
		body[FIELDS.active] = checkBoolean(ctx, itemIndex, 'Active', fields.active);
	if (Object.keys(body).length === 0)
		throw invalid(ctx, itemIndex, 'Update Fields', 'add at least one field to change');
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireId(this, 'bookingLinkId', itemIndex, 'Booking Link');
	const body = buildUpdateBody(this, itemIndex);
	// Setting the same values again is harmless: a PATCH of absolute values may be retried.
	return heroApiRequest.call(this, {
		method: 'PATCH',
		path: `/v1/booking_links/${pathId(id)}`,
		body,
		repeatable: true,
		itemIndex,
	});
}
