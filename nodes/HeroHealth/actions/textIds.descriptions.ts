import type { IExecuteFunctions } from 'n8n-workflow';

import { invalid } from '../privacy/invalid';
import { isPathSegmentText } from '../validation';
import { requireString } from './helpers';

/**
 * An id that Hero documents only as a string in its path (a form response, an invoice, a GMC number):
 * required, and refused only when it could not stay one path segment (`.`, `..`, a slash). Never
 * stricter than Hero: digits, letters and other text all go through, encoded by `pathId`.
 */
export function requireTextId(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	field: string,
	example: string,
): string {
	const id = requireString(ctx, name, itemIndex, field);
	if (!isPathSegmentText(id))
		throw invalid(
			ctx,
			itemIndex,
			field,
			`expected one ID such as ${example}, without slashes, and not "." or ".."`,
		);
	return id;
}
