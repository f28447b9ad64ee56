import type { INodeProperties } from 'n8n-workflow';

import { requestOptions } from './common.descriptions';
import { resources } from './resources';

const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'message',
	options: [
		{ name: 'Message', value: 'message', description: 'Send SMS, email and NHS App messages to patients' },
	],
};

/** The node's parameters: resource, then each resource's operations and their fields. */
export const properties: INodeProperties[] = [
	resourceProperty,
	...Object.values(resources).flatMap((resource) => [
		resource.operationProperty,
		...Object.values(resource.operations).flatMap((operation) => operation.description),
	]),
	requestOptions,
];
