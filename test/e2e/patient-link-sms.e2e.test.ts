/**
 * A practice's everyday flow in a real n8n 1.x (the packed package installed as a community
 * package): register a patient via PDS → create a booking link for them → text them the link.
 * The SMS text takes the link's `short_link` through an n8n expression, as a user would map it.
 * Asserts what the in-process Hero sandbox received and holds afterwards.
 */
import { executeWorkflow, nodeItems } from '../n8n/harness/execution';
import { cleanupAll, type N8nHome } from '../n8n/harness/home';
import {
	createSandboxHome,
	heroNode,
	importWorkflow,
	linearWorkflow,
	manualTriggerNode,
	type WorkflowJson,
} from '../n8n/harness/workflows';
import { links } from '../sandbox/routes/links';
import { PDS_ONLY_PEOPLE, SEED_PATIENTS, patients } from '../sandbox/routes/patients';
import { messages } from '../sandbox/routes/messages';
import { startSandbox, type Sandbox } from '../sandbox/server';

jest.setTimeout(180_000);

const WORKFLOW_ID = 'heroE2ePatientLinkSms1';
const GRACE = PDS_ONLY_PEOPLE[0]; // on the Spine, not yet a Hero patient
const NODES = {
	register: 'Register Patient',
	link: 'Create Booking Link',
	sms: 'Text the Link',
} as const;

function workflow(credentialId: string): WorkflowJson {
	const expiry = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
	return linearWorkflow(WORKFLOW_ID, 'E2E register patient, booking link, SMS', [
		manualTriggerNode(),
		heroNode(
			{
				resource: 'patient',
				operation: 'registerPds',
				searchBy: 'nhsNumber',
				nhsNumber: `${GRACE.nhs_number.slice(0, 3)} ${GRACE.nhs_number.slice(3, 6)} ${GRACE.nhs_number.slice(6)}`,
				dateOfBirth: GRACE.dob,
			},
			{ credentialId, name: NODES.register },
		),
		heroNode(
			{
				resource: 'bookingLink',
				operation: 'create',
				linkType: 'patient',
				patientId: '={{ $json.patient_id }}',
				appointmentTypeId: { __rl: true, mode: 'id', value: '4001' },
				locationId: {
					__rl: true,
					mode: 'list',
					value: '3001',
					cachedResultName: 'Riverside Surgery',
				},
				additionalFields: { expiryDate: expiry, maximumUseCount: 1 },
			},
			{ credentialId, name: NODES.link },
		),
		heroNode(
			{
				resource: 'message',
				operation: 'send',
				patientId: '={{ $json.patient_id }}',
				messageType: 'sms',
				message: '=Dear patient, please book your GP appointment here: {{ $json.short_link }}',
				additionalFields: { shortLinkId: '={{ $json.id }}' },
			},
			{ credentialId, name: NODES.sms },
		),
	]);
}

let sandbox: Sandbox;
let home: N8nHome;
const timings: string[] = [];

beforeAll(async () => {
	const started = Date.now();
	sandbox = await startSandbox({ port: 0 });
	const { n8n, home: n8nHome, credentialId } = await createSandboxHome(sandbox);
	home = n8nHome;
	await importWorkflow(home, workflow(credentialId));
	timings.push(`setup ${Date.now() - started} ms, n8n ${n8n.version}`);
}, 900_000);

afterAll(async () => {
	await home?.cleanup();
	await cleanupAll();
	await sandbox?.close();
	process.stderr.write(`\n[patient → link → SMS e2e timings]\n  ${timings.join('\n  ')}\n`);
});

test('registers the patient, creates their booking link and texts it to them', async () => {
	sandbox.reset();
	const { output, durationMs } = await executeWorkflow(home, WORKFLOW_ID);
	timings.push(`n8n execute ${durationMs} ms`);

	// n8n's view: each node one item, chained by expressions.
	const [registered] = nodeItems(output, NODES.register);
	expect(registered).toEqual({
		verification_required: false,
		patient_id: expect.stringMatching(/^\d+$/),
	});
	const [link] = nodeItems(output, NODES.link);
	expect(link).toMatchObject({
		patient_id: registered.patient_id,
		short_link: expect.stringMatching(/^https:\/\/bookings\.herohealth\.net\/s\/\S+$/),
	});
	const [sent] = nodeItems(output, NODES.sms);
	expect(sent.message_id).toEqual(expect.any(String));

	// The calls, in order, each once.
	expect(sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
		'POST /v1/patients/register_pds 200',
		'POST /v1/booking_links 200',
		'POST /v1/messages/send 200',
	]);

	// The sandbox's state: one new patient, one link for them, one SMS to them containing the link.
	const created = [...patients(sandbox.state).values()].filter(
		(p) => !SEED_PATIENTS.some((seed) => seed.id === p.id),
	);
	expect(created).toHaveLength(1);
	expect(created[0]).toMatchObject({
		id: registered.patient_id,
		nhs_number: GRACE.nhs_number,
		first_name: 'Grace',
	});

	const allLinks = [...links(sandbox.state).values()];
	expect(allLinks).toHaveLength(1);
	expect(allLinks[0]).toMatchObject({
		kind: 'booking',
		patient_id: registered.patient_id,
		short_link: link.short_link,
		maximum_uses: 1,
	});
	expect(allLinks[0].meta).toMatchObject({ appointment_type_id: ['4001'], location_id: ['3001'] });

	const allMessages = [...messages(sandbox.state).values()];
	expect(allMessages).toHaveLength(1);
	expect(allMessages[0]).toMatchObject({
		id: sent.message_id,
		message_type: 'sms',
		patient: { id: registered.patient_id },
		recipient_contact_detail: GRACE.mobile,
	});
	expect(allMessages[0].message).toContain(link.short_link as string);
	expect(allMessages[0].message).toBe(
		`Dear patient, please book your GP appointment here: ${String(link.short_link)}`,
	);
	expect(allMessages[0].request).toMatchObject({ short_link_id: link.id });
	expect(allMessages[0].short_link).toMatchObject({ id: link.id, type: 'booking' });
});
