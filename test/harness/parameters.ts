/** Node parameters several suites share. */

/**
 * Message → Send as a user wires it for items shaped `{ patientId, phone, text }` (the end-to-end and
 * bench items): three expressions. `extra` adds or replaces parameters.
 */
export const sendItemFields = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'send',
	patientId: '={{ $json.patientId }}',
	messageType: 'sms',
	message: '={{ $json.text }}',
	additionalFields: { recipientContactDetail: '={{ $json.phone }}' },
	...extra,
});

/** Message → Send whose patient, phone and text come from each item by expression, as a user would wire it. */
export const sendFromItems = (requestOptions: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'send',
	patientId: '={{ $json.patient }}',
	messageType: 'sms',
	message: '={{ "Hello " + $json.n }}',
	additionalFields: { recipientContactDetail: '={{ $json.phone }}' },
	requestOptions,
});
