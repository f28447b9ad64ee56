/**
 * Output (Simplified / Raw / Selected Fields) on every read that returns large records, run in n8n's
 * engine against the sandbox: a saved workflow (no Output stored) outputs exactly what it did before,
 * Raw is that output, Simplified keeps the listed fields flat with the id, Selected the named ones,
 * and the AI tool defaults to Simplified.
 */
import { NodeHelpers, type IDataObject, type INode, type INodeTypeDescription } from 'n8n-workflow';

import { HeroHealth } from '../../../nodes/HeroHealth/HeroHealth.node';

import { SIMPLIFIED_FIELDS, type RecordKind } from '../../../nodes/HeroHealth/shared/simplify';
import { heroToolDescription } from '../../agents/workflows';
import { sandboxClient } from '../../harness/sandboxClient';
import { runHeroNode } from '../../harness/runNode';
import { slots } from '../../sandbox/routes/slots';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const { hero } = sandboxClient(() => sandbox);
const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });

/** A message sent to Ada (2001), for Message → Get. */
async function sentMessage(): Promise<string> {
	const sent = await hero('POST', '/v1/messages/send', {
		patient_id: '2001',
		message_type: 'sms',
		message_string: 'Your appointment is confirmed.',
	});
	return String(sent.body.message_id);
}

/** An appointment reserved for Ada in a free GP slot, for Appointment → Get. */
async function reservedAppointment(): Promise<string> {
	const slot = [...slots(sandbox.state).values()].find(
		(s) =>
			s.appointment_type_id === '4001' && Date.parse(s.start_time) > Date.now() + 48 * 3_600_000,
	)!;
	const reserved = await hero('POST', '/v1/appointments', {
		patient_id: '2001',
		practitioner_id: slot.practitioner_id,
		location_id: slot.location_id,
		appointment_type_id: slot.appointment_type_id,
		start_time: slot.start_time,
		duration: 15,
	});
	return String(reserved.body.id);
}

interface Read {
	name: string;
	kind: RecordKind;
	parameters: () => Promise<Record<string, unknown>>;
	/** Hero's own answer (for reads the node outputs unchanged today), read from the sandbox directly. */
	hero?: (parameters: Record<string, unknown>) => Promise<IDataObject[]>;
	/** A field to select that is not the id. */
	select: string;
}

