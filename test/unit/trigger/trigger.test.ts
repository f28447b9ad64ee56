/**
 * Hero Health Trigger in-process: the node's webhook methods and webhook() run in n8n-core's own
 * HookContext and WebhookContext (real parameters, static data, httpRequestWithAuthentication),
 * inside a small stand-in for n8n's webhook server. The Hero sandbox registers the webhooks and
 * delivers signed events to it over HTTP, as Hero would deliver to n8n.
 */
import { createHmac } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { MiniN8n } from '../../harness/miniN8n';
import { sandboxClient } from '../../harness/sandboxClient';
import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { triggerNodeType as trigger } from '../../harness/engine';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import {
	deliveries,
	deliveryPolicy,
	settledDeliveries,
	signDelivery,
	webhooks,
	type Delivery,
	type SandboxWebhook,
} from '../../sandbox/routes/webhooks';

let sandbox: Sandbox;
const instances: MiniN8n[] = [];
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => {
	await Promise.all(instances.map((n8n) => n8n.close()));
	await sandbox.close();
});
beforeEach(() => {
	sandbox.reset();
	Object.assign(deliveryPolicy(sandbox.state), { baseDelayMs: 20, maxDelayMs: 100 });
});

async function n8nWith(parameters: IDataObject, webhookId?: string): Promise<MiniN8n> {
	const n8n = await new MiniN8n(sandbox, parameters, webhookId).listen();
	instances.push(n8n);
	return n8n;
}

const registeredAt = (url: string): SandboxWebhook[] =>
	[...webhooks(sandbox.state).values()].filter((w) => w.url === url);

/** Deliveries settled at the sandbox, and every receiver done with them (the trigger answers before it reads the record). */
async function settled(
	count: number,
	filter?: (delivery: Delivery) => boolean,
): Promise<Delivery[]> {
	const done = await settledDeliveries(sandbox.state, count, filter);
	await Promise.all(instances.map((n8n) => n8n.idle()));
	return done;
}

const { hero, control } = sandboxClient(() => sandbox);

async function emit(event: string, id: string, object?: string): Promise<{ deliveries: string[] }> {
	const answer = await control('POST', '/__sandbox/webhooks/emit', {
		event,
		id,
		...(object ? { object } : {}),
	});
	expect(answer.status).toBe(200);
	return answer.body as { deliveries: string[] };
}

/** A call to the sandbox's Hero API that must answer 200; returns the body. */
async function heroSend(method: string, path: string, body: unknown): Promise<IDataObject> {
	const answer = await hero(method, path, body);
	if (answer.status !== 200)
		throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
	return answer.body as IDataObject;
}

/** Books the first free slot for patient 2001 through the sandbox's API: reserve, then book (which Hero announces). */
async function bookAppointment(): Promise<string> {
	const { data } = (await hero('GET', '/v1/slots?page_size=1')).body as { data: IDataObject[] };
	const slot = data[0];
	const duration =
		(Date.parse(String(slot.finish_time)) - Date.parse(String(slot.start_time))) / 60_000;
	const reserved = await heroSend('POST', '/v1/appointments', {
		appointment_type_id: slot.appointment_type_id,
		location_id: slot.location_id,
		practitioner_id: slot.practitioner_id,
		duration,
		start_time: slot.start_time,
		patient_id: '2001',
	});
	const id = String(reserved.id);
	await heroSend(INFERRED.bookAppointmentMethod, INFERRED.bookAppointmentPath(id), {});
	return id;
}

/** A message sent through the sandbox's API, so that a record exists to fetch. */
async function sentMessageId(): Promise<string> {
	const answer = await hero('POST', '/v1/messages/send', {
		patient_id: '2001',
		message_type: 'sms',
		message_string: 'Your results are ready.',
		write_to_record: true,
	});
	expect(answer.status).toBe(200);
	return String((answer.body as IDataObject).message_id);
}

/** Posts a delivery straight to the trigger, as a forger (or Hero) could. */
async function post(
	n8n: MiniN8n,
	body: string,
	headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
	const response = await fetch(n8n.webhookUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
	});
	return { status: response.status, text: await response.text() };
}

const nowSeconds = () => String(Math.floor(Date.now() / 1000));
const envelope = (event: string, id: string, object: string) =>
	JSON.stringify({ object, id, practice_group_id: sandbox.practiceGroupId, event });

const ALL_EVENTS = [
	'appointment.confirmed',
	'appointment.cancelled',
	'appointment.rescheduled',
	'prescription.issued',
	'patient.medical-record-updated',
	'patient.added-to-sequence',
	'write-to-record.succeeded',
	'write-to-record.failed',
	'form-submission.created',
];

// ---------------------------------------------------------------------------------------------

