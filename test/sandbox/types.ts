import type { IncomingHttpHeaders } from 'node:http';

import type { Spec } from './schema';
import type { SandboxState } from './state';

export type Query = Record<string, string | string[]>;

export interface SandboxRequest {
	method: string;
	path: string;
	params: Record<string, string>;
	query: Query;
	body: any;
	headers: IncomingHttpHeaders;
	state: SandboxState;
}

/** A handler returns the JSON body of a 200, or `reply(status, body)` for anything else. */
export interface Reply {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

export interface Route {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** `/v1/appointments/:id/cancel` */
	path: string;
	query?: Spec;
	body?: Spec;
	/** A body is required (documented "body required"). */
	bodyRequired?: boolean;
	handler(request: SandboxRequest): unknown;
}

export interface RouteModule {
	routes: Route[];
	/** Test-only routes under `/__sandbox/`, without Hero's auth (e.g. emit a webhook event). */
	control?: Route[];
	/** Fills the module's slice with seed data; called on start and on reset. */
	seed?(state: SandboxState): void;
	/** Called once when the server starts, e.g. to subscribe to state events. */
	start?(state: SandboxState): void;
}

export const reply = (
	status: number,
	body: unknown,
	headers?: Record<string, string>,
): Reply & { __reply: true } => ({
	status,
	body,
	headers,
	__reply: true,
});
