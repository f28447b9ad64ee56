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
	{ ...appointmentIdField, description: 'A booked (confirmed) appointment to move' },
	{
		...practitionerLocator,
		description: 'The practitioner for the new time (the same one to keep them)',
	},
	{
		...startTimeField,
		displayName: 'New Start Time',
		description:
			"When the appointment now starts, e.g. a free slot's start_time. Sent to Hero in UTC (ISO 8601); a time without offset is read in the workflow time zone. Hero shows times in Europe/London.",
	},
	durationField,
	moveAdditionalFields,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['appointment'], operation: ['reschedule'] } },
	properties,
);

/** Rescheduling takes a slot: items run one after another. */
export const parallel = false;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readAppointmentId(this, itemIndex);
	const body = readMoveBody(this, itemIndex, 'New Start Time');
	return writeAppointment(this, id, {
		method: 'PATCH',
		path: `/v1/appointments/${pathId(id)}/reschedule`,
		body,
		repeatable: false,
		itemIndex,
	});
}
