import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { labelLookup } from '../shared/subtitle';
import { requestOptions } from './common.descriptions';
import { resources } from './resources';
import { toolDescriptionProperties } from './toolDescription';

const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'message',
	options: [
		{
			name: 'Access Token',
			value: 'accessToken',
			description: 'Short-lived tokens for Hero Elements web components',
		},
		{
			name: 'Admin',
			value: 'admin',
			description: 'Practice admins (staff users) and their prescriber details',
		},
		{
			name: 'Appointment',
			value: 'appointment',
			description:
				'Reserve, book, reschedule and cancel appointments; book the next free slot in one step',
		},
		{
			name: 'Appointment Type',
			value: 'appointmentType',
			description: 'The kinds of appointment the practice offers online',
		},
		{
			name: 'Attachment Link',
			value: 'attachmentLink',
			description: 'Share a file with a patient through a link',
		},
		{
			name: 'Automated Message',
			value: 'automatedMessage',
			description: 'Messages Hero sends automatically, e.g. reminders',
		},
		{
			name: 'Batch Message',
			value: 'batchMessage',
			description: 'Bulk campaigns: one message to many patients by NHS number',
		},
		{
			name: 'Booking Link',
			value: 'bookingLink',
			description: 'Self-booking links for one patient or anyone',
		},
		{ name: 'Episode', value: 'episode', description: "A patient's grouped inbox tasks" },
		{
			name: 'Form',
			value: 'form',
			description: 'Practice forms (questionnaires, care navigation)',
		},
		{ name: 'Form Link', value: 'formLink', description: 'Shareable links to a Hero form' },
		{
			name: 'Form Response',
			value: 'formResponse',
			description: "A patient's submitted answers to a form",
		},
		{
			name: 'HCA Consultant',
			value: 'hcaConsultant',
			description: 'Consultants of HCA booking, found by name or GMC number',
		},
		{
			name: 'Invoicing',
			value: 'invoicing',
			description: 'Billing customers and coupons for private services',
		},
		{
			name: 'Link',
			value: 'link',
			description: 'The status of any booking, form, video or attachment link',
		},
		{
			name: 'Location',
			value: 'location',
			description: 'Surgeries and sites configured for online booking',
		},
		{
			name: 'Message',
			value: 'message',
			description: 'Send SMS, email and NHS App messages to patients',
		},
		{
			name: 'Message Template',
			value: 'messageTemplate',
			description: "The practice's message templates",
		},
		{
			name: 'Partner',
			value: 'partner',
			description: 'Tokens for partner integrations such as Heidi',
		},
		{
			name: 'Patient',
			value: 'patient',
			description: 'Register patients via PDS, get and update them, match EHR records',
		},
		{
			name: 'Pharmacy',
			value: 'pharmacy',
			description: "Add pharmacies to a prescriber's list",
		},
		{
			name: 'Practice Group',
			value: 'practiceGroup',
			description: 'The practice group: details, capabilities, configuration, elements',
		},
		{
			name: 'Practitioner',
			value: 'practitioner',
			description: 'GPs, nurses and other clinicians who have bookable slots',
		},
		{
			name: 'Prescriber',
			value: 'prescriber',
			description: "A prescriber's pharmacies",
		},
		{
			name: 'Slot',
			value: 'slot',
			description: 'Bookable appointment slots: list, count, check availability',
		},
		{
			name: 'Task',
			value: 'task',
			description: 'Inbox tasks: get them, change status, priority or assignee',
		},
		{ name: 'Video Link', value: 'videoLink', description: 'Links to Hero video consultations' },
		{
			name: 'Webhook',
			value: 'webhook',
			description:
				'Register, list and remove the URLs Hero sends events to (the Hero Health Trigger manages its own)',
		},
	],
};

/** The node's parameters: resource, then each resource's operations and their fields. */
export const properties: INodeProperties[] = [
	// First on the tool, where n8n puts its own Tool Description.
	...toolDescriptionProperties(resources),
	resourceProperty,
	...Object.values(resources).flatMap((resource) => [
		resource.operationProperty,
		...Object.values(resource.operations).flatMap((operation) => operation.description),
	]),
	requestOptions,
];

/**
 * The action node's subtitle: the operation's label and the resource's name, as the panel shows them
 * ("Book Next Available: Appointment"), not their stored values.
 */
export const subtitle = (() => {
	const labels: Record<string, string> = {};
	for (const option of resourceProperty.options as INodePropertyOptions[]) {
		const resource = resources[String(option.value)];
		for (const operation of (resource?.operationProperty.options ?? []) as INodePropertyOptions[])
			labels[`${String(option.value)}:${String(operation.value)}`] =
				`${operation.name}: ${option.name}`;
	}
	const key = '$parameter["resource"] + ":" + $parameter["operation"]';
	const values = '$parameter["operation"] + ": " + $parameter["resource"]';
	return `={{ ${labelLookup(labels, key, `(${values})`)} }}`;
})();
