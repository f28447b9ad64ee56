import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, pathId } from '../../transport';
import { appointmentIdField, readAppointmentId } from './fields';
import { readableFields } from '../../shared/bookingNames';
import { outputProperties, readShape } from '../../shared/simplify';

const properties: INodeProperties[] = [appointmentIdField, ...outputProperties(['appointment'])];

export const description = updateDisplayOptions(
	{ show: { resource: ['appointment'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readAppointmentId(this, itemIndex);
	const shape = readShape(this, itemIndex, 'appointment');
	const appointment = await heroApiRequest.call(this, {
		method: 'GET',
		path: `/v1/appointments/${pathId(id)}`,
		itemIndex,
	});
	// The start as a patient reads it, and the names, as Book Next Available outputs them.
	return shape({ ...appointment, ...(await readableFields(this, itemIndex, appointment)) });
}
