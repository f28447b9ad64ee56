/**
 * What the editor shows for the nodes and the credential (texts, defaults, codex). The
 * same facts are proven in a real browser by test/editor/editor.test.ts; these run in milliseconds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INode, INodeProperties, INodePropertyOptions, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { HeroHealthApi } from '../../../credentials/HeroHealthApi.credentials';
import { HeroHealth } from '../../../nodes/HeroHealth/HeroHealth.node';
import { HeroHealthTrigger } from '../../../nodes/HeroHealth/HeroHealthTrigger.node';
import { bookingLocator } from '../../../nodes/HeroHealth/actions/booking.descriptions';
import { appointment } from '../../../nodes/HeroHealth/actions/appointment';
import { requestOptions } from '../../../nodes/HeroHealth/actions/common.descriptions';
import { toolDescriptionText } from '../../../nodes/HeroHealth/actions/toolDescription';
import { practitionerName } from '../../../nodes/HeroHealth/methods/listSearch/practitioners';
import { HERO_EVENTS } from '../../../nodes/HeroHealth/webhooks/events';

const credentialField = (name: string): INodeProperties => {
	const field = new HeroHealthApi().properties.find((p) => p.name === name);
	if (!field) throw new Error(`no credential field ${name}`);
	return field;
};

const codex = (file: string) =>
	JSON.parse(readFileSync(join(__dirname, '../../../nodes/HeroHealth', file), 'utf8')) as {
		alias?: string[];
		categories?: string[];
		resources?: Record<string, unknown>;
	};

describe('codex aliases', () => {
	it.each(['HeroHealth.node.json', 'HeroHealthTrigger.node.json'])(
		'%s has aliases, categories and documentation links',
		(file) => {
			const { alias = [], categories = [], resources = {} } = codex(file);
			expect(categories.length).toBeGreaterThan(0);
			expect(resources.primaryDocumentation).toEqual([{ url: expect.stringMatching(/^https:/) }]);
			for (const word of ['NHS', 'GP', 'Patient', 'Appointment']) expect(alias).toContain(word);
		},
	);

	it('the action node is found by the words a practice types for messaging and booking', () => {
		const aliases = (codex('HeroHealth.node.json').alias ?? []).map((a) => a.toLowerCase());
		for (const word of [
			'sms',
			'send sms',
			'text message',
			'appointment',
			'book appointment',
			'nhs',
			'patient',
		])
			expect(aliases).toContain(word);
	});
});

describe('node creator description', () => {
	it('the trigger carries the action node’s description, which n8n shows above the merged actions', () => {
		const action = new HeroHealth().description.description;
		expect(action).toMatch(/^Message patients, book appointments/);
		expect(new HeroHealthTrigger().description.description).toBe(action);
	});
});

describe('texts', () => {
	it('generated "From list" placeholders use "an" before a vowel ("Select an appointment type...")', () => {
		const placeholder = (kind: 'appointmentType' | 'location' | 'practitioner') =>
			bookingLocator(kind).modes?.find((m) => m.name === 'list')?.placeholder;
		expect(placeholder('appointmentType')).toBe('Select an appointment type...');
		expect(placeholder('location')).toBe('Select a location...');
		expect(placeholder('practitioner')).toBe('Select a practitioner...');
	});

	it('Request Options names its timeout unit without odd capitals ("Timeout (Milliseconds)")', () => {
		const timeout = (requestOptions.options as INodeProperties[]).find((o) => o.name === 'timeout');
		expect(timeout?.displayName).toBe('Timeout (Milliseconds)');
	});

	it('a practitioner whose name already says the type is not labelled twice ("Nurse Ali Khan", not "Nurse Ali Khan (Nurse)")', () => {
		expect(
			practitionerName({
				id: '5004',
				title: 'Nurse',
				first_name: 'Ali',
				last_name: 'Khan',
				practitioner_type: 'Nurse',
			}),
		).toBe('Nurse Ali Khan');
		expect(
			practitionerName({
				id: '5001',
				title: 'Dr',
				first_name: 'Priya',
				last_name: 'Shah',
				practitioner_type: 'GP',
			}),
		).toBe('Dr Priya Shah (GP)');
		expect(
			practitionerName({ id: '5009', name: 'Sam Lee', practitioner_type: 'physiotherapist' }),
		).toBe('Sam Lee (physiotherapist)');
	});
});

describe('credential dialog', () => {
	it('Environment has a hint and each Hero option shows its URL', () => {
		const environment = credentialField('environment');
		expect(environment.description).toBeTruthy();
		for (const option of environment.options as INodePropertyOptions[]) {
			expect(option.description).toBeTruthy();
			if (option.value !== 'custom') expect(option.description).toContain(String(option.value));
		}
		const mock = (environment.options as INodePropertyOptions[]).find(
			(o) => o.name === 'Hero Mock Server',
		);
		expect(mock?.description).toMatch(/mock server of Hero's API reference/i);
	});

	it('the Custom Base URL starts empty (no loopback address filled in) and is required', () => {
		const baseUrl = credentialField('baseUrl');
		expect(baseUrl.default).toBe('');
		expect(baseUrl.required).toBe(true);
		expect(String(baseUrl.placeholder)).not.toMatch(/127\.0\.0\.1|localhost/);
	});

	it('the API Key and Practice Group ID hints say where the value comes from, in plain words', () => {
		expect(credentialField('apiKey').description).toMatch(/partner programme/);
		const group = credentialField('practiceGroupId').description ?? '';
		expect(group).toMatch(/gives you its ID with the key/);
		expect(group).not.toMatch(/x-practice-group-id/);
	});
});

/** The subtitle n8n shows under a node, evaluated by n8n's own expression engine for these parameters. */
function subtitleOf(node: HeroHealth | HeroHealthTrigger, parameters: Record<string, unknown>) {
	const type = node.description.name;
	const nodeTypes = {
		getByName: () => node,
		getByNameAndVersion: () => node,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		nodes: [{ id: '1', name: 'Hero', type, typeVersion: 1, position: [0, 0], parameters } as INode],
		connections: {},
		active: false,
		nodeTypes: nodeTypes as unknown as INodeTypes,
	});
	return workflow.expression.getSimpleParameterValue(
		workflow.nodes.Hero,
		node.description.subtitle,
		'internal',
		{},
	);
}

