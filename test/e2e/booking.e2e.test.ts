/**
 * Booking end to end in a real n8n 1.x (the packed package installed as a community package):
 * List Types → List Slots → Create (reserve) → Book → Get → Cancel in one workflow, each step fed
 * by the previous node's output through expressions, then Book Next Available with a slot taken by
 * another client between list and reserve. Assertions are on n8n's output and the sandbox's state.
 */
import { INFERRED } from '../../nodes/HeroHealth/transport/inferred';
import { NODE_NAMES } from '../n8n/harness/constants';
import { executeWorkflow, nodeItems } from '../n8n/harness/execution';
import { cleanupAll, type N8nHome } from '../n8n/harness/home';
import {
	createSandboxHome,
	heroNode,
	importWorkflow,
	linearWorkflow,
	manualTriggerNode,
	manualWorkflow,
	type WorkflowJson,
} from '../n8n/harness/workflows';
import {
	OTHER_CLIENT_PATIENT_ID,
	appointments,
	type SandboxAppointment,
} from '../sandbox/routes/appointments';
import { addDays, londonDate, slots } from '../sandbox/routes/slots';
import { startSandbox, type Sandbox } from '../sandbox/server';

jest.setTimeout(180_000);

/** The catalogue reads behind the names on a slot or appointment read (one of each per node run). */
const NAME_READS = [
	'GET /v1/appointment_types 200',
	'GET /v1/practitioners 200',
	'GET /v1/locations 200',
];
const timings: string[] = [];
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
/** Three days ahead: clear of the 24-hour cancellation policy, whatever the time of day. */
const firstDay = () => addDays(londonDate(Date.now()), 3);

const NAMES = {
	types: 'List Types',
	slots: 'List Slots',
	create: 'Reserve',
	book: 'Book',
	get: 'Get',
	cancel: 'Cancel',
} as const;

/** Manual Trigger → six Hero Health nodes, each reading the previous one's output. */
function bookingFlow(credentialId: string, startDate: string): WorkflowJson {
	const hero = (name: string, parameters: Record<string, unknown>) =>
		heroNode(parameters, { credentialId, name });
	return linearWorkflow('heroE2eBookingFlow1', 'E2E booking flow', [
		manualTriggerNode(),
		hero(NAMES.types, {
			resource: 'appointmentType',
			operation: 'getMany',
			returnAll: false,
			limit: 1,
			filters: { hasAvailability: true, locations: { items: [{ locationId: fromList('3001') }] } },
		}),
		hero(NAMES.slots, {
			resource: 'slot',
			operation: 'getMany',
			returnAll: false,
			limit: 1,
			filters: {
				appointmentTypeId: byId('={{ $json.id }}'),
				locationId: fromList('3001'),
				startDate,
			},
		}),
		hero(NAMES.create, {
			resource: 'appointment',
			operation: 'create',
			appointmentTypeId: byId('={{ $json.appointment_type_id }}'),
			locationId: byId('={{ $json.location_id }}'),
			practitionerId: byId('={{ $json.practitioner_id }}'),
			startTime: '={{ $json.start_time }}',
			duration: '={{ (new Date($json.finish_time) - new Date($json.start_time)) / 60000 }}',
			additionalFields: { patientId: '2001', reason: 'Asthma review' },
		}),
		hero(NAMES.book, {
			resource: 'appointment',
			operation: 'book',
			appointmentId: '={{ $json.id }}',
		}),
		hero(NAMES.get, {
			resource: 'appointment',
			operation: 'get',
			appointmentId: `={{ $('${NAMES.create}').item.json.id }}`,
		}),
		hero(NAMES.cancel, {
			resource: 'appointment',
			operation: 'cancel',
			appointmentId: '={{ $json.id }}',
			options: { suppressMail: true },
		}),
	]);
}

/** Manual Trigger → Hero Health: Book Next Available, a nurse appointment from 10:00 (Europe/London). */
const nextAvailableFlow = (credentialId: string): WorkflowJson =>
	manualWorkflow(
		'heroE2eNextAvailable1',
		'E2E book next available',
		{
			resource: 'appointment',
			operation: 'bookNextAvailable',
			patientId: '2002',
			appointmentTypeId: fromList('4002'),
			filters: { earliestTime: '10:00' },
			options: { maxAttempts: 3 },
		},
		{ credentialId },
	);

let sandbox: Sandbox;
let home: N8nHome;

beforeAll(async () => {
	const started = Date.now();
	sandbox = await startSandbox({ port: 0 });
	const { n8n, home: n8nHome, credentialId } = await createSandboxHome(sandbox);
	home = n8nHome;
	await importWorkflow(home, [
		bookingFlow(credentialId, firstDay()),
		nextAvailableFlow(credentialId),
	]);
	timings.push(`setup ${Date.now() - started} ms, n8n ${n8n.version}`);
}, 900_000);

afterAll(async () => {
	await home?.cleanup();
	await cleanupAll();
	await sandbox?.close();
	process.stderr.write(`\n[booking e2e timings]\n  ${timings.join('\n  ')}\n`);
});

beforeEach(() => sandbox.reset());

