import type { INodeProperties } from 'n8n-workflow';

/**
 * The one email hint: an invalid address names the example that email placeholders show. n8n's lint
 * rule (node-param-placeholder-missing-email) wants each placeholder written out: 'e.g. name@email.com'.
 */
export const EMAIL_EXPECTED = 'expected an email address such as name@email.com';

export const DEFAULT_REQUESTS_IN_FLIGHT = 5;
export const MAX_REQUESTS_IN_FLIGHT = 20;

/**
 * Alphabetical order for option lists built at load time, ignoring case. Not `localeCompare`: its
 * first call loads ICU's collator, about 30 ms of the node's cold require.
 */
export const alphabetical = (a: string, b: string): number => {
	const [x, y] = [a.toLowerCase(), b.toLowerCase()];
	return x < y ? -1 : x > y ? 1 : 0;
};

/** Return All + Limit, for every Get Many. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/**
 * A Hero patient, searched by name or NHS number (From List: Hero's patient search as the user types)
 * or given by its id (By ID, e.g. mapped from Patient → Search). Saved workflows that hold a plain id
 * string run as before: the readers in helpers.ts take both.
 */
function patientLocator(required: boolean, description: string): INodeProperties {
	return {
		displayName: 'Patient ID',
		name: 'patientId',
		type: 'resourceLocator',
		required,
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Search by name or NHS number',
				// Hero refuses a patient search without a filter: searchPatients sends nothing for an empty
				// one and the list reads "No results". Not `searchFilterRequired`: n8n 1.x then shows a
				// loading list until something is typed, never its "Enter a search term" hint.
				typeOptions: { searchListMethod: 'searchPatients', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1234',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\d+$',
							errorMessage: 'A Hero patient ID is numeric, e.g. 1234',
						},
					},
				],
			},
		],
	};
}

/** The Patient ID of operations that need a patient. */
export const patientIdField: INodeProperties = patientLocator(
	true,
	'The Hero patient: search by name or NHS number, or give the Hero patient ID',
);

/** The optional Patient ID of an Additional Fields collection (read with `optionalId`). */
export function optionalPatientIdField(description: string): INodeProperties {
	return patientLocator(false, description);
}

/**
 * A calendar date (Hero wants YYYY-MM-DD). n8n's only date type, `dateTime`, opens a date-and-time
 * picker on the current month; a text field takes a typed date, an ISO string or an expression
 * (a Luxon DateTime too), all read by checkDate / checkCalendarDate.
 */
export function calendarDateField(
	field: Omit<INodeProperties, 'type' | 'default'> & { default?: string },
): INodeProperties {
	return { placeholder: 'e.g. 2026-03-15', ...field, type: 'string', default: field.default ?? '' };
}

/** Shown for every operation; read once per execution by the router. */
export const requestOptions: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Request Option',
	// An AI agent has no use for them; n8n treats a node type named "...Tool" as the tool variant.
	displayOptions: { hide: { '@tool': [true] } },
	default: {},
	options: [
		{
			displayName: 'Requests in Flight',
			name: 'requestsInFlight',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_REQUESTS_IN_FLIGHT },
			default: DEFAULT_REQUESTS_IN_FLIGHT,
			description:
				'How many items may wait on Hero at the same time (1 = one after another). Output order is kept. Booking operations always run one at a time.',
		},
		{
			displayName: 'Timeout (Milliseconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30000,
			description: 'How long to wait for Hero to answer one request, in milliseconds',
		},
	],
};
