import { runHeroNode } from '../../../harness/runNode';
import { formResponses } from '../../../sandbox/routes/forms';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const get = (formResponseId: unknown) => ({
	resource: 'formResponse',
	operation: 'get',
	formResponseId,
});

describe('Form Response → Get', () => {
	it('reads GET /v1/form_response/{id} and outputs the response as Hero sends it, ids as numbers', async () => {
		const result = await runHeroNode(sandbox, { parameters: get('7001') });
		expect(result.error).toBeUndefined();
		expect(sandbox.received('GET', '/v1/form_response/7001')).toHaveLength(1);
		expect(result.json).toEqual([formResponses(sandbox.state).get('7001')]);
		expect(result.json[0]).toMatchObject({ id: 7001, form_id: 310, client_id: 2001 });
	});

	it('takes the id mapped as a number, as a form-submission.created event gives it', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: get('={{ $json.object_id }}'),
			items: [{ object_id: 7002 }],
		});
		expect(result.json[0]).toMatchObject({ id: 7002, write_to_record_error: 'EMIS record locked' });
	});

	it('sends an id that is not digits (Hero types the path id as a string), encoded as one segment', async () => {
		formResponses(sandbox.state).set('fr_9 a', {
			...formResponses(sandbox.state).get('7001')!,
			id: 9,
		});
		const result = await runHeroNode(sandbox, { parameters: get('fr_9 a') });
		expect(result.error).toBeUndefined();
		expect(sandbox.received('GET')[0].path).toBe('/v1/form_response/fr_9%20a');
		expect(result.json[0].id).toBe(9);
	});

	it.each([
		['missing', '={{ "" }}'],
		['a path of its own', '7001/../../v1/me'],
		['only dots', '..'],
	])('refuses an id that is %s before sending, naming the field and item', async (_n, id) => {
		const result = await runHeroNode(sandbox, { parameters: get(id) });
		expect(result.error?.message).toMatch(/^Form Response ID: .*\[row 1 \(n8n item 0\)\]$/);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('reports a form response Hero does not have as not found', async () => {
		const result = await runHeroNode(sandbox, { parameters: get('7999') });
		expect(result.error?.message).toBe('Form response not found');
		expect(result.error?.description).toContain('Hero answered 404 to GET /v1/form_response/7999');
	});
});
