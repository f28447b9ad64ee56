/**
 * Runs of many items, through n8n's engine against the sandbox:
 * every item is checked before the run's first request, a failure at Hero mid-run names what was
 * already sent, a booking that went through is never reported as failed, and Requests in Flight
 * is checked.
 */
import { Expression } from 'n8n-workflow';

import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { sendFromItems } from '../../harness/parameters';
import { runHeroNode } from '../../harness/runNode';
import { appointments } from '../../sandbox/routes/appointments';
import { linkSettings, links } from '../../sandbox/routes/links';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const item = (n: number, phone = '07700900123', patient = '2001') => ({ n, patient, phone });
const sixWithThirdInvalid = () =>
	Array.from({ length: 6 }, (_, n) => (n === 3 ? item(n, '12345') : item(n)));
const storedMessageIds = () =>
	((sandbox.state.snapshot().messages ?? []) as Array<{ id: string }>).map((m) => String(m.id));

describe('every item is validated before the first request of the run', () => {
	it('6 sends with item 3 invalid and 5 in flight send nothing; the error names the field and the item', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: 5 }),
			items: sixWithThirdInvalid(),
		});
		expect(result.error?.message).toMatch(
			/^Recipient Contact Detail: expected a phone number.*\[row 4 \(n8n item 3\)\]$/,
		);
		expect(result.error?.message).not.toContain('12345');
		expect((result.error?.context as { itemIndex?: number }).itemIndex).toBe(3);
		expect(result.json).toEqual([]);
		expect(sandbox.requests).toEqual([]);
	});

	it('the check covers other operations too (Book Next Available, Booking Link → Create): an invalid last item stops every request', async () => {
		const bookItems = [{ max: 3 }, { max: 2 }, { max: 99 }];
		const booking = await runHeroNode(sandbox, {
			parameters: {
				resource: 'appointment',
				operation: 'bookNextAvailable',
				patientId: '2001',
				appointmentTypeId: rl('4001'),
				options: { maxAttempts: '={{ $json.max }}' },
			},
			items: bookItems,
		});
		expect(booking.error?.message).toMatch(/^Max Attempts: .*\[row 3 \(n8n item 2\)\]$/);
		expect(sandbox.requests).toEqual([]);

		const linkItems = [{ patient: '2001' }, { patient: 'not-an-id' }];
		const link = await runHeroNode(sandbox, {
			parameters: {
				resource: 'bookingLink',
				operation: 'create',
				linkType: 'patient',
				patientId: '={{ $json.patient }}',
				appointmentTypeId: rl('4001'),
				locationId: rl('3001', 'id'),
			},
			items: linkItems,
		});
		expect(link.error?.message).toMatch(/^Patient ID: .*\[row 2 \(n8n item 1\)\]$/);
		expect(sandbox.requests).toEqual([]);
	});

	it('with Continue On Fail the invalid item is an error item and the five others are sent, in order', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: 5 }),
			items: sixWithThirdInvalid(),
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.json.map((json) => (json.error ? 'error' : json.content))).toEqual([
			'Hello 0',
			'Hello 1',
			'Hello 2',
			'error',
			'Hello 4',
			'Hello 5',
		]);
		expect(result.json[3].error).toMatch(/Recipient Contact Detail.*\[row 4 \(n8n item 3\)\]$/);
		expect(result.items.map((i) => i.pairedItem)).toEqual(
			[0, 1, 2, 3, 4, 5].map((index) => ({ item: index })),
		);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(5);
	});

	it('a failure at Hero after other items were sent names every item already sent with its message id and warns against re-running', async () => {
		// Item 2 names a patient Hero does not know: Hero answers 404 after items 0 and 1 (and the others in flight) were sent.
		const items = [item(0), item(1), item(2, '07700900123', '424242'), item(3), item(4)];
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: 1 }),
			items,
		});
		expect((result.error?.context as { itemIndex?: number }).itemIndex).toBe(2);
		const sent = storedMessageIds();
		expect(sent).toHaveLength(2);
		const text = `${result.error?.message}\n${result.error?.description}`;
		expect(text).toMatch(/already sent/i);
		expect(text).toContain(`row 1 (message_id ${sent[0]})`);
		expect(text).toContain(`row 2 (message_id ${sent[1]})`);
		expect(text).toMatch(/running .* again will send them again/i);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(3);
	});

	it('the list of items already sent names the first 50 with their message ids and counts the rest', async () => {
		// 56 sends one at a time; item 55 names a patient Hero does not know, after 55 went through.
		const items = Array.from({ length: 56 }, (_, n) =>
			n === 55 ? item(n, '07700900123', '424242') : item(n),
		);
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: 1 }),
			items,
		});
		const sent = storedMessageIds();
		expect(sent).toHaveLength(55);
		const description = String(result.error?.description);
		expect(description).toContain('Already sent to Hero before the run stopped (55): ');
		for (let n = 0; n < 50; n++)
			expect(description).toContain(`row ${n + 1} (message_id ${sent[n]})`);
		// Items 50 to 54 are counted, not named: the details stay readable for a run of thousands.
		for (let n = 50; n < 55; n++) expect(description).not.toContain(`row ${n + 1} (`);
		expect(description).toContain(`row 50 (message_id ${sent[49]}), and 5 more.`);
		expect(result.error?.message).toContain('55 other items were already sent');
	});

	it('with several in flight, every message Hero stored is named in the error', async () => {
		const items = [item(0), item(1), item(2, '07700900123', '424242'), item(3), item(4), item(5)];
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: 5 }),
			items,
		});
		expect((result.error?.context as { itemIndex?: number }).itemIndex).toBe(2);
		const sent = storedMessageIds();
		expect(sent.length).toBeGreaterThanOrEqual(2);
		for (const id of sent) expect(result.error?.description).toContain(`(message_id ${id})`);
	});

	it('another item in flight that failed after its send went out is named too, to be checked in Hero', async () => {
		// Both sends reach Hero and get no answer within the Timeout: each may have been carried out.
		sandbox.faults.add({
			kind: 'latency',
			latencyMs: 1_500,
			method: 'POST',
			path: '^/v1/messages/send$',
		});
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: 2, timeout: 300 }),
			items: [item(0), item(1), item(2)],
		});
		const stopped = (result.error?.context as { itemIndex?: number }).itemIndex;
		expect([0, 1]).toContain(stopped);
		expect(result.error?.description).toContain(
			`check them in Hero: it may have been carried out): row ${stopped === 0 ? 2 : 1}.`,
		);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(2);
	});

	it('another item in flight that Hero refused (404, unknown patient) is not named as may have been carried out', async () => {
		const items = [item(0, '07700900123', '424242'), item(1, '07700900123', '434343'), item(2)];
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: 2 }),
			items,
		});
		expect([0, 1]).toContain((result.error?.context as { itemIndex?: number }).itemIndex);
		expect(result.error?.message).toMatch(/not found/i);
		expect(result.error?.description).not.toMatch(/may have been carried out|Already sent/);
		expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(2);
	});
});

