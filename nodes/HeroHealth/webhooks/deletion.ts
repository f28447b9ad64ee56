import type { IHookFunctions } from 'n8n-workflow';

import { INFERRED, heroApiRequest, pathId } from '../transport';
import { listRegistrations } from './list';

/** Removing webhook registrations, and confirming from Hero's list that they are gone. */

const LOG_PREFIX = 'Hero Health Trigger';

/**
 * `DELETE /v1/webhooks/{id}` (path inferred). Answered with a 2xx or a 404: whether it is gone is
 * then read from the list (`deleteAll`), since a wrong path could answer either without deleting.
 */
export async function deleteRegistration(ctx: IHookFunctions, id: string): Promise<void> {
	let failure: unknown;
	try {
		await heroApiRequest.call(ctx, { method: 'DELETE', path: INFERRED.webhookPath(pathId(id)) });
		return;
	} catch (error) {
		failure = error;
	}
	if ((failure as { httpCode?: unknown }).httpCode === '404') return;
	// Already a NodeApiError with Hero's status and a human message (transport/errors.ts).
	throw failure;
}

export interface Deletion {
	/** Deletes that failed (Hero down, key refused): kept, tried again on the next activation. */
	failed: string[];
	/** Deletes Hero answered, yet the registration is still listed: the inferred path may be wrong. */
	stillListed: string[];
}

/** The message for registrations Hero still lists after answering their delete. */
export function stillListedText(ids: string[]): string {
	const which =
		ids.length === 1
			? `webhook registration ${ids[0]} after answering its delete`
			: `webhook registrations ${ids.join(', ')} after answering their deletes`;
	return `Hero still lists ${which} (DELETE ${INFERRED.webhookPath('{id}')} is an inferred path: Hero documents only create and list)`;
}

/**
 * Deletes each id, then reads the list once to confirm they are gone. Failures are logged (never
 * the key) and returned, so callers keep the ids rather than forgetting a registration Hero may
 * still deliver to.
 */
export async function deleteAll(
	ctx: IHookFunctions,
	ids: string[],
	why: string,
): Promise<Deletion> {
	const meta = () => ({ workflowId: ctx.getWorkflow().id, node: ctx.getNode().name });
	const failed: string[] = [];
	for (const id of ids) {
		try {
			await deleteRegistration(ctx, id);
		} catch (error) {
			failed.push(id);
			ctx.logger.warn(
				`${LOG_PREFIX}: could not delete Hero webhook registration ${id} (${why}): ${(error as Error).message}`,
				meta(),
			);
		}
	}
	const answered = ids.filter((id) => !failed.includes(id));
	if (answered.length === 0) return { failed, stillListed: [] };
	let listed: Set<string>;
	try {
		listed = new Set((await listRegistrations(ctx)).map((registration) => registration.id));
	} catch (error) {
		// Unconfirmed: kept, and tried again (and confirmed) on the next activation.
		ctx.logger.warn(
			`${LOG_PREFIX}: could not confirm the delete of Hero webhook registrations ${answered.join(', ')} (${why}): ${(error as Error).message}`,
			meta(),
		);
		return { failed: [...failed, ...answered], stillListed: [] };
	}
	const stillListed = answered.filter((id) => listed.has(id));
	if (stillListed.length)
		ctx.logger.error(
			`${LOG_PREFIX}: ${stillListedText(stillListed)} (${why}). They were not removed; remove them in Hero.`,
			meta(),
		);
	return { failed, stillListed };
}
