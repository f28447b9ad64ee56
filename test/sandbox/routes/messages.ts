/**
 * Messages: Send (`POST /v1/messages/send`) and Get (`GET /v1/messages/{id}`).
 *
 * A message sent with `write_to_record` waits for a practice admin to approve the write-back to the
 * patient's record (`write_to_record.status` `pending_approval`). Control route (no auth), standing
 * in for the admin and the EHR:
 *   POST /__sandbox/messages/:id/write-to-record   {result: 'succeeded' | 'failed', failure_reason?}
 *     → updates the message's write_to_record and emits `write-to-record.<result>` for the message
 *       (object `INFERRED.writeToRecordObject.name`, id = message id), which the webhook module
 *       delivers. 404 for an unknown message, 409 for one sent without write_to_record or already
 *       resolved, 400 for a bad body.
 * The words `succeeded` and `failed` for the resolved status are the sandbox's (Hero's statuses
 * beyond the sample were not captured), taken from the event names.
 */
import { INFERRED } from '../../../nodes/HeroHealth/transport/inferred';
import { HeroError, badRequest, conflict, notFound } from '../errors';
import { FORMATS, s } from '../schema';
import type { SandboxState } from '../state';
import { reply, type RouteModule } from '../types';
import { linkName, links, linkStatus, type SandboxLink } from './links';
import { requirePatient } from './patients';
import { deliveries } from './webhooks';

export interface SandboxMessage {
	id: string;
	patient: { id: string; title: string | null; first_name: string; last_name: string };
	message_type: string;
	message: string;
	recipient_contact_detail: string | null;
	status: 'scheduled' | 'delivered';
	created_at: string;
	sent_at: string | null;
	scheduled_at: string | null;
	write_to_record: {
		write_to_record_at: string | null;
		status: 'pending_approval' | 'succeeded' | 'failed';
		failure_reason: string | null;
		snomed_code: string | null;
	} | null;
	short_link: { id: string; type: string; name: string; status: string } | null;
	campaign: { id: string; name: string } | null;
	sent_by_admin: { id: string; first_name: string; last_name: string } | null;
	attachments: Array<{ uuid: string; file_name: string | null; attachment_link: string }>;
	/** Everything the send request carried, for assertions. */
	request: Record<string, unknown>;
}

/**
 * Test switch: the token Hero puts in a send's answer for a write to the record awaiting
 * confirmation (`auth_token`, and carried by `confirm_write_to_record_url`). Hero's schema has both
 * fields; the sandbox answers null unless a test sets one (the token's form is not documented).
 */
export function sendAnswerSettings(state: SandboxState): { authToken: string | null } {
	return state.slice('sendAnswerSettings', () => ({ authToken: null as string | null }));
}

export function messages(state: SandboxState): Map<string, SandboxMessage> {
	return state.slice('messages', () => new Map<string, SandboxMessage>());
}

const sendBody = s.object(
	{
		patient_id: s.id(),
		message_type: s.enum(['hero', 'sms', 'email', 'nhs_app']),
		message_string: s.string({ minLength: 1 }),
		recipient_contact_detail: s.string({ minLength: 1 }),
		fallback_contact_detail: s.string({ minLength: 1 }),
		fallback_message_type: s.enum(['sms', 'email']),
		write_to_record: s.boolean(),
		encrypted: s.oneOf(s.boolean(), s.string()),
		snomed_code: s.string({ minLength: 1 }),
		snomed_term: s.string({ minLength: 1 }),
		auto_write_to_record: s.boolean(),
		task_id: s.string({ minLength: 1 }),
		attachment_uuid: s.string({ minLength: 1 }),
		short_link_id: s.string({ minLength: 1 }),
		assignee_id: s.number({ integer: true, min: 1 }),
		assignee_type: s.enum(['Admin', 'AdminTeam']),
		send_at: s.string({ format: 'date-time' }),
	},
	{ required: ['patient_id', 'message_type', 'message_string'] },
);

/**
 * `short_link_id` and `attachment_uuid` name links the practice made: a booking, form or video link
 * (by its id) and an attachment link (by the `attachment_uuid` Create Attachment Link returned).
 * One that names nothing is answered 404, as the sandbox answers an unknown `patient_id` in the same
 * body, and as Hero documents 404 for ids that name nothing on Create Appointment; the body itself is
 * well formed, so it is not a 400. Send Message documents no 404 (only 403 and 500): a guess.
 */
const SHORT_LINK_KINDS: readonly SandboxLink['kind'][] = ['booking', 'form', 'video'];

function requireShortLink(state: SandboxState, id: string): SandboxLink {
	const link = links(state).get(id);
	if (!link || !SHORT_LINK_KINDS.includes(link.kind)) throw notFound('Short link');
	return link;
}

function requireAttachment(state: SandboxState, uuid: string): SandboxLink {
	const link = [...links(state).values()].find(
		(candidate) => candidate.kind === 'attachment' && candidate.attachment?.uuid === uuid,
	);
	if (!link) throw notFound('Attachment');
	return link;
}

const shortLinkView = (link: SandboxLink) => ({
	id: link.id,
	type: link.kind,
	name: linkName(link),
	status: linkStatus(link),
});

const writeToRecordBody = s.object(
	{ result: s.enum(['succeeded', 'failed']), failure_reason: s.string({ minLength: 1 }) },
	{ required: ['result'] },
);

