/**
 * A failed row in a list, as a practice manager sees it in the real n8n 1.x editor (headless Chromium,
 * the packed package installed, the Hero sandbox behind the credential): a list of three sends whose
 * 2nd row has a bad phone number. The editor's error view and its output JSON name that row "row 2",
 * counted as a person counts the rows of the list (with n8n's own 0-based "item 1"), and the output names its patient by Hero ID.
 *
 * Run: `npm run test:editor` (builds, installs Debian's Chromium if missing, then the editor suite).
 */
import {
	heroNode,
	itemsNode,
	linearWorkflow,
	manualTriggerNode,
	type WorkflowJson,
} from '../n8n/harness/workflows';
import { sendItemFields } from '../harness/parameters';
import { executeStep, openNode } from './editor';
import { startEditorSession, type EditorSession } from './session';

jest.setTimeout(240_000);

const SEND_NODE = 'Send the list';
const STOPS = 'heroEditorRowsStop1';
const CONTINUES = 'heroEditorRowsContinue1';
const ROWS = [
	{ patientId: '2001', phone: '07700 900001', text: 'Dear Ada, your review is due.' },
	{ patientId: '2002', phone: '12345', text: 'This one must not be sent' },
	{ patientId: '2003', phone: '07700 900003', text: 'Dear Mary, your review is due.' },
];
const BAD_PHONE =
	'Recipient Contact Detail: expected a phone number such as 07700 900123, or one in international form such as +33 6 12 34 56 78 [row 2 (n8n item 1)]';

function rowsWorkflows(credentialId: string): WorkflowJson[] {
	const send = (settings: Record<string, unknown>) =>
		heroNode(sendItemFields(), { credentialId, name: SEND_NODE, settings });
	return [
		linearWorkflow(STOPS, 'Editor: a list, row 2 bad', [
			manualTriggerNode(),
			itemsNode(ROWS),
			send({}),
		]),
		linearWorkflow(CONTINUES, 'Editor: a list, row 2 bad, continue', [
			manualTriggerNode(),
			itemsNode(ROWS),
			send({ onError: 'continueRegularOutput' }),
		]),
	];
}

let session: EditorSession;

beforeAll(async () => {
	session = await startEditorSession({ workflows: rowsWorkflows });
}, 900_000);

afterAll(async () => {
	await session?.close();
});

beforeEach(() => session?.sandbox.reset());

test('the error view names the bad second row "[row 2 (n8n item 1)]" once (n8n adds no suffix of its own), and nothing is sent', async () => {
	const { page } = session;
	await session.openWorkflow(STOPS);
	await openNode(page, SEND_NODE);
	await page.getByTestId('node-execute-button').click();
	const message = page.getByTestId('output-panel').getByTestId('node-error-message');
	await message.waitFor({ state: 'visible', timeout: 60_000 });
	// What a person reads. n8n's editor (NodeErrorView `addItemIndexSuffix`) appends " [item <itemIndex>]",
	// 0-based, unless the message already holds "item <itemIndex>": the node's label names n8n's item
	// too, so the row is named once, as a person counts it.
	expect((await message.innerText()).trim()).toBe(BAD_PHONE);
	expect(BAD_PHONE).toMatch(/ \[row 2 \(n8n item 1\)\]$/);
	const description = page.getByTestId('output-panel').getByTestId('node-error-description');
	expect((await description.innerText()).trim()).toBe(
		'Row 2 was not sent to Hero. Correct "Recipient Contact Detail" and run again.',
	);
	// The check pass found the bad row before any send: no row was sent.
	expect(session.sandbox.received('POST', '/v1/messages/send')).toHaveLength(0);
});

test('with On Error: Continue, the output shows row 2 as "row": 2 with its patient_id, the other rows sent', async () => {
	const { page } = session;
	await session.openWorkflow(CONTINUES);
	await openNode(page, SEND_NODE);
	const json = await executeStep(page, '[row 2 (n8n item 1)]');
	expect(json).toContain(`"error": "${BAD_PHONE}"`);
	expect(json).toContain('"row": 2');
	expect(json).toContain('"patient_id": "2002"');
	// The rejected phone number is not shown back.
	expect(json).not.toContain('12345');
	const sent = session.sandbox
		.received('POST', '/v1/messages/send')
		.map((send) => (send.body as { patient_id: string }).patient_id)
		.sort();
	expect(sent).toEqual(['2001', '2003']);
});
