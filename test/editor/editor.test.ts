/**
 * The nodes in the real n8n 1.x editor (test/install/n8n-lines.json), in headless Chromium (Debian's, driven by
 * playwright-core), with the packed package installed and the Hero sandbox behind the credential.
 * Every assertion is on what the page shows, checked against what the sandbox received.
 *
 * Run: `npm run test:editor` (builds, installs Debian's Chromium if missing, then this suite).
 */
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';
import type { Page } from 'playwright-core';

import { HERO_APP_DESCRIPTION } from '../../nodes/HeroHealth/nodeDescription';
import { INFERRED } from '../../nodes/HeroHealth/transport/inferred';
import { sandboxClient } from '../harness/sandboxClient';
import { REPO_ROOT } from '../n8n/harness/constants';
import { londonDate } from '../sandbox/routes/slots';
import { deliveries, settledDeliveries, webhooks } from '../sandbox/routes/webhooks';
import { templates } from '../sandbox/routes/templates';
import { templateLabel } from '../../nodes/HeroHealth/methods/listSearch/messageTemplates';
import {
	BOOK_NEXT_NODE,
	REMINDER_TEMPLATE,
	SEND_MESSAGE_ACTION,
	SLOTS_NODE,
	TRIGGER_WEBHOOK_ID,
	WORKFLOW_IDS,
	addCollectionOption,
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
	PATIENT_NODE,
	VIDEO_LINK_NODE,
	pickCredential,
	pressEscape,
	searchLocatorList,
	searchNodes,
	setLocatorMode,
	tooltipOf,
} from './editor';
import { startEditorSession, type EditorSession } from './session';

jest.setTimeout(240_000);

let session: EditorSession;
let page: Page;
const timings: string[] = [];

beforeAll(async () => {
	const started = Date.now();
	session = await startEditorSession({ workflows: editorWorkflows });
	page = session.page;
	timings.push(
		`setup (sandbox, pack, install, n8n start, Chromium, login) ${Date.now() - started} ms`,
	);
}, 900_000);

afterAll(async () => {
	process.stderr.write(`\n[editor suite figures]\n${timings.map((t) => `  ${t}`).join('\n')}\n`);
	await session?.close();
});

let testStarted = 0;
beforeEach(() => {
	testStarted = Date.now();
	session?.sandbox.reset();
});
afterEach(async () => {
	const name = expect.getState().currentTestName ?? 'test';
	timings.push(`${name}: ${Date.now() - testStarted} ms`);
	// What the page showed at the end of each test, to read when one fails (git-ignored folder).
	await page
		?.screenshot({
			path: join(
				REPO_ROOT,
				'.n8n-runs/editor',
				`${name.replace(/[^\w-]+/g, '_').slice(0, 80)}.png`,
			),
		})
		.catch(() => undefined);
});

const SEARCHES = [
	'sms',
	'send sms',
	'text message',
	'appointment',
	'book appointment',
	'nhs',
	'patient',
];

