/**
 * How fields are laid out in the editor (date-only fields, related fields
 * together, collection names). The runs go through n8n-core's WorkflowExecute against the sandbox.
 */
import { NodeHelpers, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { HeroHealth } from '../../../nodes/HeroHealth/HeroHealth.node';

import { properties } from '../../../nodes/HeroHealth/actions/description';
import { requestOptions } from '../../../nodes/HeroHealth/actions/common.descriptions';
import { loadOptionsList, searchList } from '../../harness/listSearch';
import { slots } from '../../sandbox/routes/slots';
import { runHeroNode } from '../../harness/runNode';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

/** The node's fields shown for one resource and operation (top level and inside collections). */
/** The fields of an operation on the plain node (fields shown only on the AI tool, `@tool`, left out). */
function fieldsOf(resource: string, operation: string): INodeProperties[] {
	return properties.filter((p) => {
		const show = p.displayOptions?.show;
		return (
			show?.resource?.includes(resource) && show?.operation?.includes(operation) && !show?.['@tool']
		);
	});
}

function field(resource: string, operation: string, path: string): INodeProperties {
	const [first, second] = path.split('.');
	const top = fieldsOf(resource, operation).find((p) => p.name === first);
	const found = second
		? (top?.options as INodeProperties[] | undefined)?.find((o) => o.name === second)
		: top;
	if (!found) throw new Error(`no field ${path} in ${resource} → ${operation}`);
	return found;
}

describe('date-only fields', () => {
	const DATE_ONLY: Array<[string, string, string]> = [
		['patient', 'createOrUpdate', 'dateOfBirth'],
		['patient', 'registerPds', 'dateOfBirth'],
		['slot', 'getMany', 'filters.startDate'],
		['slot', 'getMany', 'filters.endDate'],
		['slot', 'count', 'filters.startDate'],
		['slot', 'count', 'filters.endDate'],
		['bookingLink', 'update', 'updateFields.fromDate'],
		['bookingLink', 'update', 'updateFields.toDate'],
		['bookingLink', 'create', 'additionalFields.fromDate'],
		['bookingLink', 'create', 'additionalFields.toDate'],
		['appointment', 'bookNextAvailable', 'filters.startDate'],
		['appointment', 'bookNextAvailable', 'filters.endDate'],
	];

	it.each(DATE_ONLY)(
		'%s → %s %s is typed as a calendar date (text, e.g. 2026-03-15), not a date-and-time picker',
		(resource, operation, path) => {
			const date = field(resource, operation, path);
			expect(date.type).toBe('string');
			expect(date.placeholder).toMatch(/^e\.g\. \d{4}-\d{2}-\d{2}$/);
			expect(date.description).toMatch(/YYYY-MM-DD/);
		},
	);

	it.each([
		['a typed date', '2030-03-15'],
		['an ISO date-time string', '2030-03-15T00:00:00.000Z'],
		[
			'an expression giving a Luxon DateTime',
			"={{ DateTime.fromISO('2030-03-15T10:00:00', { zone: 'Europe/London' }) }}",
		],
	])(
		'Slot → Count accepts %s as Start Date and sends start_date=2030-03-15',
		async (_name, value) => {
			const result = await runHeroNode(sandbox, {
				parameters: { resource: 'slot', operation: 'count', filters: { startDate: value } },
			});
			expect(result.error).toBeUndefined();
			expect(sandbox.received('GET', '/v1/slots/count')[0].query).toMatchObject({
				start_date: '2030-03-15',
			});
		},
	);
});

describe('related fields sit together', () => {
	it.each(['getMany', 'count'])(
		'Slot → %s lists its two dates next to each other, the first date first',
		(operation) => {
			const names = (field('slot', operation, 'filters').options as INodeProperties[]).map(
				(o) => o.displayName,
			);
			const from = names.indexOf('Date From');
			expect(from).toBeGreaterThanOrEqual(0);
			expect(names[from + 1]).toBe('Date To');
		},
	);

	it.each([
		['appointment', 'bookNextAvailable', 'filters'],
		['bookingLink', 'create', 'additionalFields'],
		['bookingLink', 'update', 'updateFields'],
	])(
		'%s → %s lists Date From and Date To next to each other, the first date first',
		(resource, operation, collection) => {
			const names = (field(resource, operation, collection).options as INodeProperties[]).map(
				(o) => o.displayName,
			);
			const from = names.indexOf('Date From');
			expect(from).toBeGreaterThanOrEqual(0);
			expect(names[from + 1]).toBe('Date To');
		},
	);

	it('Book Next Available lists Start Time From and Start Time To next to each other', () => {
		const names = (
			field('appointment', 'bookNextAvailable', 'filters').options as INodeProperties[]
		).map((o) => o.displayName);
		const from = names.indexOf('Start Time From');
		expect(from).toBeGreaterThanOrEqual(0);
		expect(names[from + 1]).toBe('Start Time To');
	});

	it.each([
		[
			'Book Next Available dates',
			{
				resource: 'appointment',
				operation: 'bookNextAvailable',
				patientId: '2001',
				appointmentTypeId: { __rl: true, mode: 'id', value: '4001' },
				filters: { startDate: '2030-03-15', endDate: '2030-03-14' },
			},
			'Date To: must be on or after Date From',
		],
		[
			'Book Next Available times',
			{
				resource: 'appointment',
				operation: 'bookNextAvailable',
				patientId: '2001',
				appointmentTypeId: { __rl: true, mode: 'id', value: '4001' },
				filters: { earliestTime: '12:00', latestTime: '09:00' },
			},
			'Start Time To: must be at or after Start Time From',
		],
		[
			'Book Next Available time format',
			{
				resource: 'appointment',
				operation: 'bookNextAvailable',
				patientId: '2001',
				appointmentTypeId: { __rl: true, mode: 'id', value: '4001' },
				filters: { earliestTime: '9am' },
			},
			'Start Time From: expected a time of day',
		],
		[
			'Booking Link → Create dates',
			{
				resource: 'bookingLink',
				operation: 'create',
				linkType: 'generic',
				appointmentTypeId: { __rl: true, mode: 'id', value: '4001' },
				locationId: { __rl: true, mode: 'id', value: '3001' },
				additionalFields: { fromDate: '2030-03-15', toDate: '2030-03-14' },
			},
			'Date To: must be on or after Date From',
		],
	])(
		'a bad %s value is reported with the labels the editor shows',
		async (_name, parameters, message) => {
			const result = await runHeroNode(sandbox, { parameters });
			expect(result.error?.message).toContain(message);
			expect(sandbox.requests).toHaveLength(0);
		},
	);

	it('a bad Slot date is reported with the label the editor shows ("Date To: must be on or after Date From")', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'slot',
				operation: 'count',
				filters: { startDate: '2030-03-15', endDate: '2030-03-14' },
			},
		});
		expect(result.error?.message).toContain('Date To: must be on or after Date From');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('the Practitioners filter', () => {
	it('Slot → Get Many takes practitioners as a multi-select listed from Hero (an empty one stays in the collection)', () => {
		const practitioners = field('slot', 'getMany', 'filters.practitioners');
		expect(practitioners).toMatchObject({
			displayName: 'Practitioner Names or IDs',
			type: 'multiOptions',
			default: [],
			typeOptions: { loadOptionsMethod: 'loadPractitioners' },
		});
	});

	it('the list holds the practitioners Hero returns, narrowed by the chosen location', async () => {
		const all = await loadOptionsList(sandbox, 'loadPractitioners', {
			resource: 'slot',
			operation: 'getMany',
			filters: {},
		});
		expect(all.map((o) => o.value)).toEqual(['5001', '5002', '5004', '5003']);
		expect(all[0]).toEqual({ name: 'Dr Priya Shah (GP)', value: '5001' });
		const atHillside = await loadOptionsList(sandbox, 'loadPractitioners', {
			resource: 'slot',
			operation: 'getMany',
			filters: { locationId: { __rl: true, mode: 'list', value: '3002' } },
		});
		expect(sandbox.received('GET', '/v1/practitioners')[1].query).toEqual({ location_ids: '3002' });
		expect(atHillside.length).toBeGreaterThan(0);
	});

	it.each([
		['the multi-select’s list of ids', ['5001', '5002']],
		[
			'the list of pickers saved by earlier versions',
			{
				items: [
					{ practitionerId: { __rl: true, mode: 'id', value: '5001' } },
					{ practitionerId: { __rl: true, mode: 'list', value: '5002' } },
				],
			},
		],
	])('Slot → Get Many sends both practitioners from %s', async (_name, practitioners) => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'slot',
				operation: 'getMany',
				returnAll: false,
				limit: 1,
				filters: { practitioners },
			},
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.received('GET', '/v1/slots')[0].query.practitioner_id).toEqual(['5001', '5002']);
	});
});

