/**
 * The floor: the same message sends from a plain Node client with a keep-alive agent, in its own
 * process (as n8n is), so the sandbox and the client do not share an event loop.
 *
 * Usage: node .tools/test/bench/floor.js '<json: { url, apiKey, practiceGroupId, count, concurrency }>'
 * Prints one JSON line: { ms, statuses }.
 */
import { Agent, request } from 'node:http';

import { sendBody } from './workflows';

interface FloorArgs {
	url: string;
	apiKey: string;
	practiceGroupId: string;
	count: number;
	concurrency: number;
}

function post(agent: Agent, args: FloorArgs, body: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = request(
			`${args.url}/v1/messages/send`,
			{
				method: 'POST',
				agent,
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(body),
					accept: 'application/json',
					'x-api-key': args.apiKey,
					'x-practice-group-id': args.practiceGroupId,
				},
			},
			(res) => {
				res.resume();
				res.once('end', () => resolve(res.statusCode ?? 0));
				res.once('error', reject);
			},
		);
		req.once('error', reject);
		req.end(body);
	});
}

async function main(): Promise<void> {
	const args = JSON.parse(process.argv[2]) as FloorArgs;
	const agent = new Agent({ keepAlive: true, maxSockets: args.concurrency });
	const statuses: Record<string, number> = {};
	let next = 0;
	const started = process.hrtime.bigint();
	const worker = async () => {
		while (next < args.count) {
			const index = next++;
			const status = await post(agent, args, JSON.stringify(sendBody(index)));
			statuses[status] = (statuses[status] ?? 0) + 1;
		}
	};
	await Promise.all(Array.from({ length: args.concurrency }, worker));
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	agent.destroy();
	process.stdout.write(`${JSON.stringify({ ms, statuses })}\n`);
}

main().catch((error) => {
	process.stderr.write(`${error?.stack ?? error}\n`);
	process.exit(1);
});