describe('node creator', () => {
	test('searching "sms", "send sms", "text message", "appointment", "book appointment", "nhs" or "patient" lists Hero Health', async () => {
		await session.openWorkflow(WORKFLOW_IDS.start);
		await openNodeCreator(page);
		const found: Record<string, number> = {};
		for (const term of SEARCHES) {
			const names = await searchNodes(page, term, 'Hero Health');
			found[term] = names.indexOf('Hero Health') + 1;
		}
		timings.push(`rank of Hero Health per search: ${JSON.stringify(found)}`);
		expect(Object.entries(found).filter(([, rank]) => rank === 0)).toEqual([]);
	});

	test('"Node details" of Hero Health shows the action node’s description above its triggers and actions', async () => {
		await searchNodes(page, 'hero', 'Hero Health');
		await nodeItem(page, 'Hero Health').click();
		const creator = page.getByTestId('node-creator');
		await creator.getByText('Node details').waitFor({ state: 'visible' });
		await creator.getByText(HERO_APP_DESCRIPTION, { exact: true }).waitFor({ state: 'visible' });
		expect(await creator.innerText()).not.toContain('Starts the workflow when');
		await nodeItem(page, SEND_MESSAGE_ACTION).waitFor({ state: 'visible' });
	});

	test('add "Send a message", pick the credential and a template listed from Hero, run it: the output panel shows Hero’s message_id', async () => {
		await nodeItem(page, SEND_MESSAGE_ACTION).click();
		await page.getByTestId('ndv').waitFor({ state: 'visible' });
		await pickCredential(page, session.credentialId);
		await fillPatientId(page, '2001');

		// Each template is listed as "Name: start of its text", and the chosen one keeps it in the field.
		const listed = await openLocatorList(page, 'templateId', REMINDER_TEMPLATE);
		const sandboxTemplates = [...templates(session.sandbox.state).values()];
		const nameField = INFERRED.templateNameFields[0] as keyof (typeof sandboxTemplates)[number];
		expect([...listed].sort()).toEqual(
			sandboxTemplates.map((t) => templateLabel(t as unknown as IDataObject)).sort(),
		);
		await listEntry(page, REMINDER_TEMPLATE).click();
		expect(
			await page.getByTestId('resource-locator-templateId').getByTestId('rlc-input').inputValue(),
		).toBe(REMINDER_TEMPLATE);

		const json = await executeStep(page, 'message_id');
		const messageId = /"message_id":\s*"([^"]+)"/.exec(json)?.[1];
		expect(messageId).toBeTruthy();
		// The one send Hero received carries the chosen template's text, and Hero knows the id shown.
		const sent = session.sandbox.received('POST', '/v1/messages/send');
		expect(sent).toHaveLength(1);
		const template = sandboxTemplates.find((t) => t[nameField] === 'Appointment reminder')!;
		const textField = INFERRED.templateTextFields[0] as keyof typeof template;
		expect(sent[0]).toMatchObject({
			status: 200,
			body: expect.objectContaining({
				patient_id: '2001',
				message_type: 'sms',
				message_string: template[textField],
			}),
		});
		expect((await hero('GET', `/v1/messages/${messageId}`)).status).toBe(200);
	});
});

describe('parameters', () => {
	test('a By ID value that is not a Hero ID shows its validation message ("Not a valid Appointment Type ID")', async () => {
		await pressEscape(page, 2);
		await session.openWorkflow(WORKFLOW_IDS.bookNext);
		await openNode(page, BOOK_NEXT_NODE);
		await setLocatorMode(page, 'appointmentTypeId', 'By ID');
		const locator = page.getByTestId('resource-locator-appointmentTypeId');
		await locator.getByTestId('rlc-input').fill('GP-15min');
		await page.getByTestId('node-parameters').getByText('Patient ID', { exact: true }).click();
		const tip = await tooltipOf(page, locator.getByTestId('parameter-issues'));
		expect(tip).toContain('Not a valid Appointment Type ID: Hero IDs are digits, e.g. 42');
	});
});

