/**
 * What a user does in the n8n editor, as small steps on a Playwright page. Selectors are n8n's own
 * data-test-id attributes (packages/frontend/editor-ui), and visible texts where n8n has none.
 * Shared by the editor tests and the screenshot script.
 */
import type { Locator, Page } from 'playwright-core';

import { DEFAULT_CREDENTIAL, HERO_CREDENTIAL_TYPE, heroType } from '../n8n/harness/constants';
import {
	heroNode,
	linearWorkflow,
	manualTriggerNode,
	type WorkflowJson,
} from '../n8n/harness/workflows';

/** Workflows the editor suite and the screenshots import before n8n starts. */
export const WORKFLOW_IDS = {
	start: 'heroEditorStart1',
	bookNext: 'heroEditorBookNext1',
	trigger: 'heroEditorTrigger1',
	slots: 'heroEditorSlots1',
	patient: 'heroEditorPatient1',
	videoLink: 'heroEditorVideoLink1',
} as const;
export const PATIENT_NODE = 'Get the patient';
export const VIDEO_LINK_NODE = 'Make a video link';
export const SLOTS_NODE = 'Find free slots';
export const TRIGGER_WEBHOOK_ID = '8d0c2f3e-6a1b-4c5d-9e7f-0a1b2c3d4e5f';
export const BOOK_NEXT_NODE = 'Book next nurse appointment';
/** The sandbox's "Appointment reminder" as the template list names it: the name, then its text. */
export const REMINDER_TEMPLATE =
	'Appointment reminder: Reminder: you have an appointment at the surgery. Reply CANCEL if you cannot…';

export function editorWorkflows(credentialId: string): WorkflowJson[] {
	const credentials = {
		[HERO_CREDENTIAL_TYPE]: { id: credentialId, name: DEFAULT_CREDENTIAL.name },
	};
	return [
		// Only a Manual Trigger: the tests add the Hero node from the node creator.
		linearWorkflow(WORKFLOW_IDS.start, 'Editor: start', [manualTriggerNode()]),
		linearWorkflow(WORKFLOW_IDS.bookNext, 'Editor: book next available', [
			manualTriggerNode(),
			heroNode(
				{
					resource: 'appointment',
					operation: 'bookNextAvailable',
					patientId: '2002',
					appointmentTypeId: {
						__rl: true,
						mode: 'list',
						value: '4002',
						cachedResultName: 'Nurse Appointment (20 min)',
					},
					filters: { earliestTime: '10:00' },
					options: { maxAttempts: 3 },
				},
				{ credentialId, name: BOOK_NEXT_NODE },
			),
		]),
		// Patient → Get with an empty Patient ID (From List, as a new node has it).
		linearWorkflow(WORKFLOW_IDS.patient, 'Editor: patient', [
			manualTriggerNode(),
			heroNode(
				{
					resource: 'patient',
					operation: 'get',
					patientId: { __rl: true, mode: 'list', value: '' },
				},
				{ credentialId, name: PATIENT_NODE },
			),
		]),
		// Video Link → Create, nothing in Additional Fields yet (its Patient ID is a locator in a collection).
		linearWorkflow(WORKFLOW_IDS.videoLink, 'Editor: video link', [
			manualTriggerNode(),
			heroNode(
				{ resource: 'videoLink', operation: 'create' },
				{ credentialId, name: VIDEO_LINK_NODE },
			),
		]),
		linearWorkflow(WORKFLOW_IDS.slots, 'Editor: slots', [
			manualTriggerNode(),
			heroNode(
				{ resource: 'slot', operation: 'getMany', returnAll: false, limit: 5 },
				{ credentialId, name: SLOTS_NODE },
			),
		]),
		{
			id: WORKFLOW_IDS.trigger,
			name: 'Editor: trigger',
			nodes: [
				{
					id: 'hero-trigger-editor',
					name: 'Hero Health Trigger',
					type: heroType('heroHealthTrigger'),
					typeVersion: 1,
					position: [0, 300],
					webhookId: TRIGGER_WEBHOOK_ID,
					parameters: {
						events: ['patient.medical-record-updated', 'appointment.confirmed'],
						fetchFullRecord: true,
					},
					credentials,
				},
			],
			connections: {},
		},
	];
}

/**
 * Opens the node creator and returns its search box: from the "+" after the canvas's last node
 * (the node added is connected to it), or from the canvas's own "+" button.
 */
export async function openNodeCreator(
	page: Page,
	from: 'lastNode' | 'canvas' = 'lastNode',
): Promise<Locator> {
	if (from === 'lastNode') await page.getByTestId('canvas-handle-plus').last().click();
	else await page.getByTestId('node-creator-plus-button').click();
	const search = page.getByTestId('node-creator-search-bar');
	await search.waitFor({ state: 'visible' });
	return search;
}

/** The node names the node creator lists for a search, once `expected` is among them (or after the wait). */
export async function searchNodes(
	page: Page,
	term: string,
	expected: string,
	timeoutMs = 10_000,
): Promise<string[]> {
	await page.getByTestId('node-creator-search-bar').fill(term);
	await nodeItem(page, expected)
		.waitFor({ state: 'visible', timeout: timeoutMs })
		.catch(() => undefined);
	return page.getByTestId('node-creator-item-name').allInnerTexts();
}

/**
 * Message → Send in the node creator's action list. Its label is the operation's `action`, short
 * ("Send a message"; the longer text is the tool's description): matched by its start.
 */
