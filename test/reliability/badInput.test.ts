/**
 * Bad inputs, table-driven, across every operation of the Hero Health node.
 * Each case gives the operation's parameters (the field under test read by an expression from the
 * item, as a mapped field would be), a valid item and an invalid one. For each case:
 * 1. the invalid item alone fails with an error that names the field and `[row 1 (n8n item 0)]`, does not repeat
 *    the rejected value, and no request reaches the sandbox;
 * 2. with Continue On Fail, [valid, invalid, valid] gives two results and one error naming the field
 *    and `[row 2 (n8n item 1)]`, and exactly the requests that [valid, valid] makes reach the sandbox.
 */
import type { IDataObject } from 'n8n-workflow';

import { figure, runAndCapture, scanCapturedData, usesPatientData } from './capture';
import {
	ACCEPTED_INPUTS,
	BAD_INPUTS,
	EXEMPT_OPERATIONS,
	type BadInput,
	type Parameters,
} from './badInputs';
import { resources } from '../../nodes/HeroHealth/actions/resources';
import { startSandbox, type Sandbox } from '../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const apiRequests = () => sandbox.received().length;

function parametersOf(c: BadInput): Parameters {
	const [resource, operation] = c.op.split('.');
	return { resource, operation, ...c.parameters };
}

/** String values of the invalid item that are long enough to be recognisable if repeated. */
function rejectedValues(item: IDataObject): string[] {
	return Object.values(item)
		.filter(
			(value) =>
				(typeof value === 'string' || typeof value === 'number') &&
				String(value).trim().length >= 4,
		)
		.map((value) => String(value).trim());
}

for (const c of ACCEPTED_INPUTS)
	if (c.patientData && typeof c.item !== 'function')
		usesPatientData(...Object.values(c.item).filter((v): v is string => typeof v === 'string'));
for (const c of BAD_INPUTS) {
	if (c.patientData)
		usesPatientData(
			...[c.bad, ...(Array.isArray(c.good) ? c.good : [c.good])].flatMap((item) =>
				Object.values(item).filter((v): v is string => typeof v === 'string'),
			),
		);
}

interface Outcome {
	op: string;
	/** The error of the invalid item alone names the field and [row 1 (n8n item 0)]. */
	clear: boolean;
	/** Requests the invalid item made: alone, and in the mixed run beyond what the valid items made. */
	badRequests: number;
	/** Valid items of the mixed run that succeeded (of 2). */
	validSucceeded: number;
}
const outcomes: Outcome[] = [];

