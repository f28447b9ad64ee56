/**
 * What the paging benchmark needs from the Slot resource and the sandbox's booking routes: the
 * Hero node parameters of Slot → Get Many (Return All), the list path and query, and a way to make
 * the sandbox hold N slots.
 */
import type { HeroResource } from '../../nodes/HeroHealth/actions/types';
import type { Sandbox } from '../sandbox/server';

export type SlotBench =
	| { available: false; reason: string }
	| {
			available: true;
			/** GET path of List Slots. */
			path: string;
			/** Query both clients send besides paging. */
			query: Record<string, string>;
			heroParameters: Record<string, unknown>;
			generate(sandbox: Sandbox, count: number): Promise<void>;
	  };

export function slotBench(resources: Record<string, HeroResource>): SlotBench {
	if (!resources.slot?.operations.getMany) return { available: false, reason: 'this build has no Slot → Get Many operation' };
	return { available: false, reason: 'the sandbox has no slot generator yet' };
}