describe('Hero Health Trigger: registration', () => {
	it('offers every documented event, and registers one webhook per selected event with one fresh key', async () => {
		expect(
			(
				trigger.description.properties.find((p) => p.name === 'events')!.options as Array<{
					value: string;
				}>
			)
				.map((o) => o.value)
				.sort(),
		).toEqual([...ALL_EVENTS].sort());
		const n8n = await n8nWith({
			events: ['appointment.confirmed', 'appointment.cancelled', 'write-to-record.succeeded'],
		});
		const { existed } = await n8n.activate();
		expect(existed).toBe(false);

		const posts = sandbox.received('POST', '/v1/webhooks');
		expect(posts).toHaveLength(3);
		const key = posts[0].body && (posts[0].body as IDataObject).signing_key;
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(posts.map((p) => p.body)).toEqual(
			['appointment.confirmed', 'appointment.cancelled', 'write-to-record.succeeded'].map(
				(event_type) => ({
					event_type,
					url: n8n.webhookUrl,
					signing_key: key,
					description: 'n8n workflow wf-trigger: Hero Health Trigger',
				}),
			),
		);
		for (const p of posts) {
			expect(p.headers['x-api-key']).toBe(sandbox.apiKey);
			expect(p.headers['x-practice-group-id']).toBe(sandbox.practiceGroupId);
		}
		const registered = registeredAt(n8n.webhookUrl);
		expect(registered.map((w) => w.event_type).sort()).toEqual([
			'appointment.cancelled',
			'appointment.confirmed',
			'write-to-record.succeeded',
		]);
		expect(n8n.nodeStaticData).toEqual({
			signingKey: key,
			registrations: Object.fromEntries(registered.map((w) => [w.event_type, w.id])),
		});
	});

	it('makes a different key for every activation', async () => {
		const first = await n8nWith({ events: ['appointment.confirmed'] });
		const second = await n8nWith({ events: ['appointment.confirmed'] });
		await first.activate();
		await second.activate();
		const keys = [first, second].map((n) => registeredAt(n.webhookUrl)[0].signing_key);
		expect(keys[0]).not.toEqual(keys[1]);
		expect(keys.every((k) => /^[0-9a-f]{64}$/.test(String(k)))).toBe(true);
	});

	it('finds its registrations again after a restart and registers nothing new', async () => {
		const n8n = await n8nWith({
			events: ['appointment.confirmed', 'patient.medical-record-updated'],
		});
		await n8n.activate();
		const before = n8n.nodeStaticData;
		n8n.load();
		const { existed } = await n8n.activate();
		expect(existed).toBe(true);
		expect(sandbox.received('POST', '/v1/webhooks')).toHaveLength(2);
		expect(sandbox.received('GET', '/v1/webhooks')).toHaveLength(2);
		expect(n8n.nodeStaticData).toEqual(before);
		expect(registeredAt(n8n.webhookUrl)).toHaveLength(2);
	});

	it('re-registers after a change of events and leaves no stale registration behind', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed', 'appointment.cancelled'] });
		await n8n.activate();
		const oldIds = registeredAt(n8n.webhookUrl).map((w) => w.id);
		const oldKey = n8n.nodeStaticData.signingKey;
		// Edited while active, with no deactivation in between (e.g. n8n was stopped hard).
		deliveryPolicy(sandbox.state).acceptUnconfirmedEvents = true; // a Hero that takes the unconfirmed event
		n8n.load({
			events: ['appointment.cancelled', 'prescription.issued', 'form-submission.created'],
		});
		const { existed } = await n8n.activate();
		expect(existed).toBe(false);
		const now = registeredAt(n8n.webhookUrl);
		expect(now.map((w) => w.event_type).sort()).toEqual([
			'appointment.cancelled',
			'form-submission.created',
			'prescription.issued',
		]);
		expect(now.some((w) => oldIds.includes(w.id))).toBe(false);
		expect(
			sandbox
				.received('DELETE')
				.map((r) => r.path)
				.sort(),
		).toEqual(oldIds.map((id) => INFERRED.webhookPath(id)).sort());
		expect(n8n.nodeStaticData.signingKey).not.toEqual(oldKey);
		expect(now.every((w) => w.signing_key === n8n.nodeStaticData.signingKey)).toBe(true);
	});

	it('re-registers when a registration was removed at Hero, without duplicating the others', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed', 'appointment.rescheduled'] });
		await n8n.activate();
		const [gone] = registeredAt(n8n.webhookUrl);
		webhooks(sandbox.state).delete(gone.id);
		const { existed } = await n8n.activate();
		expect(existed).toBe(false);
		expect(
			registeredAt(n8n.webhookUrl)
				.map((w) => w.event_type)
				.sort(),
		).toEqual(['appointment.confirmed', 'appointment.rescheduled']);
	});

	it('rolls back and fails the activation when Hero refuses one registration', async () => {
		const n8n = await n8nWith({
			events: ['appointment.confirmed', 'appointment.cancelled', 'appointment.rescheduled'],
		});
		let posts = 0;
		n8n.credentials.refuse = (options) =>
			options.method === 'POST' && /\/v1\/webhooks$/.test(String(options.url)) && ++posts === 2;
		await expect(n8n.activate()).rejects.toThrow('Hero did not accept the API key');
		// The first registration was made, the second refused, the third never tried; the first was deleted again.
		expect(sandbox.received('POST', '/v1/webhooks').map((r) => r.status)).toEqual([200, 401]);
		expect(sandbox.received('DELETE').map((r) => [r.path, r.status])).toEqual([
			[expect.stringMatching(/^\/v1\/webhooks\/\d+$/), 200],
		]);
		expect(registeredAt(n8n.webhookUrl)).toEqual([]);
		expect(n8n.nodeStaticData).toEqual({});
	});

	it('refuses to activate with no events, sending nothing', async () => {
		const n8n = await n8nWith({ events: [] });
		await expect(n8n.activate()).rejects.toThrow('Events: choose at least one event');
		expect(sandbox.received()).toEqual([]);
	});

	it('deletes every registration on deactivation', async () => {
		const n8n = await n8nWith({
			events: ['write-to-record.succeeded', 'write-to-record.failed', 'patient.added-to-sequence'],
		});
		await n8n.activate();
		const ids = registeredAt(n8n.webhookUrl).map((w) => w.id);
		expect(await n8n.deactivate()).toBe(true);
		expect(registeredAt(n8n.webhookUrl)).toEqual([]);
		expect(
			sandbox
				.received('DELETE')
				.map((r) => r.path)
				.sort(),
		).toEqual(ids.map((id) => INFERRED.webhookPath(id)).sort());
		expect(n8n.nodeStaticData).toEqual({});
		expect(n8n.logs.filter((l) => l.level === 'warn')).toEqual([]);
	});

	it('logs a failed delete (without the key), keeps the id, and removes it on the next activation', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed', 'appointment.cancelled'] });
		await n8n.activate();
		const key = String(n8n.nodeStaticData.signingKey);
		const [stuck, other] = registeredAt(n8n.webhookUrl);
		sandbox.faults.add({
			kind: 'status',
			status: 500,
			method: 'DELETE',
			path: `^${INFERRED.webhookPath(stuck.id)}$`,
			times: 1,
		});
		expect(await n8n.deactivate()).toBe(false);

		const warnings = n8n.logs.filter((l) => l.level === 'warn');
		expect(warnings).toHaveLength(1);
		expect(warnings[0].message).toContain(`could not delete Hero webhook registration ${stuck.id}`);
		expect(warnings[0].message).toContain('Hero had a server error');
		expect(JSON.stringify(n8n.logs)).not.toContain(key);
		expect(registeredAt(n8n.webhookUrl).map((w) => w.id)).toEqual([stuck.id]);
		expect(webhooks(sandbox.state).has(other.id)).toBe(false);
		expect(n8n.nodeStaticData).toEqual({ staleRegistrations: [stuck.id] });

		n8n.load({ events: ['prescription.issued'] });
		expect((await n8n.activate()).existed).toBe(false);
		expect(registeredAt(n8n.webhookUrl).map((w) => w.event_type)).toEqual(['prescription.issued']);
		expect(n8n.nodeStaticData.staleRegistrations).toBeUndefined();
	});

	it('deactivation confirms from the list; a registration Hero still lists after a 404 to its delete (a wrong path) is kept and reported as not deleted', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed'] });
		await n8n.activate();
		const [kept] = registeredAt(n8n.webhookUrl);
		sandbox.faults.add({ kind: 'status', status: 404, method: 'DELETE' });
		expect(await n8n.deactivate()).toBe(false);
		expect(registeredAt(n8n.webhookUrl).map((w) => w.id)).toEqual([kept.id]);
		expect(n8n.nodeStaticData).toEqual({ staleRegistrations: [kept.id] });
		const errors = n8n.logs.filter((l) => l.level === 'error');
		expect(errors).toHaveLength(1);
		expect(errors[0].message).toContain(
			`Hero still lists webhook registration ${kept.id} after answering its delete`,
		);
		expect(errors[0].message).toContain('inferred');
	});

	it('activation fails with a clear error, registering nothing new, when Hero still lists registrations it answered deletes for', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed'] });
		await n8n.activate();
		const [kept] = registeredAt(n8n.webhookUrl);
		deliveryPolicy(sandbox.state).deleteKeepsRegistration = true;
		await n8n.deactivate();
		const posts = sandbox.received('POST', '/v1/webhooks').length;
		await expect(n8n.activate()).rejects.toThrow(
			`Hero still lists 1 webhook registration for this trigger after answering its delete: ${kept.id}`,
		);
		// Nothing piles up: no new registration next to the one Hero kept.
		expect(sandbox.received('POST', '/v1/webhooks')).toHaveLength(posts);
		expect(registeredAt(n8n.webhookUrl).map((w) => w.id)).toEqual([kept.id]);
		expect(n8n.nodeStaticData.staleRegistrations).toEqual([kept.id]);
	});

	it('treats a registration Hero no longer has as deleted', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed'] });
		await n8n.activate();
		webhooks(sandbox.state).clear();
		expect(await n8n.deactivate()).toBe(true);
		expect(sandbox.received('DELETE')[0].status).toBe(404);
		expect(n8n.logs.filter((l) => l.level === 'warn')).toEqual([]);
	});
});

