/**
 * The scripted side of the "Booking assistant" example (test/n8n/examples/booking-assistant.json):
 * answers from the conversation alone, so one server serves any number of runs (`npm start`, the
 * e2e suite). Find slots → Book next available → Send SMS with the booked time → a final message.
 * A test fixture that drives the real tools, not a model.
 */
import { Conversation, type ScriptedReply } from './scriptedModel';
import { TOOLS, toolName } from './workflows';

export const ASSISTANT_APPOINTMENT_TYPE = '4001';

/** `YYYY-MM-DD` in Europe/London, `days` from now. */
function londonDay(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', {
		timeZone: 'Europe/London',
	});
}

/** "09:20 on 2026-12-07", UK time. */
export function ukTime(iso: string): string {
	const time = new Date(iso).toLocaleTimeString('en-GB', {
		timeZone: 'Europe/London',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	});
	return `${time} on ${new Date(iso).toLocaleDateString('en-CA', { timeZone: 'Europe/London' })}`;
}

export function bookingAssistant(conversation: Conversation): ScriptedReply {
	const user = conversation.messages
		.filter((m) => m.role === 'user')
		.map(Conversation.text)
		.join('\n');
	const patientId = /patient\s+(?:id\s+)?(\d+)/i.exec(user)?.[1];
	if (!patientId) return { content: 'Which patient? Please give the Hero patient ID (digits).' };
	const startDate = /\b(\d{4}-\d{2}-\d{2})\b/.exec(user)?.[1] ?? londonDay(2);
	const results = conversation.toolResults();
	if (results.length === 0) {
		return {
			toolCalls: [
				{
					name: toolName(TOOLS.findSlots),
					arguments: { appointmentTypeId: ASSISTANT_APPOINTMENT_TYPE, startDate },
				},
			],
		};
	}
	if (results.length === 1) {
		return {
			toolCalls: [
				{
					name: toolName(TOOLS.book),
					arguments: { patientId, appointmentTypeId: ASSISTANT_APPOINTMENT_TYPE, startDate },
				},
			],
		};
	}
	if (results.length === 2) {
		const [outcome] = (conversation.lastToolResult() ?? []) as Array<{
			booked?: boolean;
			reason?: string;
			appointment?: { start_time: string };
		}>;
		if (!outcome?.booked || !outcome.appointment)
			return {
				content: `I could not book an appointment: ${outcome?.reason ?? JSON.stringify(outcome)}`,
			};
		const when = ukTime(outcome.appointment.start_time);
		return {
			toolCalls: [
				{
					name: toolName(TOOLS.send),
					arguments: {
						patientId,
						message: `Your GP appointment is booked for ${when}. Reply to this number to change it.`,
					},
				},
			],
		};
	}
	const [sent] = (conversation.lastToolResult() ?? []) as Array<{
		message_id?: string;
		content?: string;
		error?: string;
	}>;
	if (!sent?.message_id)
		return { content: `Booked, but the SMS was not sent: ${sent?.error ?? 'no answer'}` };
	return {
		content: `Booked and texted patient ${patientId}: "${sent.content}" (message ${sent.message_id}).`,
	};
}
