/**
 * The example workflows (test/n8n/examples/) run in n8n's engine against the
 * sandbox. Imported and run unchanged, none of them reaches Hero, and the error says what to fill
 * in; filled in the way the demo and the e2e suites fill them (test/n8n/examples.ts), they send.
 */
import { HeroHealthApi } from '../../../credentials/HeroHealthApi.credentials';
import { SEND_FIELDS } from '../../../nodes/HeroHealth/actions/message/send.operation';
import { fillExample, fillInNode, loadExamples, SANDBOX_FILL_INS } from '../../n8n/examples';
import { runWorkflow } from '../../harness/runWorkflow';
import { appointments } from '../../sandbox/routes/appointments';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const examples = loadExamples();
// Trigger-started examples begin at their trigger's item: test/unit/actions/appointment/localTimes.test.ts runs one.
const manual = examples.filter((workflow) =>
	workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger'),
);
const HERO_WRITES = /n8n-nodes-hero-health\.heroHealth(Tool)?$/;

describe('example workflows', () => {
	it.each(manual.map((workflow) => [workflow.name, workflow] as const))(
		'"%s" imported and run unchanged sends nothing to Hero and names what to fill in',
		async (_name, workflow) => {
			const result = await runWorkflow(sandbox, workflow);
			expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([]);
			const fillIn = fillInNode(workflow);
			expect(fillIn).toBeDefined();
			expect(result.error?.message).toMatch(/^Fill in: /);
			expect(result.error?.message).toContain(`"${fillIn!.name}"`);
			expect(result.error?.message).toContain('Nothing was sent');
			// No Hero Health node ran.
			const heroNodes = workflow.nodes
				.filter((node) => HERO_WRITES.test(node.type))
				.map((node) => node.name);
			expect(heroNodes.length).toBeGreaterThan(0);
			expect(Object.keys(result.ran).filter((name) => heroNodes.includes(name))).toEqual([]);
		},
	);

	it.each(manual.map((workflow) => [workflow.name, workflow] as const))(
		'"%s" warns in a sticky note that it sends nothing until filled in with your own test patient',
		(_name, workflow) => {
			const notes = workflow.nodes
				.filter((node) => node.type === 'n8n-nodes-base.stickyNote')
				.map((node) => String(node.parameters.content));
			expect(notes.join('\n')).toMatch(/⚠.*Fill in:/);
		},
	);

	it.each(['heroExampleList01', 'heroExampleMap01', 'heroExampleNhs01'])(
		'the list example %s names its columns as Hero does (and as Map Automatically reads them), like the other list examples',
		(id) => {
			// Hero's names, and first_name: a column for the greeting, which Map Automatically ignores.
			const names = new Set<string>([...SEND_FIELDS, 'nhs_number', 'dob', 'first_name']);
			const workflow = examples.find((w) => w.id === id)!;
			const code = String(fillInNode(workflow)!.parameters.jsCode);
			const columns = [
				...Object.keys(Object.assign({}, ...SANDBOX_FILL_INS[id])),
				// The commented example rows and the list of required columns the Code node checks.
				...[...code.matchAll(/^\s*\/\/ \{(.*)\},?$/gm)].flatMap(([, row]) =>
					[...row.matchAll(/(\w+):/g)].map(([, key]) => key),
				),
				...JSON.parse(/const required = (\[[^\]]*\]);/.exec(code)![1]),
				// Every column an expression of the workflow reads.
				...[...JSON.stringify(workflow.nodes).matchAll(/\$json\.(\w+)/g)].map(([, key]) => key),
			];
			expect(columns.length).toBeGreaterThan(2);
			expect(columns.filter((column) => !names.has(column))).toEqual([]);
		},
	);

	it('no example names a phone number or a greeting by name outside its "Fill in: …" node', () => {
		for (const workflow of examples) {
			const rest = JSON.stringify(
				workflow.nodes.filter(
					(node) => node !== fillInNode(workflow) && node.type !== 'n8n-nodes-base.stickyNote',
				),
			);
			expect(`${workflow.id}: ${rest}`).not.toMatch(
				/07700|\+447700|Dear (Ada|Alan|Mary|Grace)|"2001"|"2002"/,
			);
		}
	});

	it('"Send an SMS", filled in as the demo fills it, sends the filled-in patient, number and text once', async () => {
		const workflow = fillExample(examples.find((w) => w.id === 'heroExampleSms01')!);
		const result = await runWorkflow(sandbox, workflow);
		expect(result.error).toBeUndefined();
		expect(sandbox.received('POST', '/v1/messages/send').map((r) => r.body)).toEqual([
			{
				patient_id: '2001',
				message_type: 'sms',
				message_string:
					'Dear Ada, your flu jab is booked for 15 March at 09:30. Reply STOP to opt out.',
				recipient_contact_detail: '+447700900123',
			},
		]);
		expect(result.ran['Send SMS'].items[0]).toHaveProperty('message_id');
	});

	it('"Book the next available appointment", filled in with only a patient, books and texts the number on the patient\'s record without a name in the text', async () => {
		const workflow = fillExample(examples.find((w) => w.id === 'heroExampleBook01')!);
		const result = await runWorkflow(sandbox, workflow);
		expect(result.error).toBeUndefined();
		const booked = [...appointments(sandbox.state).values()];
		expect(booked.map((a) => [a.patient_id, a.status])).toEqual([['2001', 'confirmed']]);
		const sends = sandbox
			.received('POST', '/v1/messages/send')
			.map((r) => r.body as Record<string, unknown>);
		expect(sends).toHaveLength(1);
		expect(sends[0]).toMatchObject({ patient_id: '2001', message_type: 'sms' });
		// No Recipient Contact Detail: Hero uses the patient's own number.
		expect(sends[0]).not.toHaveProperty('recipient_contact_detail');
		expect(String(sends[0].message_string)).toMatch(
			/^Your GP Appointment with .+ is booked for \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} at Riverside Surgery\./,
		);
	});

	it.each([
		['heroExampleGet01', ['POST /v1/messages/send', 'GET /v1/messages/']],
		[
			'heroExampleLink01',
			['POST /v1/patients/register_pds', 'POST /v1/booking_links', 'POST /v1/messages/send'],
		],
		['heroExampleList01', ['POST /v1/messages/send', 'POST /v1/messages/send']],
		[
			'heroExampleMap01',
			['POST /v1/messages/send', 'POST /v1/messages/send', 'POST /v1/messages/send'],
		],
	])(
		'%s, filled in as the demo fills it, makes its calls and Hero accepts each',
		async (id, calls) => {
			const result = await runWorkflow(sandbox, fillExample(examples.find((w) => w.id === id)!));
			expect(result.error).toBeUndefined();
			expect(
				sandbox.requests
					.map((r) =>
						`${r.method} ${r.path}`.replace(/^GET \/v1\/messages\/\d+$/, 'GET /v1/messages/'),
					)
					.filter(
						(call) =>
							!call.startsWith('GET /v1/appointment_types') &&
							!call.startsWith('GET /v1/locations') &&
							!call.startsWith('GET /v1/practitioners'),
					),
			).toEqual(calls);
			expect(sandbox.requests.filter((r) => (r.status ?? 0) >= 400)).toEqual([]);
		},
	);

	it('"Message a list of patients by NHS number", filled in as the demo fills it, searches each patient before sending and reports the unmatched row', async () => {
		const workflow = fillExample(examples.find((w) => w.id === 'heroExampleNhs01')!);
		const result = await runWorkflow(sandbox, workflow);
		expect(result.error).toBeUndefined();
		const calls = sandbox.requests.map((r) => `${r.method} ${r.path}`);
		expect(calls).toEqual([
			'GET /v3/patients',
			'GET /v3/patients',
			'GET /v3/patients',
			'POST /v1/messages/send',
			'POST /v1/messages/send',
		]);
		expect(sandbox.received('POST', '/v1/messages/send').map((r) => r.body)).toEqual([
			expect.objectContaining({ patient_id: '2001', message_type: 'sms' }),
			expect.objectContaining({ patient_id: '2002', message_type: 'sms' }),
		]);
		const out = result.ran['Send by NHS number'].items;
		expect(out.map((json) => json.patient_id ?? json.error)).toEqual([
			'2001',
			'2002',
			'NHS Number: no Hero patient has this NHS number and date of birth [row 3 (n8n item 2)]',
		]);
	});

	it("a new credential's Environment defaults to Staging: an example run with it reaches no real patient until someone chooses Production", () => {
		const environment = new HeroHealthApi().properties.find((p) => p.name === 'environment')!;
		expect(environment.default).toBe('https://api.staging.htech.app');
		expect(environment.description).toMatch(/Production.*real patients/i);
	});
});