describe('node subtitles', () => {
	it('the action node reads as the operation and resource labels ("Book Next Available: Appointment"), not stored values', () => {
		const node = new HeroHealth();
		expect(subtitleOf(node, { resource: 'appointment', operation: 'bookNextAvailable' })).toBe(
			'Book Next Available: Appointment',
		);
		expect(subtitleOf(node, { resource: 'batchMessage', operation: 'getMany' })).toBe(
			'Get Many: Batch Message',
		);
		expect(subtitleOf(node, { resource: 'message', operation: 'send' })).toBe('Send: Message');
	});

	it('every operation of every resource has its label in the subtitle', () => {
		const node = new HeroHealth();
		const resource = node.description.properties.find((p) => p.name === 'resource')!;
		for (const r of resource.options as INodePropertyOptions[]) {
			const operation = node.description.properties.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value),
			)!;
			for (const o of operation.options as INodePropertyOptions[])
				expect(subtitleOf(node, { resource: r.value, operation: o.value })).toBe(
					`${o.name}: ${r.name}`,
				);
		}
	});

	it('an operation the node does not offer (a stale saved value) falls back to the stored values', () => {
		expect(subtitleOf(new HeroHealth(), { resource: 'message', operation: 'retired' })).toBe(
			'retired: message',
		);
	});

	it('the trigger lists its events by the names in the Events list, not their values', () => {
		expect(
			subtitleOf(new HeroHealthTrigger(), {
				events: ['appointment.cancelled', 'form-submission.created'],
			}),
		).toBe('Events: Appointment Cancelled, Form Submission Created (Unconfirmed)');
	});
});

describe('Docs link', () => {
	it.each([
		['HeroHealth.node.json', new HeroHealth()],
		['HeroHealthTrigger.node.json', new HeroHealthTrigger()],
	])(
		'%s and its node open this package’s guide (its README on npm), not Hero’s API reference',
		(file, node) => {
			const url = 'https://www.npmjs.com/package/n8n-nodes-hero-health';
			expect(node.description.documentationUrl).toBe(url);
			expect(codex(file).resources?.primaryDocumentation).toEqual([{ url }]);
		},
	);
});

describe('trigger events in the node panel', () => {
	it('the unconfirmed event reads as a sentence ("On form submitted (unconfirmed event)") and keeps its value and warning', () => {
		const event = HERO_EVENTS.find((e) => e.value === 'form-submission.created')!;
		expect(event.action).toBe('On form submitted (unconfirmed event)');
		expect(event.description).toMatch(/Unconfirmed: Hero's create-webhook API does not list/);
	});
});

describe('operation descriptions', () => {
	it('Book Next Available tells a practice manager what it does in plain words; the AI tool still gets the answer’s shape', () => {
		const option = (appointment.operationProperty.options as INodePropertyOptions[]).find(
			(o) => o.value === 'bookNextAvailable',
		)!;
		expect(option.description).toBe(
			'Find the earliest free appointment that matches your choices (type, dates, place, clinician) and book it for the patient in one step. If none is free, nothing is booked and the result says why.',
		);
		expect(option.description).not.toMatch(/[{}]|ISO-8601|booked =/);
		const forModel = toolDescriptionText(option, 'appointment');
		expect(forModel).toContain(option.description);
		expect(forModel).toMatch(
			/says why\. Changes a booking\. .*Returns \{ booked, appointment, slot \} with times in ISO-8601 UTC, or booked = false and a reason\.$/,
		);
	});
});
