import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, pathId } from '../../transport';
import { appointmentIdField, readAppointmentId } from './fields';

const properties: INodeProperties[] = [appointmentIdField];

export const description = updateDisplayOptions(
	{ show: { resource: ['appointment'], operation: ['getStatus'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readAppointmentId(this, itemIndex);
	return heroApiRequest.call(this, {
		method: 'GET',
		path: `/v1/appointments/${pathId(id)}/status`,
		itemIndex,
	});
}
