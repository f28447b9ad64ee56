import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest } from '../../transport';
import { practitionerLocator } from '../booking.descriptions';
import { readCollection, requireId } from '../helpers';
import {
	SUPPRESS_AVAILABILITY_CHECK,
	SUPPRESS_MAIL,
	appointmentIdField,
	copyFlags,
	durationField,
	readAppointmentId,
	readDuration,
	readStartTime,
	startTimeField,
	suppressAvailabilityCheckOption,
	suppressMailOption,
} from './fields';

const properties: INodeProperties[] = [
	{ ...appointmentIdField, description: 'A reserved appointment that is not booked yet (a booked one is moved with Reschedule)' },
	practitionerLocator,
	startTimeField,
	durationField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [suppressAvailabilityCheckOption, suppressMailOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['appointment'], operation: ['update'] } }, properties);

/** Moving a reservation competes for slots: items run one after another. */
export const parallel = false;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readAppointmentId(this, itemIndex);
	const body: IDataObject = {
		start_time: readStartTime(this, itemIndex),
		duration: readDuration(this, itemIndex),
		practitioner_id: requireId(this, 'practitionerId', itemIndex, 'Practitioner'),
	};
	copyFlags(this, itemIndex, readCollection(this, 'additionalFields', itemIndex), body, [SUPPRESS_AVAILABILITY_CHECK, SUPPRESS_MAIL]);
	// PUT of the whole edit: sending it twice leaves the same reservation.
	return heroApiRequest.call(this, { method: 'PUT', path: `/v1/appointments/${id}`, body, itemIndex });
}
