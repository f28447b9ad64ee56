/**
 * Minimal Output keeps ids, statuses, types and times, and leaves out contact details,
 * names and free text, on Message → Send and on the trigger's record.
 */
import { readFileSync } from 'fs';
import type { IDataObject } from 'n8n-workflow';
import { join } from 'path';
import { parse } from 'yaml';
import { minimalOutput } from '../../../nodes/HeroHealth/privacy/minimalOutput';
import { runHeroNode } from '../../harness/runNode';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const TEXT = 'Dear Ada, your smear test is booked for 15 March at 09:30.';
const send = (minimal: boolean) => ({
	resource: 'message',
	operation: 'send',
	patientId: '2001',
	messageType: 'sms',
	message: TEXT,
	additionalFields: {
		recipientContactDetail: '07700 900123',
		fallbackMessageType: 'email',
		fallbackContactDetail: 'ada@example.com',
	},
	minimalOutput: minimal,
});

describe('Minimal Output', () => {
	it('Message → Send with Minimal Output outputs the message id, time and flags, and no message text or contact detail', async () => {
		const full = await runHeroNode(sandbox, { parameters: send(false) });
		expect(full.json[0].content).toBe(TEXT);
		const minimal = await runHeroNode(sandbox, { parameters: send(true) });
		expect(minimal.error).toBeUndefined();
		// Hero's answer less its free text and whatever is not an id, time or flag (nulls only under kept keys).
		expect(Object.keys(full.json[0]).sort()).toEqual([
			'auth_token',
			'confirm_write_to_record_url',
			'content',
			'created_at',
			'message_id',
			'patient_id',
			'send_at',
			'snomed_code',
			'submitted_by',
			'write_to_record',
		]);
		expect(minimal.json[0]).toEqual({
			message_id: minimal.json[0].message_id,
			created_at: minimal.json[0].created_at,
			send_at: null,
			write_to_record: false,
			// The patient's Hero ID, which the node adds to every item about one patient (an id, kept).
			patient_id: '2001',
		});
		expect(minimal.json[0]).toMatchObject({
			message_id: expect.any(String),
			created_at: expect.any(String),
			write_to_record: false,
		});
		const text = JSON.stringify(minimal.json);
		for (const secret of [TEXT, 'smear', '900123', 'ada@example.com'])
			expect(text).not.toContain(secret);
		// The option changes what n8n keeps, not what Hero is sent.
		expect(sandbox.received('POST', '/v1/messages/send').map((r) => r.body)).toEqual([
			expect.objectContaining({ message_string: TEXT }),
			expect.objectContaining({ message_string: TEXT }),
		]);
	});

	it('keeps ids, statuses, types, times and flags at any depth, and drops names, contact details, NHS numbers, dates of birth and free text', () => {
		const patient = {
			id: '2001',
			title: 'Ms',
			first_name: 'Ada',
			last_name: 'Lovelace',
			dob: '1985-12-10',
			nhs_number: '9434765919',
			email: 'ada@example.com',
			mobile: '+447700900001',
			phone: 447700900001,
			postcode: 'LS1 4AP',
			status: 'active',
			practice_group_id: '1001',
			created_at: '2026-01-01T09:00:00.000Z',
			deceased: false,
			ehr: { ehr_id: 'E1', address: '1 Park Row', linked: true },
			contacts: [{ contact_type: 'mobile', value: '+447700900002' }],
			tags: ['diabetic'],
			count: 2,
		};
		expect(minimalOutput(patient)).toEqual({
			id: '2001',
			status: 'active',
			practice_group_id: '1001',
			created_at: '2026-01-01T09:00:00.000Z',
			ehr: { ehr_id: 'E1', linked: true },
			count: 2,
		});
	});
});

/*
 * Full example records built from Hero's own schemas (test/fixtures/hero-openapi.yaml,
 * a copy of the reference openapi.yaml), every property filled, so a new kind of field cannot slip by.
 */
type Schema = {
	$ref?: string;
	allOf?: Schema[];
	type?: string;
	properties?: Record<string, Schema>;
	items?: Schema;
	enum?: unknown[];
	format?: string;
	pattern?: string;
	example?: unknown;
};
const spec = parse(readFileSync(join(__dirname, '../../fixtures/hero-openapi.yaml'), 'utf8')) as {
	components: { schemas: Record<string, Schema> };
};
const resolve = (schema: Schema): Schema =>
	schema.$ref ? resolve(spec.components.schemas[schema.$ref.split('/').pop() as string]) : schema;
