/**
 * Workflow JSON for human approval of agent tool calls (n8n 2.x "Human review"): the gated Hero
 * tools connect to a review node, the review node to the AI Agent. The review node here is n8n's
 * Send Email "Human review" tool (`emailSendHitlTool`, made by n8n from Send Email's Send and Wait):
 * it emails Approve / Decline links and the execution waits; the gated tool runs only after Approve.
 *
 *   [Send SMS] --ai_tool--> [Ask the practice manager] --ai_tool--> [AI Agent]
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { N8nHome } from '../n8n/harness/home';
import { CommandError, runN8n } from '../n8n/harness/process';
import type { WorkflowJson, WorkflowNode } from '../n8n/harness/workflows';
import type { Mailbox } from './mailbox';
import { AGENT, agentWorkflow } from './workflows';

export const SMTP_CREDENTIAL = {
	id: 'approvalSmtpCred1',
	name: 'Practice mail (test inbox)',
} as const;
export const REVIEW = 'Ask the practice manager';
export const MANAGER_EMAIL = 'manager@practice.test';

/** An SMTP credential pointing at the test inbox: no TLS, no login. */
export async function importSmtpCredential(home: N8nHome, mailbox: Mailbox): Promise<void> {
	const file = join(home.folder, `.import-smtp-${randomBytes(6).toString('hex')}.json`);
	const data = {
		user: '',
		password: '',
		host: mailbox.host,
		port: mailbox.port,
		secure: false,
		disableStartTls: true,
	};
	await writeFile(file, JSON.stringify([{ ...SMTP_CREDENTIAL, type: 'smtp', data }]), {
		mode: 0o600,
	});
	try {
		const result = await runN8n(home, ['import:credentials', `--input=${file}`]);
		if (result.exitCode !== 0)
			throw new CommandError('n8n import:credentials (SMTP) failed', result);
	} finally {
		await rm(file, { force: true });
	}
}

/** The review node: emails the manager the tool and its inputs, with Approve and Decline links. */
export function emailReviewNode(): WorkflowNode {
	return {
		id: 'approval-review',
		name: REVIEW,
		type: 'n8n-nodes-base.emailSendHitlTool',
		typeVersion: 2.1,
		position: [520, 760],
		parameters: {
			fromEmail: 'n8n@practice.test',
			toEmail: MANAGER_EMAIL,
			subject: 'Approve a Hero Health action',
			// n8n's default text with the inputs as JSON: its own `{{ $tool.parameters }}` prints "[object Object]".
			message:
				'=The agent wants to run this tool: {{ $tool.name }}\n\nInput:\n{{ JSON.stringify($tool.parameters) }}',
			approvalOptions: { values: { approvalType: 'double' } },
			options: {},
		},
		credentials: { smtp: { id: SMTP_CREDENTIAL.id, name: SMTP_CREDENTIAL.name } },
	};
}

/**
 * Webhook (POST /webhook/<path>, answers at once) → AI Agent with `prompt`; every tool in `gated`
 * goes through the review node, every tool in `open` straight to the agent.
 */
export function approvalWorkflow(options: {
	id: string;
	name: string;
	path: string;
	prompt: string;
	gated: WorkflowNode[];
	open?: WorkflowNode[];
}): WorkflowJson {
	const trigger: WorkflowNode = {
		id: 'approval-webhook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 300],
		webhookId: randomBytes(16)
			.toString('hex')
			.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
		parameters: { httpMethod: 'POST', path: options.path, responseMode: 'onReceived', options: {} },
	};
	const workflow = agentWorkflow({
		id: options.id,
		name: options.name,
		prompt: options.prompt,
		trigger,
		tools: [...options.gated, ...(options.open ?? [])],
	});
	const agent = workflow.nodes.find((node) => node.name === AGENT)!;
	// agentWorkflow reads a chat message when given a trigger; a webhook carries none, so the prompt is fixed.
	agent.parameters = { ...agent.parameters, promptType: 'define', text: options.prompt };
	const connections = workflow.connections as unknown as Record<
		string,
		Record<string, Array<Array<{ node: string; type: string; index: number }>>>
	>;
	for (const tool of options.gated)
		connections[tool.name] = { ai_tool: [[{ node: REVIEW, type: 'ai_tool', index: 0 }]] };
	connections[REVIEW] = { ai_tool: [[{ node: AGENT, type: 'ai_tool', index: 0 }]] };
	workflow.nodes.push(emailReviewNode());
	return workflow;
}
