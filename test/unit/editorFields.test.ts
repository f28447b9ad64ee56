/**
 * Issue 14, phase 2: how fields are laid out in the editor (date-only fields, related fields
 * together, collection names). The runs go through n8n-core's WorkflowExecute against the sandbox.
 */
import { NodeHelpers, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { HeroHealth } from '../../nodes/HeroHealth/HeroHealth.node';

import { properties } from '../../nodes/HeroHealth/actions/description';
import { requestOptions } from '../../nodes/HeroHealth/actions/common.descriptions';
import { loadOptionsList } from '../harness/listSearch';
import { runHeroNode } from '../harness/runNode';
import { startSandbox, type Sandbox } from '../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

/** The node's fields shown for one resource and operation (top level and inside collections). */
function fieldsOf(resource: string, operation: string): INodeProperties[] {
	return properties.filter((p) => {
		const show = p.displayOptions?.show;
		return show?.resource?.includes(resource) && show?.operation?.includes(operation);
	});
}

function field(resource: string, operation: string, path: string): INodeProperties {
	const [first, second] = path.split('.');
	const top = fieldsOf(resource, operation).find((p) => p.name === first);
	const found = second ? (top?.options as INodeProperties[] | undefined)?.find((o) => o.name === second) : top;
	if (!found) throw new Error(`no field ${path} in ${resource} → ${operation}`);
	return found;
}

describe('issue 14 point 3: date-only fields', () => {
	const DATE_ONLY: Array<[string, string, string]> = [
		['patient', 'createOrUpdate', 'dateOfBirth'],
		['patient', 'registerPds', 'dateOfBirth'],
		['slot', 'getMany', 'filters.startDate'],
		['slot', 'getMany', 'filters.endDate'],
		['slot', 'count', 'filters.startDate'],
		['slot', 'count', 'filters.endDate'],
		['bookingLink', 'update', 'updateFields.fromDate'],
		['bookingLink', 'update', 'updateFields.toDate'],
	];

	it.each(DATE_ONLY)('finding 3: %s → %s %s is typed as a calendar date (text, e.g. 2026-03-15), not a date-and-time picker', (resource, operation, path) => {
		const date = field(resource, operation, path);
		expect(date.type).toBe('string');
		expect(date.placeholder).toMatch(/^e\.g\. \d{4}-\d{2}-\d{2}$/);
		expect(date.description).toMatch(/YYYY-MM-DD/);
	});

	it.each([
		['a typed date', '2030-03-15'],
		['an ISO date-time string', '2030-03-15T00:00:00.000Z'],
		['an expression giving a Luxon DateTime', "={{ DateTime.fromISO('2030-03-15T10:00:00', { zone: 'Europe/London' }) }}"],
	])('finding 3: Slot → Count accepts %s as Start Date and sends start_date=2030-03-15', async (_name, value) => {
		const result = await runHeroNode(sandbox, { parameters: { resource: 'slot', operation: 'count', filters: { startDate: value } } });
		expect(result.error).toBeUndefined();
		expect(sandbox.received('GET', '/v1/slots/count')[0].query).toMatchObject({ start_date: '2030-03-15' });
	});
});

describe('issue 14 point 4: related fields sit together', () => {
	it.each(['getMany', 'count'])('finding 4: Slot → %s lists its two dates next to each other, the first date first', (operation) => {
		const names = (field('slot', operation, 'filters').options as INodeProperties[]).map((o) => o.displayName);
		const from = names.indexOf('Date From');
		expect(from).toBeGreaterThanOrEqual(0);
		expect(names[from + 1]).toBe('Date To');
	});

	it('finding 4: a bad Slot date is reported with the label the editor shows ("Date To: must be on or after Date From")', async () => {
		const result = await runHeroNode(sandbox, { parameters: { resource: 'slot', operation: 'count', filters: { startDate: '2030-03-15', endDate: '2030-03-14' } } });
		expect(result.error?.message).toContain('Date To: must be on or after Date From');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('issue 14 point 6: the Practitioners filter', () => {
	it('finding 6: Slot → Get Many takes practitioners as a multi-select listed from Hero (an empty one stays in the collection)', () => {
		const practitioners = field('slot', 'getMany', 'filters.practitioners');
		expect(practitioners).toMatchObject({ displayName: 'Practitioner Names or IDs', type: 'multiOptions', default: [], typeOptions: { loadOptionsMethod: 'loadPractitioners' } });
	});

	it('finding 6: the list holds the practitioners Hero returns, narrowed by the chosen location', async () => {
		const all = await loadOptionsList(sandbox, 'loadPractitioners', { resource: 'slot', operation: 'getMany', filters: {} });
		expect(all.map((o) => o.value)).toEqual(['5001', '5002', '5004', '5003']);
		expect(all[0]).toEqual({ name: 'Dr Priya Shah (GP)', value: '5001' });
		const atHillside = await loadOptionsList(sandbox, 'loadPractitioners', { resource: 'slot', operation: 'getMany', filters: { locationId: { __rl: true, mode: 'list', value: '3002' } } });
		expect(sandbox.received('GET', '/v1/practitioners')[1].query).toEqual({ location_ids: '3002' });
		expect(atHillside.length).toBeGreaterThan(0);
	});

	it.each([
		['the multi-select’s list of ids', ['5001', '5002']],
		['the list of pickers saved by earlier versions', { items: [{ practitionerId: { __rl: true, mode: 'id', value: '5001' } }, { practitionerId: { __rl: true, mode: 'list', value: '5002' } }] }],
	])('finding 6: Slot → Get Many sends both practitioners from %s', async (_name, practitioners) => {
		const result = await runHeroNode(sandbox, { parameters: { resource: 'slot', operation: 'getMany', returnAll: false, limit: 1, filters: { practitioners } } });
		expect(result.error).toBeUndefined();
		expect(sandbox.received('GET', '/v1/slots')[0].query.practitioner_id).toEqual(['5001', '5002']);
	});
});

describe('issue 14 point 7: collections named for what they hold', () => {
	it('finding 7: Request Options is not shown in the AI tool panel (n8n’s own display rule for the Hero Health Tool)', () => {
		const node = new HeroHealth().description;
		const asTool: INodeTypeDescription = { ...node, name: `${node.name}Tool` };
		const values = { resource: 'message', operation: 'send' };
		expect(NodeHelpers.displayParameter(values, requestOptions, { typeVersion: 1 }, node)).toBe(true);
		expect(NodeHelpers.displayParameter(values, requestOptions, { typeVersion: 1 }, asTool)).toBe(false);
	});

	it('finding 7: Request Options opens with "Add Request Option", not a second "Add Option"', () => {
		expect(requestOptions.placeholder).toBe('Add Request Option');
	});
});