// Each string is what a practice could really hold there: free text where the schema allows free text.
function example(key: string, raw: Schema): unknown {
	const schema = resolve(raw);
	if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => example(key, part)));
	if (schema.properties)
		return Object.fromEntries(
			Object.entries(schema.properties).map(([k, v]) => [k, example(k, v)]),
		);
	if (schema.type === 'array') return [example(key, schema.items ?? {})];
	if (schema.type === 'boolean') return true;
	if (schema.type === 'number' || schema.type === 'integer') return 7;
	if (schema.example !== undefined) return schema.example;
	if (schema.enum) return schema.enum.find((value) => value !== null && value !== '');
	if (schema.format === 'date-time') return '2026-03-15T09:30:00.000Z';
	if (schema.pattern === '^\\d+$' || /(^|_)id$/.test(key)) return '4242';
	return 'Sexual health clinic';
}
const record = (name: string) =>
	example(name, { $ref: `#/components/schemas/${name}` }) as IDataObject;

describe("Minimal Output on Hero's full records (openapi.yaml)", () => {
	it('keeps a key only when its value has the allowed shape: no deceased_at, no free-text type, no person flags', () => {
		const patient = record('Patient');
		expect(patient).toMatchObject({
			deceased_at: '2026-03-15T09:30:00.000Z',
			restricted: true,
			first_name: 'Sexual health clinic',
		});
		// Ids, the record's sync time and its EHR link; not the death, the restriction, names, contacts, identifiers.
		expect(minimalOutput(patient)).toEqual({
			ehr_partner_id: '4242',
			emis_id: '4242',
			last_sync_at: '2026-03-15T09:30:00.000Z',
			hero_id: '4242',
			ehr_registered: true,
		});

		const appointment = {
			...record('Appointment'),
			appointment_type: 'Sexual health clinic',
			practitioner_type: 'Psychiatrist',
		};
		expect(minimalOutput(appointment)).toEqual({
			id: '4242',
			patient_id: '4242',
			practitioner_id: '4242',
			location_id: '4242',
			appointment_type_id: '4242',
			start_time: '2026-03-15T09:30:00.000Z',
			video: true,
			in_person: true,
			telephone: true,
			link_id: '4242',
			reserved_until: '2026-03-15T09:30:00.000Z',
			booking_confirmed_at: '2026-03-15T09:30:00.000Z',
			can_be_cancelled: true,
			can_be_rescheduled: true,
			suppress_mail: true,
		});

		// Message's message_type is untyped in the schema, so the example holds free text: dropped; `sms` is kept.
		const message = record('Message');
		expect(minimalOutput(message)).toEqual({
			id: '4242',
			patient: { id: '4242' },
			write_to_record: { write_to_record_at: '2026-03-15T09:30:00.000Z' },
			short_link: { id: '4242' }, // its type and status are untyped strings: free text in the example
			campaign: { id: '4242' },
			created_at: '2026-03-15T09:30:00.000Z',
			sent_at: '2026-03-15T09:30:00.000Z',
			scheduled_at: '2026-03-15T09:30:00.000Z',
			status: 'delivered',
			sent_by_admin: { id: '4242' },
		});
		expect(minimalOutput({ ...message, message_type: 'sms' })).toMatchObject({
			message_type: 'sms',
		});
		for (const kept of [patient, appointment, message].map(minimalOutput))
			expect(JSON.stringify(kept)).not.toMatch(/Sexual health|Psychiatrist|deceased|restricted/);
	});

	it('keeps a status only as one machine word, an id only as an id, and a time only as an ISO date-time', () => {
		expect(
			minimalOutput({
				status: 'ENRICHMENT_ERROR',
				task_status: 'in_progress',
				failure_status: 'Patient declined: lives with abusive partner',
				id: '1 Park Row',
				patient_id: 2001,
				created_at: 'yesterday, after the overdose',
				sent_at: '2026-03-15T09:30:00Z',
				updated_at: '2026-03-15 09:30:00',
				deceased_at: null,
				send_at: null,
				count: 3,
				phone: 447700900001,
			}),
		).toEqual({
			status: 'ENRICHMENT_ERROR',
			task_status: 'in_progress',
			patient_id: 2001,
			sent_at: '2026-03-15T09:30:00Z',
			updated_at: '2026-03-15 09:30:00',
			send_at: null,
			count: 3,
		});
	});
});
