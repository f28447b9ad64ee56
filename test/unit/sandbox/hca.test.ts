/**
 * The sandbox's Booking - HCA routes on their own, with plain HTTP.
 */
import { sandboxClient } from '../../harness/sandboxClient';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const { hero } = sandboxClient(() => sandbox);

describe('GET /v1/booking-hca/consultants', () => {
	it('GET /v1/booking-hca/consultants takes search and fields (one or repeated), and no other query', async () => {
		const one = await hero('GET', '/v1/booking-hca/consultants?fields=last_name');
		expect(one.body.data[0]).toEqual({ last_name: 'Patel' });
		const other = await hero('GET', '/v1/booking-hca/consultants?page_index=0');
		expect(other.status).toBe(400);
	});
});
