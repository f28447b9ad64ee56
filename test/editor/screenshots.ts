/**
 * `npm run screenshots`: the README's pictures of the nodes in the real n8n editor, written to
 * docs/images/ as PNGs by the same harness as the editor tests (sandbox behind the credential).
 *
 *   actions-list.png         the node creator's "Node details" with Hero Health's actions
 *   message-send.png         Message → Send with a template chosen from Hero, after a run
 *   book-next-available.png  Appointment → Book Next Available and its output
 *   trigger.png              Hero Health Trigger after "Listen for test event" received an event
 *   credential.png           the credential dialog, tested against the sandbox
 *
 * Prints each file's size: keep the set to a few hundred kB.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { Locator, Page } from 'playwright-core';

import { REPO_ROOT } from '../n8n/harness/constants';
import { webhooks } from '../sandbox/routes/webhooks';
import {
	BOOK_NEXT_NODE,
	REMINDER_TEMPLATE,
	SEND_MESSAGE_ACTION,
	WORKFLOW_IDS,
	editorWorkflows,
	executeStep,
	fillPatientId,
	listEntry,
	nodeItem,
	openCredentialDialog,
	openLocatorList,
	openNode,
	openNodeCreator,
	outputJson,
	pressEscape,
	searchNodes,
} from './editor';
import { startEditorSession } from './session';

const OUT = join(REPO_ROOT, 'docs/images');
/** Smaller than the test window: the pictures are read at README width. */
const VIEWPORT = { width: 1200, height: 720 };

async function shoot(page: Page, target: Page | Locator, file: string): Promise<void> {
	const path = join(OUT, file);
	// No toasts ("Node executed successfully") or hover effects over the picture.
	for (const close of await page
		.locator('.el-notification__closeBtn')
		.filter({ visible: true })
		.all())
		await close.click().catch(() => undefined);
	await page.mouse.move(0, 0);
	// The node's parameters from the top (credential first), as a user opening it sees them.
	await page
		.getByTestId('node-parameters')
		.filter({ visible: true })
		.evaluateAll((panels) => {
			// Runs in the page: the elements are DOM nodes there.
			type Scrollable = { scrollTop: number; parentElement: Scrollable | null };
			for (const panel of panels as unknown as Scrollable[])
				for (let el: Scrollable | null = panel; el; el = el.parentElement) el.scrollTop = 0;
		})
		.catch(() => undefined);
	await page.waitForTimeout(400);
	await target.screenshot({ path, animations: 'disabled', caret: 'hide' });
	process.stdout.write(`[screenshots] ${file} ${Math.round(statSync(path).size / 1024)} kB\n`);
}

async function main(): Promise<void> {
	mkdirSync(OUT, { recursive: true });
	const session = await startEditorSession({ workflows: editorWorkflows, viewport: VIEWPORT });
	const { page } = session;
	try {
		// 1. The actions list, from the node creator.
		await session.openWorkflow(WORKFLOW_IDS.start);
		await openNodeCreator(page);
		await searchNodes(page, 'hero', 'Hero Health');
		await nodeItem(page, 'Hero Health').click();
		await nodeItem(page, SEND_MESSAGE_ACTION).waitFor({ state: 'visible' });
		await shoot(page, page.getByTestId('node-creator'), 'actions-list.png');

		// 2. Message → Send: template from Hero's list, run.
		await nodeItem(page, SEND_MESSAGE_ACTION).click();
		await page.getByTestId('ndv').waitFor({ state: 'visible' });
		await fillPatientId(page, '2001');
		await openLocatorList(page, 'templateId', REMINDER_TEMPLATE);
		await listEntry(page, REMINDER_TEMPLATE).click();
		await executeStep(page, 'message_id');
		await page.getByTestId('output-panel').getByTestId('radio-button-table').click();
		await shoot(page, page, 'message-send.png');

		// 3. Book Next Available and its output.
		await pressEscape(page, 2);
		await session.openWorkflow(WORKFLOW_IDS.bookNext);
		await openNode(page, BOOK_NEXT_NODE);
		await executeStep(page, 'booked');
		await shoot(page, page, 'book-next-available.png');

		// 4. The credential dialog, tested against the sandbox.
		const dialog = await openCredentialDialog(page);
		await dialog.getByText('Connection tested successfully').waitFor({ state: 'visible' });
		// The Environment list open: each option shows its URL.
		await dialog.getByTestId('parameter-input-environment').click();
		await page
			.getByRole('option', { name: /Hero Mock Server/ })
			.filter({ visible: true })
			.waitFor({ state: 'visible' });
		await shoot(page, page, 'credential.png');
		await pressEscape(page, 3);

		// 5. The trigger, after a test event.
		await session.openWorkflow(WORKFLOW_IDS.trigger);
		await openNode(page, 'Hero Health Trigger');
		await page.getByTestId('trigger-execute-button').click();
		for (let i = 0; i < 150 && webhooks(session.sandbox.state).size < 2; i++)
			await new Promise((r) => setTimeout(r, 200));
		await fetch(`${session.sandbox.url}/__sandbox/webhooks/emit`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ event: 'patient.medical-record-updated', id: '2001' }),
		});
		await outputJson(page, 'patient.medical-record-updated');
		await shoot(page, page, 'trigger.png');
	} finally {
		await session.close();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`[screenshots] failed: ${(error as Error).stack ?? error}\n`);
		process.exit(1);
	},
);
