/**
 * The real n8n editor in headless Chromium, for the editor tests (test/editor/*.test.ts) and the
 * README screenshots (test/editor/screenshots.ts).
 *
 *   const session = await startEditorSession();          // sandbox + n8n (package installed) + logged-in page
 *   await session.openNewWorkflow();
 *   ...drive session.page (helpers in ./editor.ts)...
 *   await session.close();                                // browser, n8n, sandbox, temp folders
 *
 * Chromium is Debian's (`test/install/install-chromium.sh`), driven by playwright-core: no browser
 * build is ever downloaded. n8n runs from the pinned install (test/n8n/harness/home.ts), logged in with
 * DEFAULT_OWNER; the sandbox credential is imported as "Hero Health sandbox".
 */
import { existsSync } from 'node:fs';

import { chromium, selectors, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { cleanupAll, type N8nHome } from '../n8n/harness/home';
import { DEFAULT_OWNER, startN8nServer, type N8nServer } from '../n8n/harness/servers';
import { createSandboxHome, importWorkflow, type WorkflowJson } from '../n8n/harness/workflows';
import { startSandbox, type Sandbox } from '../sandbox/server';

/** Debian's Chromium (`apt-get install chromium`); HERO_CHROMIUM overrides it. */
export const CHROMIUM_PATH = process.env.HERO_CHROMIUM ?? '/usr/bin/chromium';

/** A modest window: keeps screenshots small and the layout the one most laptops show. */
export const VIEWPORT = { width: 1280, height: 800 };

// n8n marks its elements with data-test-id (not Playwright's default data-testid).
selectors.setTestIdAttribute('data-test-id');

export interface EditorSession {
	sandbox: Sandbox;
	home: N8nHome;
	server: N8nServer;
	credentialId: string;
	browser: Browser;
	context: BrowserContext;
	page: Page;
	/** Opens an empty new workflow in the editor and waits for its canvas. */
	openNewWorkflow(): Promise<void>;
	/** Opens an imported workflow by id and waits for its canvas. */
	openWorkflow(id: string): Promise<void>;
	close(): Promise<void>;
}

export interface EditorSessionOptions {
	/** Workflows imported before n8n starts, given the sandbox credential's id. */
	workflows?: (credentialId: string) => WorkflowJson[];
	viewport?: { width: number; height: number };
}

export async function startEditorSession(
	options: EditorSessionOptions = {},
): Promise<EditorSession> {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`editor tests: no Chromium at ${CHROMIUM_PATH}; run test/install/install-chromium.sh (Debian's chromium package)`,
		);
	}
	const sandbox = await startSandbox({ port: 0 });
	let server: N8nServer | undefined;
	let browser: Browser | undefined;
	try {
		const { home, credentialId } = await createSandboxHome(sandbox);
		if (options.workflows) await importWorkflow(home, options.workflows(credentialId));
		server = await startN8nServer(home);
		await server.setupOwner();

		browser = await chromium.launch({
			executablePath: CHROMIUM_PATH,
			headless: true,
			args: ['--no-sandbox', '--disable-dev-shm-usage'],
		});
		const context = await browser.newContext({
			viewport: options.viewport ?? VIEWPORT,
			locale: 'en-GB',
			timezoneId: 'Europe/London',
		});
		context.setDefaultTimeout(30_000);
		// The context's request client shares its cookie jar: logging in here logs the page in.
		const login = await context.request.post(`${server.baseUrl}/rest/login`, {
			data: { emailOrLdapLoginId: DEFAULT_OWNER.email, password: DEFAULT_OWNER.password },
		});
		if (!login.ok())
			throw new Error(`editor tests: login answered ${login.status()}: ${await login.text()}`);
		const page = await context.newPage();
		const baseUrl = server.baseUrl;
		const openAndWait = async (path: string) => {
			await page.goto(`${baseUrl}${path}`);
			await page
				.getByTestId('canvas-wrapper')
				.or(page.locator('[data-test-id="canvas"]'))
				.first()
				.waitFor({ state: 'visible', timeout: 90_000 });
		};
		const b = browser;
		const s = server;
		return {
			sandbox,
			home,
			server,
			credentialId,
			browser,
			context,
			page,
			openNewWorkflow: () => openAndWait('/workflow/new'),
			openWorkflow: (id: string) => openAndWait(`/workflow/${encodeURIComponent(id)}`),
			async close() {
				await b.close().catch(() => undefined);
				await s.stop();
				await home.cleanup();
				await cleanupAll();
				await sandbox.close();
			},
		};
	} catch (error) {
		await browser?.close().catch(() => undefined);
		await server?.stop();
		await cleanupAll();
		await sandbox.close();
		throw error;
	}
}
