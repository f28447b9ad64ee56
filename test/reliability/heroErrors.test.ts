/**
 * Hero's own error texts are not documented beyond one 400 shape, and may quote what they rejected.
 * A stand-in Hero (a local server that answers every request with the error under test) quotes the
 * patient's phone, email or NHS number back; the node's error must carry Hero's meaning without them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	captured,
	figure,
	runAndCapture,
	scanCapturedData,
	usesPatientData,
	variantsOf,
} from './capture';
import type { RunOptions } from '../harness/runNode';
import { startSandbox, type Sandbox } from '../sandbox/server';

const PHONE = '07700 900461';
const EMAIL = 'rosalind.franklin@example.com';
const NHS = '943 476 5811';
usesPatientData(PHONE, EMAIL, NHS);

let sandbox: Sandbox;
let hero: Server;
let heroUrl = '';
let answer: { status: number; body: unknown } = { status: 500, body: {} };

beforeAll(async () => {
	sandbox = await startSandbox();
	hero = createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			const text = JSON.stringify(answer.body);
			res.writeHead(answer.status, {
				'content-type': 'application/json',
				'content-length': Buffer.byteLength(text),
			});
			res.end(text);
		});
	});
	await new Promise<void>((resolve) => hero.listen(0, '127.0.0.1', resolve));
	heroUrl = `http://127.0.0.1:${(hero.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise<void>((resolve) => hero.close(() => resolve()));
	await sandbox.close();
});

const sms = {
	resource: 'message',
	operation: 'send',
	patientId: '2005',
	messageType: 'sms',
	message: 'Hello',
	additionalFields: { recipientContactDetail: PHONE },
};
const email = {
	resource: 'message',
	operation: 'send',
	patientId: '2005',
	messageType: 'email',
	message: 'Hello',
	additionalFields: { recipientContactDetail: EMAIL },
};
const register = {
	resource: 'patient',
	operation: 'createOrUpdate',
	nhsNumber: NHS,
	dateOfBirth: '1960-07-25',
	additionalFields: { email: EMAIL, mobile: PHONE },
};

const CASES: {
	name: string;
	parameters: RunOptions['parameters'];
	status: number;
	body: unknown;
	keeps: string;
}[] = [
	{
		name: '400 with a message string quoting the phone',
		parameters: sms,
		status: 400,
		body: {
			error: true,
			statusCode: 400,
			message: `recipient_contact_detail +447700900461 is not a mobile number`,
		},
		keeps: 'recipient_contact_detail',
	},
	{
		name: '400 issues whose message quotes the email',
		parameters: email,
		status: 400,
		body: {
			error: true,
			statusCode: 400,
			message: [
				{
					code: 'invalid_string',
					path: ['recipient_contact_detail'],
					message: `${EMAIL} bounced before`,
				},
			],
		},
		keeps: 'field recipient_contact_detail',
	},
	{
		name: '400 issues whose expected quotes the NHS number',
		parameters: register,
		status: 400,
		body: {
			error: true,
			statusCode: 400,
			message: [
				{ code: 'custom', path: ['nhs_number'], expected: `an NHS number other than ${NHS}` },
			],
		},
		keeps: 'field nhs_number',
	},
	{
		name: '404 quoting the NHS number (dashed)',
		parameters: register,
		status: 404,
		body: {
			error: true,
			statusCode: 404,
			message: 'No patient found with NHS number 943-476-5811',
		},
		keeps: 'No patient found with NHS number',
	},
	{
		name: '409 quoting the email',
		parameters: register,
		status: 409,
		body: { error: true, statusCode: 409, message: `A patient with email ${EMAIL} already exists` },
		keeps: 'already exists',
	},
	{
		name: '422 quoting the phone in E.164',
		parameters: register,
		status: 422,
		body: { error: true, statusCode: 422, message: 'Mobile +447700900461 is on the opt-out list' },
		keeps: 'opt-out list',
	},
];

const outcomes: Record<string, string> = {};

describe("Hero's error texts quoting patient data", () => {
	it.each(CASES.map((c) => [c.name, c] as const))(
		'%s: the error keeps the meaning, not the value',
		async (_name, c) => {
			answer = { status: c.status, body: c.body };
			const result = await runAndCapture(sandbox, {
				parameters: c.parameters,
				credentials: { baseUrl: heroUrl },
			});
			const text = `${result.error?.message}\n${result.error?.description ?? ''}`;
			outcomes[c.name] = result.error?.message ?? '(no error)';
			expect(result.error).toBeDefined();
			expect(text).toContain(c.keeps);
			expect(text).toContain('[redacted]');
			for (const value of [PHONE, EMAIL, NHS])
				for (const variant of variantsOf(value)) expect(text).not.toContain(variant);
			// The run data (what n8n saves as the execution) and the Continue On Fail item hold the same masked text.
			const kept = await runAndCapture(sandbox, {
				parameters: c.parameters,
				credentials: { baseUrl: heroUrl },
				continueOnFail: true,
			});
			expect(kept.json).toEqual([
				expect.objectContaining({ error: expect.stringContaining('[redacted]') }),
			]);
			// n8n saves the failed node itself (`node`, with the values typed into its parameters) beside the
			// error: that is the workflow's own text (docs/data-protection.md), not Hero's answer, so it is left out here.
			const withoutNode = (value: unknown) =>
				JSON.stringify(value, (key, inner) => (key === 'node' ? undefined : inner));
			const saved = withoutNode(result.run) + withoutNode(kept.run);
			expect(saved).toContain('[redacted]');
			for (const value of [PHONE, EMAIL, NHS])
				for (const variant of variantsOf(value)) expect(saved).not.toContain(variant);
		},
	);

	it('records what the user sees', () => {
		figure("Hero's error texts quoting patient data (stand-in Hero)", {
			...outcomes,
			'errors repeating the value': 0,
		});
		expect(captured.errors.length).toBeGreaterThanOrEqual(CASES.length);
	});
});

scanCapturedData();
