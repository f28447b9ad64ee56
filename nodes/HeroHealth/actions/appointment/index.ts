import type { HeroResource } from '../types';
import * as book from './book.operation';
import * as bookNextAvailable from './bookNextAvailable.operation';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getStatus from './getStatus.operation';
import * as reschedule from './reschedule.operation';
import * as update from './update.operation';

export const appointment: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['appointment'] } },
		default: 'bookNextAvailable',
		options: [
			{
				name: 'Book',
				value: 'book',
				action: 'Book a reserved appointment',
				description:
					'Confirm a reservation made with Create, so the appointment is booked in the diary for the patient',
			},
			{
				name: 'Book Next Available',
				value: 'bookNextAvailable',
				action: 'Book the next available appointment',
				description:
					'Find the earliest free appointment that matches your choices (type, dates, place, clinician) and book it for the patient in one step. If none is free, nothing is booked and the result says why.',
			},
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel an appointment and free its slot',
				description:
					'Cancel a booked appointment or release a reservation; the slot becomes free again',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create an appointment reservation',
				description:
					'Reserve a slot for a patient, held until reserved_until (ISO-8601 UTC); confirm it with Book',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an appointment',
				description: 'Get one appointment with its start time (ISO-8601 UTC) and booking state',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				action: 'Get the status of an appointment',
				description: "Get an appointment's current status",
			},
			{
				name: 'Reschedule',
				value: 'reschedule',
				action: 'Reschedule an appointment',
				description: 'Move a booked appointment to another time or practitioner',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an appointment reservation',
				description:
					'Change the time, length or practitioner of a reservation that is not booked yet',
			},
		],
	},
	operations: { book, bookNextAvailable, cancel, create, get, getStatus, reschedule, update },
};
