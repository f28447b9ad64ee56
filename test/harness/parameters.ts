/** Node parameters several unit suites share. */

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
