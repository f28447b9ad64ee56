/**
 * Patient → Search as an AI agent's patient lookup: what the model reads about the tool (its Tool
 * Description, as n8n gives it to the model) and what it gets back for one match, none and several
 * (the node run as its tool variant in n8n's engine against the sandbox, as an agent's call).
 */
import { NodeHelpers, type INode, type INodeType } from 'n8n-workflow';

import { NO_PATIENT_MATCHES } from '../../../nodes/HeroHealth/actions/toolResults';
import { heroToolDescription } from '../../agents/workflows';
import { runHeroNode } from '../../harness/runNode';
import { patients } from '../../sandbox/routes/patients';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const tool = heroToolDescription();

/** The Tool Description n8n gives the model for a tool node with these stored parameters. */
function describedToModel(parameters: Record<string, unknown>): string {
	const node: INode = {
		id: 't',
		name: 'Find patient',
		type: `n8n-nodes-hero-health.${tool.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
	};
	node.parameters = NodeHelpers.getNodeParameters(
		tool.properties,
		node.parameters,
		true,
		false,
		node,
		tool,
	)!;
	return NodeHelpers.getToolDescriptionForNode(node, { description: tool } as INodeType);
}

/** Patient → Search called by an agent (the input item carries its toolCallId). */
const lookUp = (filters: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
	runHeroNode(sandbox, {
		asTool: true,
		parameters: {
			resource: 'patient',
			operation: 'search',
			returnAll: false,
			limit: 5,
			filters,
			...extra,
		},
		items: [{ toolCallId: 'call_1' }],
	});

/** A second Ada Lovelace born the same day, without an NHS number (a duplicate record). */
function seedSecondAda(): string {
	const id = sandbox.state.nextId();
	patients(sandbox.state).set(id, {
		...patients(sandbox.state).get('2001')!,
		id,
		nhs_number: null,
		email: null,
		mobile: null,
	});
	return id;
}

describe('Patient → Search as a patient lookup tool', () => {
	it("tells the model it finds a patient's Hero ID from NHS number and date of birth or names, only reads, returns the matches, and to act only on exactly one match", () => {
		const text = describedToModel({ resource: 'patient', operation: 'search' });
		expect(text).toBe(
			"Search patients in Hero Health. Find the practice's patients in Hero by NHS number, date of birth, name or EHR patient ID (exact match); never creates a patient. " +
				"Use it first to get a patient's Hero patient ID from their NHS number and date of birth (or their first and last name): the other Hero tools need that ID. " +
				'It only reads: it never creates, changes or contacts a patient. ' +
				'Returns one answer with matches (how many patients matched), patients (the matching records), patient_id (only when exactly one matched) and answer (what to do next). ' +
				'Act on a patient only when exactly one matched; with none or several, book or send nothing and ask the user to check the details or add one that tells the patients apart.',
		);
		// The guidance is the tool's alone: other operations keep their own text, and a user's own text replaces it.
		expect(describedToModel({ resource: 'patient', operation: 'get' })).not.toContain(
			'exactly one matched',
		);
		expect(
			describedToModel({
				resource: 'patient',
				operation: 'search',
				toolDescription: 'Find the patient.',
			}),
		).toBe('Find the patient.');
	});

	it('one match: the model gets the Hero patient ID to use and the record, from one GET /v3/patients; nothing is created', async () => {
		const result = await lookUp({ nhsNumber: '943 476 5919', dateOfBirth: '1985-12-10' });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([
			{
				matches: 1,
				patient_id: '2001',
				patients: [
					expect.objectContaining({
						id: '2001',
						first_name: 'Ada',
						last_name: 'Lovelace',
						dob: '1985-12-10',
					}),
				],
				answer:
					'Exactly one patient in Hero matches: Hero patient ID 2001. Use this patient ID for this patient. ' +
					'If the name or date of birth differs from what the user said, ask the user before acting.',
			},
		]);
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v3/patients']);
		expect(sandbox.requests[0].query).toEqual({
			nhs_number: '943 476 5919',
			dob: '1985-12-10',
			page_index: '0',
			page_size: '5',
		});
	});

	it('no match (the right NHS number with the wrong date of birth): the model is told nobody matched, nothing was created, and to ask the user to check the NHS number and date of birth', async () => {
		const result = await lookUp({ nhsNumber: '9434765919', dateOfBirth: '1985-10-12' });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ matches: 0, patients: [], answer: NO_PATIENT_MATCHES }]);
		expect(NO_PATIENT_MATCHES).toBe(
			'No patient in Hero matches this search. Nothing was created or changed. Do not book, send or act for any patient: ' +
				'ask the user to check the NHS number and date of birth (a mistyped digit or date is the usual cause), ' +
				"or for the patient's first and last name, and search again.",
		);
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v3/patients']);
		expect(patients(sandbox.state).size).toBe(5);
		// The plain node (a workflow step, not a model) still outputs no items for no match.
		const plain = await runHeroNode(sandbox, {
			parameters: {
				resource: 'patient',
				operation: 'search',
				filters: { nhsNumber: '9434765919', dateOfBirth: '1985-10-12' },
			},
		});
		expect(plain.error).toBeUndefined();
		expect(plain.json).toEqual([]);
	});

	it('several matches: the model gets every record and is told they do not identify one patient, to act on none and what to ask the user; no patient_id is given', async () => {
		const second = seedSecondAda();
		const result = await lookUp({
			firstName: 'Ada',
			lastName: 'Lovelace',
			dateOfBirth: '1985-12-10',
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(1);
		const [answer] = result.json;
		expect(answer).not.toHaveProperty('patient_id');
		expect(answer).toEqual({
			matches: 2,
			patients: [expect.objectContaining({ id: '2001' }), expect.objectContaining({ id: second })],
			answer:
				`2 patients in Hero match this search (patient IDs 2001, ${second}). This does not identify one patient. ` +
				'Do not book, send or act for any of them: ask the user for a detail that tells them apart ' +
				"(the NHS number, or the patient's full name with the date of birth) and search again.",
		});
	});

	it('a search cut short by its Limit never claims a single match: one record at Limit 1 of two matches is "at least 1", with no patient_id', async () => {
		seedSecondAda();
		const result = await lookUp({ lastName: 'Lovelace' }, { limit: 1 });
		expect(result.json).toEqual([
			{
				matches: 1,
				more_may_match: true,
				patients: [expect.objectContaining({ id: '2001' })],
				answer: expect.stringMatching(
					/^At least 1 patient in Hero matches this search \(patient ID 2001\); the search stopped at its Limit of 1, so more may match\. This does not identify one patient\. Do not book, send or act/,
				),
			},
		]);
		// Return All: every page is read, so one record is one match.
		const all = await lookUp({ nhsNumber: '9434765870' }, { returnAll: true });
		expect(all.json).toEqual([expect.objectContaining({ matches: 1, patient_id: '2002' })]);
	});

	it('an invalid NHS number comes back to the model as an error naming the field, without the value, and Hero is not asked', async () => {
		const result = await lookUp({ nhsNumber: '943 476 5918', dateOfBirth: '1985-12-10' });
		expect(result.json).toEqual([
			{
				error: expect.stringMatching(/^NHS Number: .*\[row 1 \(n8n item 0\)\]$/),
				description: expect.stringContaining('was not sent to Hero'),
			},
		]);
		expect(JSON.stringify(result.json)).not.toMatch(/943 ?476 ?5918/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