export const SEND_MESSAGE_ACTION = /^Send a message\b/;

/** An entry of the node creator (a node or an action) by its exact name, or a pattern. */
export function nodeItem(page: Page, name: string | RegExp): Locator {
	return page
		.getByTestId('node-creator-item-name')
		.filter({ hasText: typeof name === 'string' ? new RegExp(`^${escapeRegExp(name)}$`) : name })
		.first();
}

/** Double-clicks a node on the canvas to open its details view (NDV). */
export async function openNode(page: Page, name: string): Promise<void> {
	await page.getByTestId('canvas-node').filter({ hasText: name }).first().dblclick();
	await page.getByTestId('ndv').waitFor({ state: 'visible' });
}

/** Chooses a credential in the open NDV's "Credential to connect with". */
export async function pickCredential(page: Page, credentialId: string): Promise<void> {
	await page.getByTestId('node-credentials-select').click();
	await page.getByTestId(`node-credentials-select-item-${credentialId}`).click();
}

/** Opens a resource locator's "From list" and returns the names it lists (loaded from Hero). */
export async function openLocatorList(
	page: Page,
	parameter: string,
	expected: string,
): Promise<string[]> {
	await page.getByTestId(`resource-locator-${parameter}`).getByTestId('rlc-input').click();
	await listEntry(page, expected).waitFor({ state: 'visible' });
	return page
		.getByTestId('resource-locator-dropdown')
		.locator('[class*="resourceItem"]')
		.filter({ visible: true })
		.allInnerTexts();
}

/**
 * Types `filter` into an open resource locator's search box and returns the names listed once
 * `expected` is among them (the list is loaded from Hero for that filter).
 */
export async function searchLocatorList(
	page: Page,
	filter: string,
	expected: string,
): Promise<string[]> {
	const dropdown = page.getByTestId('resource-locator-dropdown');
	await dropdown
		.getByPlaceholder('Search...', { exact: true })
		.filter({ visible: true })
		.fill(filter);
	await listEntry(page, expected).waitFor({ state: 'visible' });
	return dropdown.locator('[class*="resourceItem"]').filter({ visible: true }).allInnerTexts();
}

/** Gives the Patient ID locator of the open NDV a Hero patient ID (By ID mode). */
export async function fillPatientId(page: Page, id: string): Promise<void> {
	await setLocatorMode(page, 'patientId', 'By ID');
	await page.getByTestId('resource-locator-patientId').getByTestId('rlc-input').fill(id);
}

/** An entry of an open resource-locator list by its exact text. */
export function listEntry(page: Page, text: string): Locator {
	return page.getByText(text, { exact: true }).filter({ visible: true }).first();
}

/** Switches a resource locator to another mode ("From list", "By ID"...). */
export async function setLocatorMode(page: Page, parameter: string, mode: string): Promise<void> {
	await page.getByTestId(`resource-locator-${parameter}`).getByTestId('rlc-mode-selector').click();
	await page.getByRole('option', { name: mode, exact: true }).filter({ visible: true }).click();
}

/** The texts of n8n's visible tooltips after hovering `target` (e.g. a parameter's issues icon). */
export async function tooltipOf(page: Page, target: Locator): Promise<string> {
	await target.hover();
	const tip = page.locator('.el-popper').filter({ visible: true }).filter({ hasText: /\S/ }).last();
	await tip.waitFor({ state: 'visible' });
	return tip.innerText();
}

/** Runs the open node ("Execute step") and returns the output panel's JSON view once it shows `expected`. */
export async function executeStep(
	page: Page,
	expected: string,
	timeoutMs = 60_000,
): Promise<string> {
	await page.getByTestId('node-execute-button').click();
	const output = page.getByTestId('output-panel');
	await output
		.getByTestId('node-run-status-success')
		.or(output.getByTestId('node-run-status-danger'))
		.first()
		.waitFor({ state: 'visible', timeout: timeoutMs });
	return outputJson(page, expected, timeoutMs);
}

/** Switches the output panel to JSON and returns its text (white space collapsed: `"id": "2001"`) once it contains `expected`. */
export async function outputJson(
	page: Page,
	expected: string,
	timeoutMs = 30_000,
): Promise<string> {
	const output = page.getByTestId('output-panel');
	await output.getByTestId('radio-button-json').click();
	const data = output.getByTestId('ndv-data-container');
	await data.getByText(expected).first().waitFor({ state: 'visible', timeout: timeoutMs });
	return (await data.innerText()).replace(/\s+/g, ' ');
}

/** Opens the credential chosen in the open NDV (the pencil next to it) and returns its dialog. */
export async function openCredentialDialog(page: Page): Promise<Locator> {
	await page.getByTestId('credential-edit-button').click();
	const dialog = page.getByTestId('credential-edit-dialog');
	await dialog.waitFor({ state: 'visible' });
	return dialog;
}

/** Adds an option to a collection ("Add Filter", "Add Field"...) of the open NDV by the option's name. */
export async function addCollectionOption(
	page: Page,
	addLabel: string,
	option: string | RegExp,
): Promise<void> {
	await page.getByTestId('node-parameters').getByPlaceholder(addLabel, { exact: true }).click();
	await page.getByRole('option', { name: option }).filter({ visible: true }).first().click();
}

/** Closes whatever modal or panel is open. */
export async function pressEscape(page: Page, times = 1): Promise<void> {
	for (let i = 0; i < times; i++) await page.keyboard.press('Escape');
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
