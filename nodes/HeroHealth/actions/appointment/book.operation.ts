import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { INFERRED, pathId } from '../../transport';
import { optionalPatientIdField } from '../common.descriptions';
import { optionalId, readCollection } from '../helpers';
import { appointmentIdField, readAppointmentId } from './fields';
import { writeAppointment } from './write';

const properties: INodeProperties[] = [
	{
		...appointmentIdField,
		description: 'The reservation to confirm: the ID from Appointment → Create',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			optionalPatientIdField('The patient to book for, when the reservation was made without one'),
		],
	},
	{
		displayName:
			"Hero's documentation does not show the Book call itself; this node sends PATCH /v1/appointments/{ID}/book (our best guess, see the README)",
		name: 'bookNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['appointment'], operation: ['book'] } },
	properties,
);

/** Bookings compete for slots: items run one after another. */
export const parallel = false;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readAppointmentId(this, itemIndex);
	const extra = readCollection(this, 'additionalFields', itemIndex);
	const body: IDataObject = {};
	const patientId = optionalId(this, itemIndex, 'Patient ID', extra.patientId);
	if (patientId) body.patient_id = patientId;
	// Method, path and body are inferred (transport/inferred.ts). Not repeatable: never books twice.
	return writeAppointment(this, id, {
		method: INFERRED.bookAppointmentMethod,
		path: INFERRED.bookAppointmentPath(pathId(id)),
		body: Object.keys(body).length ? body : undefined,
		repeatable: false,
		itemIndex,
	});
}
