/**
 * Facts about Hero's API that its public docs do not state. Each value is our best guess;
 * when Hero confirms otherwise, change it here and nowhere else (the sandbox reads this file too).
 * The README's "Inferred" table lists the same entries.
 */
export const INFERRED = {
	/** Book (confirm) a reservation: by analogy with `/cancel` and `/reschedule`. */
	bookAppointmentPath: (appointmentId: string) => `/v1/appointments/${appointmentId}/book`,
	bookAppointmentMethod: 'PATCH' as const,

	/** Create a Form Link: path never captured. */
	createFormLinkPath: '/v1/form_links',

	/** Webhook get/update/delete: only create and list are documented. */
	webhookPath: (webhookId: string) => `/v1/webhooks/${webhookId}`,

	/** Paging: whether `page_index` starts at 0 or 1 is not documented. */
	firstPageIndex: 0,
	/** Largest page we ask for; Hero's maximum is not documented. */
	pageSize: 100,

	/** Webhook signature digest encodings we accept (the docs name HMAC-SHA256, not the encoding). */
	signatureEncodings: ['hex', 'base64'] as const,
	/** How far a delivery's X-Herohealth-Timestamp may be from now (no window is documented). */
	signatureToleranceSeconds: 300,
};