describe('collections named for what they hold', () => {
	it('Request Options is not shown in the AI tool panel (n8n’s own display rule for the Hero Health Tool)', () => {
		const node = new HeroHealth().description;
		const asTool: INodeTypeDescription = { ...node, name: `${node.name}Tool` };
		const values = { resource: 'message', operation: 'send' };
		expect(NodeHelpers.displayParameter(values, requestOptions, { typeVersion: 1 }, node)).toBe(
			true,
		);
		expect(NodeHelpers.displayParameter(values, requestOptions, { typeVersion: 1 }, asTool)).toBe(
			false,
		);
	});

	it('Request Options opens with "Add Request Option", not a second "Add Option"', () => {
		expect(requestOptions.placeholder).toBe('Add Request Option');
	});

	it('Book Next Available names its options collection "Booking Options" ("Add Booking Option"); no two of its collections share a button label', () => {
		expect(field('appointment', 'bookNextAvailable', 'options')).toMatchObject({
			displayName: 'Booking Options',
			placeholder: 'Add Booking Option',
			type: 'collection',
		});
		const collections = [...fieldsOf('appointment', 'bookNextAvailable'), requestOptions].filter(
			(p) => p.type === 'collection',
		);
		const labels = collections.map((p) => p.placeholder);
		expect(new Set(labels).size).toBe(labels.length);
		expect(labels).not.toContain('Add Option');
	});

	it('Book Next Available shows its notice above the fields it explains (first, above Patient ID)', () => {
		expect(
			fieldsOf('appointment', 'bookNextAvailable')
				.map((p) => p.name)
				.slice(0, 3),
		).toEqual(['bookNextAvailableNotice', 'identifyPatientBy', 'patientId']);
	});
});

