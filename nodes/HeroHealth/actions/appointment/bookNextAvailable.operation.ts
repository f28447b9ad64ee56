import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { INFERRED, readList } from '../../transport';
import {
	DATE_WINDOW_HINT,
	appointmentTypeLocator,
	bookingLocator,
	bookingLocatorList,
} from '../booking.descriptions';
import { calendarDateField } from '../common.descriptions';
import { findPatientId, identifyPatientFields, sayingPatient } from '../patients.descriptions';
import { bookFirstFree, namingReservations, type Reservation } from './bookNextAvailable.booking';
import {
	DEFAULT_MAX_ATTEMPTS,
	DEFAULT_WINDOW_DAYS,
	LABELS,
	MAX_ATTEMPTS_LIMIT,
	candidates,
	describeSearch,
	readSearch,
	type BookingSearch,
} from './bookNextAvailable.search';
import { reasonOption } from './fields';
import { bookingName } from '../../shared/bookingNames';

// The search (parameters, matching slots) is in bookNextAvailable.search.ts, the booking of a slot in
// bookNextAvailable.booking.ts. `candidates` is named here too, as the operation's tests import it.
export { candidates };

const properties: INodeProperties[] = [
	{
		displayName:
			'Books the earliest free slot that matches, for the patient. If none matches (or every slot tried was taken by someone else first) the item is output with booked = false and a reason, instead of failing.',
		name: 'bookNextAvailableNotice',
		type: 'notice',
		default: '',
	},
	...identifyPatientFields(),
	{ ...appointmentTypeLocator, description: 'The kind of appointment to book' },
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			calendarDateField({
				displayName: LABELS.startDate,
				name: 'startDate',
				description: `First day to search. ${DATE_WINDOW_HINT}. Default: today.`,
			}),
			calendarDateField({
				displayName: LABELS.endDate,
				name: 'endDate',
				description: `Last day to search. ${DATE_WINDOW_HINT}. Default: ${DEFAULT_WINDOW_DAYS} days after the first day.`,
			}),
			bookingLocator('location', { description: 'Only slots at this location' }),
			bookingLocatorList('practitioner', {
				description: 'Only slots with any of these practitioners',
			}),
			{
				displayName: LABELS.earliestTime,
				name: 'earliestTime',
				type: 'string',
				default: '',
				placeholder: 'e.g. 09:00',
				description: `Only slots starting at or after this time of day (HH:mm, 24-hour; see ${LABELS.options} → Time Zone)`,
			},
			{
				displayName: LABELS.latestTime,
				name: 'latestTime',
				type: 'string',
				default: '',
				placeholder: 'e.g. 12:00',
				description: `Only slots starting at or before this time of day (HH:mm, 24-hour; see ${LABELS.options} → Time Zone)`,
			},
		],
	},
	{
		displayName: LABELS.options,
		// The parameter keeps its name: saved workflows keep their values.
		name: 'options',
		type: 'collection',
		placeholder: 'Add Booking Option',
		default: {},
		options: [
			{
				displayName: 'Duration (Minutes)',
				name: 'duration',
				type: 'number',
				typeOptions: { minValue: 0 },
				// 0 = unset: adding the field must not replace the slot's own length with a guess.
				default: 0,
				description: "Length of the appointment in minutes. 0 = the slot's own length.",
			},
			{
				displayName: 'Max Attempts',
				name: 'maxAttempts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_ATTEMPTS_LIMIT },
				default: DEFAULT_MAX_ATTEMPTS,
				description:
					'How many slots to try, earliest first, when someone else takes a slot before it can be reserved',
			},
			reasonOption,
			{
				displayName: 'Suppress Mail',
				name: 'suppressMail',
				type: 'boolean',
				default: false,
				description: 'Whether to stop Hero emailing the patient about the booking',
			},
			{
				displayName: 'Time Zone',
				name: 'timeZone',
				type: 'options',
				default: 'hero',
				options: [
					{ name: "Hero's Time Zone (Europe/London)", value: 'hero' },
					{ name: 'Workflow Time Zone', value: 'workflow' },
				],
				description: `Zone of ${LABELS.startDate} / ${LABELS.endDate} and ${LABELS.earliestTime} / ${LABELS.latestTime}`,
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['appointment'], operation: ['bookNextAvailable'] } },
	properties,
);

/** Items compete for the same slots: they run one after another. */
export const parallel = false;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const search = readSearch(this, itemIndex);
	// A patient named by NHS number is found first (in the check pass, before any item is booked).
	const found = search.findPatient
		? await findPatientId(this, itemIndex, search.findPatient)
		: undefined;
	if (found !== undefined) search.patientId = found;
	return sayingPatient(await book.call(this, itemIndex, search), found);
}

async function book(
	this: IExecuteFunctions,
	itemIndex: number,
	search: BookingSearch,
): Promise<IDataObject> {
	const qs: IDataObject = {
		appointment_type_id: search.appointmentTypeId,
		start_date: search.startDate,
		end_date: search.endDate,
	};
	if (search.locationId) qs.location_id = search.locationId;
	if (search.practitionerIds.length)
		qs.practitioner_id =
			search.practitionerIds.length === 1 ? search.practitionerIds[0] : search.practitionerIds;
	const listRequest = {
		method: 'GET' as const,
		path: '/v1/slots',
		qs,
		itemIndex,
		expect: 'list' as const,
	};
	// Hero's slot order is not documented: read the whole window, then sort.
	const slots = await readList.call(
		this,
		listRequest,
		INFERRED.slotsArePaged ? 'paged' : 'unpaged',
	);
	const queue = candidates(slots, search);
	if (queue.length === 0) {
		// A read, after the search: harmless to the router's check pass.
		const typeName = await bookingName(
			this,
			itemIndex,
			'appointmentType',
			search.appointmentTypeId,
		);
		return {
			booked: false,
			reason: `No free slot matched (${describeSearch(search, typeName)})`,
			attempts: 0,
			slots_matched: 0,
		};
	}

	const reservations: Reservation[] = [];
	try {
		return await bookFirstFree.call(this, itemIndex, search, queue, reservations);
	} catch (error) {
		throw namingReservations(error as Error, reservations);
	}
}
