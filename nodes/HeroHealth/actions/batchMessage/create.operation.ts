import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { INFERRED, heroApiRequest } from '../../transport';
import { normaliseNhsNumber, toIsoDate } from '../../validation';
import { checkOneOf, requireString } from '../helpers';
import { invalid } from '../../privacy/invalid';
import { HERO_TIME_ZONE, todayIn } from '../../shared/time';
import { BATCH_CHANNELS } from './fields';

const RECIPIENT_KEYS = ['nhs_number', 'dob'];

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Flu clinic invitations',
		description: 'Name of the campaign, as shown in Hero',
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		required: true,
		default: 'SMS',
		options: [
			{ name: 'Email', value: 'EMAIL' },
			{ name: 'NHS App', value: 'NHS_APP' },
			{ name: 'SMS', value: 'SMS' },
		],
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Your flu vaccination',
		description: 'Subject line of the email',
		displayOptions: { show: { channel: ['EMAIL'] } },
	},
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		placeholder: 'e.g. Flu jabs are now available: reply or call the surgery to book.',
		description: 'The text every recipient receives',
	},
	{
		displayName: 'Specify Recipients',
		name: 'specifyRecipients',
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{
				name: 'Using JSON',
				value: 'json',
				description: 'A list built earlier in the workflow, e.g. by an Aggregate node',
			},
		],
	},
	{
		displayName: 'Recipients',
		name: 'recipients',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Recipient',
		default: {},
		displayOptions: { show: { specifyRecipients: ['fields'] } },
		options: [
			{
				displayName: 'Recipient',
				name: 'recipient',
				values: [
					{
						displayName: 'NHS Number',
						name: 'nhsNumber',
						type: 'string',
						default: '',
						placeholder: 'e.g. 943 476 5919',
						description: '10 digits, spaces allowed',
					},
					{
						displayName: 'Date of Birth',
						name: 'dateOfBirth',
						type: 'string',
						default: '',
						placeholder: 'e.g. 1985-12-10',
						description: 'Optional: helps Hero match the patient',
					},
				],
			},
		],
	},
	{
		displayName: 'Recipients (JSON)',
		name: 'recipientsJson',
		type: 'json',
		default: '[]',
		displayOptions: { show: { specifyRecipients: ['json'] } },
		description:
			'A list of recipients, each {"nhs_number": "943 476 5919", "dob": "1985-12-10"} (dob may be null). Map it with an expression, e.g. from the list an Aggregate node made.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['batchMessage'], operation: ['create'] } },
	properties,
);

interface RawRecipient {
	nhsNumber: unknown;
	dob: unknown;
}

function readRecipients(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { field: string; list: RawRecipient[] } {
	if (ctx.getNodeParameter('specifyRecipients', itemIndex, 'fields') === 'fields') {
		const rows = ctx.getNodeParameter('recipients.recipient', itemIndex, []) as IDataObject[];
		return {
			field: 'Recipients',
			list: (Array.isArray(rows) ? rows : []).map((row) => ({
				nhsNumber: row.nhsNumber,
				dob: row.dateOfBirth,
			})),
		};
	}
	const field = 'Recipients (JSON)';
	let value = ctx.getNodeParameter('recipientsJson', itemIndex, '[]') as unknown;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			throw invalid(
				ctx,
				itemIndex,
				field,
				'expected a JSON list such as [{"nhs_number": "943 476 5919", "dob": "1985-12-10"}]',
			);
		}
	}
	if (!Array.isArray(value)) throw invalid(ctx, itemIndex, field, 'expected a list of recipients');
	return {
		field,
		list: value.map((entry, index) => {
			if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
				throw invalid(
					ctx,
					itemIndex,
					field,
					`recipient ${index + 1} is not an object with nhs_number and dob`,
				);
			}
			const unknown = Object.keys(entry).find((key) => !RECIPIENT_KEYS.includes(key));
			if (unknown !== undefined) {
				throw invalid(
					ctx,
					itemIndex,
					field,
					`recipient ${index + 1} has a field Hero does not accept (only nhs_number and dob)`,
				);
			}
			return { nhsNumber: (entry as IDataObject).nhs_number, dob: (entry as IDataObject).dob };
		}),
	};
}

/** Checks every recipient (valid, distinct NHS numbers; past dates of birth) before anything is sent. */
export function buildRecipients(
	ctx: IExecuteFunctions,
	itemIndex: number,
	today = todayIn(HERO_TIME_ZONE),
): IDataObject[] {
	const { field, list } = readRecipients(ctx, itemIndex);
	if (list.length === 0) throw invalid(ctx, itemIndex, field, 'add at least one recipient');
	const seen = new Map<string, number>();
	return list.map((recipient, index) => {
		const n = index + 1;
		const text =
			typeof recipient.nhsNumber === 'string' || typeof recipient.nhsNumber === 'number'
				? String(recipient.nhsNumber).trim()
				: '';
		if (!text) throw invalid(ctx, itemIndex, field, `recipient ${n} has no NHS number`);
		const digits = normaliseNhsNumber(text);
		if (!digits)
			throw invalid(
				ctx,
				itemIndex,
				field,
				`recipient ${n}: expected a valid 10-digit NHS number (check digit included)`,
			);
		const first = seen.get(digits);
		if (first !== undefined)
			throw invalid(
				ctx,
				itemIndex,
				field,
				`recipient ${n} repeats the NHS number of recipient ${first}`,
			);
		seen.set(digits, n);
		let dob: string | null = null;
		if (recipient.dob !== undefined && recipient.dob !== null && recipient.dob !== '') {
			const date = toIsoDate(recipient.dob);
			if (!date)
				throw invalid(
					ctx,
					itemIndex,
					field,
					`recipient ${n}: expected a date of birth such as 1985-12-10`,
				);
			if (date > today)
				throw invalid(ctx, itemIndex, field, `recipient ${n}: date of birth is in the future`);
			dob = date;
		}
		return { nhs_number: INFERRED.nhsNumberForHero(digits), dob };
	});
}

/** `POST /v1/batch_message`: the batch is created with status CREATED; Batch Message → Send sends it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const channel = checkOneOf(
		this,
		itemIndex,
		'Channel',
		this.getNodeParameter('channel', itemIndex),
		BATCH_CHANNELS,
	);
	const body: IDataObject = { name: requireString(this, 'name', itemIndex, 'Name'), channel };
	if (channel === 'EMAIL') body.subject = requireString(this, 'subject', itemIndex, 'Subject');
	body.content = requireString(this, 'content', itemIndex, 'Content');
	body.recipients = buildRecipients(this, itemIndex);
	return heroApiRequest.call(this, {
		method: 'POST',
		path: '/v1/batch_message',
		body,
		repeatable: false,
		itemIndex,
	});
}
