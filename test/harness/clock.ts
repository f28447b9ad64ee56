/**
 * Pretends it is `iso` for Date alone: timers, I/O and the sandbox's sockets keep real time, so a
 * request through the sandbox still completes. Undo with `jest.useRealTimers()`.
 */
export function pretendItIs(iso: string): void {
	jest.useFakeTimers({
		now: new Date(iso),
		advanceTimers: true,
		doNotFake: [
			'nextTick',
			'setImmediate',
			'clearImmediate',
			'setTimeout',
			'clearTimeout',
			'setInterval',
			'clearInterval',
			'queueMicrotask',
			'hrtime',
			'performance',
		],
	});
}
