/**
 * Patient ID is a resource locator wherever the node asks for a patient: "From list" (Hero's patient
 * search, methods/listSearch/patients.ts) or "By ID". Runs go through n8n-core's WorkflowExecute
 * against the sandbox: a locator in either mode, and the plain id string of a workflow saved before
 * the field was a locator, send the same request.
 */
import type { INodeProperties } from 'n8n-workflow';

import { properties } from '../../../nodes/HeroHealth/actions/description';
import { listSearch } from '../../../nodes/HeroHealth/methods';
import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { runHeroNode } from '../../harness/runNode';
import { slots } from '../../sandbox/routes/slots';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });

/** Every field named `patientId`, top level or inside a collection, with the operations showing it. */
function patientIdFields(): Array<{ where: string; field: INodeProperties }> {
	const found: Array<{ where: string; field: INodeProperties }> = [];
	for (const top of properties) {
		const show = top.displayOptions?.show ?? {};
		const where = `${String(show.resource)} → ${String(show.operation)}`;
		if (top.name === 'patientId') found.push({ where, field: top });
		for (const option of (top.options ?? []) as INodeProperties[])
			if (option.name === 'patientId')
				found.push({ where: `${where} (${top.name})`, field: option });
	}
	return found;
}

describe('the Patient ID field', () => {
	it('is a locator (From List by Hero patient search, By ID numeric) in every operation that asks for a patient', () => {
		const fields = patientIdFields();
		const where = fields.map((f) => f.where).join('\n');
		for (const operation of [
			'patient → get',
			'patient → connectEhr',
			'patient → listEhrCandidates',
			'patient → previewMerge',
			'attachmentLink → create',
			'bookingLink → create',
			'message → send',
			'appointment → bookNextAvailable',
			'formLink → create (additionalFields)',
			'videoLink → create (additionalFields)',
			'appointment → create (additionalFields)',
			'appointment → book (additionalFields)',
		])
			expect(where).toContain(operation);
		for (const { where: at, field } of fields) {
			expect({ at, type: field.type, default: field.default }).toEqual({
				at,
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
			});
			const [list, byId] = field.modes ?? [];
			expect(list).toMatchObject({
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Search by name or NHS number',
				typeOptions: { searchListMethod: 'searchPatients', searchable: true },
			});
			// n8n 1.x shows a list still loading, not its hint, while a required filter is empty.
			expect(list.typeOptions).not.toHaveProperty('searchFilterRequired');
			expect(byId).toMatchObject({ displayName: 'By ID', name: 'id', type: 'string' });
			expect(byId.placeholder).toBe('e.g. 1234');
			const regex = new RegExp(
				(byId.validation?.[0] as unknown as { properties: { regex: string } }).properties.regex,
			);
			expect(['1234', '2001'].every((id) => regex.test(id))).toBe(true);
			expect(['12a', '', 'x1234', '943 476 5919'].some((id) => regex.test(id))).toBe(false);
			expect(field.modes).toHaveLength(2);
		}
		// Required where the operation needs a patient; optional inside Additional Fields.
		expect(fields.filter((f) => f.field.required).map((f) => f.where)).toEqual(
			fields.filter((f) => !f.where.includes('(')).map((f) => f.where),
		);
		expect(typeof listSearch.searchPatients).toBe('function');
	});
});

