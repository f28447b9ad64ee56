/**
 * The sandbox's Prescription routes on their own, with plain HTTP: what openapi.yaml documents is
 * taken, the rest refused in Hero's 400 shape.
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

describe('POST /v1/pharmacies', () => {
	it('requires name, email, mobile and prescriber_id, prescriber_id digits, and no other field', async () => {
		const missing = await hero('POST', '/v1/pharmacies', { name: 'A', email: 'a@b.example' });
		expect(missing.status).toBe(400);
		expect(missing.body.message.map((issue: { path: string[] }) => issue.path)).toEqual([
			['mobile'],
			['prescriber_id'],
		]);
		const wrong = await hero('POST', '/v1/pharmacies', {
			name: 'A',
			email: 'a@b.example',
			mobile: '+447700900301',
			prescriber_id: 'RX-42',
			fax: '0113',
		});
		expect(wrong.status).toBe(400);
		expect(wrong.body.message.map((issue: { path: string[] }) => issue.path[0]).sort()).toEqual([
			'fax',
			'prescriber_id',
		]);
	});

	it('takes any string as email and mobile (Hero documents no format for either)', async () => {
		const made = await hero('POST', '/v1/pharmacies', {
			name: 'A',
			email: 'front desk',
			mobile: '0113 496 0301 ext 2',
			prescriber_id: '42',
		});
		expect(made.status).toBe(200);
		expect(made.body).toMatchObject({ id: expect.stringMatching(/^\d+$/), prescriber_id: '42' });
	});
});

describe('GET /v1/prescriber/{id}/pharmacies', () => {
	it('GET /v1/prescriber/{id}/pharmacies takes no paging query (none documented)', async () => {
		expect((await hero('GET', '/v1/prescriber/42/pharmacies')).body.count).toBe(2);
		expect((await hero('GET', '/v1/prescriber/42/pharmacies?page_index=0')).status).toBe(400);
	});
});
