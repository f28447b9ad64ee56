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
import { optionalPatientIdField } from '../common.descriptions';
import { checkId, optionalId, readCollection, requireId } from '../helpers';
import {
	SUPPRESS_AVAILABILITY_CHECK,
	SUPPRESS_MAIL,
	copyFlags,
	reasonOption,
	suppressAvailabilityCheckOption,
	suppressMailOption,
} from './fields';

const properties: INodeProperties[] = [
	appointmentTypeLocator,
	locationLocator,
	practitionerLocator,
	startTimeField,
	durationField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Billpayer ID',
				name: 'billpayerId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2002',
				description: 'The Hero patient ID of whoever pays (private appointments)',
			},
			optionalPatientIdField(
				'The patient the appointment is for. If empty, give it at Appointment → Book.',
			),
			reasonOption,
			suppressAvailabilityCheckOption,
			suppressMailOption,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['appointment'], operation: ['create'] } },
	properties,
);

/** Reservations compete for slots: items run one after another. */
export const parallel = false;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = {
		appointment_type_id: requireId(this, 'appointmentTypeId', itemIndex, 'Appointment Type'),
		location_id: requireId(this, 'locationId', itemIndex, 'Location'),
		practitioner_id: requireId(this, 'practitionerId', itemIndex, 'Practitioner'),
		duration: readDuration(this, itemIndex),
		start_time: readStartTime(this, itemIndex),
	};
	const extra = readCollection(this, 'additionalFields', itemIndex);
	const patientId = optionalId(this, itemIndex, 'Patient ID', extra.patientId);
	if (patientId) body.patient_id = patientId;
	if (extra.billpayerId !== undefined && String(extra.billpayerId).trim() !== '')
		body.billpayer_id = checkId(this, itemIndex, 'Billpayer ID', extra.billpayerId);
	if (typeof extra.reason === 'string' && extra.reason.trim() !== '')
		body.reason = extra.reason.trim();
	copyFlags(this, itemIndex, extra, body, [SUPPRESS_AVAILABILITY_CHECK, SUPPRESS_MAIL]);
	// Not repeatable: a reservation that may have reached Hero is never sent twice.
	return heroApiRequest.call(this, {
		method: 'POST',
		path: '/v1/appointments',
		body,
		repeatable: false,
		itemIndex,
	});
}