describe('Hero Health Trigger: deliveries', () => {
	it('starts one execution per signed delivery, with the message the write-to-record event names', async () => {
		const n8n = await n8nWith({ events: ['write-to-record.succeeded'], fetchFullRecord: true });
		await n8n.activate();
		const messageId = await sentMessageId();
		const { deliveries: started } = await emit('write-to-record.succeeded', messageId);
		expect(started).toHaveLength(1);
		const [delivery] = await settled(1);
		expect(delivery.state).toBe('delivered');
		expect(delivery.attempts).toHaveLength(1);
		expect(delivery.attempts[0].headers['X-Herohealth-Signature']).toMatch(/^[0-9a-f]{64}$/);

		const expected = await hero('GET', `/v1/messages/${messageId}`);
		expect(expected.status).toBe(200);
		expect(n8n.executions).toEqual([
			[
				{
					event: 'write-to-record.succeeded',
					practice_group_id: sandbox.practiceGroupId,
					object: INFERRED.writeToRecordObject.name,
					id: messageId,
					record: expected.body,
				},
			],
		]);
		const reads = sandbox.received('GET', INFERRED.writeToRecordObject.readPath(messageId));
		expect(reads).toHaveLength(2); // the trigger's, then ours
		expect(reads[0].headers['x-api-key']).toBe(sandbox.apiKey);
	});

	it('a booking confirmed and then cancelled in the sandbox starts two executions, each with the appointment as Hero serves it then', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed', 'appointment.cancelled'] });
		await n8n.activate();
		const appointmentId = await bookAppointment();
		await settled(1);
		const confirmed = await hero('GET', `/v1/appointments/${appointmentId}`);
		expect(confirmed.body.booking_confirmed_at).toEqual(expect.any(String));
		// Beside the record: its start as a patient reads it, and its names.
		const readable = {
			start_time_local: expect.any(String),
			appointment_type_name: 'GP Appointment',
			practitioner_name: expect.any(String),
			location_name: 'Riverside Surgery',
		};
		expect(n8n.executions).toEqual([
			[
				{
					event: 'appointment.confirmed',
					practice_group_id: sandbox.practiceGroupId,
					object: 'Appointment',
					id: appointmentId,
					record: confirmed.body,
					...readable,
				},
			],
		]);

		await heroSend('PATCH', `/v1/appointments/${appointmentId}/cancel`, {
			suppress_cancellation_policy: true,
		});
		await settled(2);
		expect(n8n.executions).toHaveLength(2);
		expect(n8n.executions[1][0]).toMatchObject({
			event: 'appointment.cancelled',
			id: appointmentId,
			record: { id: appointmentId, can_be_cancelled: false },
		});
		expect(
			sandbox
				.received('GET', `/v1/appointments/${appointmentId}`)
				.filter((r) => r.headers['x-api-key'] === sandbox.apiKey),
		).toHaveLength(3);
	});

	it('reads Patient records from GET /v2/patients/{id}', async () => {
		const n8n = await n8nWith({ events: ['patient.medical-record-updated'] });
		await n8n.activate();
		await emit('patient.medical-record-updated', '2001');
		await settled(1);
		const patient = await hero('GET', '/v2/patients/2001');
		expect(patient.status).toBe(200);
		expect(n8n.executions).toEqual([
			[
				{
					event: 'patient.medical-record-updated',
					practice_group_id: sandbox.practiceGroupId,
					object: 'Patient',
					id: '2001',
					record: patient.body,
				},
			],
		]);
		expect(sandbox.received('GET', '/v2/patients/2001')).toHaveLength(2); // the trigger's, then ours
	});

	it('Minimal Output: the Patient record keeps its ids and statuses, and no name, contact detail, NHS number or date of birth', async () => {
		const n8n = await n8nWith({ events: ['patient.medical-record-updated'], minimalOutput: true });
		await n8n.activate();
		await emit('patient.medical-record-updated', '2001');
		await settled(1);
		const [[item]] = n8n.executions;
		expect(item).toMatchObject({
			event: 'patient.medical-record-updated',
			object: 'Patient',
			id: '2001',
			record: { hero_id: '2001', ehr_registered: false },
		});
		const text = JSON.stringify(n8n.executions);
		for (const detail of [
			'Ada',
			'Lovelace',
			'9434765919',
			'ada@example.com',
			'+447700900001',
			'1985-12-10',
			'LS1 4AP',
		])
			expect(text).not.toContain(detail);
	});

	it('Output: Simplified gives the Patient record flat, with its Hero ID as id; Selected Fields the id and the fields named', async () => {
		const simplified = await n8nWith({
			events: ['patient.medical-record-updated'],
			output: 'simplified',
		});
		await simplified.activate();
		await emit('patient.medical-record-updated', '2001');
		await settled(1);
		expect(simplified.executions[0][0]).toEqual({
			event: 'patient.medical-record-updated',
			practice_group_id: sandbox.practiceGroupId,
			object: 'Patient',
			id: '2001',
			record: {
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
		});
		await simplified.deactivate();

		const selected = await n8nWith({
			events: ['patient.medical-record-updated'],
			output: 'selected',
			outputFields: 'mobile, identifiers',
		});
		await selected.activate();
		await emit('patient.medical-record-updated', '2001');
		await settled(2);
		const patient = (await hero('GET', '/v2/patients/2001')).body as IDataObject;
		expect(selected.executions[0][0].record).toEqual({
			id: '2001',
			mobile: '+447700900001',
			identifiers: patient.identifiers,
		});
	});

	it('Output: Simplified gives the Appointment record with its start as a patient reads it and its names', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed'], output: 'simplified' });
		await n8n.activate();
		const appointmentId = await bookAppointment();
		await settled(1);
		const [[item]] = n8n.executions;
		expect(item.record).toEqual({
			id: appointmentId,
			patient_id: '2001',
			start_time: expect.any(String),
			start_time_local: item.start_time_local,
			duration: expect.any(Number),
			appointment_type_name: item.appointment_type_name,
			practitioner_name: item.practitioner_name,
			location_name: 'Riverside Surgery',
			booking_confirmed_at: expect.any(String),
			can_be_cancelled: expect.any(Boolean),
			can_be_rescheduled: expect.any(Boolean),
		});
	});

	it('still starts the execution when the record cannot be fetched, with the error in the item', async () => {
		const n8n = await n8nWith({ events: ['appointment.cancelled'] });
		await n8n.activate();
		await emit('appointment.cancelled', '999999');
		await settled(1);
		expect(n8n.executions).toHaveLength(1);
		expect(n8n.executions[0][0]).toEqual({
			event: 'appointment.cancelled',
			practice_group_id: sandbox.practiceGroupId,
			object: 'Appointment',
			id: '999999',
			record: null,
			error: {
				message: 'Appointment not found',
				description: expect.stringContaining('Hero answered 404 to GET /v1/appointments/999999'),
				httpCode: '404',
			},
		});
	});

	it('answers Hero before reading the record, so a slow read cannot make Hero deliver again', async () => {
		const n8n = await n8nWith({ events: ['appointment.cancelled'] });
		await n8n.activate();
		sandbox.faults.add({ kind: 'latency', latencyMs: 1500, path: '^/v1/appointments/999998$' });
		await emit('appointment.cancelled', '999998');
		const [delivery] = await settled(1);
		expect(delivery.state).toBe('delivered');
		expect(delivery.attempts).toHaveLength(1);
		expect(delivery.attempts[0].durationMs).toBeLessThan(1000);
		expect(n8n.executions).toHaveLength(1);
		expect(n8n.executions[0][0]).toMatchObject({
			id: '999998',
			record: null,
			error: { httpCode: '404' },
		});
	});

	it('outputs record null with a note for objects Hero has no read endpoint for, and asks Hero nothing', async () => {
		deliveryPolicy(sandbox.state).acceptUnconfirmedEvents = true; // a Hero that takes the unconfirmed event
		const n8n = await n8nWith({ events: ['prescription.issued', 'form-submission.created'] });
		await n8n.activate();
		await emit('prescription.issued', '8001');
		await emit('form-submission.created', '8002');
		await settled(2);
		expect(
			n8n.executions.map(([item]) => item).sort((a, b) => String(a.id).localeCompare(String(b.id))),
		).toEqual([
			{
				event: 'prescription.issued',
				practice_group_id: sandbox.practiceGroupId,
				object: 'Prescription',
				id: '8001',
				record: null,
				note: 'Hero documents no endpoint to read a Prescription record, so only its ID is given',
			},
			{
				event: 'form-submission.created',
				practice_group_id: sandbox.practiceGroupId,
				object: 'FormSubmission',
				id: '8002',
				record: null,
				note: 'Hero documents no endpoint to read a FormSubmission record, so only its ID is given',
			},
		]);
		expect(sandbox.received('GET').filter((r) => r.path !== '/v1/webhooks')).toEqual([]);
	});

	it('with Fetch Full Record off, outputs the envelope and reads nothing', async () => {
		const n8n = await n8nWith({ events: ['appointment.rescheduled'], fetchFullRecord: false });
		await n8n.activate();
		await emit('appointment.rescheduled', '7002');
		await settled(1);
		expect(n8n.executions).toEqual([
			[
				{
					event: 'appointment.rescheduled',
					practice_group_id: sandbox.practiceGroupId,
					object: 'Appointment',
					id: '7002',
				},
			],
		]);
		expect(sandbox.received('GET', /^\/v1\/appointments/)).toEqual([]);
	});

	it('does not build a request path from an id that is not a Hero ID', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed'] });
		await n8n.activate();
		await emit('appointment.confirmed', '../../v1/webhooks');
		await settled(1);
		expect(n8n.executions[0][0]).toMatchObject({
			record: null,
			note: 'The event id is not a numeric Hero ID, so the record was not fetched',
		});
		expect(sandbox.received('GET').filter((r) => r.path !== '/v1/webhooks')).toEqual([]);
	});

	it('reads the raw body itself when n8n has not read it yet', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed'], fetchFullRecord: false });
		n8n.lazyRawBody = true;
		await n8n.activate();
		await emit('appointment.confirmed', '7003');
		const [delivery] = await settled(1);
		expect(delivery.state).toBe('delivered');
		expect(n8n.executions).toHaveLength(1);
	});

	it('is retried with backoff when n8n does not answer 2xx, and runs once when it does', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed'], fetchFullRecord: false });
		await n8n.activate();
		n8n.failNext = 2;
		await emit('appointment.confirmed', '7004');
		const [delivery] = await settled(1);
		expect(delivery.state).toBe('delivered');
		expect(delivery.attempts.map((a) => a.status)).toEqual([503, 503, 200]);
		const gaps = delivery.attempts
			.slice(1)
			.map((a, i) => Date.parse(a.at) - Date.parse(delivery.attempts[i].at));
		expect(gaps[0]).toBeGreaterThanOrEqual(20);
		expect(gaps[1]).toBeGreaterThanOrEqual(40);
		expect(n8n.executions).toHaveLength(1);
	});

	it('gives up after the policy’s attempts when n8n keeps failing, starting nothing', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed'] });
		await n8n.activate();
		Object.assign(deliveryPolicy(sandbox.state), { maxAttempts: 3 });
		n8n.failNext = 10;
		await emit('appointment.confirmed', '7005');
		const [delivery] = await settled(1);
		expect(delivery.state).toBe('failed');
		expect(delivery.attempts.map((a) => a.status)).toEqual([503, 503, 503]);
		expect(n8n.executions).toEqual([]);
	});

	it('accepts the key’s signature in base64 and a millisecond timestamp too', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed'], fetchFullRecord: false });
		await n8n.activate();
		Object.assign(deliveryPolicy(sandbox.state), {
			encoding: 'base64',
			timestampUnit: 'milliseconds',
		});
		await emit('appointment.confirmed', '7006');
		const [delivery] = await settled(1);
		expect(delivery.attempts[0].headers['X-Herohealth-Timestamp']).toMatch(/^\d{13}$/);
		expect(delivery.attempts[0].headers['X-Herohealth-Signature']).toMatch(/=$/);
		expect(delivery.state).toBe('delivered');
		expect(n8n.executions).toHaveLength(1);
	});

	it('answers 401 and starts nothing for forged, unsigned, stale or replayed deliveries', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed'], fetchFullRecord: false });
		await n8n.activate();
		const key = String(n8n.nodeStaticData.signingKey);
		const body = envelope('appointment.confirmed', '7007', 'Appointment');
		const ts = nowSeconds();
		const stale = String(Number(ts) - INFERRED.signatureToleranceSeconds - 5);
		const attempts: Array<[string, Record<string, string>, string?]> = [
			[
				'wrong key',
				{
					'X-Herohealth-Timestamp': ts,
					'X-Herohealth-Signature': signDelivery('guessed-key', ts, body),
				},
			],
			['no signature', { 'X-Herohealth-Timestamp': ts }],
			['no timestamp', { 'X-Herohealth-Signature': signDelivery(key, ts, body) }],
			['no headers', {}],
			[
				'stale (replayed later)',
				{
					'X-Herohealth-Timestamp': stale,
					'X-Herohealth-Signature': signDelivery(key, stale, body),
				},
			],
			[
				'body changed after signing',
				{ 'X-Herohealth-Timestamp': ts, 'X-Herohealth-Signature': signDelivery(key, ts, body) },
				body.replace('7007', '7008'),
			],
			[
				'signed over the body only',
				{
					'X-Herohealth-Timestamp': ts,
					'X-Herohealth-Signature': createHmac('sha256', key).update(body).digest('hex'),
				},
			],
		];
		for (const [, headers, sentBody] of attempts) {
			const answer = await post(n8n, sentBody ?? body, headers);
			expect(answer.status).toBe(401);
			expect(answer.text).not.toContain(key);
		}
		expect(n8n.executions).toEqual([]);
		const warnings = n8n.logs.filter((l) => l.level === 'warn').map((l) => l.message);
		expect(warnings).toHaveLength(attempts.length);
		expect(warnings.join('\n')).not.toContain(key);
		expect(warnings[0]).toBe('Hero Health Trigger: refused a delivery (mismatch)');

		// The same body, properly signed, is accepted: the refusals were about the signature.
		const good = await post(n8n, body, {
			'X-Herohealth-Timestamp': ts,
			'X-Herohealth-Signature': signDelivery(key, ts, body),
		});
		expect(good.status).toBe(200);
		expect(n8n.executions).toHaveLength(1);
	});

	it('refuses every delivery once deactivated (no key left), even one signed with the old key', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed'] });
		await n8n.activate();
		const key = String(n8n.nodeStaticData.signingKey);
		await n8n.deactivate();
		n8n.active = true; // as if n8n still routed to it
		const ts = nowSeconds();
		const body = envelope('appointment.confirmed', '7009', 'Appointment');
		expect(
			(
				await post(n8n, body, {
					'X-Herohealth-Timestamp': ts,
					'X-Herohealth-Signature': signDelivery(key, ts, body),
				})
			).status,
		).toBe(401);
		expect(n8n.executions).toEqual([]);
	});

	it('answers 400 to a signed body that is not a Hero event, and 200 without running for an unselected event', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed'], fetchFullRecord: false });
		await n8n.activate();
		const key = String(n8n.nodeStaticData.signingKey);
		const ts = nowSeconds();
		const sign = (body: string) => ({
			'X-Herohealth-Timestamp': ts,
			'X-Herohealth-Signature': signDelivery(key, ts, body),
		});
		for (const body of ['not json', '[]', '{"object":"Appointment","id":"1"}']) {
			expect((await post(n8n, body, sign(body))).status).toBe(400);
		}
		const other = envelope('appointment.cancelled', '7010', 'Appointment');
		const answer = await post(n8n, other, sign(other));
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.text)).toEqual({
			received: true,
			ignored: 'event appointment.cancelled is not selected in this trigger',
		});
		expect(n8n.executions).toEqual([]);
	});

	it('delivers each event only to the registrations for it', async () => {
		const confirmed = await n8nWith({ events: ['appointment.confirmed'], fetchFullRecord: false });
		const cancelled = await n8nWith({ events: ['appointment.cancelled'], fetchFullRecord: false });
		await confirmed.activate();
		await cancelled.activate();
		await emit('appointment.cancelled', '7011');
		await emit('appointment.cancelled', '7012');
		await emit('prescription.issued', '8003');
		await settled(2);
		expect(deliveries(sandbox.state).map((d) => [d.url, d.object_id])).toEqual([
			[cancelled.webhookUrl, '7011'],
			[cancelled.webhookUrl, '7012'],
		]);
		expect(cancelled.executions.map(([item]) => item.id)).toEqual(['7011', '7012']);
		expect(confirmed.executions).toEqual([]);
	});
});

