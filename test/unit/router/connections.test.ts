/**
 * Requests in Flight bounds connections too, counted where the node holds them: every TCP socket
 * n8n's request helper opens to the sandbox, from `connect()` until it is closed.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

import { sendFromItems } from '../../harness/parameters';
import { runHeroNode } from '../../harness/runNode';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

/**
 * Counts this process's TCP client sockets while `run` runs (in this test only the node opens any):
 * from their creation inside `net.connect()` until their 'close'. Returns the peak held at once.
 */
async function clientConnections(
	run: () => Promise<unknown>,
): Promise<{ peak: number; opened: number }> {
	let open = 0;
	let peak = 0;
	let opened = 0;
	const onSocket = (message: unknown) => {
		opened++;
		peak = Math.max(peak, ++open);
		(message as { socket: Socket }).socket.once('close', () => open--);
	};
	subscribe('net.client.socket', onSocket);
	try {
		await run();
	} finally {
		unsubscribe('net.client.socket', onSocket);
	}
	return { peak, opened };
}

const items = (count: number) =>
	Array.from({ length: count }, (_, n) => ({ n, patient: '2001', phone: '07700900123' }));

describe('connections', () => {
	it('also with a server that compresses what may be compressed: the node asks for answers as they are', async () => {
		const compressing = await startSandbox({ compress: true });
		try {
			compressing.faults.add({ kind: 'latency', latencyMs: 15, path: '/v1/messages/send' });
			const { peak, opened } = await clientConnections(() =>
				runHeroNode(compressing, {
					parameters: sendFromItems({ requestsInFlight: 4 }),
					items: items(32),
				}),
			);
			const sent = compressing.received('POST', '/v1/messages/send');
			expect(sent).toHaveLength(32);
			// Asked for as sent: Node then hands the node the answer's own stream, whose connection it can wait for.
			expect(new Set(sent.map((request) => request.headers['accept-encoding']))).toEqual(
				new Set(['identity']),
			);
			expect(opened).toBe(32);
			expect(peak).toBe(4);
		} finally {
			await compressing.close();
		}
	});

	it.each([1, 4, 10])(
		'never holds more connections open to Hero than Requests in Flight (%i), with latency',
		async (inFlight) => {
			sandbox.faults.add({ kind: 'latency', latencyMs: 15, path: '/v1/messages/send' });
			const count = inFlight * 8;
			const { peak, opened } = await clientConnections(() =>
				runHeroNode(sandbox, {
					parameters: sendFromItems({ requestsInFlight: inFlight }),
					items: items(count),
				}),
			);
			expect(sandbox.received('POST', '/v1/messages/send')).toHaveLength(count);
			expect(opened).toBe(count); // one connection per request: n8n's helper reuses none
			expect(peak).toBe(inFlight);
		},
	);
});
