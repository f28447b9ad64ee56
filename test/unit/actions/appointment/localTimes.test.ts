/**
 * Every appointment and slot output carries the start as a patient reads it,
 * `start_time_local` (Europe/London, Hero's zone), and the names of its appointment type,
 * practitioner and location, as Book Next Available does: Appointment → Get, Slot → Get, Slot → Get
 * Many and the Hero Health Trigger's appointment item. The appointment-reminder example (trigger →
 * Wait → SMS) quotes it, tested on both UK clock-change days of 2026.
 */
import { WebhookContext } from 'n8n-core';
import { Workflow, type IDataObject, type IWebhookFunctions } from 'n8n-workflow';

import { buildEventItem } from '../../../../nodes/HeroHealth/trigger/records';
import {
	additionalDataFor,
	nodeTypes,
	SandboxCredentials,
	sandboxCredentialData,
	triggerNode,
	triggerWebhookData,
} from '../../../harness/engine';
import { runHeroNode } from '../../../harness/runNode';
import { runWorkflow } from '../../../harness/runWorkflow';
import { fillExample, loadExamples } from '../../../n8n/examples';
import { addSlot } from '../../../sandbox/routes/slots';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { pretendItIs } from '../../../harness/clock';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());
afterEach(() => jest.useRealTimers());

/** Pretends it is `iso` (test/harness/clock.ts), with fresh sandbox data. */
function itIsNow(iso: string): void {
	pretendItIs(iso);
	sandbox.reset();
}

const NAMES = {
	appointment_type_name: 'GP Appointment',
	practitioner_name: 'Dr Priya Shah',
	location_name: 'Riverside Surgery',
};
const slotAt = (startTime: string) =>
	addSlot(sandbox.state, {
		practitioner_id: '5001',
		location_id: '3001',
		appointment_type_id: '4001',
		start_time: startTime,
	});

/** Books the slot starting at `startTime` for `patientId` with Book Next Available; returns the appointment id. */
async function bookAt(startTime: string, patientId = '2001'): Promise<string> {
	const slot = slotAt(startTime);
	const day = new Date(startTime).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
	const time = new Date(startTime).toLocaleTimeString('en-GB', {
		timeZone: 'Europe/London',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	});
	const result = await runHeroNode(sandbox, {
		parameters: {
			resource: 'appointment',
			operation: 'bookNextAvailable',
			patientId,
			appointmentTypeId: { __rl: true, mode: 'id', value: '4001' },
			filters: { startDate: day, endDate: day, earliestTime: time, latestTime: time },
			options: {},
		},
	});
	const [out] = result.json as Array<{
		booked: boolean;
		appointment_id: string;
		slot: { id: string };
	}>;
	expect([out.booked, out.slot.id]).toEqual([true, slot.id]);
	return out.appointment_id;
}

/** The Hero Health Trigger's item for an appointment.confirmed delivery (its record read from the sandbox), as n8n's webhook context runs it. */
async function triggerItem(appointmentId: string): Promise<IDataObject> {
	const node = triggerNode('t1', 'hook-1', {
		events: ['appointment.confirmed'],
		fetchFullRecord: true,
	});
	const workflow = new Workflow({
		id: 'wf-trigger',
		name: 'trigger',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		settings: {},
	});
	const additionalData = additionalDataFor(new SandboxCredentials(sandboxCredentialData(sandbox)), {
		executionId: 'exec-1',
	});
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		'webhook',
		triggerWebhookData('wf-trigger', node, additionalData),
		[],
		null,
	);
	return await buildEventItem.call(
		context as unknown as IWebhookFunctions,
		{
			object: 'Appointment',
			id: appointmentId,
			practice_group_id: sandbox.practiceGroupId,
			event: 'appointment.confirmed',
		},
		true,
	);
}