describe('what a run sends for each form of Patient ID', () => {
	const FORMS: Array<[string, unknown]> = [
		['a plain id saved before the locator', '2001'],
		['From List', rl('2001')],
		['By ID', rl('2001', 'id')],
		['By ID mapped from the item', rl('={{ $json.hero_id }}', 'id')],
	];

	it.each(FORMS)('Patient → Get with %s reads that patient', async (_form, patientId) => {
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'patient', operation: 'get', patientId },
			items: [{ hero_id: 2001 }],
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.received('GET').map((r) => r.path)).toEqual(['/v2/patients/2001']);
		expect(result.json).toEqual([expect.objectContaining({ first_name: 'Ada' })]);
	});

	it.each(FORMS)('Message → Send with %s sends to that patient', async (_form, patientId) => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'message',
				operation: 'send',
				patientId,
				messageType: 'sms',
				message: 'Your results are ready.',
			},
			items: [{ hero_id: '2001' }],
		});
		expect(result.error).toBeUndefined();
		const [sent] = sandbox.received('POST', '/v1/messages/send');
		expect(sent.body).toMatchObject({
			patient_id: '2001',
			message_string: 'Your results are ready.',
		});
		expect(result.json).toHaveLength(1);
	});

	it.each(FORMS)(
		'Form Link → Create with %s in Additional Fields makes the link for that patient',
		async (_form, patientId) => {
			const result = await runHeroNode(sandbox, {
				parameters: {
					resource: 'formLink',
					operation: 'create',
					formId: rl('310'),
					additionalFields: { patientId },
				},
				items: [{ hero_id: '2001' }],
			});
			expect(result.error).toBeUndefined();
			const [sent] = sandbox.received('POST', INFERRED.createFormLinkPath);
			expect(sent.body).toEqual({
				[INFERRED.formLinkFields.formId]: '310',
				[INFERRED.formLinkFields.patientId]: '2001',
			});
		},
	);

	it('Appointment → Create takes the locator in Additional Fields; an empty one adds no patient', async () => {
		const [one, two] = [...slots(sandbox.state).values()].filter(
			(s) => Date.parse(s.start_time) > Date.now() + 48 * 3_600_000,
		);
		const create = (patientId: unknown, slot = one) =>
			runHeroNode(sandbox, {
				parameters: {
					resource: 'appointment',
					operation: 'create',
					appointmentTypeId: rl(slot.appointment_type_id),
					locationId: rl(slot.location_id, 'id'),
					practitionerId: rl(slot.practitioner_id),
					startTime: slot.start_time,
					// The slot's own length: the first slot 48 h out depends on the hour, and sessions run 10 to 20 minutes.
					duration: (Date.parse(slot.finish_time) - Date.parse(slot.start_time)) / 60_000,
					additionalFields: { patientId },
				},
			});
		const chosen = await create(rl('2002'));
		expect(chosen.error).toBeUndefined();
		const empty = await create(rl(''), two);
		expect(empty.error).toBeUndefined();
		const bodies = sandbox.received('POST', '/v1/appointments').map((r) => r.body);
		expect(bodies[0]).toMatchObject({ patient_id: '2002' });
		expect(bodies[1]).not.toHaveProperty('patient_id');
	});

	it('a By ID that is not numeric: n8n refuses a typed one; a mapped one fails the item naming the field, never the value; nothing is sent', async () => {
		const typed = await runHeroNode(sandbox, {
			parameters: { resource: 'patient', operation: 'get', patientId: rl('12a', 'id') },
		}).then(
			() => undefined,
			(error: Error) => error,
		);
		expect(typed?.name).toBe('WorkflowHasIssuesError');
		const mapped = rl('={{ $json.hero_id }}', 'id');
		for (const parameters of [
			{ resource: 'patient', operation: 'get', patientId: mapped },
			{ resource: 'videoLink', operation: 'create', additionalFields: { patientId: mapped } },
		]) {
			const result = await runHeroNode(sandbox, {
				parameters,
				items: [{ hero_id: '94347-65919' }],
			});
			expect(result.error?.message).toBe(
				'Patient ID: expected a numeric Hero ID such as 1234 [row 1 (n8n item 0)]',
			);
			expect(JSON.stringify(result.error)).not.toContain('94347');
		}
		expect(sandbox.received()).toEqual([]);
	});
});

describe('the Patient ID locator on the AI tool', () => {
	it("with the model filling it ($fromAI in the locator's value, as n8n's ✨ button writes it), the tool sends to the patient the model gave", async () => {
		const result = await runHeroNode(sandbox, {
			asTool: true,
			parameters: {
				resource: 'message',
				operation: 'send',
				patientId: rl("={{ $fromAI('patientId', 'Hero patient ID (digits)', 'string') }}", 'id'),
				messageType: 'sms',
				message: 'Your results are ready.',
			},
			items: [{ toolCallId: 'call_1', patientId: '2003' }],
		});
		expect(result.error).toBeUndefined();
		expect(
			sandbox
				.received('POST', '/v1/messages/send')
				.map((r) => (r.body as { patient_id?: string }).patient_id),
		).toEqual(['2003']);
	});
});
