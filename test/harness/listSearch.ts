/**
 * Runs one of the Hero Health node's listSearch methods (a "From list" dropdown) in n8n-core's own
 * LoadOptionsContext, the context n8n gives them in the editor, with the real
 * httpRequestWithAuthentication against the sandbox.
 */
import { LoadOptionsContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeListSearchResult,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { listSearch, loadOptions } from '../../nodes/HeroHealth/methods';
import type { Sandbox } from '../sandbox/server';
import {
	additionalDataFor,
	HERO_NODE_TYPE,
	nodeCredentials,
	nodeTypes,
	SandboxCredentials,
	sandboxCredentialData,
} from './engine';

/** Calls `listSearch[method]` as the editor does for a node whose parameters are `parameters`. */
export async function searchList(
	sandbox: Sandbox,
	method: string,
	parameters: IDataObject,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return listSearch[method].call(loadOptionsContext(sandbox, parameters), filter, paginationToken);
}

/** Calls `loadOptions[method]` (a multi-select's options) as the editor does. */
export async function loadOptionsList(
	sandbox: Sandbox,
	method: string,
	parameters: IDataObject,
): Promise<INodePropertyOptions[]> {
	return loadOptions[method].call(loadOptionsContext(sandbox, parameters));
}

function loadOptionsContext(sandbox: Sandbox, parameters: IDataObject): LoadOptionsContext {
	const node: INode = {
		id: 'b',
		name: 'Hero Health',
		type: HERO_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: nodeCredentials(),
	};
	const workflow = new Workflow({
		id: 'wf',
		name: 'wf',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: { timezone: 'Europe/London' },
	});
	const additionalData = additionalDataFor(new SandboxCredentials(sandboxCredentialData(sandbox)), {
		currentNodeParameters: parameters,
	});
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters');
}
