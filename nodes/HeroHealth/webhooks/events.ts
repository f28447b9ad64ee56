import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Every event Hero documents for webhooks (webhooks.md §3). Hero registers one event per webhook,
 * so the trigger makes one registration per selected event. `form-submission.created` appears
 * only in one AsyncAPI snapshot, not in a create enum: offered, but marked unconfirmed.
 */
export const UNCONFIRMED_EVENTS: readonly string[] = ['form-submission.created'];

export const HERO_EVENTS: INodePropertyOptions[] = [
	{
		name: 'Appointment Cancelled',
		value: 'appointment.cancelled',
		description: 'An appointment was cancelled',
	},
	{
		name: 'Appointment Confirmed',
		value: 'appointment.confirmed',
		description: 'An appointment was booked (confirmed)',
	},
	{
		name: 'Appointment Rescheduled',
		value: 'appointment.rescheduled',
		description: 'An appointment was moved to another time',
	},
	{
		name: 'Form Submission Created (Unconfirmed)',
		value: 'form-submission.created',
		// n8n's node panel lists each event as "On <name>", lower-cased and without brackets.
		action: 'On form submitted (unconfirmed event)',
		description:
			"A patient submitted a form. Unconfirmed: Hero's create-webhook API does not list this event, so Hero may refuse it at activation.",
	},
	{
		name: 'Patient Added to Sequence',
		value: 'patient.added-to-sequence',
		description: 'A patient was enrolled in a messaging sequence',
	},
	{
		name: 'Patient Medical Record Updated',
		value: 'patient.medical-record-updated',
		description: "A patient's medical record changed",
	},
	{
		name: 'Prescription Issued',
		value: 'prescription.issued',
		description: 'A prescription was issued',
	},
	{
		name: 'Write to Record Failed',
		value: 'write-to-record.failed',
		description: 'Writing a message back to the patient record (EHR) failed',
	},
	{
		name: 'Write to Record Succeeded',
		value: 'write-to-record.succeeded',
		description: 'A message was written back to the patient record (EHR)',
	},
];

export const HERO_EVENT_NAMES: string[] = HERO_EVENTS.map((option) => String(option.value));