describe('a booking that went through is never reported as failed', () => {
	const bookNext = {
		resource: 'appointment',
		operation: 'bookNextAvailable',
		patientId: '2001',
		appointmentTypeId: rl('4001'),
	};
	const confirmed = () =>
		[...appointments(sandbox.state).values()].filter(
			(a) => a.patient_id === '2001' && a.status === 'confirmed',
		);

	it('Book Next Available: when the read-back fails after Book succeeded, the item is output as booked with its id and a warning', async () => {
		sandbox.faults.add({
			kind: 'status',
			status: 500,
			method: 'GET',
			path: '^/v1/appointments/[^/]+$',
		});
		const result = await runHeroNode(sandbox, { parameters: bookNext });
		expect(result.error).toBeUndefined();
		expect(confirmed()).toHaveLength(1);
		const id = String(confirmed()[0].id);
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({ booked: true, appointment_id: id, appointment: { id } });
		expect(result.json[0].warning).toMatch(
			new RegExp(`appointment ${id} is booked.*read.*failed`, 'i'),
		);
		expect(sandbox.received('POST', '/v1/appointments')).toHaveLength(1);
	});

	it('an error raised after a reservation was made names the reservation', async () => {
		sandbox.faults.add({
			kind: 'status',
			status: 500,
			method: INFERRED.bookAppointmentMethod,
			path: '^/v1/appointments/[^/]+/book$',
		});
		const result = await runHeroNode(sandbox, { parameters: bookNext });
		const reserved = [...appointments(sandbox.state).values()].filter(
			(a) => a.patient_id === '2001',
		);
		expect(reserved).toHaveLength(1);
		expect(result.error).toBeDefined();
		expect(result.error?.message).toContain(`appointment ${reserved[0].id}`);
	});

	it('Booking Link → Create: when the read-back fails after the link was created, the link is output with its id and a warning', async () => {
		linkSettings(sandbox.state).createBookingLinkAnswersIdOnly = true;
		sandbox.faults.add({
			kind: 'status',
			status: 500,
			method: 'GET',
			path: '^/v1/booking_links/[^/]+$',
		});
		const result = await runHeroNode(sandbox, {
			parameters: {
				resource: 'bookingLink',
				operation: 'create',
				linkType: 'patient',
				patientId: '2001',
				appointmentTypeId: rl('4001'),
				locationId: rl('3001', 'id'),
			},
		});
		expect(result.error).toBeUndefined();
		const created = [...links(sandbox.state).values()];
		expect(created).toHaveLength(1);
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({ id: created[0].id });
		expect(result.json[0].warning).toMatch(
			new RegExp(`booking link ${created[0].id} was created.*read.*failed`, 'i'),
		);
		expect(sandbox.received('POST', '/v1/booking_links')).toHaveLength(1);
	});
});

