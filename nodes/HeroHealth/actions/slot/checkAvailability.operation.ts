import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest } from '../../transport';
import {
	appointmentTypeLocator,
	locationLocator,
	practitionerLocator,
	durationField,
	readDuration,
	readStartTime,
	startTimeField,
} from '../booking.descriptions';
import { requireId } from '../helpers';

const properties: INodeProperties[] = [
	practitionerLocator,
	appointmentTypeLocator,
	locationLocator,
	{
		...startTimeField,
		description:
			'When the appointment would start. Sent to Hero in UTC (ISO 8601); a time without offset is read in the workflow time zone. Hero shows times in Europe/London.',
	},
	durationField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['slot'], operation: ['checkAvailability'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = {
		practitioner_id: requireId(this, 'practitionerId', itemIndex, 'Practitioner'),
		appointment_type_id: requireId(this, 'appointmentTypeId', itemIndex, 'Appointment Type'),
		location_id: requireId(this, 'locationId', itemIndex, 'Location'),
		start_time: readStartTime(this, itemIndex),
		duration: readDuration(this, itemIndex),
	};
	// A POST that only reads: safe to retry.
	return heroApiRequest.call(this, {
		method: 'POST',
		path: '/v1/slots/availability',
		body,
		repeatable: true,
		readOnly: true,
		itemIndex,
	});
}