describe('Patient ID "From list"', () => {
	const ADA = 'Ada Lovelace · born 10 Dec 1985 · NHS 943 476 5919';
	const ALAN = 'Alan Turing · born 23 Jun 1972 · NHS 943 476 5870';

	test('says what to type and sends nothing before, lists Hero’s patients for a surname and for an NHS number, and the run reads the one picked', async () => {
		await pressEscape(page, 2);
		await session.openWorkflow(WORKFLOW_IDS.patient);
		await openNode(page, PATIENT_NODE);
		await page.getByTestId('resource-locator-patientId').getByTestId('rlc-input').click();
		const dropdown = page.getByTestId('resource-locator-dropdown');
		// Hero refuses a search without a filter: before anything is typed the field says what to type,
		// the list reads "No results", and nothing is sent.
		expect(
			await page
				.getByTestId('resource-locator-patientId')
				.getByTestId('rlc-input')
				.getAttribute('placeholder'),
		).toBe('Search by name or NHS number');
		await dropdown.getByText('No results', { exact: true }).waitFor({ state: 'visible' });
		expect(session.sandbox.received('GET', '/v3/patients')).toEqual([]);

		expect(await searchLocatorList(page, 'Lovelace', ADA)).toEqual([ADA]);
		expect(await searchLocatorList(page, '943 476 5870', ALAN)).toEqual([ALAN]);
		const searches = session.sandbox.received('GET', '/v3/patients').map((r) => r.query);
		expect(searches).toContainEqual(expect.objectContaining({ last_name: 'Lovelace' }));
		expect(searches).toContainEqual(expect.objectContaining({ nhs_number: '943 476 5870' }));
		// Part of an NHS number finds nobody (Hero's filter is exact): it is never sent.
		expect(
			searches.filter((q) => q.nhs_number !== undefined && q.nhs_number !== '943 476 5870'),
		).toEqual([]);

		await listEntry(page, ALAN).click();
		expect(
			await page.getByTestId('resource-locator-patientId').getByTestId('rlc-input').inputValue(),
		).toBe(ALAN);
		session.sandbox.reset();
		const json = await executeStep(page, '"first_name"');
		expect(json).toContain('"first_name": "Alan"');
		expect(session.sandbox.received('GET').map((r) => r.path)).toEqual(['/v2/patients/2002']);
	});
});

describe('Patient ID "From list" in Additional Fields', () => {
	const MARY = 'Mary Seacole · born 23 Nov 1990 · NHS 943 476 5846';

	test('added to Video Link → Create, it searches Hero by first and last name and the link is made for the patient picked', async () => {
		await pressEscape(page, 2);
		await session.openWorkflow(WORKFLOW_IDS.videoLink);
		await openNode(page, VIDEO_LINK_NODE);
		// Patient ID is the collection's only field: n8n shows a button that adds it.
		await page
			.getByTestId('node-parameters')
			.getByRole('button', { name: 'Add Field', exact: true })
			.click();
		const locator = page.getByTestId('resource-locator-patientId');
		await locator.waitFor({ state: 'visible' });
		await locator.getByTestId('rlc-input').click();
		expect(await searchLocatorList(page, 'Mary Seacole', MARY)).toEqual([MARY]);
		expect(session.sandbox.received('GET', '/v3/patients').map((r) => r.query)).toContainEqual(
			expect.objectContaining({ first_name: 'Mary', last_name: 'Seacole' }),
		);
		await listEntry(page, MARY).click();
		expect(await locator.getByTestId('rlc-input').inputValue()).toBe(MARY);
		await executeStep(page, 'short_link');
		const made = session.sandbox.received('POST', '/v1/video_links');
		expect(made).toHaveLength(1);
		expect(made[0].body).toEqual({ [INFERRED.videoLinkFields.patientId]: '2003' });
	});
});

