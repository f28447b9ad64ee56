import { templateName, templateText } from '../../../../nodes/HeroHealth/shared/templates';
import { INFERRED } from '../../../../nodes/HeroHealth/transport/inferred';
import { runHeroNode } from '../../../harness/runNode';
import { templates } from '../../../sandbox/routes/templates';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const textOf = (id: string) =>
	templates(sandbox.state).get(id)?.[INFERRED.templateTextFields[0]] as string;
const send = (fields: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'send',
	patientId: '2001',
	messageType: 'sms',
	message: '',
	templateId: rl('12'),
	additionalFields: {},
	...fields,
});
const sends = () => sandbox.received('POST', '/v1/messages/send');

describe('Message Template → Get Many', () => {
	it('lists every template in one request (Hero documents no paging for it)', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'messageTemplate', operation: 'getMany', returnAll: true },
		});
		expect(result.json.map((t) => t.id)).toEqual(['11', '12', '13', '14']);
		const calls = sandbox.received('GET', '/v1/templates');
		expect(calls).toHaveLength(1);
		expect(calls[0].query).toEqual({});
	});

	it('sends the Has Follow-Up filter as has_follow_up, both ways', async () => {
		const withFollowUp = await runHeroNode(sandbox, {
			parameters: {
				resource: 'messageTemplate',
				operation: 'getMany',
				returnAll: true,
				filters: { hasFollowUp: true },
			},
		});
		expect(withFollowUp.json.map((t) => t.id)).toEqual(['12', '14']);
		const without = await runHeroNode(sandbox, {
			parameters: {
				resource: 'messageTemplate',
				operation: 'getMany',
				returnAll: true,
				filters: { hasFollowUp: false },
			},
		});
		expect(without.json.map((t) => t.id)).toEqual(['11', '13']);
		expect(sandbox.received('GET', '/v1/templates').map((r) => r.query)).toEqual([
			{ has_follow_up: 'true' },
			{ has_follow_up: 'false' },
		]);
	});

	it('applies Limit to what Hero returns', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: { resource: 'messageTemplate', operation: 'getMany', returnAll: false, limit: 2 },
		});
		expect(result.json.map((t) => t.id)).toEqual(['11', '12']);
	});
});

describe('Message → Send with a Template', () => {
	it("fills message_string with the template's text when Message is empty; the body stays as documented", async () => {
		const result = await runHeroNode(sandbox, { parameters: send() });
		expect(result.error).toBeUndefined();
		expect(sends()).toHaveLength(1);
		expect(sends()[0].body).toEqual({
			patient_id: '2001',
			message_type: 'sms',
			message_string: textOf('12'),
		});
		expect(result.json[0].content).toBe(textOf('12'));
		expect(sandbox.received('GET', '/v1/templates')).toHaveLength(1);
	});

	it('takes the template by ID too', async () => {
		await runHeroNode(sandbox, { parameters: send({ templateId: rl('13', 'id') }) });
		expect(sends()[0].body).toMatchObject({ message_string: textOf('13') });
	});

	it('sends the typed Message when there is one, without reading templates', async () => {
		await runHeroNode(sandbox, { parameters: send({ message: 'Typed text wins.' }) });
		expect(sends()[0].body).toMatchObject({ message_string: 'Typed text wins.' });
		expect(sandbox.received('GET', '/v1/templates')).toHaveLength(0);
	});

	it('reads the template list once for many items', async () => {
		const items = [{ id: '2001' }, { id: '2002' }, { id: '2003' }];
		const result = await runHeroNode(sandbox, {
			parameters: send({ patientId: '={{ $json.id }}' }),
			items,
		});
		expect(result.error).toBeUndefined();
		expect(sends()).toHaveLength(3);
		expect(
			sends().every((r) => (r.body as { message_string: string }).message_string === textOf('12')),
		).toBe(true);
		expect(sandbox.received('GET', '/v1/templates')).toHaveLength(1);
	});

	it.each([
		[
			'a template that does not exist',
			rl('99', 'id'),
			'Template: no template with this ID in Hero',
		],
		['a template without text', rl('14'), 'Template: the template has no text in a field we read'],
	])('fails the item for %s and sends nothing', async (_name, templateId, expected) => {
		const result = await runHeroNode(sandbox, { parameters: send({ templateId }) });
		expect(result.error?.message).toContain(expected);
		expect(result.error?.message).toContain('[row 1 (n8n item 0)]');
		expect(sends()).toHaveLength(0);
	});

	it('checks the other fields before reading templates: an invalid item makes no request at all', async () => {
		const result = await runHeroNode(sandbox, {
			parameters: send({ additionalFields: { recipientContactDetail: '0113 496' } }),
		});
		expect(result.error?.message).toContain('Recipient Contact Detail: expected a phone number');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('still requires a Message when no template is chosen', async () => {
		const result = await runHeroNode(sandbox, { parameters: send({ templateId: rl('') }) });
		expect(result.error?.message).toBe('Message: is required [row 1 (n8n item 0)]');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('template fields (the answer of GET /v1/templates was never captured)', () => {
	it('reads the name and text from the first inferred field that has them', () => {
		expect(INFERRED.templateTextFields[0]).toBe('content');
		expect(templateText({ id: '1', content: 'A' })).toBe('A');
		expect(templateText({ id: '1', content: '', message: 'B' })).toBe('B');
		expect(templateText({ id: '1', body: 'C', text: 'D' })).toBe('C');
		expect(templateText({ id: '1', text: 'D' })).toBe('D');
		expect(templateText({ id: '1', subject: 'no text here' })).toBeUndefined();
		expect(templateName({ id: '1', name: 'Reminder' })).toBe('Reminder');
		expect(templateName({ id: '1', title: 'Recall' })).toBe('Recall');
		expect(templateName({ id: '7' })).toBe('Template 7');
	});
});
