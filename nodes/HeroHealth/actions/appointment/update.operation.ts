import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { practitionerLocator, durationField, startTimeField } from '../booking.descriptions';
import {
	appointmentIdField,
	moveAdditionalFields,
	readAppointmentId,
	readMoveBody,
} from './fields';
import { writeAppointment } from './write';
import { pathId } from '../../transport';

const properties: INodeProperties[] = [
	{
		...appointmentIdField,
		description:
			'A reserved appointment that is not booked yet (a booked one is moved with Reschedule)',
	},
	practitionerLocator,
	startTimeField,
	durationField,
	moveAdditionalFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['appointment'], operation: ['update'] } },
	properties,
);

/** Moving a reservation competes for slots: items run one after another. */
export const parallel = false;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readAppointmentId(this, itemIndex);
	const body = readMoveBody(this, itemIndex);
	// PUT of the whole edit: sending it twice leaves the same reservation.
	return writeAppointment(this, id, {
		method: 'PUT',
		path: `/v1/appointments/${pathId(id)}`,
		body,
		itemIndex,
	});
}
