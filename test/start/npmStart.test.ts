/**
 * `npm start` from a new cache, as a new user meets it: the demo installs n8n itself, comes up, prints
 * the editor address, its login and the sandbox key; the address answers, the login logs in, the key
 * opens the sandbox; Ctrl+C (SIGINT to the terminal's process group) stops everything cleanly.
 * The cache is $HERO_N8N_CACHE (.ci/run hands it a new, empty one), else a new temporary folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const temp = (prefix: string) => {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	temps.push(dir);
	return dir;
};

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}
function accepts(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		socket.once('connect', () => (socket.destroy(), resolve(true)));
		socket.once('error', () => resolve(false));
	});
}
function groupAlive(pid: number): boolean {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}
const field = (output: string, label: string) =>
	new RegExp(`^ ${label}:\\s+(\\S+)`, 'm').exec(output)?.[1];

it(
	'npm start from a new cache: the demo comes up, prints the editor address, login and sandbox key, answers there, and stops cleanly on Ctrl+C',
	async () => {
		const cache = process.env.HERO_N8N_CACHE || temp('hero-start-cache-');
		const newCache = !readdirSync(cache).some((entry) => entry.startsWith('n8n-'));
		process.stdout.write(
			`npm start smoke: cache ${cache} (${newCache ? 'new: n8n is installed by npm start' : 'n8n already installed there'})\n`,
		);
		const [n8nPort, sandboxPort, modelPort] = [
			await freePort(),
			await freePort(),
			await freePort(),
		];
		const child = spawn('npm', ['start'], {
			cwd: root,
			detached: true, // its own process group, as a terminal's foreground job
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...process.env,
				HERO_N8N_CACHE: cache,
				HERO_DEMO_FOLDER: temp('hero-start-demo-'),
				N8N_PORT: String(n8nPort),
				HERO_SANDBOX_PORT: String(sandboxPort),
				HERO_MODEL_PORT: String(modelPort),
			},
		});
		let output = '';
		child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		const exited = new Promise<number | null>((resolve) =>
			child.once('exit', (code) => resolve(code)),
		);
		try {
			const deadline = Date.now() + 20 * 60_000;
			while (!/^ Stop:/m.test(output)) {
				if (child.exitCode !== null)
					throw new Error(
						`npm start exited (${child.exitCode}) before the demo was up:\n${output.slice(-4000)}`,
					);
				if (Date.now() > deadline)
					throw new Error(`npm start: no banner after 20 minutes:\n${output.slice(-4000)}`);
				await new Promise((resolve) => setTimeout(resolve, 500));
			}

			const editor = field(output, 'n8n editor');
			const login = /^ Login:\s+(\S+) \/ (\S+)/m.exec(output);
			const sandbox = field(output, 'Hero sandbox');
			const apiKey = field(output, 'API key');
			const group = /Practice group ID:\s+(\S+)/.exec(output)?.[1];
			expect(editor).toBe(`http://127.0.0.1:${n8nPort}`);
			expect(sandbox).toBe(`http://127.0.0.1:${sandboxPort}`);
			expect(login).not.toBeNull();
			expect(apiKey).toBeTruthy();

			// The editor answers at the printed address, and the printed login logs in.
			const page = await fetch(editor!);
			expect(page.status).toBe(200);
			expect(await page.text()).toMatch(/n8n/i);
			const session = await fetch(`${editor}/rest/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					emailOrLdapLoginId: login![1],
					email: login![1],
					password: login![2],
				}),
			});
			expect(session.status).toBe(200);
			// The printed key opens the sandbox; without it the sandbox refuses, as Hero does.
			const me = await fetch(`${sandbox}/v1/me`, {
				headers: { 'x-api-key': apiKey!, 'x-practice-group-id': group! },
			});
			expect(me.status).toBe(200);
			expect(
				(await fetch(`${sandbox}/v1/me`, { headers: { 'x-practice-group-id': group! } })).status,
			).toBe(401);
			expect(
				newCache
					? existsSync(
							join(cache, readdirSync(cache).find((e) => e.startsWith('n8n-'))!, '.installed'),
						)
					: true,
			).toBe(true);

			// Ctrl+C: the terminal sends SIGINT to the whole foreground group.
			process.kill(-child.pid!, 'SIGINT');
			const stopBy = Date.now() + 60_000;
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 60_000))]);
			while (groupAlive(child.pid!) && Date.now() < stopBy)
				await new Promise((resolve) => setTimeout(resolve, 200));
			expect(groupAlive(child.pid!)).toBe(false);
			expect(output).toContain('[demo] stopping n8n and the sandbox');
			expect(output).not.toMatch(/n8n exited unexpectedly|\[demo\] failed/);
			expect(await accepts(n8nPort)).toBe(false);
			expect(await accepts(sandboxPort)).toBe(false);
		} finally {
			if (groupAlive(child.pid!)) process.kill(-child.pid!, 'SIGKILL');
			if (process.env.HERO_START_LOG) process.stdout.write(output);
		}
	},
	25 * 60_000,
);
