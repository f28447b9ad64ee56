/**
 * The bytes of a typical tool answer before (Output: Raw, what every tool answered before the choice
 * existed) and after (Simplified, the tool's default): the node run as its tool variant in n8n's engine
 * against the sandbox, each answer measured as the JSON n8n hands the model. The figures are printed
 * (`npx jest test/unit/agents/toolAnswerBytes.test.ts --selectProjects unit`) and stated in
 * docs/agents.md, which this test keeps in step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { sandboxClient } from '../../harness/sandboxClient';
import { runHeroNode } from '../../harness/runNode';
import { slots } from '../../sandbox/routes/slots';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const { hero } = sandboxClient(() => sandbox);
const rl = (value: string) => ({ __rl: true, mode: 'list', value });

const CALLS: Array<[string, () => Promise<Record<string, unknown>>]> = [
	['Patient → Get', async () => ({ resource: 'patient', operation: 'get', patientId: '2001' })],
	[
		'Patient → Search (one match)',
		async () => ({
			resource: 'patient',
			operation: 'search',
			limit: 5,
			filters: { nhsNumber: '943 476 5919', dateOfBirth: '1985-12-10' },
		}),
	],
	[
		'Appointment → Get',
		async () => {
			const slot = [...slots(sandbox.state).values()].find(
				(s) => s.appointment_type_id === '4001',
			)!;
			const reserved = await hero('POST', '/v1/appointments', {
				patient_id: '2001',
				practitioner_id: slot.practitioner_id,
				location_id: slot.location_id,
				appointment_type_id: slot.appointment_type_id,
				start_time: slot.start_time,
				duration: 15,
			});
			return { resource: 'appointment', operation: 'get', appointmentId: String(reserved.body.id) };
		},
	],
	[
		'Slot → Get Many (Limit 5)',
		async () => ({
			resource: 'slot',
			operation: 'getMany',
			limit: 5,
			filters: { appointmentTypeId: rl('4001') },
		}),
	],
	[
		'Message → Get',
		async () => {
			const sent = await hero('POST', '/v1/messages/send', {
				patient_id: '2001',
				message_type: 'sms',
				message_string: 'Your appointment is confirmed.',
			});
			return { resource: 'message', operation: 'get', messageId: String(sent.body.message_id) };
		},
	],
];

/** The answer's bytes as n8n gives it to the model (the output items' JSON). */
async function answerBytes(parameters: Record<string, unknown>): Promise<number> {
	const result = await runHeroNode(sandbox, {
		parameters,
		asTool: true,
		items: [{ toolCallId: 'call_1' }],
	});
	expect(result.error).toBeUndefined();
	return Buffer.byteLength(JSON.stringify(result.json), 'utf8');
}

/** The row of docs/agents.md's table for this call: its Raw and Simplified bytes. */
function documented(name: string): [number, number] | undefined {
	const text = readFileSync(join(__dirname, '../../../docs/agents.md'), 'utf8');
	const row = text
		.split('\n')
		.map((line) => line.trim())
		.find((line) => line.startsWith(`| ${name} |`));
	const figures = row?.match(/\| ([\d,]+) \| ([\d,]+) \|/);
	return figures
		? [Number(figures[1].replace(/,/g, '')), Number(figures[2].replace(/,/g, ''))]
		: undefined;
}

describe('the bytes of a typical tool answer, Raw (before) and Simplified (the tool default)', () => {
	it.each(CALLS)(
		'%s: Simplified is smaller than Raw, and docs/agents.md states both within 5%',
		async (name, parameters) => {
			const raw = await answerBytes({ ...(await parameters()), output: 'raw' });
			sandbox.reset();
			const simplified = await answerBytes(await parameters());
			process.stdout.write(`${name}: raw ${raw} bytes, simplified ${simplified} bytes\n`);
			expect(simplified).toBeLessThan(raw);
			const [docRaw, docSimplified] = documented(name) ?? [NaN, NaN];
			// A slot's or appointment's local start names the weekday, so a few bytes vary by the day of the run.
			expect(Math.abs(docRaw - raw) / raw).toBeLessThan(0.05);
			expect(Math.abs(docSimplified - simplified) / simplified).toBeLessThan(0.05);
		},
	);
});
