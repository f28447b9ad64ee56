/**
 * The Hero Health Trigger where a person meets it in the real n8n 1.x editor (headless Chromium):
 * the set-up notice at the top of the trigger's panel, and the trigger's events in a new, empty
 * workflow's trigger list (the node creator before a workflow has a trigger).
 *
 * Run: `npm run test:editor` (with the rest of the editor suite).
 */
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { HERO_EVENTS } from '../../nodes/HeroHealth/webhooks/events';
import { HeroHealthTrigger } from '../../nodes/HeroHealth/HeroHealthTrigger.node';
import { REPO_ROOT } from '../n8n/harness/constants';
import { QUOTE_REQUEST_BODY } from '../sandbox/faults';
import { webhooks } from '../sandbox/routes/webhooks';
import {
	TRIGGER_WEBHOOK_ID,
	WORKFLOW_IDS,
	editorWorkflows,
	nodeItem,
	openNode,
	pressEscape,
} from './editor';
import { startEditorSession, type EditorSession } from './session';

jest.setTimeout(240_000);

let session: EditorSession;
let page: Page;
const timings: string[] = [];

beforeAll(async () => {
	const started = Date.now();
	session = await startEditorSession({
		workflows: (credentialId) =>
			editorWorkflows(credentialId).filter((w) => w.id === WORKFLOW_IDS.trigger),
	});
	page = session.page;
	timings.push(
		`setup (sandbox, pack, install, n8n start, Chromium, login) ${Date.now() - started} ms`,
	);
}, 900_000);

afterAll(async () => {
	process.stderr.write(`\n[editor trigger figures]\n${timings.map((t) => `  ${t}`).join('\n')}\n`);
	await session?.close();
});

/** What the page shows now, to read afterwards (git-ignored folder). */
async function screenshot(name: string): Promise<void> {
	await page
		?.screenshot({
			path: join(
				REPO_ROOT,
				'.n8n-runs/editor',
				`${name.replace(/[^\w-]+/g, '_').slice(0, 80)}.png`,
			),
		})
		.catch(() => undefined);
}

// What the page showed at the end of each test, to read when one fails.
afterEach(() => screenshot(expect.getState().currentTestName ?? 'test'));

/** The notice's text as the page shows it: the description's HTML without its tags. */
const NOTICE_TEXT = String(new HeroHealthTrigger().description.properties[0].displayName).replace(
	/<[^>]+>/g,
	'',
);

/** n8n's trigger list names an event "On <name>" (lower case, dots and brackets dropped) unless it sets `action`. */
const EVENT_ACTIONS = HERO_EVENTS.map(
	(event) =>
		event.action ??
		`On ${event.name
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, ' ')
			.trim()}`,
);

describe('a new, empty workflow', () => {
	test('its trigger list finds Hero Health by "hero" and lists every Hero event as a readable "On ..." trigger, including "On form submitted (unconfirmed event)"', async () => {
		await session.openNewWorkflow();
		await page.getByTestId('canvas-add-button').click();
		const creator = page.getByTestId('node-creator');
		await creator.waitFor({ state: 'visible' });
		// With no trigger yet, n8n asks for one first.
		await creator.getByText('What triggers this workflow?').waitFor({ state: 'visible' });

		await page.getByTestId('node-creator-search-bar').fill('hero');
		const hero = nodeItem(page, /^Hero Health( Trigger)?$/);
		await hero.waitFor({ state: 'visible' });
		timings.push(`trigger list entry for "hero": ${await hero.innerText()}`);
		await hero.click();

		const unconfirmed = nodeItem(page, 'On form submitted (unconfirmed event)');
		await unconfirmed.waitFor({ state: 'visible' });
		const listed = (await page.getByTestId('node-creator-item-name').allInnerTexts()).map((t) =>
			t.trim(),
		);
		const triggers = listed.filter((name) => name.startsWith('On '));
		timings.push(`triggers listed: ${JSON.stringify(triggers)}`);
		await screenshot('trigger-list-of-an-empty-workflow');
		expect(triggers).toEqual(EVENT_ACTIONS);
		expect(triggers).toEqual([
			'On appointment cancelled',
			'On appointment confirmed',
			'On appointment rescheduled',
			'On form submitted (unconfirmed event)',
			'On patient added to sequence',
			'On patient medical record updated',
			'On prescription issued',
			'On write to record failed',
			'On write to record succeeded',
		]);
		// No trace of the raw name n8n would have made of "Form Submission Created (Unconfirmed)".
		expect(await creator.innerText()).not.toMatch(/created unconfirmed/i);

		// Picking it adds the trigger with that one event chosen, and its panel shows the event by name.
		await unconfirmed.click();
		await page.getByTestId('ndv').waitFor({ state: 'visible' });
		await page
			.getByTestId('ndv')
			.getByText('Form Submission Created (Unconfirmed)', { exact: true })
			.first()
			.waitFor({ state: 'visible' });
		await pressEscape(page, 2);
	});
});

