/**
 * The benchmark's inputs and workflows: the same message sends through the Hero Health node and
 * through n8n's HTTP Request node with its headers set by hand (what a user would build instead),
 * and Slot → Get Many (Return All) against an HTTP Request node paging loop.
 */
import { randomBytes } from 'node:crypto';

import {
	heroNode,
	linearWorkflow,
	manualTriggerNode,
	type WorkflowJson,
	type WorkflowNode,
} from '../n8n/harness/workflows';
import { sendItemFields } from '../harness/parameters';

/** One input item of the send benchmarks. Patients 2001-2005 are seeded by the sandbox. */
export interface BenchItem {
	patientId: string;
	phone: string;
	text: string;
}

export function benchItem(index: number): BenchItem {
	return {
		patientId: String(2001 + (index % 5)),
		phone: `+447700${String(900000 + (index % 100000)).padStart(6, '0')}`,
		text: `Dear patient, your flu jab is booked for 15 March at 09:30 (ref ${index + 1}).`,
	};
}

/** The body both nodes and the floor client send for item `index` (the Hero node builds the same). */
export function sendBody(index: number): Record<string, string> {
	const item = benchItem(index);
	return {
		patient_id: item.patientId,
		message_type: 'sms',
		message_string: item.text,
		recipient_contact_detail: item.phone,
	};
}

const id = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/**
 * A Code node emitting `count` bench items (built here, so every run sends the same bodies): by
 * default `benchItem`s, or with `heroNames` the send itself under Hero's field names (`sendBody`),
 * as a sheet prepared for "Map Automatically" or a whole-item JSON body holds it.
 */
export function inputNode(count: number, heroNames = false): WorkflowNode {
	const items = Array.from({ length: count }, (_, index) =>
		heroNames ? sendBody(index) : benchItem(index),
	);
	return {
		id: id('items'),
		name: 'Input Items',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [0, 0],
		parameters: { jsCode: `return ${JSON.stringify(items)}.map((json) => ({ json }));` },
	};
}

export const BENCH_NODE = 'Send';

/** Manual Trigger → Input Items → Hero Health (Message → Send, SMS, `requestsInFlight`). */
export function heroSendWorkflow(
	workflowId: string,
	count: number,
	requestsInFlight: number,
	credentialId: string,
): WorkflowJson {
	const hero = heroNode(sendItemFields({ requestOptions: { requestsInFlight } }), {
		credentialId,
		name: BENCH_NODE,
	});
	return linearWorkflow(workflowId, `Bench: Hero send x${count} @${requestsInFlight}`, [
		manualTriggerNode(),
		inputNode(count),
		hero,
	]);
}

/** Manual Trigger → Input Items (Hero's names) → Hero Health (Message → Send, Input Data "Map Automatically"). */
export function heroMapWorkflow(
	workflowId: string,
	count: number,
	requestsInFlight: number,
	credentialId: string,
): WorkflowJson {
	const hero = heroNode(
		{
			resource: 'message',
			operation: 'send',
			inputData: 'autoMapInputData',
			requestOptions: { requestsInFlight },
		},
		{ credentialId, name: BENCH_NODE },
	);
	return linearWorkflow(workflowId, `Bench: Hero send, mapped, x${count} @${requestsInFlight}`, [
		manualTriggerNode(),
		inputNode(count, true),
		hero,
	]);
}

/** Bench patient `index` (seeded by `seedBenchPatients`): a Hero id from 50000, a valid NHS number, a date of birth. */
export interface BenchPatient {
	id: string;
	nhs_number: string;
	dob: string;
}

/** `count` bench patients, each with its own valid (modulus 11) NHS number. */
export function benchPatients(count: number): BenchPatient[] {
	const list: BenchPatient[] = [];
	for (let base = 600_000_000; list.length < count; base++) {
		const digits = String(base);
		let sum = 0;
		for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
		const check = (11 - (sum % 11)) % 11;
		if (check === 10) continue;
		const index = list.length;
		list.push({
			id: String(50_000 + index),
			nhs_number: `${digits}${check}`,
			dob: `19${String(40 + (index % 60)).padStart(2, '0')}-0${1 + (index % 9)}-1${index % 10}`,
		});
	}
	return list;
}

/**
 * Manual Trigger → Input Items (a different patient on every item, named by NHS number and date of
 * birth instead of a Hero id) → Hero Health (Message → Send): the same sends as `heroMapWorkflow`
 * (`map`: Map Automatically, the items under Hero's names with `nhs_number` and `dob`) or as
 * `heroSendWorkflow` (`fields`: Identify Patient By NHS Number and Date of Birth, every field by
 * expression), each patient found with Hero's search first.
 */
export function heroNhsWorkflow(
	workflowId: string,
	count: number,
	requestsInFlight: number,
	credentialId: string,
	mode: 'map' | 'fields',
): WorkflowJson {
	const patients = benchPatients(count);
	const items = Array.from({ length: count }, (_, index) => {
		const { nhs_number, dob } = patients[index];
		if (mode === 'fields') {
			const { patientId: _id, ...item } = benchItem(index);
			return { nhsNumber: nhs_number, dob, ...item };
		}
		const { patient_id: _id, ...send } = sendBody(index);
		return { nhs_number, dob, ...send };
	});
	const input: WorkflowNode = {
		...inputNode(0),
		parameters: { jsCode: `return ${JSON.stringify(items)}.map((json) => ({ json }));` },
	};
	const parameters =
		mode === 'fields'
			? sendItemFields({
					patientId: undefined,
					identifyPatientBy: 'nhsNumberAndDob',
					nhsNumber: '={{ $json.nhsNumber }}',
					dateOfBirth: '={{ $json.dob }}',
					requestOptions: { requestsInFlight },
				})
			: {
					resource: 'message',
					operation: 'send',
					inputData: 'autoMapInputData',
					requestOptions: { requestsInFlight },
				};
	const hero = heroNode(parameters, { credentialId, name: BENCH_NODE });
	return linearWorkflow(
		workflowId,
		`Bench: Hero send by NHS number (${mode}) x${count} @${requestsInFlight}`,
		[manualTriggerNode(), input, hero],
	);
}

