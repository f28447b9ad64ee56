/**
 * Book Next Available on the two UK clock-change days of 2026. On 29 March the
 * clocks go forward at 01:00 GMT (01:00-01:59 London does not exist); on 25 October they go back at
 * 02:00 BST (01:00-01:59 London happens twice: first in BST, then in GMT). The window (Date From/To),
 * Start Time From/To, the date fields and `start_time_local` are all read in Europe/London.
 */
import { runHeroNode } from '../../../harness/runNode';
import { appointments } from '../../../sandbox/routes/appointments';
import { addSlot, slots } from '../../../sandbox/routes/slots';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { pretendItIs } from '../../../harness/clock';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
afterEach(() => jest.useRealTimers());

/** Pretends it is `iso` (test/harness/clock.ts), with fresh sandbox data. */
function itIsNow(iso: string): void {
	pretendItIs(iso);
	sandbox.reset();
}

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
/** Book Next Available for one day (Date From = Date To), between two London times. */
const bookOn = (day: string, earliestTime: string, latestTime: string, patientId = '2001') => ({
	resource: 'appointment',
	operation: 'bookNextAvailable',
	patientId,
	appointmentTypeId: rl('4001'),
	filters: { startDate: day, endDate: day, earliestTime, latestTime },
	options: {},
});
const slotAt = (startTime: string) =>
	addSlot(sandbox.state, {
		practitioner_id: '5001',
		location_id: '3001',
		appointment_type_id: '4001',
		start_time: startTime,
	}).id;
type Out = {
	booked: boolean;
	reason?: string;
	start_time_local?: string;
	slot: { id: string; start_time: string };
};

describe('Book Next Available on the UK clock-change days', () => {
	it('29 March 2026 (clocks go forward): the day, the window and start_time_local are London time in BST after 01:00 GMT', async () => {
		itIsNow('2026-03-20T12:00:00Z');
		const before = slotAt('2026-03-28T23:30:00Z'); // 23:30 GMT on the 28th: not the 29th
		const early = slotAt('2026-03-29T00:30:00Z'); // 00:30 GMT
		const afterJump = slotAt('2026-03-29T01:00:00Z'); // 02:00 BST, the minute after 00:59 GMT
		const nine = slotAt('2026-03-29T08:00:00Z'); // 09:00 BST

		// 01:00-01:59 London does not exist that day: no slot is in it.
		const none = await runHeroNode(sandbox, { parameters: bookOn('2026-03-29', '01:00', '01:59') });
		expect((none.json[0] as Out).booked).toBe(false);
		expect(sandbox.received('GET', '/v1/slots')[0].query).toMatchObject({
			start_date: '2026-03-29',
			end_date: '2026-03-29',
		});

		const nineAm = (
			await runHeroNode(sandbox, { parameters: bookOn('2026-03-29', '09:00', '09:00') })
		).json[0] as Out;
		expect([nineAm.booked, nineAm.slot.id, nineAm.start_time_local]).toEqual([
			true,
			nine,
			'Sun 29 Mar 2026, 09:00',
		]);

		const night = (
			await runHeroNode(sandbox, { parameters: bookOn('2026-03-29', '00:00', '02:00', '2002') })
		).json[0] as Out;
		expect([night.slot.id, night.start_time_local]).toEqual([early, 'Sun 29 Mar 2026, 00:30']);
		const jumped = (
			await runHeroNode(sandbox, { parameters: bookOn('2026-03-29', '00:00', '02:00', '2003') })
		).json[0] as Out;
		expect([jumped.slot.id, jumped.start_time_local]).toEqual([
			afterJump,
			'Sun 29 Mar 2026, 02:00',
		]);
		// The 28th's late slot was never a candidate for the 29th.
		expect([...appointments(sandbox.state).values()].map((a) => a.start_time)).not.toContain(
			slots(sandbox.state).get(before)!.start_time,
		);
	});

	it('25 October 2026 (clocks go back): the two slots at 01:30 are told apart as 01:30 BST and 01:30 GMT, earliest first', async () => {
		itIsNow('2026-10-20T12:00:00Z');
		slotAt('2026-10-24T22:30:00Z'); // 23:30 BST on the 24th
		const midnight = slotAt('2026-10-24T23:30:00Z'); // 00:30 BST on the 25th
		const firstHalfPast = slotAt('2026-10-25T00:30:00Z'); // 01:30 BST
		const secondHalfPast = slotAt('2026-10-25T01:30:00Z'); // 01:30 GMT, an hour later
		const nine = slotAt('2026-10-25T09:00:00Z'); // 09:00 GMT

		const first = (
			await runHeroNode(sandbox, { parameters: bookOn('2026-10-25', '01:30', '01:30', '2001') })
		).json[0] as Out;
		expect([first.booked, first.slot.id, first.start_time_local]).toEqual([
			true,
			firstHalfPast,
			'Sun 25 Oct 2026, 01:30 BST',
		]);
		const second = (
			await runHeroNode(sandbox, { parameters: bookOn('2026-10-25', '01:30', '01:30', '2002') })
		).json[0] as Out;
		expect([second.booked, second.slot.id, second.start_time_local]).toEqual([
			true,
			secondHalfPast,
			'Sun 25 Oct 2026, 01:30 GMT',
		]);

		// A time that happens once needs no zone; the 25th starts at 00:00 BST (23:00 UTC on the 24th).
		const morning = (
			await runHeroNode(sandbox, { parameters: bookOn('2026-10-25', '09:00', '09:00', '2003') })
		).json[0] as Out;
		expect([morning.slot.id, morning.start_time_local]).toEqual([nine, 'Sun 25 Oct 2026, 09:00']);
		const earliest = (
			await runHeroNode(sandbox, { parameters: bookOn('2026-10-25', '00:00', '23:59', '2004') })
		).json[0] as Out;
		expect([earliest.slot.id, earliest.start_time_local]).toEqual([
			midnight,
			'Sun 25 Oct 2026, 00:30',
		]);
	});
});
