/**
 * What the reliability suite saw, for the secrets and patient-data scan and for the figures.
 *
 * Importing this file (every reliability test file does, first) captures, for the whole test file:
 * - console output (console.log/info/warn/error/debug), not printed unless RELIABILITY_VERBOSE=1;
 * - n8n's logger: the one node contexts use (`this.logger`, n8n-core asks the DI container for
 *   @n8n/backend-common's Logger) and n8n-workflow's LoggerProxy (WorkflowExecute), at every level.
 * Tests add every output item and error they get (`runAndCapture`, `captureError`) and declare the
 * secrets and patient data their inputs used (`usesSecret`, `usesPatientData`). Each file ends with
 * `scanCapturedData()`, a test that scans everything captured in that file, and `figure()` values are
 * written to `.out/<file>.json` for the figures printer (`figures-reporter.js`).
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { inspect } from 'node:util';
import { LoggerProxy, type IDataObject } from 'n8n-workflow';

import { runHeroNode, type RunOptions, type RunResult } from '../harness/runNode';
import type { Sandbox } from '../sandbox/server';

export const OUT_DIR = join(__dirname, '.out');

interface Captured {
	/** Output items (JSON) and whole run data dumps. */
	outputs: string[];
	/** Error texts: message, description and context of every error the node or the trigger raised. */
	errors: string[];
	/** Console lines and n8n logger lines. */
	logs: string[];
	secrets: Set<string>;
	patientData: Set<string>;
}

export const captured: Captured = {
	outputs: [],
	errors: [],
	logs: [],
	secrets: new Set(),
	patientData: new Set(),
};

const verbose = process.env.RELIABILITY_VERBOSE === '1';
const text = (values: unknown[]) =>
	values
		.map((value) => (typeof value === 'string' ? value : inspect(value, { depth: 6 })))
		.join(' ');

// Console: every line is kept for the scan.
for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
	const original = console[level].bind(console);
	console[level] = (...values: unknown[]) => {
		captured.logs.push(`console.${level}: ${text(values)}`);
		if (verbose) original(...values);
	};
}

// n8n's logger, at every level, including metadata (where a leak would hide).
const logLine =
	(level: string) =>
	(message: string, metadata?: object): void => {
		captured.logs.push(`n8n.${level}: ${message}${metadata ? ` ${text([metadata])}` : ''}`);
	};
const captureLogger = {
	error: logLine('error'),
	warn: logLine('warn'),
	info: logLine('info'),
	debug: logLine('debug'),
};
const scopedLogger = { ...captureLogger, scoped: () => scopedLogger };
Container.set(Logger, scopedLogger as unknown as Logger);
LoggerProxy.init(captureLogger);

export function usesSecret(...values: string[]): void {
	for (const value of values) if (value) captured.secrets.add(value);
}

/** Phones, emails and NHS numbers (valid or not) that the inputs of this file carry. */
export function usesPatientData(...values: string[]): void {
	for (const value of values) if (value && value.trim()) captured.patientData.add(value.trim());
}

/** Records an error's message, description and context (not the node's own parameters). */
export function captureError(error: unknown): void {
	if (error === undefined || error === null) return;
	const e = error as {
		message?: unknown;
		description?: unknown;
		context?: unknown;
		cause?: { message?: unknown };
	};
	captured.errors.push(
		[e.message, e.description, e.context ? JSON.stringify(e.context) : '', e.cause?.message]
			.filter((part) => part !== undefined && part !== '')
			.map(String)
			.join('\n'),
	);
}

/** Records a run: every output item, every error item's text, the node error, and the run data. */
export function captureRun(result: RunResult): RunResult {
	for (const json of result.json) {
		captured.outputs.push(JSON.stringify(json));
		if (json.error !== undefined)
			captureError({ message: json.error, description: json.description });
	}
	captureError(result.error);
	captured.outputs.push(JSON.stringify(result.run));
	return result;
}

