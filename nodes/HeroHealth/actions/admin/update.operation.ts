import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest, pathId } from '../../transport';
import { isEmail } from '../../validation';
import { EMAIL_EXPECTED } from '../common.descriptions';
import { checkBoolean, readCollection, requireId } from '../helpers';
import { invalid } from '../../privacy/invalid';
import { adminLocator } from '../admins.descriptions';

const properties: INodeProperties[] = [
	adminLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Clear External Prescriber ID',
				name: 'clearExternalPrescriberId',
				type: 'boolean',
				default: true,
				description: "Whether to remove the admin's external prescriber ID (sent as null)",
			},
			{
				displayName: 'Clear Prescriber Details',
				name: 'clearPrescriberDetails',
				type: 'boolean',
				default: true,
				description: "Whether to remove the admin's prescriber details (sent as null)",
			},
			{
				displayName: 'External Prescriber ID',
				name: 'externalPrescriberId',
				type: 'string',
				default: '',
				placeholder: 'e.g. RX-12345',
				description: "The admin's ID at the prescription partner",
			},
			{
				displayName: 'Prescriber Details',
				name: 'prescriberDetails',
				type: 'fixedCollection',
				default: {},
				placeholder: 'Add Prescriber Details',
				description: 'Sent together as the prescriber_details object',
				options: [
					{
						displayName: 'Details',
						name: 'details',
						values: [
							{
								displayName: 'Email',
								name: 'email',
								type: 'string',
								placeholder: 'e.g. name@email.com',
								default: '',
							},
							{
								displayName: 'Name',
								name: 'name',
								type: 'string',
								default: '',
								placeholder: 'e.g. Dr Jane Smith',
							},
							{
								displayName: 'Registration Code',
								name: 'registrationCode',
								type: 'string',
								default: '',
								placeholder: 'e.g. 7654321',
								description: 'Professional registration code, e.g. GMC number',
							},
						],
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['admin'], operation: ['update'] } },
	properties,
);

function text(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** `PATCH /v1/admins/{id}`: external prescriber ID and prescriber details; Hero answers `{ admin_id }`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireId(this, 'adminId', itemIndex, 'Admin');
	const fields = readCollection(this, 'updateFields', itemIndex);
	const body: IDataObject = {};

	const clearId =
		fields.clearExternalPrescriberId !== undefined &&
		checkBoolean(this, itemIndex, 'Clear External Prescriber ID', fields.clearExternalPrescriberId);
	const prescriberId = text(fields.externalPrescriberId);
	if (fields.externalPrescriberId !== undefined && !prescriberId)
		throw invalid(
			this,
			itemIndex,
			'External Prescriber ID',
			'is empty: remove it, or use Clear External Prescriber ID',
		);
	if (prescriberId && clearId)
		throw invalid(
			this,
			itemIndex,
			'Clear External Prescriber ID',
			'cannot be on while External Prescriber ID is set',
		);
	if (prescriberId) body.external_prescriber_id = prescriberId;
	else if (clearId) body.external_prescriber_id = null;

	const clearDetails =
		fields.clearPrescriberDetails !== undefined &&
		checkBoolean(this, itemIndex, 'Clear Prescriber Details', fields.clearPrescriberDetails);
	const given = ((fields.prescriberDetails as IDataObject | undefined)?.details ?? undefined) as
		| IDataObject
		| undefined;
	if (given) {
		if (clearDetails)
			throw invalid(
				this,
				itemIndex,
				'Clear Prescriber Details',
				'cannot be on while Prescriber Details are set',
			);
		const details: IDataObject = {};
		if (text(given.name)) details.name = text(given.name);
		if (text(given.email)) {
			if (!isEmail(text(given.email)))
				throw invalid(this, itemIndex, 'Prescriber Details: Email', EMAIL_EXPECTED);
			details.email = text(given.email);
		}
		if (text(given.registrationCode)) details.registration_code = text(given.registrationCode);
		if (Object.keys(details).length === 0)
			throw invalid(
				this,
				itemIndex,
				'Prescriber Details',
				'fill in at least one of Name, Email, Registration Code',
			);
		body.prescriber_details = details;
	} else if (clearDetails) {
		body.prescriber_details = null;
	}

	if (Object.keys(body).length === 0)
		throw invalid(this, itemIndex, 'Update Fields', 'add at least one field to change');
	// Setting fixed values: a repeat leaves the admin as intended, so it may be retried.
	return heroApiRequest.call(this, {
		method: 'PATCH',
		path: `/v1/admins/${pathId(id)}`,
		body,
		repeatable: true,
		itemIndex,
	});
}
