/**
 * One list per fact. Each resource's `index.ts` holds its Operation options (what the editor
 * shows) and its `operations` map (what the router runs): they must name the same operations, and the
 * Resource selector must name the same resources as the registry.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import { properties } from '../../../nodes/HeroHealth/actions/description';
import { resources } from '../../../nodes/HeroHealth/actions/resources';

const optionValues = (options: unknown) =>
	((options ?? []) as INodePropertyOptions[]).map((option) => String(option.value)).sort();

describe("each resource's Operation options and operations map agree", () => {
	it('the Resource selector offers exactly the resources of the registry', () => {
		const selector = properties.find((property) => property.name === 'resource');
		expect(optionValues(selector?.options)).toEqual(Object.keys(resources).sort());
	});

	it.each(Object.keys(resources))(
		'%s: every option runs an operation, every operation is offered, the default is one of them',
		(name) => {
			const { operationProperty, operations } = resources[name];
			expect(operationProperty.displayOptions?.show?.resource).toEqual([name]);
			expect(optionValues(operationProperty.options)).toEqual(Object.keys(operations).sort());
			expect(Object.keys(operations)).toContain(operationProperty.default);
		},
	);
});