describe('times a patient reads', () => {
	it("Appointment → Get, Slot → Get, Slot → Get Many and the trigger's appointment item carry start_time_local and the names, as Book Next Available does", async () => {
		itIsNow('2026-07-01T12:00:00Z');
		// A Sunday, when the sandbox seeds no slots: only these.
		const appointmentId = await bookAt('2026-07-05T08:00:00Z'); // 09:00 BST
		const other = slotAt('2026-07-05T08:15:00Z');
		slotAt('2026-07-05T13:30:00Z');
		const expected = { start_time_local: 'Sun 5 Jul 2026, 09:00', ...NAMES };

		const [appointment] = (
			await runHeroNode(sandbox, {
				parameters: { resource: 'appointment', operation: 'get', appointmentId },
			})
		).json;
		expect(appointment).toMatchObject({
			id: appointmentId,
			start_time: '2026-07-05T08:00:00.000Z',
			...expected,
		});

		const [slot] = (
			await runHeroNode(sandbox, {
				parameters: { resource: 'slot', operation: 'get', slotId: other.id },
			})
		).json;
		expect(slot).toMatchObject({
			id: other.id,
			start_time: '2026-07-05T08:15:00.000Z',
			start_time_local: 'Sun 5 Jul 2026, 09:15',
			...NAMES,
		});

		const listReadsBefore = sandbox.received('GET', '/v1/practitioners').length;
		const many = (
			await runHeroNode(sandbox, {
				parameters: {
					resource: 'slot',
					operation: 'getMany',
					returnAll: true,
					filters: {
						appointmentTypeId: { __rl: true, mode: 'id', value: '4001' },
						startDate: '2026-07-05',
						endDate: '2026-07-05',
					},
				},
			})
		).json;
		expect(many.find((s) => s.id === other.id)).toMatchObject({
			start_time_local: 'Sun 5 Jul 2026, 09:15',
			...NAMES,
		});
		expect(many.every((s) => typeof s.start_time_local === 'string')).toBe(true);
		// Hero's lists are read once per execution, not once per slot.
		expect(many.length).toBeGreaterThan(1);
		expect(sandbox.received('GET', '/v1/practitioners').length - listReadsBefore).toBe(1);

		const item = await triggerItem(appointmentId);
		expect(item).toMatchObject({
			event: 'appointment.confirmed',
			id: appointmentId,
			...expected,
			record: { id: appointmentId, start_time: '2026-07-05T08:00:00.000Z' },
		});
	});

	it.each([
		[
			'29 March 2026, clocks go forward',
			'2026-03-20T12:00:00Z',
			'2026-03-29T08:00:00Z',
			'Sun 29 Mar 2026, 09:00',
		],
		[
			'29 March 2026, before the clocks go forward',
			'2026-03-20T12:00:00Z',
			'2026-03-29T00:30:00Z',
			'Sun 29 Mar 2026, 00:30',
		],
		[
			'25 October 2026, the first 01:30',
			'2026-10-20T12:00:00Z',
			'2026-10-25T00:30:00Z',
			'Sun 25 Oct 2026, 01:30 BST',
		],
		[
			'25 October 2026, the second 01:30',
			'2026-10-20T12:00:00Z',
			'2026-10-25T01:30:00Z',
			'Sun 25 Oct 2026, 01:30 GMT',
		],
	])(
		'the appointment-reminder example (trigger → Wait → SMS) texts the London time on %s',
		async (_day, now, startTime, local) => {
			itIsNow(now);
			const appointmentId = await bookAt(startTime, '2002');
			const item = await triggerItem(appointmentId);
			expect(item.start_time_local).toBe(local);

			// The example as the demo imports it, started from the trigger's item.
			const example = fillExample(
				loadExamples().find((workflow) => workflow.id === 'heroExampleReminder01')!,
			);
			const trigger = example.nodes.find(
				(node) => node.type === 'n8n-nodes-hero-health.heroHealthTrigger',
			)!;
			const fromItem = {
				...example,
				nodes: example.nodes.map((node) =>
					node === trigger
						? { ...node, type: 'test.items', parameters: { items: JSON.stringify([item]) } }
						: node,
				),
			};
			sandbox.requests.length = 0;
			const result = await runWorkflow(sandbox, fromItem, {
				startNode: trigger.name,
				timezone: 'America/New_York',
			});
			expect(result.error).toBeUndefined();
			expect(sandbox.received('POST', '/v1/messages/send').map((r) => r.body)).toEqual([
				{
					patient_id: '2002',
					message_type: 'sms',
					message_string: `Reminder: you have an appointment at Riverside Surgery on ${local}. To change it, contact the practice.`,
				},
			]);
		},
	);

	it('the appointment-reminder example, run unchanged from a trigger item, sends nothing and names what to fill in', async () => {
		const example = loadExamples().find((workflow) => workflow.id === 'heroExampleReminder01')!;
		const trigger = example.nodes.find(
			(node) => node.type === 'n8n-nodes-hero-health.heroHealthTrigger',
		)!;
		const item = {
			event: 'appointment.confirmed',
			object: 'Appointment',
			id: '1001',
			start_time_local: 'Mon 7 Dec 2026, 09:00',
			record: { id: '1001', patient_id: '2001', start_time: '2026-12-07T09:00:00.000Z' },
		};
		const fromItem = {
			...example,
			nodes: example.nodes.map((node) =>
				node === trigger
					? { ...node, type: 'test.items', parameters: { items: JSON.stringify([item]) } }
					: node,
			),
		};
		const result = await runWorkflow(sandbox, fromItem, { startNode: trigger.name });
		expect(result.error?.message).toBe(
			'Fill in: add your practice (practice_name) to "rows" in the node "Fill in: practice name". Nothing was sent.',
		);
		expect(sandbox.requests).toEqual([]);
	});
});
