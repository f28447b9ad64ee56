/**
 * `npm start`: a local n8n with this package installed, a Hero sandbox, a sandbox credential and the
 * example workflows of test/n8n/examples/, ready to try in the browser.
 *
 * - The examples are imported filled in with sandbox patients (test/n8n/examples.ts); the files
 *   themselves stop at their "Fill in: …" node until a user lists their own test patient.
 * - n8n data lives in .n8n-runs/demo (git-ignored) and survives restarts; the package is packed and
 *   reinstalled on every start, and the examples are re-imported (edits to them are overwritten:
 *   duplicate a workflow to keep changes).
 * - Ports: n8n 127.0.0.1:5678 (N8N_PORT), sandbox 127.0.0.1:4780 (HERO_SANDBOX_PORT), scripted model for
 *   the "Booking assistant" example 127.0.0.1:4781/v1 (HERO_MODEL_PORT).
 * - Ctrl+C stops n8n and the sandbox.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { bookingAssistant } from '../agents/bookingAssistant';
import { startScriptedModel, type ScriptedModel } from '../agents/scriptedModel';
import { OPENAI_CREDENTIAL, importScriptedModelCredential } from '../agents/workflows';
import { loadFilledExamples } from './examples';
import { SANDBOX_DEFAULT_PORT, startSandbox, type Sandbox } from '../sandbox/server';
import { DEFAULT_CREDENTIAL, REPO_ROOT } from './harness/constants';
import { createN8nHome, ensureN8n } from './harness/home';
import { startN8nServer, type N8nServer, type OwnerAccount } from './harness/servers';
import { importCredential, importWorkflow } from './harness/workflows';

/** The demo's login. Local only: n8n listens on 127.0.0.1. */
const DEMO_OWNER: OwnerAccount = {
	email: 'demo@example.com',
	password: 'HeroDemo-2026',
	firstName: 'Hero',
	lastName: 'Demo',
};
// HERO_DEMO_FOLDER moves it (the npm start smoke test runs in a temporary folder).
const DEMO_FOLDER = process.env.HERO_DEMO_FOLDER ?? join(REPO_ROOT, '.n8n-runs/demo');

const step = (text: string) => process.stdout.write(`[demo] ${text}\n`);

async function main(): Promise<void> {
	const n8nPort = Number(process.env.N8N_PORT ?? 5678);
	const sandboxPort = Number(process.env.HERO_SANDBOX_PORT ?? SANDBOX_DEFAULT_PORT);
	let sandbox: Sandbox | undefined;
	let model: ScriptedModel | undefined;
	let server: N8nServer | undefined;
	let stopping = false;
	const shutdown = async (code: number) => {
		if (stopping) return;
		stopping = true;
		step('stopping n8n and the sandbox...');
		await server?.stop();
		await sandbox?.close();
		await model?.close();
		process.exit(code);
	};
	process.on('SIGINT', () => void shutdown(0));
	process.on('SIGTERM', () => void shutdown(0));

	try {
		step('checking the n8n install (installs n8n 1.x once, several minutes)...');
		const n8n = await ensureN8n(1);

		sandbox = await startSandbox({ port: sandboxPort, host: '127.0.0.1' });
		step(`Hero sandbox listening on ${sandbox.url}`);

		step(`installing the packed package into ${DEMO_FOLDER}/.n8n/nodes...`);
		await mkdir(DEMO_FOLDER, { recursive: true });
		const home = await createN8nHome({ n8n, folder: DEMO_FOLDER, port: n8nPort });
		await importCredential(home, {
			...DEFAULT_CREDENTIAL,
			sandboxUrl: sandbox.url,
			apiKey: sandbox.apiKey,
			practiceGroupId: sandbox.practiceGroupId,
		});
		model = await startScriptedModel([], {
			port: Number(process.env.HERO_MODEL_PORT ?? 4781),
			respond: bookingAssistant,
		});
		await importScriptedModelCredential(home, model.baseUrl);
		// The examples' "Fill in: …" nodes get the sandbox's patients (test/n8n/examples.ts); the files stay unfilled.
		const examples = loadFilledExamples();
		await importWorkflow(home, examples);
		step(
			`imported the credential "${DEFAULT_CREDENTIAL.name}" and ${examples.length} example workflows`,
		);

		step(
			`starting n8n ${n8n.version} on 127.0.0.1:${n8nPort} (logs: ${join(DEMO_FOLDER, 'n8n.log')})...`,
		);
		server = await startN8nServer(home, {
			env: { N8N_PORT: String(n8nPort) },
			logFile: join(DEMO_FOLDER, 'n8n.log'),
		});
		void server.process.exited.then(({ code, signal }) => {
			if (stopping) return;
			process.stderr.write(
				`[demo] n8n exited unexpectedly (${code ?? signal}); last logs:\n${server!.logs().slice(-4000)}\n`,
			);
			void shutdown(1);
		});
		let login = 'ok';
		try {
			await server.setupOwner(DEMO_OWNER);
		} catch (error) {
			login = `could not log in with the demo account (${(error as Error).message.split('\n')[0]}); if you changed its password, use yours`;
		}

		const lines = [
			'',
			'================================================================================',
			' Hero Health demo is running',
			'',
			` n8n editor:   ${server.baseUrl}`,
			` Login:        ${DEMO_OWNER.email} / ${DEMO_OWNER.password}${login === 'ok' ? '' : `\n               (${login})`}`,
			` Workflows:    ${examples.map((w) => w.name).join('\n               ')}`,
			'',
			` Hero sandbox: ${sandbox.url}`,
			` API key:      ${sandbox.apiKey}   Practice group ID: ${sandbox.practiceGroupId}`,
			` Credential:   "${DEFAULT_CREDENTIAL.name}" (Environment: Custom, Base URL ${sandbox.url})`,
			` Inspect:      ${sandbox.url}/__sandbox/requests   ${sandbox.url}/__sandbox/state`,
			` Agent model:  "${OPENAI_CREDENTIAL.name}" = scripted stand-in at ${model.baseUrl} (Booking assistant example)`,
			'',
			` n8n data:     ${DEMO_FOLDER} (delete it for a fresh start)`,
			' Stop:         Ctrl+C (stops n8n and the sandbox)',
			'================================================================================',
			'',
		];
		process.stdout.write(lines.join('\n'));
	} catch (error) {
		process.stderr.write(`[demo] failed: ${(error as Error).stack ?? error}\n`);
		await shutdown(1);
	}
}

void main();
