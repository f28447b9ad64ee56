/**
 * The example workflows of test/n8n/examples/ and the one way every user of them (the demo `npm
 * start`, the e2e suites, the unit tests) fills them in for the sandbox.
 *
 * Each example that writes to Hero starts with a Code node named "Fill in: …" holding an empty
 * `const rows = [ … ];` list (commented examples inside). Until a user lists their own test
 * patient(s) there, the node throws an error naming what to fill in, so an example imported and run
 * unchanged with a real credential sends nothing. The sandbox values below are
 * written into that list on import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { REPO_ROOT } from './harness/constants';
import type { WorkflowJson } from './harness/workflows';

export const EXAMPLES_FOLDER = join(REPO_ROOT, 'test/n8n/examples');

/** The rows each example's "Fill in: …" node gets for the sandbox, by workflow id. */
export const SANDBOX_FILL_INS: Record<string, IDataObject[]> = {
	heroExampleSms01: [
		{
			patient_id: '2001',
			recipient_contact_detail: '07700 900123',
			message: 'Dear Ada, your flu jab is booked for 15 March at 09:30. Reply STOP to opt out.',
		},
	],
	heroExampleGet01: [
		{
			patient_id: '2002',
			recipient_contact_detail: 'alan@example.com',
			message: 'Dear Alan, your test results are ready. Please log in to the NHS App to read them.',
		},
	],
	heroExampleBook01: [{ patient_id: '2001' }],
	heroExampleLink01: [{ nhs_number: '485 777 3457', date_of_birth: '1986-12-09' }],
	heroExampleAgent01: [{ nhs_number: '943 476 5919', date_of_birth: '1985-12-10' }],
	heroExampleReminder01: [{ practice_name: 'Riverside Surgery' }],
	// The third row's number is one digit short: the example shows On Error: Continue reporting it.
	heroExampleList01: [
		{ patient_id: '2001', first_name: 'Ada', recipient_contact_detail: '07700 900001' },
		{ patient_id: '2002', first_name: 'Alan', recipient_contact_detail: '+44 7700 900002' },
		{ patient_id: '2003', first_name: 'Mary', recipient_contact_detail: '07700 90003' },
	],
	// The third row's date of birth is wrong: the example shows the unmatched row as an error item.
	heroExampleNhs01: [
		{ nhs_number: '943 476 5919', dob: '1985-12-10' },
		{ nhs_number: '9434765870', dob: '1972-06-23' },
		{ nhs_number: '943 476 5846', dob: '1990-11-24' },
	],
	heroExampleMap01: [
		{
			patient_id: '2001',
			first_name: 'Ada',
			message_type: 'sms',
			recipient_contact_detail: '07700 900001',
			message_string: 'Dear Ada, your annual review is due. Please book at your GP practice.',
		},
		{
			patient_id: '2002',
			first_name: 'Alan',
			message_type: 'sms',
			recipient_contact_detail: '+44 7700 900002',
			message_string: 'Dear Alan, your annual review is due. Please book at your GP practice.',
		},
		{
			patient_id: '2003',
			first_name: 'Mary',
			message_type: 'sms',
			recipient_contact_detail: '07700 90003',
			message_string: 'Dear Mary, your annual review is due. Please book at your GP practice.',
		},
		{
			patient_id: '2004',
			first_name: 'Grace',
			message_type: 'email',
			recipient_contact_detail: 'grace@example.com',
			message_string: 'Dear Grace, your annual review is due.',
		},
	],
};

/** The empty list a "Fill in: …" node holds, with its commented example rows. */
const EMPTY_ROWS = /const rows = \[\n(?:[ \t]*\/\/[^\n]*\n)*\];/;

/** Every example workflow, as in the files (unfilled). */
export function loadExamples(): WorkflowJson[] {
	return readdirSync(EXAMPLES_FOLDER)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => JSON.parse(readFileSync(join(EXAMPLES_FOLDER, file), 'utf8')) as WorkflowJson);
}

/** The example's "Fill in: …" node, if it has one. */
export function fillInNode(workflow: WorkflowJson) {
	return workflow.nodes.find((node) => node.name.startsWith('Fill in:'));
}

/** A copy of `workflow` with `rows` in its "Fill in: …" node (default: the sandbox's rows). */
export function fillExample(
	workflow: WorkflowJson,
	rows: IDataObject[] | undefined = SANDBOX_FILL_INS[workflow.id],
): WorkflowJson {
	const node = fillInNode(workflow);
	if (!node) return workflow;
	const code = String(node.parameters.jsCode ?? '');
	// Fail loudly when an example and its fill-in drift apart, rather than import it unfilled.
	if (!rows || !EMPTY_ROWS.test(code))
		throw new Error(
			`fillExample: no sandbox rows, or no empty "const rows = [ ];" in "${node.name}" of ${workflow.id}`,
		);
	const filled = code.replace(EMPTY_ROWS, `const rows = ${JSON.stringify(rows, null, 2)};`);
	return {
		...workflow,
		nodes: workflow.nodes.map((n) =>
			n === node ? { ...n, parameters: { ...n.parameters, jsCode: filled } } : n,
		),
	};
}

/** Every example, filled in for the sandbox. */
export const loadFilledExamples = (): WorkflowJson[] =>
	loadExamples().map((workflow) => fillExample(workflow));