const READS: Read[] = [
	{
		name: 'Patient → Get (v2)',
		kind: 'patient',
		parameters: async () => ({ resource: 'patient', operation: 'get', patientId: '2001' }),
		hero: async () => [(await hero('GET', '/v2/patients/2001')).body],
		select: 'mobile',
	},
	{
		name: 'Patient → Get (v1)',
		kind: 'patient',
		parameters: async () => ({
			resource: 'patient',
			operation: 'get',
			patientId: '2001',
			record: 'v1',
		}),
		hero: async () => [(await hero('GET', '/v1/patients/2001')).body],
		select: 'mobile',
	},
	{
		name: 'Patient → Search',
		kind: 'patient',
		parameters: async () => ({
			resource: 'patient',
			operation: 'search',
			limit: 5,
			filters: { lastName: 'Lovelace' },
		}),
		hero: async () => (await hero('GET', '/v3/patients?last_name=Lovelace')).body.data,
		select: 'first_name',
	},
	{
		name: 'Patient → Get Many',
		kind: 'patient',
		parameters: async () => ({ resource: 'patient', operation: 'getMany', returnAll: true }),
		select: 'last_name',
	},
	{
		name: 'Appointment → Get',
		kind: 'appointment',
		parameters: async () => ({
			resource: 'appointment',
			operation: 'get',
			appointmentId: await reservedAppointment(),
		}),
		select: 'practitioner_id',
	},
	{
		name: 'Slot → Get Many',
		kind: 'slot',
		parameters: async () => ({
			resource: 'slot',
			operation: 'getMany',
			limit: 5,
			filters: { appointmentTypeId: rl('4001') },
		}),
		select: 'location_id',
	},
	{
		name: 'Message → Get',
		kind: 'message',
		parameters: async () => ({
			resource: 'message',
			operation: 'get',
			messageId: await sentMessage(),
		}),
		hero: async (parameters) => [
			(await hero('GET', `/v1/messages/${String(parameters.messageId)}`)).body,
		],
		select: 'patient.first_name',
	},
	{
		name: 'Batch Message → Get',
		kind: 'batchMessage',
		parameters: async () => ({ resource: 'batchMessage', operation: 'get', batchId: rl('5001') }),
		hero: async () => [(await hero('GET', '/v1/batch_message/5001')).body],
		select: 'content',
	},
	{
		name: 'Batch Message → Get Many',
		kind: 'batchMessage',
		parameters: async () => ({ resource: 'batchMessage', operation: 'getMany', returnAll: true }),
		select: 'content',
	},
	{
		name: 'Batch Message → Get Recipients',
		kind: 'batchRecipient',
		parameters: async () => ({
			resource: 'batchMessage',
			operation: 'getRecipients',
			batchId: rl('5001'),
			limit: 3,
		}),
		select: 'status',
	},
	{
		name: 'Batch Message → Get Sends',
		kind: 'batchSend',
		parameters: async () => ({
			resource: 'batchMessage',
			operation: 'getSends',
			batchId: rl('5001'),
			limit: 3,
		}),
		select: 'nhs_number',
	},
	{
		name: 'Message → Get Many in a Batch',
		kind: 'batchSend',
		parameters: async () => ({
			resource: 'message',
			operation: 'getManyInBatch',
			batchId: rl('5001'),
			limit: 3,
		}),
		select: 'created_at',
	},
];

/** The value at a dot path of Hero's record. */
const at = (record: IDataObject, path: string): unknown =>
	path
		.split('.')
		.reduce<unknown>(
			(value, key) =>
				value && typeof value === 'object' ? (value as IDataObject)[key] : undefined,
			record,
		);

async function outputs(read: Read, extra: Record<string, unknown>, asTool = false) {
	const parameters = await read.parameters();
	const saved = await runHeroNode(sandbox, { parameters });
	const run = await runHeroNode(sandbox, {
		parameters: { ...parameters, ...extra },
		...(asTool ? { asTool: true, items: [{ toolCallId: 'call_1' }] } : {}),
	});
	expect(saved.error).toBeUndefined();
	expect(run.error).toBeUndefined();
	expect(saved.json.length).toBeGreaterThan(0);
	return { parameters, saved: saved.json, json: run.json };
}