export async function runAndCapture(sandbox: Sandbox, options: RunOptions): Promise<RunResult> {
	usesSecret(sandbox.apiKey);
	if (options.credentials?.apiKey) usesSecret(options.credentials.apiKey);
	return captureRun(await runHeroNode(sandbox, options));
}

/** The forms a phone, email or NHS number may take when repeated (spaced, compact, E.164, local). */
export function variantsOf(value: string): string[] {
	const variants = new Set<string>([value, value.toLowerCase(), value.replace(/[\s\-().]/g, '')]);
	const digits = value.replace(/\D/g, '');
	if (digits.length >= 9) {
		variants.add(digits);
		const mobile = /^(?:44|0044|0)?(7\d{9})$/.exec(digits);
		if (mobile) {
			variants.add(`+44${mobile[1]}`);
			variants.add(`0${mobile[1]}`);
		}
	}
	return [...variants].filter((variant) => variant.length >= 6);
}

export type { Captured };

export interface ScanResult {
	outputItems: number;
	errorTexts: number;
	logLines: number;
	secretsChecked: number;
	patientValuesChecked: number;
	secretHits: string[];
	patientDataHits: string[];
}

/** Scans everything captured so far: secrets anywhere, patient data in error texts. */
export function scan(c: Captured = captured): ScanResult {
	const secretHits: string[] = [];
	const everything = [
		...c.outputs.map((t) => ['output', t]),
		...c.errors.map((t) => ['error', t]),
		...c.logs.map((t) => ['log', t]),
	];
	for (const secret of c.secrets) {
		for (const [where, body] of everything)
			if (body.includes(secret))
				secretHits.push(`${where}: ${body.slice(0, 200).split(secret).join('<SECRET>')}`);
	}
	const patientDataHits: string[] = [];
	for (const error of c.errors) {
		const forms = [error, error.toLowerCase(), error.replace(/[\s\-().]/g, '')];
		for (const value of c.patientData) {
			if (variantsOf(value).some((variant) => forms.some((form) => form.includes(variant)))) {
				patientDataHits.push(
					`error repeats a patient value (${value.length} chars): ${error.slice(0, 200)}`,
				);
			}
		}
	}
	return {
		outputItems: c.outputs.length,
		errorTexts: c.errors.length,
		logLines: c.logs.length,
		secretsChecked: c.secrets.size,
		patientValuesChecked: c.patientData.size,
		secretHits,
		patientDataHits,
	};
}

const figures: Record<string, IDataObject> = {};
let lastScan: ScanResult | undefined;

/** Writes this file's figures and scan to `.out/<file>.json` (read by the figures printer). */
function flush(): void {
	mkdirSync(OUT_DIR, { recursive: true });
	const file = basename(expect.getState().testPath ?? 'unknown').replace(/\.test\.ts$/, '');
	writeFileSync(
		join(OUT_DIR, `${file}.json`),
		JSON.stringify({ file, figures, scan: lastScan }, null, 2),
	);
}

/** A figure for the closing block, e.g. `figure('1,000 sends with 10% faults', { delivered: 994 })`. */
export function figure(section: string, values: IDataObject): void {
	figures[section] = { ...(figures[section] ?? {}), ...values };
	flush();
}

/**
 * Declares the file's last test: the scan of every output item, error text and log line the file
 * captured. Call it at the end of the file (jest runs a file's tests in order).
 */
export function scanCapturedData(): void {
	describe('secrets and patient data', () => {
		it('finds the API key 0 times in outputs, errors and logs, and no patient phone, email or NHS number in any error', () => {
			lastScan = scan();
			flush();
			expect(lastScan.outputItems).toBeGreaterThan(0);
			expect(lastScan.logLines).toBeGreaterThan(0);
			expect(lastScan.secretsChecked).toBeGreaterThan(0);
			expect(lastScan.secretHits).toEqual([]);
			expect(lastScan.patientDataHits).toEqual([]);
		});
	});
}