/** Headers a user copies into the HTTP Request node instead of using a credential. */
export interface HandHeaders {
	apiKey: string;
	practiceGroupId: string;
}

function httpRequestNode(name: string, parameters: Record<string, unknown>): WorkflowNode {
	return {
		id: id('http'),
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [0, 0],
		parameters,
	};
}

function handHeaders(headers: HandHeaders) {
	return {
		sendHeaders: true,
		specifyHeaders: 'keypair',
		headerParameters: {
			parameters: [
				{ name: 'x-api-key', value: headers.apiKey },
				{ name: 'x-practice-group-id', value: headers.practiceGroupId },
			],
		},
	};
}

/** n8n's HTTP Request node posting JSON to Hero's send path with hand-set auth headers; `body` says how the body is built. */
function httpSendNode(baseUrl: string, headers: HandHeaders, body: Record<string, unknown>) {
	return httpRequestNode(BENCH_NODE, {
		method: 'POST',
		url: `${baseUrl}/v1/messages/send`,
		authentication: 'none',
		...handHeaders(headers),
		sendBody: true,
		contentType: 'json',
		...body,
		options: {},
	});
}

/** Manual Trigger → Input Items → HTTP Request (POST /v1/messages/send, JSON body, headers by hand). */
export function httpSendWorkflow(
	workflowId: string,
	count: number,
	baseUrl: string,
	headers: HandHeaders,
): WorkflowJson {
	const http = httpSendNode(baseUrl, headers, {
		specifyBody: 'keypair',
		bodyParameters: {
			parameters: [
				{ name: 'patient_id', value: '={{ $json.patientId }}' },
				{ name: 'message_type', value: 'sms' },
				{ name: 'message_string', value: '={{ $json.text }}' },
				{ name: 'recipient_contact_detail', value: '={{ $json.phone }}' },
			],
		},
	});
	return linearWorkflow(workflowId, `Bench: HTTP Request send x${count}`, [
		manualTriggerNode(),
		inputNode(count),
		http,
	]);
}

/**
 * Manual Trigger → Input Items (Hero's names) → HTTP Request sending the whole item as its JSON body
 * (`={{ $json }}`: one expression per item, the fairest hand-built equivalent of "Map Automatically").
 */
export function httpJsonSendWorkflow(
	workflowId: string,
	count: number,
	baseUrl: string,
	headers: HandHeaders,
): WorkflowJson {
	const http = httpSendNode(baseUrl, headers, { specifyBody: 'json', jsonBody: '={{ $json }}' });
	return linearWorkflow(workflowId, `Bench: HTTP Request send, JSON body, x${count}`, [
		manualTriggerNode(),
		inputNode(count, true),
		http,
	]);
}

/** Manual Trigger → Hero Health (Slot → Get Many, Return All). `parameters` come from the Slot operation. */
export function heroGetManyWorkflow(
	workflowId: string,
	parameters: Record<string, unknown>,
	credentialId: string,
): WorkflowJson {
	return linearWorkflow(workflowId, 'Bench: Hero slots Return All', [
		manualTriggerNode(),
		heroNode(parameters, { credentialId, name: BENCH_NODE }),
	]);
}

export const SPLIT_NODE = 'Split Out';

/**
 * Manual Trigger → HTTP Request with n8n's own pagination (`page_index` = page count; done at a
 * short page or once `count` records were read, the rule the Hero node follows) → Split Out
 * (`data`), so both sides end with one item per slot.
 */
export function httpPagingWorkflow(
	workflowId: string,
	path: string,
	query: Record<string, string>,
	options: { baseUrl: string; headers: HandHeaders; firstPageIndex: number; pageSize: number },
): WorkflowJson {
	const http = httpRequestNode(BENCH_NODE, {
		method: 'GET',
		url: `${options.baseUrl}${path}`,
		authentication: 'none',
		sendQuery: true,
		specifyQuery: 'keypair',
		queryParameters: {
			parameters: [
				...Object.entries(query).map(([name, value]) => ({ name, value })),
				{ name: 'page_size', value: String(options.pageSize) },
			],
		},
		...handHeaders(options.headers),
		options: {
			pagination: {
				pagination: {
					paginationMode: 'updateAParameterInEachRequest',
					parameters: {
						parameters: [
							{
								type: 'qs',
								name: 'page_index',
								value: `={{ $pageCount + ${options.firstPageIndex} }}`,
							},
						],
					},
					paginationCompleteWhen: 'other',
					completeExpression: `={{ $response.body.data.length < ${options.pageSize} || $pageCount * ${options.pageSize} >= $response.body.count }}`,
				},
			},
		},
	});
	const split: WorkflowNode = {
		id: id('split'),
		name: SPLIT_NODE,
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position: [0, 0],
		parameters: { fieldToSplitOut: 'data', include: 'noOtherFields', options: {} },
	};
	return linearWorkflow(workflowId, 'Bench: HTTP Request paging loop', [
		manualTriggerNode(),
		http,
		split,
	]);
}