describe('Book Next Available', () => {
	test('on the canvas its subtitle reads "Book Next Available: Appointment", and its Docs link opens this package’s README', async () => {
		await pressEscape(page, 2);
		await session.openWorkflow(WORKFLOW_IDS.bookNext);
		const node = page.getByTestId('canvas-node').filter({ hasText: BOOK_NEXT_NODE }).first();
		await node
			.getByText('Book Next Available: Appointment', { exact: true })
			.waitFor({ state: 'visible' });
		expect(await node.innerText()).not.toContain('bookNextAvailable');
		await openNode(page, BOOK_NEXT_NODE);
		const docs = page
			.getByTestId('ndv')
			.locator('a[href="https://www.npmjs.com/package/n8n-nodes-hero-health"]');
		await docs.first().waitFor({ state: 'visible' });
		expect(
			await page.getByTestId('ndv').locator('a[href*="developer.herohealth.net"]').count(),
		).toBe(0);
	});

	test('the notice sits above Patient ID, and the options collection is named "Booking Options" ("Add Booking Option", no "Add Option")', async () => {
		await pressEscape(page, 2);
		await session.openWorkflow(WORKFLOW_IDS.bookNext);
		await openNode(page, BOOK_NEXT_NODE);
		const parameters = page.getByTestId('node-parameters');
		const notice = parameters
			.getByText('Books the earliest free slot that matches', { exact: false })
			.first();
		const patientId = page.getByTestId('resource-locator-patientId');
		await notice.waitFor({ state: 'visible' });
		expect((await notice.boundingBox())!.y).toBeLessThan((await patientId.boundingBox())!.y);
		await parameters
			.getByText('Booking Options', { exact: true })
			.first()
			.waitFor({ state: 'visible' });
		await parameters
			.getByPlaceholder('Add Booking Option', { exact: true })
			.waitFor({ state: 'visible' });
		expect(await parameters.getByPlaceholder('Add Option', { exact: true }).count()).toBe(0);
	});

	test('Date From is a text box for a calendar date, listed right above Date To', async () => {
		await addCollectionOption(page, 'Add Filter', 'Date From');
		const dateFrom = page.getByTestId('parameter-input-startDate').locator('input');
		await dateFrom.waitFor({ state: 'visible' });
		expect(await dateFrom.getAttribute('placeholder')).toBe('e.g. 2026-03-15');
		await page
			.getByTestId('node-parameters')
			.getByPlaceholder('Add Filter', { exact: true })
			.click();
		await page
			.getByRole('option', { name: 'Date To', exact: true })
			.filter({ visible: true })
			.waitFor({ state: 'visible' });
		const filterNames = [
			'Date From',
			'Date To',
			'Location',
			'Practitioner Names or IDs',
			'Start Time From',
			'Start Time To',
		];
		const offered = (await page.getByRole('option').filter({ visible: true }).allInnerTexts())
			.map((o) => o.trim())
			.filter((o) => filterNames.includes(o));
		// Date From and Start Time From (from the saved workflow) are added already: the rest, in this order.
		expect(offered).toEqual(['Date To', 'Location', 'Practitioner Names or IDs', 'Start Time To']);
		await pressEscape(page);
	});

	test('the run shows the London start time and the names of the type, practitioner and location', async () => {
		const json = await executeStep(page, 'start_time_local');
		expect(json).toContain('"booked": true');
		expect(json).toContain('"appointment_type_name": "Nurse Appointment"');
		expect(json).toContain('"practitioner_name": "Nurse Jane Brown"');
		expect(json).toContain('"location_name": "Hillside Branch Surgery"');
		expect(json).toMatch(
			/"start_time_local": "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}"/,
		);
	});
});

describe('filters', () => {
	test('an empty Practitioners filter stays when another filter is added', async () => {
		await pressEscape(page, 2);
		await session.openWorkflow(WORKFLOW_IDS.slots);
		await openNode(page, SLOTS_NODE);
		const parameters = page.getByTestId('node-parameters');
		await addCollectionOption(page, 'Add Filter', /^Practitioner/);
		const practitioners = parameters
			.getByText('Practitioners', { exact: true })
			.or(parameters.getByText('Practitioner Names or IDs', { exact: true }))
			.first();
		await practitioners.waitFor({ state: 'visible' });
		await addCollectionOption(page, 'Add Filter', 'Location');
		await parameters.getByTestId('resource-locator-locationId').waitFor({ state: 'visible' });
		expect(await practitioners.isVisible()).toBe(true);
	});

	test('Date From is a text box for a calendar date: a typed date is sent to Hero as start_date', async () => {
		const { data } = (await hero('GET', '/v1/slots?page_size=1')).body as {
			data: Array<{ start_time: string }>;
		};
		const day = londonDate(data[0].start_time);
		await addCollectionOption(page, 'Add Filter', 'Date From');
		const dateFrom = page.getByTestId('parameter-input-startDate').locator('input');
		expect(await dateFrom.getAttribute('placeholder')).toBe('e.g. 2026-03-15');
		await dateFrom.fill(day);
		await page.getByTestId('node-parameters').getByText('Filters', { exact: true }).click();
		const json = await executeStep(page, 'start_time');
		expect(session.sandbox.received('GET', '/v1/slots').at(-1)?.query).toMatchObject({
			start_date: day,
		});
		expect(json).toContain(`"start_time": "${day}`);
	});
});

