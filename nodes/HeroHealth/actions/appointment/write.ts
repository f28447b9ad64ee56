import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	INFERRED,
	heroApiRequest,
	type AnswerShape,
	type HeroRequest,
	pathId,
} from '../../transport';

/** What a write to an appointment must answer: a JSON object, or (INFERRED) nothing at all. */
export const WRITE_ANSWER: AnswerShape = INFERRED.emptyWriteAnswerMeansDone ? 'written' : 'object';

/**
 * A write to one appointment (Book, Cancel, Reschedule, Update). Hero's answers to these were never
 * captured: a 2xx with no body is taken as the write carried out (INFERRED.emptyWriteAnswerMeansDone),
 * and the appointment is read back for the output. A failed read-back never fails the item: the write
 * is done, and running the item again would repeat it.
 */
export async function writeAppointment(
	ctx: IExecuteFunctions,
	appointmentId: string,
	request: HeroRequest,
): Promise<IDataObject> {
	const answer = await heroApiRequest.call(ctx, { ...request, expect: WRITE_ANSWER });
	if (Object.keys(answer).length > 0) return answer;
	const readBack = await heroApiRequest
		.call(ctx, {
			method: 'GET',
			path: `/v1/appointments/${pathId(appointmentId)}`,
			itemIndex: request.itemIndex,
		})
		.then(
			(record) => ({ record }),
			(error: Error) => ({ error }),
		);
	if ('record' in readBack) return readBack.record;
	return {
		id: appointmentId,
		warning: `Hero carried out ${request.method} ${request.path} (it answered without a body), but reading appointment ${appointmentId} back failed (${readBack.error.message}): only its id is in this output. Do not repeat it; read it with Appointment → Get.`,
	};
}
