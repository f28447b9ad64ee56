import type { HeroResource } from '../types';
import * as connectEhr from './connectEhr.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as get from './get.operation';
import * as getAttachments from './getAttachments.operation';
import * as getMany from './getMany.operation';
import * as getPaymentMethods from './getPaymentMethods.operation';
import * as listEhrCandidates from './listEhrCandidates.operation';
import * as merge from './merge.operation';
import * as previewMerge from './previewMerge.operation';
import * as registerPds from './registerPds.operation';
import * as search from './search.operation';

export const patient: HeroResource = {
	operationProperty: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['patient'] } },
		default: 'registerPds',
		options: [
			{
				name: 'Connect to EHR Record',
				value: 'connectEhr',
				action: 'Connect a patient to an EHR record',
				description: "Link a Hero patient to one of their records in the practice's EHR",
			},
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				action: 'Create or update a patient',
				description:
					'Save a patient with your own details, without an NHS Spine (PDS) lookup; matched on NHS number and date of birth',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a patient',
				description:
					"Get a patient's details from Hero (v2 with identifiers, or v1 with archived status, emails and notes) or from the EHR",
			},
			{
				name: 'Get Attachments',
				value: 'getAttachments',
				action: 'Get attachments of a patient',
				description:
					"List the files in the patient's EHR record; their IDs are Attachment Link → Create's EHR File ID",
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many patients',
				description: "List the practice group's patients in Hero (to find one patient, use Search)",
			},
			{
				name: 'Get Payment Methods',
				value: 'getPaymentMethods',
				action: 'Get payment methods of a patient',
				description: "List the cards of the patient's default payment (Stripe) customer",
			},
			{
				name: 'List EHR Candidates',
				value: 'listEhrCandidates',
				action: 'List EHR candidates for a patient',
				description: 'List the EHR records that may belong to a Hero patient',
			},
			{
				name: 'Merge',
				value: 'merge',
				action: 'Merge two patients irreversibly',
				description:
					'Merge two Hero patients, with the merge token from Preview Merge. Irreversible: never retried automatically. Which record remains is up to Hero.',
			},
			{
				name: 'Preview Merge',
				value: 'previewMerge',
				action: 'Preview merging two patients',
				description:
					'Show what merging a duplicate patient into this one would give, without merging',
			},
			{
				name: 'Register via PDS',
				value: 'registerPds',
				action: 'Register a patient via PDS',
				description:
					"Find a patient on the NHS Spine by NHS number and date of birth and get their Hero patient ID (the existing one if they're already registered)",
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search patients',
				description:
					"Find the practice's patients in Hero by NHS number, date of birth, name or EHR patient ID (exact match); never creates a patient",
			},
		],
	},
	operations: {
		connectEhr,
		createOrUpdate,
		get,
		getAttachments,
		getMany,
		getPaymentMethods,
		listEhrCandidates,
		merge,
		previewMerge,
		registerPds,
		search,
	},
};