/** Resolves a message's pending write-back and announces it, as Hero does once the EHR answers. */
function resolveWriteToRecord(
	state: SandboxState,
	id: string,
	body: unknown,
): Record<string, unknown> {
	const issues = writeToRecordBody(body ?? {}, []);
	if (issues.length) throw badRequest(issues);
	const { result, failure_reason: failureReason } = body as {
		result: 'succeeded' | 'failed';
		failure_reason?: string;
	};
	if (failureReason !== undefined && result !== 'failed')
		throw badRequest([
			{
				code: 'invalid_combination',
				expected: 'failure_reason only with result failed',
				path: ['failure_reason'],
			},
		]);
	const message = messages(state).get(id);
	if (!message) throw notFound('Message');
	const record = message.write_to_record;
	if (!record) throw conflict('Message was not sent with write_to_record');
	if (record.status !== 'pending_approval')
		throw conflict(`Write to record already ${record.status}`);
	record.status = result;
	record.write_to_record_at = result === 'succeeded' ? new Date().toISOString() : null;
	record.failure_reason =
		result === 'failed' ? (failureReason ?? 'The clinical system rejected the entry') : null;
	const before = deliveries(state).length;
	const event = state.emit(
		`write-to-record.${result}`,
		INFERRED.writeToRecordObject.name,
		message.id,
	);
	return {
		write_to_record: record,
		event,
		deliveries: deliveries(state)
			.slice(before)
			.map((d) => d.id),
	};
}

/**
 * The contact detail for the channel. Hero documents only "email / phone": the sandbox reads a phone
 * as E.164 (any country, landlines included) and an email as an address, so a node that forgot to
 * normalise is caught.
 */
function checkContact(type: string, value: unknown, field: string): void {
	if (typeof value !== 'string') return;
	if (type === 'sms' && !FORMATS['phone-e164'](value))
		throw badRequest([
			{ code: 'invalid_string', expected: 'phone number in E.164 (+...)', path: [field] },
		]);
	if (type === 'email' && !FORMATS.email(value))
		throw badRequest([{ code: 'invalid_string', expected: 'email', path: [field] }]);
}

export const messageRoutes: RouteModule = {
	routes: [
		{
			method: 'POST',
			path: '/v1/messages/send',
			body: sendBody,
			bodyRequired: true,
			handler: ({ body, state }) => {
				checkContact(body.message_type, body.recipient_contact_detail, 'recipient_contact_detail');
				// openapi.yaml allows a fallback on any message type, and SNOMED fields whatever write_to_record says.
				// A fallback detail is checked against its own channel; without one, its channel is not known.
				if (body.fallback_message_type !== undefined)
					checkContact(
						body.fallback_message_type,
						body.fallback_contact_detail,
						'fallback_contact_detail',
					);
				if (body.send_at && Date.parse(body.send_at) <= Date.now()) {
					throw badRequest([
						{ code: 'too_small', expected: 'a date-time in the future', path: ['send_at'] },
					]);
				}
				const patient = requirePatient(state, body.patient_id);
				const shortLink =
					body.short_link_id !== undefined
						? requireShortLink(state, body.short_link_id)
						: undefined;
				const attachment =
					body.attachment_uuid !== undefined
						? requireAttachment(state, body.attachment_uuid)
						: undefined;
				const now = new Date().toISOString();
				const id = state.nextId();
				const scheduled = Boolean(body.send_at);
				const writeToRecord = body.write_to_record === true;
				messages(state).set(id, {
					id,
					patient: {
						id: patient.id,
						title: patient.title,
						first_name: patient.first_name,
						last_name: patient.last_name,
					},
					message_type: body.message_type,
					message: body.message_string,
					recipient_contact_detail:
						body.recipient_contact_detail ??
						(body.message_type === 'email'
							? patient.email
							: body.message_type === 'sms'
								? patient.mobile
								: null),
					status: scheduled ? 'scheduled' : 'delivered',
					created_at: now,
					sent_at: scheduled ? null : now,
					scheduled_at: body.send_at ?? null,
					write_to_record: writeToRecord
						? {
								write_to_record_at: null,
								status: 'pending_approval',
								failure_reason: null,
								snomed_code: body.snomed_code ?? '185087000',
							}
						: null,
					short_link: shortLink ? shortLinkView(shortLink) : null,
					campaign: null,
					sent_by_admin: null,
					attachments: attachment
						? [
								{
									uuid: attachment.attachment!.uuid,
									file_name: attachment.attachment!.file_name,
									attachment_link: attachment.short_link,
								},
							]
						: [],
					request: body,
				});
				return {
					message_id: id,
					content: body.message_string,
					created_at: now,
					snomed_code: writeToRecord ? (body.snomed_code ?? '185087000') : null,
					write_to_record: writeToRecord,
					auth_token: writeToRecord ? sendAnswerSettings(state).authToken : null,
					confirm_write_to_record_url: writeToRecord
						? `https://app.herohealth.net/confirm/${id}${sendAnswerSettings(state).authToken ? `?auth_token=${sendAnswerSettings(state).authToken}` : ''}`
						: null,
					submitted_by: 'api',
					send_at: body.send_at ?? null,
				};
			},
		},
		{
			method: 'GET',
			path: '/v1/messages/:id',
			handler: ({ params, state }) => {
				const message = messages(state).get(params.id);
				if (!message) throw notFound('Message');
				const { request: _request, ...view } = message;
				// The link's status as it is now (a patient may have used it since the send).
				const link = message.short_link ? links(state).get(message.short_link.id) : undefined;
				return link ? { ...view, short_link: shortLinkView(link) } : view;
			},
		},
	],
	control: [
		{
			method: 'POST',
			path: '/__sandbox/messages/:id/write-to-record',
			handler: ({ params, body, state }) => {
				try {
					return resolveWriteToRecord(state, params.id, body);
				} catch (error) {
					if (error instanceof HeroError) return reply(error.status, error.body);
					throw error;
				}
			},
		},
	],
};
