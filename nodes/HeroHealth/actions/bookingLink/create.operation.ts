import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, pathId } from '../../transport';
import {
	findPatientId,
	identifyPatientFields,
	readPatient,
	sayingPatient,
	type PatientByNhsNumber,
} from '../patients.descriptions';
import {
	appointmentTypeLocator,
	bookingLocator,
	locationLocator,
	readLocatorId,
} from '../booking.descriptions';
import { checkOneOf, readCollection, requireId } from '../helpers';
import {
	checkDateWindow,
	checkExpiryDate,
	checkUseCount,
	dateWindowOptions,
	expiryDateOption,
	maximumUseCountOption,
} from '../links.descriptions';

const LINK_TYPES = ['patient', 'generic'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Link For',
		name: 'linkType',
		type: 'options',
		default: 'patient',
		options: [
			{
				name: 'Anyone (Generic Link)',
				value: 'generic',
				description: 'Patients sign in with NHS Login (or a Hero login for private practices)',
			},
			{
				name: 'One Patient',
				value: 'patient',
				description: 'The patient confirms their date of birth to book',
			},
		],
	},
	...identifyPatientFields({ show: { linkType: ['patient'] } }),
	{ ...appointmentTypeLocator, description: 'The appointment type the patient can book' },
	{ ...locationLocator, description: 'Where the appointment takes place' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...dateWindowOptions,
			expiryDateOption,
			maximumUseCountOption,
			bookingLocator('practitioner', {
				description: 'Pre-select one practitioner (leave empty to offer all)',
			}),
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['bookingLink'], operation: ['create'] } },
	properties,
);

/**
 * Builds and checks the body of POST /v1/booking_links; throws before any request on bad input. A
 * patient named by NHS number is returned as `findPatient`, its `patient_id` left for execute() to add.
 */
export function buildCreateBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { body: IDataObject; findPatient?: PatientByNhsNumber } {
	const linkType = checkOneOf(
		ctx,
		itemIndex,
		'Link For',
		ctx.getNodeParameter('linkType', itemIndex, 'patient'),
		LINK_TYPES,
	);
	const body: IDataObject = {
		appointment_type_id: requireId(ctx, 'appointmentTypeId', itemIndex, 'Appointment Type'),
		location_id: requireId(ctx, 'locationId', itemIndex, 'Location'),
	};
	let findPatient: PatientByNhsNumber | undefined;
	if (linkType === 'patient') {
		const patient = readPatient(ctx, itemIndex);
		if ('id' in patient) body.patient_id = patient.id;
		else findPatient = patient.find;
	}
	const extra = readCollection(ctx, 'additionalFields', itemIndex);
	const practitioner = readLocatorId(ctx, itemIndex, 'Practitioner', extra.practitionerId);
	if (practitioner) body.practitioner_id = practitioner;
	Object.assign(body, checkDateWindow(ctx, itemIndex, extra.fromDate, extra.toDate));
	if (extra.expiryDate !== undefined && extra.expiryDate !== '')
		body.expiry_date = checkExpiryDate(ctx, itemIndex, extra.expiryDate);
	if (extra.maximumUseCount !== undefined)
		body.maximum_use_count = checkUseCount(ctx, itemIndex, extra.maximumUseCount);
	return { body, findPatient };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { body, findPatient } = buildCreateBody(this, itemIndex);
	// A patient named by NHS number is found first (in the check pass, before any link is created).
	const found = findPatient ? await findPatientId(this, itemIndex, findPatient) : undefined;
	if (found !== undefined) body.patient_id = found;
	return sayingPatient(await create.call(this, itemIndex, body), found);
}

async function create(
	this: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): Promise<IDataObject> {
	const link = await heroApiRequest.call(this, {
		method: 'POST',
		path: '/v1/booking_links',
		body,
		repeatable: false,
		itemIndex,
	});
	// The create response was never captured: if it lacks the shareable link, read the link back.
	if (typeof link?.short_link !== 'string' && link?.id !== undefined && link?.id !== null) {
		const id = String(link.id);
		try {
			return await heroApiRequest.call(this, {
				method: 'GET',
				path: `/v1/booking_links/${pathId(id)}`,
				itemIndex,
			});
		} catch (error) {
			// The link exists at Hero: failing the item would invite a retry that creates a second one.
			return {
				...link,
				warning: `Booking link ${id} was created, but reading it back from Hero failed (${(error as Error).message}): its shareable link is not in this output. Do not create it again; read it with Booking Link → Get.`,
			};
		}
	}
	return link;
}