test('list types → list slots → reserve → book → get → cancel leaves a cancelled appointment and a free slot', async () => {
	const { output, durationMs } = await executeWorkflow(home, 'heroE2eBookingFlow1');
	timings.push(`booking flow (6 Hero nodes) ${durationMs} ms`);

	const [type] = nodeItems(output, NAMES.types);
	expect(type).toMatchObject({ id: '4001', name: 'GP Appointment' });
	const [slot] = nodeItems(output, NAMES.slots) as Array<{
		id: string;
		start_time: string;
		practitioner_id: string;
	}>;
	expect(londonDate(slot.start_time) >= firstDay()).toBe(true);
	const [reservation] = nodeItems(output, NAMES.create) as Array<{
		id: string;
		reserved_until: string;
	}>;
	expect(reservation.reserved_until).toEqual(expect.any(String));
	const [got] = nodeItems(output, NAMES.get);
	expect(got).toMatchObject({
		id: reservation.id,
		patient_id: '2001',
		start_time: slot.start_time,
		booking_confirmed_at: expect.any(String),
		reserved_until: null,
	});
	const [cancelled] = nodeItems(output, NAMES.cancel);
	expect(cancelled).toMatchObject({ id: reservation.id, can_be_cancelled: false });

	// What Hero received, in order, with the documented shapes.
	// Slot and appointment reads also name their type, practitioner and location for the patient: one
	// read of each catalogue per node run (in any order), beside the calls of the flow itself.
	const [first, ...rest] = sandbox.requests.map((r) => `${r.method} ${r.path} ${r.status}`);
	const isNameRead = (call: string) => NAME_READS.includes(call);
	expect(first).toBe('GET /v1/appointment_types 200');
	expect(rest.filter((call) => !isNameRead(call))).toEqual([
		'GET /v1/slots 200',
		'POST /v1/appointments 200',
		`${INFERRED.bookAppointmentMethod} ${INFERRED.bookAppointmentPath(reservation.id)} 200`,
		`GET /v1/appointments/${reservation.id} 200`,
		`PATCH /v1/appointments/${reservation.id}/cancel 200`,
	]);
	expect(rest.filter(isNameRead).sort()).toEqual([...NAME_READS, ...NAME_READS].sort());
	expect(sandbox.requests[0].query).toEqual({ location_ids: '3001', has_availability: 'true' });
	expect(sandbox.requests[1].query).toEqual({
		appointment_type_id: '4001',
		location_id: '3001',
		start_date: firstDay(),
		page_index: String(INFERRED.firstPageIndex),
		page_size: '1',
	});
	const sent = (method: string, path: string) =>
		sandbox.requests.find((r) => r.method === method && r.path === path)!;
	expect(sent('POST', '/v1/appointments').body).toEqual({
		appointment_type_id: '4001',
		location_id: '3001',
		practitioner_id: slot.practitioner_id,
		duration: 15,
		start_time: slot.start_time,
		patient_id: '2001',
		reason: 'Asthma review',
	});
	expect(sent('PATCH', `/v1/appointments/${reservation.id}/cancel`).body).toEqual({
		suppress_mail: true,
	});

	// The sandbox's final state.
	const stored = appointments(sandbox.state).get(reservation.id) as SandboxAppointment;
	expect(stored).toMatchObject({
		status: 'cancelled',
		patient_id: '2001',
		slot_id: null,
		booking_confirmed_at: expect.any(String),
		cancelled_at: expect.any(String),
	});
	expect(appointments(sandbox.state).size).toBe(1);
	expect(slots(sandbox.state).get(slot.id)!.held_by).toBeNull();
	expect(sandbox.state.events.map((e) => [e.event, e.id])).toEqual([
		['appointment.confirmed', reservation.id],
		['appointment.cancelled', reservation.id],
	]);
});

test('Book Next Available skips a slot another client takes between list and reserve', async () => {
	// Another client books the first day's 09:00, 09:20, 09:40 and 10:00 nurse slots right after n8n lists them:
	// the first one from 10:00 is gone when the node tries to reserve it, so it books 10:20.
	const race = await fetch(`${sandbox.url}/__sandbox/slots/race`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ take: 4 }),
	});
	expect(race.status).toBe(200);
	const { output, durationMs } = await executeWorkflow(home, 'heroE2eNextAvailable1');
	timings.push(`book next available with a race ${durationMs} ms`);

	const [result] = nodeItems(output, NODE_NAMES.hero) as Array<Record<string, any>>;
	expect(result).toMatchObject({
		booked: true,
		attempts: 2,
		appointment: { patient_id: '2002', appointment_type_id: '4002' },
	});
	const startLondon = new Date(result.slot.start_time).toLocaleTimeString('en-GB', {
		timeZone: 'Europe/London',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	});
	expect(startLondon).toBe('10:20');
	const skippedLondon = new Date(result.skipped[0].start_time).toLocaleTimeString('en-GB', {
		timeZone: 'Europe/London',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	});
	expect(skippedLondon).toBe('10:00');

	const all = [...appointments(sandbox.state).values()];
	const others = all.filter((a) => a.patient_id === OTHER_CLIENT_PATIENT_ID);
	expect(others).toHaveLength(4);
	expect(others.map((a) => a.slot_id)).toContain(result.skipped[0].slot_id);
	const ours = all.filter((a) => a.patient_id === '2002');
	expect(ours.map((a) => [a.status, a.slot_id])).toEqual([['confirmed', result.slot.id]]);
	expect(sandbox.received('POST', '/v1/appointments').map((r) => r.status)).toEqual([409, 200]);
});
