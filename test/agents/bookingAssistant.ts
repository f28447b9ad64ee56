/**
 * The scripted side of the "Booking assistant" example (test/n8n/examples/booking-assistant.json):
 * answers from the conversation alone, so one server serves any number of runs (`npm start`, the
 * e2e suite). Find patient (by the NHS number and date of birth in the user's message) → Find slots
 * → Book next available → Send SMS with the booked time → a final message. The Hero patient ID is
 * read from Find patient's answer: the script knows no patient ID, so it can only book and text the
 * patient the search returned, and it acts only when exactly one patient matched.
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

/** One tool call the model made in this conversation, with the answer it got (parsed JSON when JSON). */
interface MadeCall {
	name: string;
	arguments: Record<string, unknown>;
	result?: unknown;
}

/** The tool calls of the conversation so far, oldest first, each with its answer. */
export function madeCalls(conversation: Conversation): MadeCall[] {
	const answers = new Map(
		conversation.messages
			.filter((m) => m.role === 'tool')
			.map((m) => [m.tool_call_id, Conversation.text(m)] as const),
	);
	return conversation.messages.flatMap((m) =>
		(m.tool_calls ?? []).map((call) => {
			const text = answers.get(call.id);
			let result: unknown = text;
			try {
				result = text === undefined ? undefined : JSON.parse(text);
			} catch {
				// not JSON: kept as text
			}
			return {
				name: call.function.name,
				arguments: JSON.parse(call.function.arguments || '{}') as Record<string, unknown>,
				result,
			};
		}),
	);
}

/** Find patient's answer (toolResults.ts): how many matched, the id when exactly one, what to do next. */
interface PatientLookup {
	matches?: number;
	patient_id?: string;
	answer?: string;
	error?: string;
}

/** The NHS number (10 digits, spaces allowed) and date of birth in the user's message, if both are there. */
export function patientDetails(
	text: string,
): { nhsNumber: string; dateOfBirth: string } | undefined {
	const nhsNumber = /NHS\s+number\s*:?\s*(\d{3}\s?\d{3}\s?\d{4})\b/i.exec(text)?.[1];
	const dateOfBirth = /(?:born|date of birth|DOB)\s*:?\s*(?:on\s+)?(\d{4}-\d{2}-\d{2})\b/i.exec(
		text,
	)?.[1];
	return nhsNumber && dateOfBirth ? { nhsNumber, dateOfBirth } : undefined;
}

export function bookingAssistant(conversation: Conversation): ScriptedReply {
	const user = conversation.messages
		.filter((m) => m.role === 'user')
		.map(Conversation.text)
		.join('\n');
	const details = patientDetails(user);
	if (!details)
		return {
			content:
				"Which patient? Please give the patient's NHS number and date of birth (YYYY-MM-DD).",
		};
	// A first day named apart from the date of birth ("from 2026-12-09"), else two days ahead.
	const startDate = /\bfrom\s+(\d{4}-\d{2}-\d{2})\b/i.exec(user)?.[1] ?? londonDay(2);
	const calls = madeCalls(conversation);
	const called = (name: string) => calls.find((call) => call.name === toolName(name));

	const lookup = called(TOOLS.findPatient);
	if (!lookup) return { toolCalls: [{ name: toolName(TOOLS.findPatient), arguments: details }] };
	const [found] = (Array.isArray(lookup.result) ? lookup.result : []) as PatientLookup[];
	const patientId = found?.matches === 1 ? found.patient_id : undefined;
	if (!patientId)
		return {
			content: `I have not booked or sent anything: ${found?.answer ?? found?.error ?? 'the patient search gave no answer'}`,
		};

	if (!called(TOOLS.findSlots)) {
		return {
			toolCalls: [
				{
					name: toolName(TOOLS.findSlots),
					arguments: { appointmentTypeId: ASSISTANT_APPOINTMENT_TYPE, startDate },
				},
			],
		};
	}
	const booking = called(TOOLS.book);
	if (!booking) {
		return {
			toolCalls: [
				{
					name: toolName(TOOLS.book),
					arguments: { patientId, appointmentTypeId: ASSISTANT_APPOINTMENT_TYPE, startDate },
				},
			],
		};
	}
	const send = called(TOOLS.send);
	if (!send) {
		const [outcome] = (booking.result ?? []) as Array<{
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
	const [sent] = (send.result ?? []) as Array<{
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
