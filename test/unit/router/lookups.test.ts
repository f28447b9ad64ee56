/**
 * The check pass's lookups (actions/router.lookups.ts) and the supervisor that lets only their reads
 * through while the router makes them.
 */
import { Lookups, NEEDS_LOOKUP } from '../../../nodes/HeroHealth/actions/router.lookups';
import { PassSupervisor } from '../../../nodes/HeroHealth/actions/router.passes';

describe('check-pass lookups', () => {
	it('notes a lookup in the check pass, makes identical ones once, and answers from memory after', async () => {
		const lookups = new Lookups();
		const fetch = jest.fn(async () => ['record']);
		await expect(lookups.get('a', fetch)).rejects.toBe(NEEDS_LOOKUP);
		await expect(lookups.get('a', fetch)).rejects.toBe(NEEDS_LOOKUP);
		expect(lookups.waiting).toBe(1);
		expect(fetch).not.toHaveBeenCalled();
		await lookups.resolve(5);
		expect(fetch).toHaveBeenCalledTimes(1);
		lookups.gathering = false;
		await expect(lookups.get('a', fetch)).resolves.toEqual(['record']);
		expect(fetch).toHaveBeenCalledTimes(1);
	});

	it('remembers a failed lookup: every item that needs it gets the failure, and it is not made again', async () => {
		const lookups = new Lookups();
		const failure = new Error('503');
		const fetch = jest.fn(async () => {
			throw failure;
		});
		await expect(lookups.get('b', fetch)).rejects.toBe(NEEDS_LOOKUP);
		await lookups.resolve(5);
		await expect(lookups.get('b', fetch)).rejects.toBe(failure);
		await expect(lookups.get('b', fetch)).rejects.toBe(failure);
		expect(fetch).toHaveBeenCalledTimes(1);
	});

	it('makes at most `inFlight` lookups at a time', async () => {
		const lookups = new Lookups();
		let open = 0;
		let peak = 0;
		const fetch = async () => {
			open++;
			peak = Math.max(peak, open);
			await new Promise((resolve) => setTimeout(resolve, 5));
			open--;
			return [];
		};
		for (let i = 0; i < 12; i++)
			await expect(lookups.get(`k${i}`, fetch)).rejects.toBe(NEEDS_LOOKUP);
		await lookups.resolve(3);
		expect(peak).toBe(3);
	});

	it('while the lookups are made, the supervisor lets GETs through and still stops every write', () => {
		const supervisor = new PassSupervisor(undefined);
		supervisor.resolving = true;
		expect(supervisor.beforeRequest({ method: 'GET', path: '/v3/patients' })).toBeUndefined();
		expect(supervisor.reachedRequest).toBe(false);
		expect(() =>
			supervisor.beforeRequest({ method: 'POST', path: '/v1/messages/send', readOnly: true }),
		).toThrow('stopped before the first request (check pass)');
		supervisor.resolving = false;
		expect(() => supervisor.beforeRequest({ method: 'GET', path: '/v3/patients' })).toThrow(
			'stopped before the first request (check pass)',
		);
	});
});