describe('credential dialog', () => {
	test('the credential test succeeds against the sandbox ("Connection tested successfully") with one GET /v1/me', async () => {
		await pressEscape(page, 2);
		await session.openWorkflow(WORKFLOW_IDS.bookNext);
		await openNode(page, BOOK_NEXT_NODE);
		const dialog = await openCredentialDialog(page);
		await dialog.getByText('Connection tested successfully').waitFor({ state: 'visible' });
		const calls = session.sandbox.received('GET', '/v1/me');
		expect(calls.length).toBeGreaterThan(0);
		expect(
			calls.every((c) => c.status === 200 && c.headers['x-api-key'] === session.sandbox.apiKey),
		).toBe(true);
	});

	test('with a wrong API key the credential test fails clearly ("Couldn’t connect", "Authorization failed") and never shows the key', async () => {
		const dialog = page.getByTestId('credential-edit-dialog');
		const wrongKey = 'not-the-hero-key-7f3e91';
		await dialog.getByTestId('parameter-input-apiKey').locator('input').fill(wrongKey);
		await page.getByTestId('credential-save-button').click();
		await dialog.getByText('Couldn’t connect with these settings').waitFor({ state: 'visible' });
		await dialog.getByText('More details').click();
		await dialog
			.getByText('Authorization failed - please check your credentials')
			.waitFor({ state: 'visible' });
		expect(await page.locator('body').innerText()).not.toContain(wrongKey);
		expect(session.sandbox.received('GET', '/v1/me').map((c) => c.status)).toContain(401);

		// Put the right key back: the next test run would otherwise use the broken credential.
		session.sandbox.reset();
		await dialog
			.getByTestId('parameter-input-apiKey')
			.locator('input')
			.fill(session.sandbox.apiKey);
		await page.getByTestId('credential-save-button').click();
		await dialog.getByText('Connection tested successfully').waitFor({ state: 'visible' });
		expect(session.sandbox.received('GET', '/v1/me').map((c) => c.status)).toContain(200);
	});
});

describe('trigger', () => {
	test('"Listen for test event" registers at the sandbox and shows the signed delivery it receives, with the full record', async () => {
		await pressEscape(page, 2);
		await session.openWorkflow(WORKFLOW_IDS.trigger);
		await openNode(page, 'Hero Health Trigger');
		await page.getByTestId('trigger-execute-button').click();

		const testUrl = `${session.server.baseUrl}/webhook-test/${TRIGGER_WEBHOOK_ID}/webhook`;
		const registered = await waitFor(
			() => [...webhooks(session.sandbox.state).values()].filter((w) => w.url === testUrl),
			(hooks) => hooks.length === 2,
		);
		expect(registered.map((w) => w.event_type).sort()).toEqual([
			'appointment.confirmed',
			'patient.medical-record-updated',
		]);

		const emitted = await fetch(`${session.sandbox.url}/__sandbox/webhooks/emit`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ event: 'patient.medical-record-updated', id: '2001' }),
		});
		const { deliveries: started } = (await emitted.json()) as { deliveries: string[] };
		expect(started).toHaveLength(1);
		const [delivery] = await settledDeliveries(
			session.sandbox.state,
			1,
			(d) => started.includes(d.id),
			30_000,
		);
		expect(delivery.state).toBe('delivered');
		expect(
			deliveries(session.sandbox.state)
				.find((d) => d.id === started[0])
				?.attempts.map((a) => a.status),
		).toEqual([200]);

		const json = await outputJson(page, 'patient.medical-record-updated');
		expect(json).toContain('"id": "2001"');
		expect(json).toContain('"first_name": "Ada"');
	});
});

const { hero } = sandboxClient(() => session.sandbox);

async function waitFor<T>(
	read: () => T,
	done: (value: T) => boolean,
	timeoutMs = 30_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = read();
		if (done(value) || Date.now() > deadline) return value;
		await new Promise((r) => setTimeout(r, 200));
	}
}