describe('Requests in Flight is checked', () => {
	it('Requests in Flight from an expression that is not a number is a clear error, not a silent empty run', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: sendFromItems({ requestsInFlight: '={{ "five" }}' }),
			items: [item(0), item(1)],
		});
		expect(result.error?.message).toMatch(
			/^Requests in Flight: expected a whole number from 1 to 20/,
		);
		expect(sandbox.requests).toEqual([]);
	});

	it.each([0, 21, 2.5, '={{ 25 }}', '={{ -1 }}'])(
		'Requests in Flight %p is refused before any request',
		async (value) => {
			const result = await runHeroNode(sandbox, {
				parameters: sendFromItems({ requestsInFlight: value }),
				items: [item(0)],
			});
			expect(result.error?.message).toMatch(
				/^Requests in Flight: expected a whole number from 1 to 20/,
			);
			expect(sandbox.requests).toEqual([]);
		},
	);

	it('1, 20 and a numeric string from an expression are accepted', async () => {
		for (const value of [1, 20, '={{ "3" }}']) {
			sandbox.reset();
			const result = await runHeroNode(sandbox, {
				parameters: sendFromItems({ requestsInFlight: value }),
				items: [item(0), item(1)],
			});
			expect(result.error).toBeUndefined();
			expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(2);
		}
	});
});

describe('the check pass costs no second evaluation', () => {
	it('each expression is evaluated once per item, though every item is checked before the sends', async () => {
		const expressions = new Set(
			Object.values({ ...sendFromItems(), ...sendFromItems().additionalFields }).filter(
				(v) => typeof v === 'string' && v.startsWith('='),
			),
		);
		const spy = jest.spyOn(Expression.prototype, 'resolveSimpleParameterValue');
		try {
			const items = Array.from({ length: 10 }, (_, n) => item(n));
			const result = await runHeroNode(sandbox, { parameters: sendFromItems(), items });
			expect(result.json).toHaveLength(10);
			const evaluated = spy.mock.calls.filter(([value]) => expressions.has(value as string));
			expect(expressions.size).toBe(3);
			expect(evaluated).toHaveLength(3 * 10);
		} finally {
			spy.mockRestore();
		}
	});
});