describe('Hero Health Trigger: replays, timestamps, paging, unconfirmed event', () => {
	it('the same signed delivery posted again within the window gets 200 and starts nothing (one run, one record read)', async () => {
		const n8n = await n8nWith({ events: ['appointment.cancelled'], fetchFullRecord: true });
		await n8n.activate();
		const key = String(n8n.nodeStaticData.signingKey);
		const body = envelope('appointment.cancelled', '999990', 'Appointment');
		const ts = nowSeconds();
		const headers = {
			'X-Herohealth-Timestamp': ts,
			'X-Herohealth-Signature': signDelivery(key, ts, body),
		};
		const answers: Array<{ status: number; text: string }> = [];
		for (let i = 0; i < 5; i++) answers.push(await post(n8n, body, headers));
		// The same digest written another way (base64, a sha256= prefix) is the same delivery.
		answers.push(
			await post(n8n, body, {
				...headers,
				'X-Herohealth-Signature': `sha256=${signDelivery(key, ts, body, 'base64')}`,
			}),
		);
		// And so are repeats that arrive at the same moment.
		answers.push(...(await Promise.all([1, 2, 3].map(() => post(n8n, body, headers)))));
		await n8n.idle();
		expect(answers.map((a) => a.status)).toEqual(Array(9).fill(200));
		expect(answers.slice(1).map((a) => JSON.parse(a.text))).toEqual(
			Array(8).fill({ received: true, ignored: 'a repeat of a delivery already accepted' }),
		);
		expect(n8n.executions).toHaveLength(1);
		expect(sandbox.received('GET', '/v1/appointments/999990')).toHaveLength(1);

		// A new delivery of the same event (new timestamp, so a new signature) is not a replay: it runs.
		const later = String(Number(ts) + 1);
		expect(
			(
				await post(n8n, body, {
					'X-Herohealth-Timestamp': later,
					'X-Herohealth-Signature': signDelivery(key, later, body),
				})
			).status,
		).toBe(200);
		await n8n.idle();
		expect(n8n.executions).toHaveLength(2);
		expect(sandbox.received('GET', '/v1/appointments/999990')).toHaveLength(2);
	});

	it('deliveries timestamped in ISO-8601 are accepted and start a run, with the same 5-minute window', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed'], fetchFullRecord: false });
		await n8n.activate();
		Object.assign(deliveryPolicy(sandbox.state), { timestampUnit: 'iso-8601' });
		await emit('appointment.confirmed', '7020');
		const [delivery] = await settled(1);
		expect(delivery.attempts[0].headers['X-Herohealth-Timestamp']).toMatch(
			/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
		);
		expect(delivery.attempts.map((a) => a.status)).toEqual([200]);
		expect(n8n.executions).toEqual([
			[
				{
					event: 'appointment.confirmed',
					practice_group_id: sandbox.practiceGroupId,
					object: 'Appointment',
					id: '7020',
				},
			],
		]);

		// The same window as for epoch timestamps: 6 minutes old, correctly signed, is refused.
		const key = String(n8n.nodeStaticData.signingKey);
		const body = envelope('appointment.confirmed', '7021', 'Appointment');
		const stale = new Date(
			Date.now() - (INFERRED.signatureToleranceSeconds + 60) * 1000,
		).toISOString();
		expect(
			(
				await post(n8n, body, {
					'X-Herohealth-Timestamp': stale,
					'X-Herohealth-Signature': signDelivery(key, stale, body),
				})
			).status,
		).toBe(401);
		const offset = new Date(Date.now() + 3_600_000).toISOString().replace('Z', '+01:00'); // now, written in UTC+1
		expect(
			(
				await post(n8n, body, {
					'X-Herohealth-Timestamp': offset,
					'X-Herohealth-Signature': signDelivery(key, offset, body),
				})
			).status,
		).toBe(200);
		expect(n8n.executions).toHaveLength(2);
	});

	it('activation pages through GET /v1/webhooks, so registrations beyond the first page are found and cleaned up', async () => {
		// 30 registrations of other workflows come first: ours land beyond the first page (20 in the sandbox).
		for (let i = 0; i < 30; i++)
			await heroSend('POST', '/v1/webhooks', {
				event_type: 'appointment.confirmed',
				url: `https://other.example/hook/${i}`,
			});
		const n8n = await n8nWith({ events: ['appointment.confirmed'] });
		// A registration of ours left over from before (n8n stopped hard), beyond the first page.
		const leftover = await heroSend('POST', '/v1/webhooks', {
			event_type: 'appointment.cancelled',
			url: n8n.webhookUrl,
		});
		const firstPage = (await hero('GET', '/v1/webhooks')).body;
		expect([firstPage.count, (firstPage.data as unknown[]).length]).toEqual([31, 20]);

		await n8n.activate();
		expect(webhooks(sandbox.state).has(String(leftover.id))).toBe(false);
		expect(registeredAt(n8n.webhookUrl).map((w) => w.event_type)).toEqual([
			'appointment.confirmed',
		]);

		// After a restart, checkExists finds its registration on the second page: nothing is re-registered.
		n8n.load();
		expect((await n8n.activate()).existed).toBe(true);
		expect(
			sandbox
				.received('POST', '/v1/webhooks')
				.filter((r) => (r.body as IDataObject).url === n8n.webhookUrl),
		).toHaveLength(2); // the leftover, then ours
		expect(
			[...webhooks(sandbox.state).values()].filter((w) =>
				w.url.startsWith('https://other.example/'),
			),
		).toHaveLength(30);
	});

	it('form-submission.created is offered as unconfirmed, and when Hero refuses it the activation error names the event and says why', async () => {
		const option = (
			trigger.description.properties.find((p) => p.name === 'events')!.options as Array<{
				name: string;
				value: string;
				description?: string;
			}>
		).find((o) => o.value === 'form-submission.created')!;
		expect(option.name).toMatch(/unconfirmed/i);
		expect(option.description).toMatch(/not (listed|list)/i);

		const n8n = await n8nWith({ events: ['appointment.confirmed', 'form-submission.created'] });
		const failure = await n8n.activate().then(
			() => undefined,
			(error: Error & { description?: string; httpCode?: string }) => error,
		);
		expect(failure).toBeDefined();
		expect(failure!.message).toContain('form-submission.created');
		expect(`${failure!.message} ${failure!.description}`).toMatch(
			/does not list|not listed|unconfirmed/i,
		);
		expect(failure!.description).toMatch(/Remove it from Events/);
		// Hero (the sandbox, as openapi.yaml) refused it with a 400; the registration made before it was rolled back.
		expect(
			sandbox
				.received('POST', '/v1/webhooks')
				.map((r) => [(r.body as IDataObject).event_type, r.status]),
		).toEqual([
			['appointment.confirmed', 200],
			['form-submission.created', 400],
		]);
		expect(registeredAt(n8n.webhookUrl)).toEqual([]);
		expect(n8n.nodeStaticData).toEqual({});
	});

	it('a 400 for a listed event names that event and quotes Hero, without calling it unconfirmed', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed', 'prescription.issued'] });
		sandbox.faults.add({
			kind: 'status',
			status: 400,
			method: 'POST',
			path: '^/v1/webhooks$',
			times: 1,
			body: { error: true, statusCode: 400, message: 'Event not enabled for this practice group' },
		});
		const failure = await n8n.activate().then(
			() => undefined,
			(error: Error & { description?: string }) => error,
		);
		expect(failure?.message).toBe(
			`Hero refused the webhook for appointment.confirmed at ${n8n.webhookUrl} (400): Hero rejected the request: Event not enabled for this practice group. Hero cannot reach it: it is http, not https, and 127.0.0.1 is a private or local address; set WEBHOOK_URL to a public HTTPS address.`,
		);
		expect(failure?.description).toMatch(/^Hero said: .*Event not enabled for this practice group/);
		expect(registeredAt(n8n.webhookUrl)).toEqual([]);
	});
});

