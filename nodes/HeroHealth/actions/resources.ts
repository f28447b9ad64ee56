import type { HeroResource } from './types';
import { message } from './message';

/**
 * Every resource of the Hero Health node, keyed by its `resource` parameter value.
 * Adding a resource: create `actions/<resource>/index.ts`, then one line here and one option in
 * `description.ts`.
 */
export const resources: Record<string, HeroResource> = {
	message,
};