describe('defaults agree with hints', () => {
	it('Book Next Available’s Duration (Minutes), added with its default, books the slot’s own length (20 min for a nurse slot)', async () => {
		const duration = field('appointment', 'bookNextAvailable', 'options.duration');
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'appointment',
				operation: 'bookNextAvailable',
				patientId: '2001',
				appointmentTypeId: { __rl: true, mode: 'id', value: '4002' },
				options: { duration: duration.default },
			},
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.received('POST', '/v1/appointments')[0].body).toMatchObject({
			appointment_type_id: '4002',
			duration: 20,
		});
	});

	it('a Duration set by the user is still sent as given', async () => {
		await runHeroNode(sandbox, {
			parameters: {
				resource: 'appointment',
				operation: 'bookNextAvailable',
				patientId: '2001',
				appointmentTypeId: { __rl: true, mode: 'id', value: '4002' },
				options: { duration: 10 },
			},
		});
		expect(sandbox.received('POST', '/v1/appointments')[0].body).toMatchObject({ duration: 10 });
	});
});

describe('texts', () => {
	it('Book Next Available’s Time Zone options read well in title case', () => {
		const zone = field('appointment', 'bookNextAvailable', 'options.timeZone');
		expect(
			(zone.options as Array<{ name: string; value: string }>).map((o) => [o.name, o.value]),
		).toEqual([
			["Hero's Time Zone (Europe/London)", 'hero'],
			['Workflow Time Zone', 'workflow'],
		]);
	});
});

describe('a template shows its text', () => {
	it('the template list names each template "Name: first ~80 characters of its text"', async () => {
		const { results } = await searchList(sandbox, 'searchMessageTemplates', {
			resource: 'message',
			operation: 'send',
		});
		expect(results).toEqual([
			{
				name: 'Appointment reminder: Reminder: you have an appointment at the surgery. Reply CANCEL if you cannot…',
				value: '11',
			},
			{
				name: 'Flu clinic invitation: You are invited to our flu clinic. Reply YES to be booked in.',
				value: '12',
			},
			{
				name: 'Blood test results: normal: Your recent blood test results are normal. No action is needed.',
				value: '13',
			},
			{ name: 'Friends and family survey', value: '14' },
		]);
	});
});

