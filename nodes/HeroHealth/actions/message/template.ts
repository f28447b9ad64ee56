import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { INFERRED, heroApiRequest, recordsOf, type HeroContext } from '../../transport';
import { invalid } from '../../privacy/invalid';
import { templateText } from '../../shared/templates';

/** Message templates (`GET /v1/templates`): reading, choosing, and the text Message → Send uses. */

/** One read of `GET /v1/templates` (Hero documents no paging for it). */
export async function fetchTemplates(
	this: HeroContext,
	qs: IDataObject = {},
	itemIndex?: number,
): Promise<IDataObject[]> {
	return recordsOf(
		await heroApiRequest.call(this, {
			method: 'GET',
			path: '/v1/templates',
			qs,
			expect: 'list',
			itemIndex,
		}),
	);
}

/** A template, picked from Hero's list or typed. Used by Message → Send. */
export const templateLocator: INodeProperties = {
	displayName: 'Template',
	name: 'templateId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		'A Hero message template. Its text is sent when Message is left empty; a typed Message wins.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchMessageTemplates', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 12' },
	],
};

/** The chosen template's id, or '' when none is chosen. */
export function chosenTemplateId(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('templateId', itemIndex, '', { extractValue: true });
	if (value !== null && typeof value === 'object')
		throw invalid(ctx, itemIndex, 'Template', 'expected a template ID, got an object or list');
	return value === undefined || value === null ? '' : String(value).trim();
}

// The template list is read once per execution, however many items use it.
const listCache = new WeakMap<object, Promise<IDataObject[]>>();

/** The text of the chosen template, for Message → Send; fails the item if it has none. */
export async function textOfTemplate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	templateId: string,
): Promise<string> {
	let list = listCache.get(ctx);
	if (!list) {
		list = fetchTemplates.call(ctx, {}, itemIndex);
		listCache.set(ctx, list);
		list.catch(() => listCache.delete(ctx));
	}
	const template = (await list).find((record) => String(record.id) === templateId);
	if (!template)
		throw invalid(
			ctx,
			itemIndex,
			'Template',
			'no template with this ID in Hero (Message Template → Get Many lists them)',
		);
	const text = templateText(template);
	if (text === undefined) {
		throw invalid(
			ctx,
			itemIndex,
			'Template',
			`the template has no text in a field we read (${INFERRED.templateTextFields.join(', ')}); type the Message instead`,
		);
	}
	return text;
}
