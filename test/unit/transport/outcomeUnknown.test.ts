/**
 * Writes other than Message → Send that must never repeat (Cancel, Reschedule, link
 * creation, Access Token, Webhook Create) are sent once when Hero may have received them: a 502, or
 * a connection reset after Hero handled the request, fails the item as "outcome unknown" after
 * exactly one request. And n8n's own Retry On Fail, which does resend, is named in that error.
 */
import { runHeroNode } from '../../harness/runNode';
import { appointments } from '../../sandbox/routes/appointments';
import { slots, type SandboxSlot } from '../../sandbox/routes/slots';
import { heroToday, links } from '../../sandbox/routes/links';
import { webhooks } from '../../sandbox/routes/webhooks';
import type { FaultRule } from '../../sandbox/faults';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const OUTCOME_UNKNOWN = 'may or may not have been carried out by Hero: check before resending';
const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const gpSlots = (): SandboxSlot[] =>
	[...slots(sandbox.state).values()].filter(
		(s) =>
			s.appointment_type_id === '4001' && Date.parse(s.start_time) > Date.now() + 48 * 3_600_000,
	);
const inDays = (days: number) => {
	const date = new Date(`${heroToday()}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
};

/** A booked appointment in a free GP slot (two days away or more), through the node itself. */
async function bookedAppointment(slot: SandboxSlot): Promise<string> {
	const reserved = await runHeroNode(sandbox, {
		parameters: {
			resource: 'appointment',
			operation: 'create',
			appointmentTypeId: rl(slot.appointment_type_id),
			locationId: rl(slot.location_id, 'id'),
			practitionerId: rl(slot.practitioner_id),
			startTime: slot.start_time,
			duration: 15,
			additionalFields: { patientId: '2001' },
		},
	});
	const id = String(reserved.json[0].id);
	const booked = await runHeroNode(sandbox, {
		parameters: { resource: 'appointment', operation: 'book', appointmentId: id },
	});
	expect(booked.error).toBeUndefined();
	return id;
}

interface Case {
	name: string;
	method: string;
	/** The request path (exact), once `prepare` has run. */
	path: (ready: string) => string;
	/** Makes what the operation needs (an appointment to cancel...); returns an id for `path` and `parameters`. */
	prepare?: () => Promise<string>;
	parameters: (ready: string) => Record<string, unknown>;
	/** What Hero did, read from the sandbox's state: after a reset-after it must have done it exactly once. */
	effect: (ready: string) => unknown;
	done: unknown;
}

const CASES: Case[] = [
	{
		name: 'Appointment → Cancel',
		method: 'PATCH',
		prepare: () => bookedAppointment(gpSlots()[0]),
		path: (id) => `/v1/appointments/${id}/cancel`,
		parameters: (id) => ({ resource: 'appointment', operation: 'cancel', appointmentId: id }),
		effect: (id) => appointments(sandbox.state).get(id)?.status,
		done: 'cancelled',
	},
	{
		name: 'Appointment → Reschedule',
		method: 'PATCH',
		prepare: () => bookedAppointment(gpSlots()[0]),
		path: (id) => `/v1/appointments/${id}/reschedule`,
		parameters: (id) => ({
			resource: 'appointment',
			operation: 'reschedule',
			appointmentId: id,
			practitionerId: rl(gpSlots()[1].practitioner_id, 'id'),
			startTime: gpSlots()[1].start_time,
			duration: 15,
		}),
		effect: (id) => appointments(sandbox.state).get(id)?.start_time === gpSlots()[1].start_time,
		done: true,
	},
	{
		name: 'Booking Link → Create',
		method: 'POST',
		path: () => '/v1/booking_links',
		parameters: () => ({
			resource: 'bookingLink',
			operation: 'create',
			linkType: 'patient',
			patientId: '2001',
			appointmentTypeId: rl('4001'),
			locationId: rl('3001', 'id'),
			additionalFields: {},
		}),
		effect: () => links(sandbox.state).size,
		done: 1,
	},
	{
		name: 'Form Link → Create',
		method: 'POST',
		path: () => '/v1/form_links',
		parameters: () => ({
			resource: 'formLink',
			operation: 'create',
			formId: rl('310'),
			additionalFields: { patientId: '2002', expiryDate: inDays(3), maximumUseCount: 1 },
		}),
		effect: () => links(sandbox.state).size,
		done: 1,
	},
	{
		name: 'Video Link → Create',
		method: 'POST',
		path: () => '/v1/video_links',
		parameters: () => ({
			resource: 'videoLink',
			operation: 'create',
			additionalFields: { patientId: '2003' },
		}),
		effect: () => links(sandbox.state).size,
		done: 1,
	},
	{
		name: 'Attachment Link → Create',
		method: 'POST',
		path: () => '/v1/attachment_links',
		parameters: () => ({
			resource: 'attachmentLink',
			operation: 'create',
			patientId: '2001',
			fileSource: 'ehrFile',
			ehrFileId: '8812',
		}),
		effect: () => links(sandbox.state).size,
		done: 1,
	},
	{
		name: 'Access Token → Create',
		method: 'POST',
		path: () => '/v1/access_token',
		parameters: () => ({ resource: 'accessToken', operation: 'create' }),
		// Minting a token changes nothing Hero stores: the request count is the proof.
		effect: () => true,
		done: true,
	},
	{
		name: 'Webhook → Create',
		method: 'POST',
		path: () => '/v1/webhooks',
		parameters: () => ({
			resource: 'webhook',
			operation: 'create',
			eventType: 'appointment.confirmed',
			url: 'https://receiver.example/hero',
			signingKey: '',
			additionalFields: {},
		}),
		effect: () => webhooks(sandbox.state).size,
		done: 1,
	},
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('writes that must not repeat are sent once when the outcome is unknown', () => {
	it.each(
		CASES.flatMap((c) =>
			(['502', 'reset-after'] as const).map((fault) => [c.name, fault, c] as const),
		),
	)(
		'%s: after a %s it makes exactly one request and the item error says the outcome is unknown',
		async (_name, fault, c) => {
			const ready = c.prepare ? await c.prepare() : '';
			const before = c.effect(ready);
			const rule: FaultRule =
				fault === '502'
					? {
							kind: 'status',
							status: 502,
							method: c.method,
							path: `^${escape(c.path(ready))}$`,
							times: 1,
						}
					: { kind: 'reset-after', method: c.method, path: `^${escape(c.path(ready))}$`, times: 1 };
			sandbox.faults.add(rule);
			const result = await runHeroNode(sandbox, {
				parameters: c.parameters(ready),
				continueOnFail: true,
			});
			expect(sandbox.received(c.method, c.path(ready))).toHaveLength(1);
			expect(result.json).toHaveLength(1);
			expect(String(result.json[0].error)).toContain(OUTCOME_UNKNOWN);
			expect(String(result.json[0].description)).toMatch(/^Outcome unknown:/);
			// A 502 is answered without handling the request; a reset-after comes once Hero has acted, exactly once.
			expect(c.effect(ready)).toEqual(fault === '502' ? before : c.done);
		},
	);
});

describe("n8n's Retry On Fail resends, and the outcome-unknown error says so", () => {
	const send = {
		resource: 'message',
		operation: 'send',
		patientId: '2001',
		messageType: 'sms',
		message: 'Your results are ready.',
		additionalFields: {},
	};
	const RETRY_ON_FAIL = /n8n's Retry On Fail is on for this node/;

	it('with Retry On Fail on, n8n runs the send again after a 503 (two requests reach Hero), and the error says that Retry On Fail resends it', async () => {
		sandbox.faults.add({
			kind: 'status',
			status: 503,
			method: 'POST',
			path: '^/v1/messages/send$',
		});
		const result = await runHeroNode(sandbox, {
			parameters: send,
			retryOnFail: { maxTries: 2, waitBetweenTries: 0 },
		});
		// The node sent once per try; the second request is n8n's own retry of the node, not the node's.
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(2);
		expect(result.error?.message).toContain(OUTCOME_UNKNOWN);
		expect(result.error?.description).toMatch(/^Outcome unknown:/);
		expect(result.error?.description).toMatch(RETRY_ON_FAIL);
		expect(result.error?.description).toMatch(/turn Retry On Fail off/);
	});

	it('without Retry On Fail, the same failure makes one request and does not mention it', async () => {
		sandbox.faults.add({
			kind: 'status',
			status: 503,
			method: 'POST',
			path: '^/v1/messages/send$',
		});
		const result = await runHeroNode(sandbox, { parameters: send });
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(1);
		expect(result.error?.description).toMatch(/^Outcome unknown:/);
		expect(result.error?.description).not.toMatch(/Retry On Fail/);
	});

	it('with Retry On Fail on, an error that is not outcome-unknown (a read after its retries) does not mention it', async () => {
		sandbox.faults.add({ kind: 'status', status: 500, method: 'GET', path: '^/v1/messages/123$' });
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'message', operation: 'get', messageId: '123' },
			retryOnFail: { maxTries: 2, waitBetweenTries: 0 },
		});
		expect(result.error?.message).toContain('server error');
		expect(result.error?.description).not.toMatch(/Retry On Fail/);
	});
});
