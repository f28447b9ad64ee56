/**
 * Issue 14, phase 2: how fields are laid out in the editor (date-only fields, related fields
 * together, collection names). The runs go through n8n-core's WorkflowExecute against the sandbox.
 */
import type { INodeProperties } from 'n8n-workflow';

import { properties } from '../../nodes/HeroHealth/actions/description';
import { requestOptions } from '../../nodes/HeroHealth/actions/common.descriptions';
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
		['slot', 'getAll', 'filters.startDate'],
		['slot', 'getAll', 'filters.endDate'],
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
	it.each(['getAll', 'count'])('finding 4: Slot → %s lists its two dates next to each other, the first date first', (operation) => {
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

describe('issue 14 point 7: collections named for what they hold', () => {
	it('finding 7: Request Options opens with "Add Request Option", not a second "Add Option"', () => {
		expect(requestOptions.placeholder).toBe('Add Request Option');
	});
});
