/**
 * What the paging benchmark needs from the Slot resource and the sandbox's booking routes: the
 * Hero node parameters of Slot → Get Many (Return All), the list path and query, and a way to make
 * the sandbox hold N slots (its `POST /__sandbox/slots/generate` control route).
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
			/** Replaces the sandbox's slots with exactly `count` free future ones. */
			generate(sandbox: Sandbox, count: number): Promise<void>;
	  };

export function slotBench(resources: Record<string, HeroResource>): SlotBench {
	if (!resources.slot?.operations.getMany)
		return { available: false, reason: 'this build has no Slot → Get Many operation' };
	return {
		available: true,
		path: '/v1/slots',
		query: {},
		heroParameters: { resource: 'slot', operation: 'getMany', returnAll: true, filters: {} },
		async generate(sandbox, count) {
			const response = await fetch(`${sandbox.url}/__sandbox/slots/generate`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ count }),
			});
			const result = (await response.json()) as { count?: number; error?: string };
			if (!response.ok || result.count !== count)
				throw new Error(`sandbox slot generator: ${response.status} ${JSON.stringify(result)}`);
		},
	};
}