describe('Book Next Available’s output is ready to text to a patient', () => {
	const bookNext = (filters: Record<string, unknown> = {}) => ({
		resource: 'appointment',
		operation: 'bookNextAvailable',
		patientId: '2001',
		appointmentTypeId: { __rl: true, mode: 'id', value: '4002' },
		filters,
	});

	it('a booking outputs the Europe/London start time and the names of the type, practitioner and location', async () => {
		const result = await runHeroNode(sandbox, { parameters: bookNext() });
		expect(result.error).toBeUndefined();
		const [out] = result.json as Array<Record<string, any>>;
		const booked = slots(sandbox.state).get(String(out.slot.id))!;
		const local = new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Europe/London',
			weekday: 'short',
			day: 'numeric',
			month: 'short',
			year: 'numeric',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23',
		}).formatToParts(new Date(booked.start_time));
		const part = (type: string) => local.find((p) => p.type === type)!.value;
		expect(out).toMatchObject({
			booked: true,
			start_time_local: `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}`,
			appointment_type_name: 'Nurse Appointment',
			practitioner_name: 'Nurse Jane Brown',
			location_name: 'Hillside Branch Surgery',
		});
	});

	it('the names are read once per execution (one GET per list, after the booking), however many items are booked', async () => {
		const result = await runHeroNode(sandbox, { items: [{}, {}, {}], parameters: bookNext() });
		expect(result.error).toBeUndefined();
		expect(result.json.map((j) => j.practitioner_name)).toEqual([
			'Nurse Jane Brown',
			'Nurse Jane Brown',
			'Nurse Jane Brown',
		]);
		const calls = sandbox.requests.map((r) => `${r.method} ${r.path}`);
		for (const list of ['/v1/appointment_types', '/v1/locations', '/v1/practitioners']) {
			expect(calls.filter((c) => c === `GET ${list}`)).toHaveLength(1);
			expect(calls.indexOf(`GET ${list}`)).toBeGreaterThan(calls.indexOf('POST /v1/appointments'));
		}
	});

	it('a failed name read does not fail a booked item (its name is left out, the booking is output)', async () => {
		sandbox.faults.add({ kind: 'status', status: 404, method: 'GET', path: '^/v1/locations$' });
		const result = await runHeroNode(sandbox, { parameters: bookNext() });
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({
			booked: true,
			appointment_type_name: 'Nurse Appointment',
			practitioner_name: 'Nurse Jane Brown',
		});
		expect(result.json[0]).not.toHaveProperty('location_name');
	});

	it('the "no match" reason names the appointment type by its name', async () => {
		const result = await runHeroNode(sandbox, { parameters: bookNext({ earliestTime: '18:00' }) });
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ booked: false });
		expect(String(result.json[0].reason)).toMatch(/^No free slot matched \(Nurse Appointment, /);
		expect(sandbox.received('POST')).toHaveLength(0);
	});
});

describe('errors lead with Hero’s cause', () => {
	it('an unknown patient reads "Patient not found"; the call and the status are in the description', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'message',
				operation: 'send',
				patientId: '999999',
				messageType: 'sms',
				message: 'Hi',
				additionalFields: {},
			},
		});
		expect(result.error?.message).toBe('Patient not found');
		expect(result.error?.description).toContain('Hero answered 404 to POST /v1/messages/send');
		expect(result.error?.httpCode).toBe('404');
	});

	it('without Hero’s text, a 404 names what was not found, from the path', async () => {
		sandbox.faults.add({
			kind: 'status',
			status: 404,
			method: 'GET',
			path: '^/v1/appointments/',
			body: {},
		});
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'appointment', operation: 'get', appointmentId: '990001' },
		});
		expect(result.error?.message).toBe('Appointment 990001 not found at Hero');
		expect(result.error?.description).toContain('Hero answered 404 to GET /v1/appointments/990001');
	});

	it('a server error leads with the cause, not the status; the status and call are in the description', async () => {
		sandbox.faults.add({ kind: 'status', status: 500, method: 'GET', path: '^/v1/messages/1$' });
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'message', operation: 'get', messageId: '1' },
		});
		expect(result.error?.message).toBe('Hero had a server error');
		expect(result.error?.description).toContain('Hero answered 500 to GET /v1/messages/1');
	});

	it('a 403 leads with Hero’s refusal, not the status', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'message',
				operation: 'send',
				patientId: '2001',
				messageType: 'sms',
				message: 'Hi',
				additionalFields: {},
			},
			credentials: { practiceGroupId: '9999' },
		});
		expect(result.error?.message).toMatch(/^Hero did not authorise this request( \(".+"\))?$/);
		expect(result.error?.description).toContain('Hero answered 403 to POST /v1/messages/send');
	});
});
