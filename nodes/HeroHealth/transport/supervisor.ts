import type { HeroRequest } from './request';

/** Told, once per attempt, that Hero may have carried the request out (it left n8n and was not refused). */
export type RequestWatch = () => void;

/**
 * The router–transport contract: what the action node's router tells the transport about every request
 * of one execution. The router hands it to the operations on their execute context (`SupervisedContext`),
 * and `heroApiRequest` takes it from the context it is called with.
 */
export interface RequestSupervisor {
	/** Request Options → Timeout, for each attempt; the default when undefined. */
	readonly timeoutMs?: number;
	/**
	 * Sees every request before it is made, and may throw to stop it (the check pass). The watch it may
	 * return is called for each attempt Hero may have carried out.
	 */
	beforeRequest(request: HeroRequest, repeatable: boolean): RequestWatch | void;
}

/** An execute context that carries the router's supervisor. */
export interface SupervisedContext {
	readonly heroRequestSupervisor: RequestSupervisor;
}

/** The supervisor of `context`, where the router gave it one (a trigger or a dropdown has none). */
export function supervisorOf(context: object): RequestSupervisor | undefined {
	return (context as Partial<SupervisedContext>).heroRequestSupervisor;
}