describe('Hero Health Trigger: timestamp forms, genuine twins', () => {
	it('a delivery timestamped in fractional epoch seconds is accepted and starts a run, with the same 5-minute window', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed'], fetchFullRecord: false });
		await n8n.activate();
		const key = String(n8n.nodeStaticData.signingKey);
		const body = envelope('appointment.confirmed', '7030', 'Appointment');
		const sign = (ts: string) => ({
			'X-Herohealth-Timestamp': ts,
			'X-Herohealth-Signature': signDelivery(key, ts, body),
		});
		const fractional = (Date.now() / 1000).toFixed(3); // e.g. 1733222222.123
		const answer = await post(n8n, body, sign(fractional));
		expect(answer.status).toBe(200);
		expect(n8n.executions).toEqual([
			[
				{
					event: 'appointment.confirmed',
					practice_group_id: sandbox.practiceGroupId,
					object: 'Appointment',
					id: '7030',
				},
			],
		]);
		// The same window as every other form: 6 minutes old is refused.
		const stale = ((Date.now() - (INFERRED.signatureToleranceSeconds + 60) * 1000) / 1000).toFixed(
			3,
		);
		expect((await post(n8n, body, sign(stale))).status).toBe(401);
		expect(n8n.executions).toHaveLength(1);
	});

	it('an ISO 8601 timestamp without a zone is refused with 401, and the log says why', async () => {
		const n8n = await n8nWith({ events: ['appointment.confirmed'], fetchFullRecord: false });
		await n8n.activate();
		const key = String(n8n.nodeStaticData.signingKey);
		const body = envelope('appointment.confirmed', '7031', 'Appointment');
		const zoneless = new Date().toISOString().slice(0, 19); // now in UTC, written without its zone
		const answer = await post(n8n, body, {
			'X-Herohealth-Timestamp': zoneless,
			'X-Herohealth-Signature': signDelivery(key, zoneless, body),
		});
		expect(answer.status).toBe(401);
		expect(n8n.executions).toEqual([]);
		expect(n8n.logs.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
			'Hero Health Trigger: refused a delivery (timestamp-without-zone)',
		]);
	});

	it('two distinct signed deliveries with the same envelope and timestamp both start runs; an exact replay is still refused', async () => {
		const n8n = await n8nWith({ events: ['patient.added-to-sequence'], fetchFullRecord: false });
		await n8n.activate();
		const key = String(n8n.nodeStaticData.signingKey);
		const ts = nowSeconds();
		// One patient added to two sequences in the same second. The envelope is the same; the bodies
		// differ beyond it (a field Hero's payload for this event may carry: never captured).
		const base = {
			object: 'Patient',
			id: '2001',
			practice_group_id: sandbox.practiceGroupId,
			event: 'patient.added-to-sequence',
		};
		const first = JSON.stringify({ ...base, sequence_id: '61' });
		const second = JSON.stringify({ ...base, sequence_id: '62' });
		const sign = (body: string) => ({
			'X-Herohealth-Timestamp': ts,
			'X-Herohealth-Signature': signDelivery(key, ts, body),
		});
		expect((await post(n8n, first, sign(first))).status).toBe(200);
		expect((await post(n8n, second, sign(second))).status).toBe(200);
		const replay = await post(n8n, second, sign(second));
		expect(replay.status).toBe(200);
		expect(JSON.parse(replay.text)).toEqual({
			received: true,
			ignored: 'a repeat of a delivery already accepted',
		});
		expect(n8n.executions).toHaveLength(2);
		expect(n8n.executions.map(([item]) => [item.event, item.id])).toEqual([
			['patient.added-to-sequence', '2001'],
			['patient.added-to-sequence', '2001'],
		]);
	});
});
