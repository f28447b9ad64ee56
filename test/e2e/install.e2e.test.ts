/**
 * The README's install commands, run exactly as written (read from README.md
 * at run time, blocks marked `<!-- install:<label> -->`), on this machine's Node 20, then a real
 * the pinned n8n 1.x (test/install/n8n-lines.json) using the folder they filled runs a Hero Health node against the sandbox.
 *
 * Substituted, and said so in the output: the package name in the npm command becomes the packed
 * tarball's path (the package is not on npm yet). Docker is not available here: the Docker test
 * runs only the command the README gives to `docker exec`, with the container's /home/node replaced
 * by a temp folder laid out the same way. Not exercised: the GUI install (needs the package on
 * npm), the n8nio/n8n image itself, `docker run`/`docker restart`, and queue mode itself (Redis,
 * workers): those folders are checked with `n8n execute` in regular mode.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { NODE_NAMES, PACKAGE_NAME, REPO_ROOT } from '../n8n/harness/constants';
import { executeWorkflow, nodeItems } from '../n8n/harness/execution';
import {
	cleanupAll,
	createN8nHome,
	ensureN8n,
	packPackage,
	type N8nInstall,
} from '../n8n/harness/home';
import { importCredential, importWorkflow, manualWorkflow } from '../n8n/harness/workflows';
import {
	CONTAINER_HOME,
	readInstallBlocks,
	runInstallBlock,
	type BlockRun,
} from '../n8n/readme-install';
import { startSandbox, type Sandbox } from '../sandbox/server';

jest.setTimeout(900_000);

const VERSION = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
const MESSAGE = 'Your repeat prescription is ready to collect.';

let sandbox: Sandbox;
let n8n: N8nInstall;
let tarball: string;
const folders: string[] = [];

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	n8n = await ensureN8n(1);
	tarball = await packPackage();
}, 900_000);

afterAll(async () => {
	await cleanupAll();
	await sandbox?.close();
	for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

beforeEach(() => sandbox.reset());

/** The README block, or a failure saying the README lacks it. */
function block(label: string): string {
	const found = readInstallBlocks().get(label);
	if (!found) throw new Error(`README.md has no shell block marked <!-- install:${label} -->`);
	return found;
}

/** A throwaway folder standing for the user's home (`~`) or the container's /home/node. */
function homeFolder(prefix: string): string {
	const folder = mkdtempSync(join(tmpdir(), prefix));
	folders.push(folder);
	return folder;
}

/** Runs a README block into `home`, prints what ran and what was substituted, fails with npm's output. */
async function install(label: string, home: string, where: string): Promise<BlockRun> {
	const run = await runInstallBlock(label, block(label), tarball, home);
	process.stderr.write(
		`\n[README install] README block install:${label} run as written ${where}` +
			`\n  substituted (the package is not on npm yet): ${run.replaced.join('; ') || 'nothing'}` +
			`\n  $ ${run.script.split('\n').join('\n  $ ')}` +
			`\n  exit ${run.exitCode ?? run.signal} after ${run.durationMs} ms\n`,
	);
	if (run.exitCode !== 0) {
		throw new Error(
			`the README's ${label} install failed (exit ${run.exitCode ?? run.signal}):\n${run.script}\n--- npm output (last 4000 chars) ---\n${run.output.slice(-4000)}`,
		);
	}
	expect(run.replaced.length).toBeGreaterThan(0);
	// A version pinned in the README is the version this package is.
	for (const pinned of run.pinnedVersions) expect(pinned).toBe(VERSION);
	return run;
}

/** The package sits in `<home>/.n8n/nodes/node_modules`, alone: no second n8n-workflow beside it. */
function expectInstalledAlone(home: string): void {
	const nodeModules = join(home, '.n8n/nodes/node_modules');
	const manifest = JSON.parse(
		readFileSync(join(nodeModules, PACKAGE_NAME, 'package.json'), 'utf8'),
	);
	expect(manifest.version).toBe(VERSION);
	expect(
		existsSync(join(nodeModules, PACKAGE_NAME, 'dist/nodes/HeroHealth/HeroHealth.node.js')),
	).toBe(true);
	expect(existsSync(join(nodeModules, 'n8n-workflow'))).toBe(false);
}

/** The pinned n8n 1.x with N8N_USER_FOLDER = `home` runs Manual Trigger → Hero Health (Message → Send). */
async function expectN8nSendsThroughIt(home: string, workflowId: string): Promise<void> {
	const n8nHome = await createN8nHome({ n8n, folder: home, tarball: false });
	try {
		const { id: credentialId } = await importCredential(n8nHome, {
			sandboxUrl: sandbox.url,
			apiKey: sandbox.apiKey,
			practiceGroupId: sandbox.practiceGroupId,
		});
		await importWorkflow(
			n8nHome,
			manualWorkflow(
				workflowId,
				`Installed as the README says (${workflowId})`,
				{
					resource: 'message',
					operation: 'send',
					patientId: '2001',
					messageType: 'sms',
					message: MESSAGE,
					additionalFields: { recipientContactDetail: '07700 900123' },
				},
				{ credentialId },
			),
		);
		const { output } = await executeWorkflow(n8nHome, workflowId);
		const items = nodeItems(output, NODE_NAMES.hero);
		expect(items).toHaveLength(1);
		const sends = sandbox.received('POST', '/v1/messages/send');
		expect(sends).toHaveLength(1);
		expect(sends[0].body).toEqual({
			patient_id: '2001',
			message_type: 'sms',
			message_string: MESSAGE,
			recipient_contact_detail: '+447700900123',
		});
		const stored = (sandbox.state.snapshot().messages ?? []) as Array<{ id: string }>;
		expect(stored.map((m) => m.id)).toEqual([items[0].message_id]);
	} finally {
		await n8nHome.cleanup();
	}
}

test(`the README's manual install, run as written in ~/.n8n/nodes on Node 20, installs only the package (no n8n-workflow peer) and the pinned n8n 1.x sends an SMS through its Hero Health node`, async () => {
	const home = homeFolder('hero-readme-manual-');
	await install('manual', home, `with ~ = ${home}`);
	expectInstalledAlone(home);
	await expectN8nSendsThroughIt(home, 'heroReadmeManual1');
});

test(`the README's Docker install, its docker exec command run on this machine (not in Docker) against a folder laid out like the container's ${CONTAINER_HOME}, installs only the package and the pinned n8n 1.x sends through it (the image, docker run and the restart are not exercised)`, async () => {
	const home = homeFolder('hero-readme-docker-');
	await install('docker', home, `inside no container: ${CONTAINER_HOME} = ${home}`);
	expectInstalledAlone(home);
	await expectN8nSendsThroughIt(home, 'heroReadmeDocker1');
});

test(`the README's queue-mode install, run as written in a main's and a worker's user folder, installs only the package in each and the pinned n8n 1.x (n8n execute, regular mode; queue mode itself is not exercised here) sends through each`, async () => {
	for (const role of ['main', 'worker']) {
		sandbox.reset();
		const home = homeFolder(`hero-readme-queue-${role}-`);
		await install('queue', home, `for the ${role} process, with ~ = ${home}`);
		expectInstalledAlone(home);
		await expectN8nSendsThroughIt(home, `heroReadmeQueue${role === 'main' ? 'Main' : 'Worker'}1`);
	}
});
