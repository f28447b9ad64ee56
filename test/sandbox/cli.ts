/* Starts the Hero sandbox in the foreground: `npm run sandbox` (PORT or HERO_SANDBOX_PORT to move it). */
import { SANDBOX_DEFAULT_PORT, startSandbox } from './server';

async function main(): Promise<void> {
	const port = Number(process.env.HERO_SANDBOX_PORT ?? process.env.PORT ?? SANDBOX_DEFAULT_PORT);
	const sandbox = await startSandbox({ port, host: '127.0.0.1' });
	console.log(`Hero sandbox listening on ${sandbox.url}`);
	console.log(`  API key:           ${sandbox.apiKey}`);
	console.log(`  Practice group ID: ${sandbox.practiceGroupId}`);
	console.log(`  Credential:        Environment "Custom", Base URL ${sandbox.url}`);
	console.log(
		`  Inspect:           ${sandbox.url}/__sandbox/requests, ${sandbox.url}/__sandbox/state`,
	);
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