describe('the Hero Health Trigger’s panel', () => {
	test('opens with the set-up notice above Events: a public HTTPS address, WEBHOOK_URL (as code), test and production URLs differ, only Hero’s own events; the Execute step button and the Webhook URLs it names are there', async () => {
		await session.openWorkflow(WORKFLOW_IDS.trigger);
		await openNode(page, 'Hero Health Trigger');
		const ndv = page.getByTestId('ndv');
		const notice = ndv.getByText(/needs a public HTTPS address/).first();
		await notice.waitFor({ state: 'visible' });
		const shown = (await notice.innerText()).replace(/\s+/g, ' ').trim();
		timings.push(`notice as shown: ${shown}`);
		await screenshot('trigger-panel-notice');
		expect(shown).toBe(NOTICE_TEXT);
		expect(shown).toContain('n8n needs a public HTTPS address');
		expect(shown).toContain('set WEBHOOK_URL');
		expect(shown).toContain(
			'The test URL (while Execute step listens for an event) and the production URL (once the workflow is active), both under Webhook URLs above, differ',
		);
		expect(shown).toContain("Only Hero's own events start it");
		// WEBHOOK_URL is shown as code, not as the tag's text.
		await notice.locator('code', { hasText: 'WEBHOOK_URL' }).waitFor({ state: 'visible' });
		expect(shown).not.toContain('<code>');

		// The notice is the first thing in the panel's parameters, above Events.
		const events = ndv.getByTestId('parameter-input-events').first();
		await events.waitFor({ state: 'visible' });
		const [noticeBox, eventsBox] = [await notice.boundingBox(), await events.boundingBox()];
		expect(noticeBox && eventsBox && noticeBox.y + noticeBox.height <= eventsBox.y).toBe(true);

		// What the notice names is there: the Execute step button, and Webhook URLs above it with both URLs.
		expect((await page.getByTestId('trigger-execute-button').first().innerText()).trim()).toBe(
			'Execute step',
		);
		// n8n's NodeWebhooks block (class "webhooks"; it has no data-test-id).
		const urls = ndv.locator('.webhooks').first();
		expect(noticeBox!.y).toBeGreaterThan((await urls.boundingBox())!.y);
		await urls.getByText('Webhook URLs', { exact: true }).click();
		const base = session.server.baseUrl;
		await urls.getByText('Test URL', { exact: true }).click();
		await urls
			.getByText(`${base}/webhook-test/${TRIGGER_WEBHOOK_ID}/webhook`, { exact: true })
			.waitFor({ state: 'visible' });
		await urls.getByText('Production URL', { exact: true }).click();
		await urls
			.getByText(`${base}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`, { exact: true })
			.waitFor({ state: 'visible' });
		await screenshot('trigger-panel-webhook-urls');
		await pressEscape(page);
	});
});

describe('activating the trigger’s workflow when Hero refuses the registration', () => {
	test('the editor’s Active switch shows n8n’s error naming the event and the URL registered, without the API key or the signing key, and stays off', async () => {
		await session.openWorkflow(WORKFLOW_IDS.trigger);
		// Hero's docs do not say Hero refuses http or private URLs: this is the sandbox's fault
		// injection, in Hero's documented 400 shape, quoting what it was sent (the signing key) and the API key.
		session.sandbox.faults.add({
			kind: 'status',
			status: 400,
			method: 'POST',
			path: '^/v1/webhooks$',
			body: {
				error: 'Bad Request',
				statusCode: 400,
				message: [
					{
						code: 'invalid_url',
						path: ['url'],
						message: `url must be a public https address; received ${QUOTE_REQUEST_BODY} with key ${session.sandbox.apiKey}`,
					},
				],
			},
		});
		const toggle = page.getByTestId('workflow-activate-switch');
		await toggle.click();
		const toast = page
			.locator('.el-notification')
			.filter({ hasText: 'Workflow could not be activated' })
			.first();
		await toast.waitFor({ state: 'visible' });
		const shown = (await toast.innerText()).replace(/\s+/g, ' ').trim();
		timings.push(`activation error as shown: ${shown}`);
		await page.waitForTimeout(800); // the toast slides in
		await screenshot('trigger-activation-refused');

		const url = `${session.server.baseUrl}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
		const posted = session.sandbox.received('POST', '/v1/webhooks');
		expect(posted.map((r) => [(JSON.parse(r.rawBody) as { url: string }).url, r.status])).toEqual([
			[url, 400],
		]);
		expect(shown).toContain(
			`Hero refused the webhook for patient.medical-record-updated at ${url} (400): `,
		);
		// The toast shows only the message: it says why, and what to do.
		expect(shown).toContain(
			'Hero cannot reach it: it is http, not https, and 127.0.0.1 is a private or local address; set WEBHOOK_URL to a public HTTPS address.',
		);
		const signingKey = String(
			(JSON.parse(posted[0].rawBody) as { signing_key: string }).signing_key,
		);
		expect(signingKey).toMatch(/^[0-9a-f]{64}$/);
		expect(shown).not.toContain(signingKey);
		expect(shown).not.toContain(session.sandbox.apiKey);
		expect(await page.content()).not.toContain(signingKey);

		// The switch is off again and nothing is left registered at Hero.
		expect(await toggle.locator('input').first().isChecked()).toBe(false);
		expect([...webhooks(session.sandbox.state).values()]).toEqual([]);
		session.sandbox.faults.clear();
	});
});