describe(`${BAD_INPUTS.length} bad inputs across the operations`, () => {
	it.each(BAD_INPUTS.map((c) => [`${c.op}: ${c.what}`, c] as const))(
		'%s: refused before any request, naming the field and the item; valid items around it are sent',
		async (_name, c) => {
			const parameters = parametersOf(c);
			const good = async (n: number): Promise<IDataObject> => {
				const g = Array.isArray(c.good) ? c.good[n % c.good.length] : c.good;
				return typeof g === 'function'
					? await (g as (s: Sandbox, n: number) => Promise<IDataObject>)(sandbox, n)
					: g;
			};
			const field = new RegExp(`^${escape(c.field)}: `);

			// 1. The invalid item alone: a clear error, nothing sent.
			sandbox.reset();
			const alone = await runAndCapture(sandbox, { parameters, items: [c.bad] });
			const outcome: Outcome = {
				op: c.op,
				clear:
					field.test(alone.error?.message ?? '') &&
					/\[row 1 \(n8n item 0\)\]$/.test(alone.error?.message ?? ''),
				badRequests: apiRequests(),
				validSucceeded: 0,
			};
			outcomes.push(outcome);
			expect(alone.error?.message).toMatch(field);
			expect(alone.error?.message).toMatch(/\[row 1 \(n8n item 0\)\]$/);
			for (const value of rejectedValues(c.bad)) expect(alone.error?.message).not.toContain(value);
			expect(apiRequests()).toBe(0);

			// 2a. Two valid items: the requests they make.
			sandbox.reset();
			const validOnly = [await good(0), await good(1)];
			const before = apiRequests();
			const valid = await runAndCapture(sandbox, {
				parameters,
				items: validOnly,
				continueOnFail: true,
			});
			expect(valid.json.filter((json) => json.error !== undefined)).toEqual([]);
			const validRequests = apiRequests() - before;
			expect(validRequests).toBeGreaterThan(0);

			// 2b. The same two around the invalid one, with Continue On Fail.
			sandbox.reset();
			const items = [await good(0), c.bad, await good(1)];
			const start = apiRequests();
			const mixed = await runAndCapture(sandbox, { parameters, items, continueOnFail: true });
			expect(mixed.error).toBeUndefined();
			const byItem = (index: number) =>
				mixed.items
					.filter((item) => (item.pairedItem as { item: number }).item === index)
					.map((item) => item.json);
			outcome.badRequests += Math.max(0, apiRequests() - start - validRequests);
			outcome.validSucceeded = [0, 2].filter(
				(i) => byItem(i).length > 0 && byItem(i).every((json) => json.error === undefined),
			).length;
			expect(byItem(0).length).toBeGreaterThan(0);
			expect(byItem(2).length).toBeGreaterThan(0);
			expect([...byItem(0), ...byItem(2)].filter((json) => json.error !== undefined)).toEqual([]);
			expect(byItem(1)).toHaveLength(1);
			expect(String(byItem(1)[0].error)).toMatch(field);
			expect(String(byItem(1)[0].error)).toMatch(/\[row 2 \(n8n item 1\)\]$/);
			expect(apiRequests() - start).toBe(validRequests);
		},
	);

	it('covers every operation of the node (except those with no input to get wrong)', () => {
		const all = Object.entries(resources).flatMap(([resource, r]) =>
			Object.keys(r.operations).map((operation) => `${resource}.${operation}`),
		);
		const covered = new Set(BAD_INPUTS.map((c) => c.op));
		const uncovered = all.filter((op) => !covered.has(op) && !(op in EXEMPT_OPERATIONS));
		expect(uncovered).toEqual([]);
		for (const op of Object.keys(EXEMPT_OPERATIONS)) expect(all).toContain(op);
		// Coverage alone proves nothing: every case above ran (jest runs a file's tests in order), each
		// refused with a clear error and no request, and the valid items around it succeeded.
		expect(outcomes.map((o) => o.op)).toEqual(BAD_INPUTS.map((c) => c.op));
		expect(
			outcomes.filter((o) => !o.clear || o.badRequests !== 0 || o.validSucceeded !== 2),
		).toEqual([]);
		figure('Bad inputs (validated before any request)', {
			'cases (table-driven)': BAD_INPUTS.length,
			'operations covered': `${covered.size} of ${all.length} (exempt, no input to get wrong: ${Object.keys(EXEMPT_OPERATIONS).join(', ') || 'none'})`,
			'errors naming the field and [item N]': `${outcomes.filter((o) => o.clear).length} of ${outcomes.length}`,
			'requests that reached the sandbox for bad items': outcomes.reduce(
				(n, o) => n + o.badRequests,
				0,
			),
			'valid items in the same runs that succeeded': `${outcomes.reduce((n, o) => n + o.validSucceeded, 0)} of ${outcomes.length * 2}`,
			kinds: summariseKinds(),
		});
	});
});

describe(`${ACCEPTED_INPUTS.length} inputs once refused that Hero's docs allow`, () => {
	it.each(ACCEPTED_INPUTS.map((c) => [`${c.op}: ${c.what}`, c] as const))(
		'%s reaches Hero',
		async (_name, c) => {
			sandbox.reset();
			const [resource, operation] = c.op.split('.');
			const item = typeof c.item === 'function' ? await c.item(sandbox, 0) : c.item;
			const before = sandbox.received(c.method ?? 'POST', c.path).length;
			const run = await runAndCapture(sandbox, {
				parameters: { resource, operation, ...c.parameters },
				items: [item],
			});
			expect(run.error).toBeUndefined();
			expect(run.json.filter((json) => json.error !== undefined)).toEqual([]);
			const calls = sandbox.received(c.method ?? 'POST', c.path).slice(before);
			expect(calls).toHaveLength(1);
			if (c.sent) expect(calls[0].body).toMatchObject(c.sent);
			if (c.query) expect(calls[0].query).toMatchObject(c.query);
		},
	);
});

function summariseKinds(): string {
	const counts = new Map<string, number>();
	for (const c of BAD_INPUTS) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
	return [...counts].map(([kind, n]) => `${kind} ${n}`).join(', ');
}

scanCapturedData();