describe.each(READS)('$name: Output', (read) => {
	it('a saved workflow (no Output stored) outputs as before, Raw outputs the same, and Raw is Hero’s answer unchanged', async () => {
		const { parameters, saved, json } = await outputs(read, { output: 'raw' });
		expect(json).toEqual(saved);
		if (read.hero) expect(json).toEqual(await read.hero(parameters));
	});

	it('Simplified outputs only the listed fields, flat, in their order, each as Hero sent it, always with the id, and fewer bytes', async () => {
		const { saved, json } = await outputs(read, { output: 'simplified' });
		expect(json).toHaveLength(saved.length);
		const fields = SIMPLIFIED_FIELDS[read.kind];
		json.forEach((simplified, index) => {
			const raw = saved[index];
			const expected: IDataObject = {};
			for (const [name, ...paths] of fields) {
				const path = (paths.length ? paths : [name]).find((p) => at(raw, p) !== undefined);
				if (path) expected[name] = at(raw, path) as IDataObject[string];
			}
			expect(simplified).toEqual(expected);
			expect(Object.keys(simplified)).toEqual(Object.keys(expected));
			expect(simplified.id).toEqual(raw.id ?? raw.hero_id);
			expect(simplified.id).toBeDefined();
			for (const value of Object.values(simplified))
				expect(value === null || typeof value !== 'object').toBe(true);
			expect(JSON.stringify(simplified).length).toBeLessThanOrEqual(JSON.stringify(raw).length);
		});
	});

	it('Selected Fields outputs the id and the fields named, at their place in Hero’s record', async () => {
		const { saved, json } = await outputs(read, { output: 'selected', outputFields: read.select });
		json.forEach((selected, index) => {
			const raw = saved[index];
			const value = at(raw, read.select);
			const expected: IDataObject = { id: raw.id ?? raw.hero_id };
			if (value !== undefined) {
				const keys = read.select.split('.');
				const nested = keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
				Object.assign(expected, nested);
			}
			expect(selected).toEqual(expected);
		});
	});

	it('as an AI tool, Simplified is the default; Output: Raw there gives every field', async () => {
		const parameters = await read.parameters();
		const plain = await runHeroNode(sandbox, { parameters });
		const tool = await runHeroNode(sandbox, {
			parameters,
			asTool: true,
			items: [{ toolCallId: 'call_1' }],
		});
		const toolRaw = await runHeroNode(sandbox, {
			parameters: { ...parameters, output: 'raw' },
			asTool: true,
			items: [{ toolCallId: 'call_1' }],
		});
		const simplified = await runHeroNode(sandbox, {
			parameters: { ...parameters, output: 'simplified' },
		});
		expect(tool.error).toBeUndefined();
		const records = (json: IDataObject[]) =>
			read.name === 'Patient → Search' ? (json[0].patients as IDataObject[]) : json;
		expect(records(tool.json)).toEqual(simplified.json);
		expect(records(toolRaw.json)).toEqual(plain.json);
	});
});

/** The parameters n8n stores for a new node of this type in the editor (defaults of what it shows). */
function editorDefaults(description: INodeTypeDescription, parameters: Record<string, unknown>) {
	const node: INode = {
		id: 'n',
		name: 'Hero Health',
		type: `n8n-nodes-hero-health.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
	};
	return NodeHelpers.getNodeParameters(
		description.properties,
		node.parameters,
		true,
		false,
		node,
		description,
	)!;
}

describe('Output in the editor', () => {
	it.each(READS.map((read) => [read.name, read] as const))(
		'%s: the normal panel defaults to Raw, the AI tool panel to Simplified',
		async (_name, read) => {
			const { resource, operation } = await read.parameters();
			const chosen = { resource, operation };
			expect(editorDefaults(new HeroHealth().description, chosen).output).toBe('raw');
			expect(editorDefaults(heroToolDescription(), chosen).output).toBe('simplified');
			expect(editorDefaults(new HeroHealth().description, chosen)).not.toHaveProperty(
				'outputFields',
			);
			expect(
				editorDefaults(new HeroHealth().description, { ...chosen, output: 'selected' }),
			).toHaveProperty('outputFields', '');
		},
	);
});

describe('Output: checks before any request', () => {
	it('Selected Fields with no field named fails the item, naming Fields, and sends nothing', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'patient',
				operation: 'get',
				patientId: '2001',
				output: 'selected',
				outputFields: ' , ',
			},
		});
		expect(result.error?.message).toBe(
			'Fields: name at least one field, e.g. id, first_name, last_name, dob, sex, nhs_number, mobile, email, postcode, ehr_partner_id, deceased_at [row 1 (n8n item 0)]',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('Simplified on Patient → Get (v2) gives the patient as a practice reads it, the Hero ID as id', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'patient',
				operation: 'get',
				patientId: '2001',
				output: 'simplified',
			},
		});
		expect(result.json).toEqual([
			{
				id: '2001',
				first_name: 'Ada',
				last_name: 'Lovelace',
				dob: '1985-12-10',
				sex: null,
				nhs_number: '9434765919',
				mobile: '+447700900001',
				email: 'ada@example.com',
				postcode: 'LS1 4AP',
				ehr_partner_id: null,
				deceased_at: null,
			},
		]);
	});
});
