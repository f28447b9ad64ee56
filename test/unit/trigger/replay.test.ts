/**
 * The trigger's memory of accepted deliveries (trigger/replay.ts) on its own: a repeat inside the
 * window is recognised, memory is freed as timestamps leave the window, and it never holds more
 * than its capacity.
 */
import {
	DeliveryMemory,
	REPLAY_MEMORY_CAPACITY,
	acceptedDeliveries,
} from '../../../nodes/HeroHealth/trigger/replay';
import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';

const WINDOW_MS = INFERRED.signatureToleranceSeconds * 1000;
const NOW = 1_767_225_600_000;

describe('memory of accepted deliveries', () => {
	it('a repeat is recognised until its timestamp leaves the window, not after', () => {
		const memory = new DeliveryMemory(100, WINDOW_MS);
		expect(memory.isRepeat('a', NOW, NOW)).toBe(false);
		expect(memory.isRepeat('a', NOW, NOW + 1_000)).toBe(true);
		expect(memory.isRepeat('a', NOW, NOW + WINDOW_MS)).toBe(true); // the signature check still accepts it here
		expect(memory.isRepeat('b', NOW, NOW)).toBe(false);
		// One millisecond later the signature check refuses the timestamp as stale; the memory has let it go.
		expect(memory.isRepeat('c', NOW + WINDOW_MS + 1, NOW + WINDOW_MS + 1)).toBe(false);
		expect(memory.size).toBe(1);
	});

	it('memory is bounded: 50,000 deliveries inside one window leave at most the capacity, oldest forgotten first', () => {
		const memory = new DeliveryMemory(1_000, WINDOW_MS);
		let repeats = 0;
		for (let i = 0; i < 50_000; i++) if (memory.isRepeat(`d${i}`, NOW, NOW + i)) repeats++;
		expect(repeats).toBe(0);
		expect(memory.size).toBe(1_000);
		expect(memory.isRepeat('d49999', NOW, NOW + 50_000)).toBe(true);
		expect(memory.isRepeat('d0', NOW, NOW + 50_000)).toBe(false); // forgotten: the documented limit
		expect(memory.size).toBe(1_000);
	});

	it('a delivery with a later timestamp is freed on time even behind older entries', () => {
		const memory = new DeliveryMemory(10, WINDOW_MS);
		memory.isRepeat('future', NOW + 60_000, NOW); // kept until NOW + 60 s + window
		memory.isRepeat('now', NOW, NOW);
		for (let i = 0; i < 9; i++)
			memory.isRepeat(`later${i}`, NOW + 2 * WINDOW_MS, NOW + WINDOW_MS + 1);
		// Full at capacity: the expired 'now' entry went first, the unexpired 'future' one is still known.
		expect(memory.isRepeat('future', NOW + 60_000, NOW + WINDOW_MS + 2)).toBe(true);
		expect(memory.size).toBe(10);
	});

	it('the process-wide memory holds at most REPLAY_MEMORY_CAPACITY deliveries for the signature window', () => {
		expect(acceptedDeliveries.capacity).toBe(REPLAY_MEMORY_CAPACITY);
		expect(acceptedDeliveries.windowMs).toBe(WINDOW_MS);
	});
});
