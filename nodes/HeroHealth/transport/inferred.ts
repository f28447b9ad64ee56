/**
 * Facts about Hero's API that its public docs do not state. Each value is our best guess;
 * when Hero confirms otherwise, change it here and nowhere else (the sandbox reads this file too).
 * docs/inferred.md lists the same entries for users.
 */
export const INFERRED = {
	/** Book (confirm) a reservation: by analogy with `/cancel` and `/reschedule`. */
	bookAppointmentPath: (appointmentId: string) => `/v1/appointments/${appointmentId}/book`,
	bookAppointmentMethod: 'PATCH' as const,
	/** Book body: not captured. Only `patient_id`, for a reservation made without a patient. */
	bookAppointmentBodyFields: ['patient_id'] as const,
	/** Answer to a reservation (or booking) of a slot someone else holds: not documented (400/404/500 are). */
	slotTakenStatus: 409,
	/**
	 * Cancel, Book, Reschedule and Update (Edit): Hero's answers were never captured. A 2xx with no body
	 * (204, or an empty 200) is taken as the write carried out, as its status says; the appointment is
	 * then read back with GET /v1/appointments/{id} where the node outputs it (actions/appointment/write.ts).
	 */
	emptyWriteAnswerMeansDone: true as boolean,
	/** Get Appointment Status answers `{ id, status }` with one of these: response not captured. */
	appointmentStatuses: ['reserved', 'confirmed', 'cancelled', 'expired'] as const,
	/** Reschedule: required flags not captured; by analogy with Edit these three are required. */
	rescheduleRequiredFields: ['practitioner_id', 'duration', 'start_time'] as const,
	/** Check Slot Availability: required flags not captured; all five sample fields are required. */
	slotAvailabilityRequiredFields: [
		'practitioner_id',
		'appointment_type_id',
		'location_id',
		'start_time',
		'duration',
	] as const,
	/** List Slots is "paginated" but its parameters were not captured: `page_index`/`page_size` and `{ data, count }` as elsewhere. */
	slotsArePaged: true as boolean,
	/** Count Bookable Slots: response not captured; `{ count: number }` (a bare number is accepted too). */
	slotCountField: 'count',

	/** Create a Form Link: path never captured. */
	createFormLinkPath: '/v1/form_links',
	/** Create a Form Link: body never captured; field names by analogy with booking and attachment links. */
	formLinkFields: {
		formId: 'form_id',
		patientId: 'patient_id',
		expiryDate: 'expiry_date',
		maximumUseCount: 'maximum_use_count',
	} as const,
	/** Create a Video Link: body and response never captured; we send only the patient, under this name. */
	videoLinkFields: { patientId: 'patient_id' } as const,
	/** Create a Booking Link: required flags never captured; the guide always gives these two. */
	bookingLinkCreateRequired: ['appointment_type_id', 'location_id'] as const,
	/** Update a Booking Link: the sample stops after from_date/to_date; these names come from the link object and the create body. */
	bookingLinkUpdateFields: {
		active: 'active',
		expiryDate: 'expiry_date',
		maximumUseCount: 'maximum_use_count',
	} as const,
	/** Create an Attachment Link: required flags never captured; a link is taken to belong to one patient. */
	attachmentLinkCreateRequired: ['patient_id'] as const,
	/** List Booking Links (`GET /v2/bookinglinks`): query and response never captured; paged like Hero's other lists. */
	bookingLinksPaged: true,
	/** Create or Update a Patient (no PDS): only `title` was captured; the rest are the patient record's names (GET /v2/patients/{id}); the answer is taken to carry `patient_id`. */
	registerPatientFields: [
		'nhs_number',
		'dob',
		'title',
		'first_name',
		'last_name',
		'sex',
		'email',
		'mobile',
		'line_1',
		'line_2',
		'line_3',
		'town',
		'county',
		'postcode',
	] as const,
	/** NHS numbers as sent to Hero: its samples write them spaced 3-3-4 (`"123 456 7891"`); the format is not specified. */
	nhsNumberForHero: (digits: string) =>
		`${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`,

	/** Webhook get/update/delete: only create and list are documented. A delete is confirmed from the list (webhooks/registration.ts, webhook/delete.operation.ts), as this path may be wrong. */
	webhookPath: (webhookId: string) => `/v1/webhooks/${webhookId}`,
	/** List Webhooks: answer and paging never captured. When the first answer's `count` says there are more, the rest are read with `page_index`/`page_size` like Hero's other lists. */
	webhookListPagedWhenCountExceeds: true as boolean,
	/** write-to-record.* deliveries: their `object` was never captured; we take it to be the message written back, read with Get Message. */
	writeToRecordObject: { name: 'Message', readPath: (id: string) => `/v1/messages/${id}` },

	/** Message templates (`GET /v1/templates`): the response was never captured. Where a template's name and text are read, first match wins. */
	templateNameFields: ['name', 'title'] as const,
	templateTextFields: ['content', 'message', 'body', 'text'] as const,
	/** Automated messages (`GET /v2/automated_messages`): response never captured; fields shown in "From list" labels. */
	automatedMessageLabelFields: ['notification_type', 'status', 'created_at'] as const,
	/** List Episodes: `order_descending[]` is documented only as a list of strings; we send "true"/"false", one per `order_by[]` entry, in the same order. */
	episodeOrderDescending: (descending: boolean) => String(descending),
	/** Lists whose answer was never captured, read like their documented siblings (`{ data, count }` or a bare array, paged by `page_index`/`page_size` where the docs list those). */
	uncapturedListAnswers: [
		'GET /v1/batch_message',
		'GET /v1/batch_message/{id}/messages',
		'GET /v1/templates',
		'GET /v2/automated_messages',
	] as const,

	/**
	 * Patient → Search (`GET /v3/patients`): only `data` and each patient's fields up to `sex` were
	 * captured; no `count` and no id field. Read like the other lists (`recordsOf`, walked until a
	 * short page when there is no `count`), each patient output as Hero sends it. The sandbox answers
	 * `{ data, count }`, the patient's Hero id under `idField`. Identify Patient By (NHS number and date of
	 * birth) sends to the match's `idField`; a match without one fails the item.
	 */
	patientSearchAnswer: { idField: 'id', countField: 'count' } as const,

	/** Patient → Get Many (`GET /v1/patients`): query and answer never captured; paged with `page_index`/`page_size`, answered `{ data, count }` like Hero's other lists, each patient output as sent. */
	patientListPaged: true as boolean,
	/** Patient → Get Attachments (`GET /v1/patients/{id}/attachments`): answer never captured; a list (`{ data }` or a bare array), each attachment's id (Attachment Link's `ehr_file_id`) under `idField`, its name under the first of `nameFields` present. */
	patientAttachmentFields: { idField: 'id', nameFields: ['file_name', 'name', 'title'] } as const,
	/** Patient → Get Payment Methods (`GET /v1/patients/{id}/payment_methods`): answer never captured; a list under the first of these keys (or a bare array) of card entries like the Customer's `sources[]` (id, type, brand, last4, exp_month, exp_year). Any other answer is output as sent. */
	paymentMethodListKeys: ['data', 'sources'] as const,
	/** Preview Patient Merging's answer was never captured; the docs say it provides the merge token Merge Patients takes as `merge_token`. We take the preview to carry it under the same name. */
	mergeTokenField: 'merge_token',

	/**
	 * Get Prescriber's Pharmacies (`GET /v1/prescriber/{id}/pharmacies`) answers `{ data, count }`, but
	 * no paging is documented: read as one answer, Return All / Limit applied by the node (as for the
	 * coupon and customer lists).
	 */
	prescriberPharmaciesPaging: 'unpaged' as 'unpaged' | 'paged' | 'pagedWhenCounted',
	/**
	 * Search HCA Consultants: the sample URL's `fields` value decodes to `fields=first_name&fields=last_name`,
	 * taken to be a list of field names sent as repeated keys. Its answer was never captured: a list
	 * (`{ data }` or an array) gives one item per consultant, any other object one item as sent.
	 */
	hcaConsultantFieldsQuery: (fields: string[]) => ({ fields }),
	/**
	 * Update Invoice: only `issuer_id`, `memo`, `footer` and `coupons` were captured; `coupons` is taken
	 * to be a list of coupon ids (List Coupons). A draft's other fields are sent as the user gives them.
	 */
	invoiceUpdateFields: ['issuer_id', 'memo', 'footer', 'coupons'] as const,

	/**
	 * A 429 is taken to mean Hero refused the request without acting on it, so even a send or a
	 * booking is retried after one (transport/retry.ts). Hero documents no rate-limit behaviour.
	 */
	rateLimitedRequestNotCarriedOut: true as boolean,

	/**
	 * Paging: `page_index` is documented as zero-based on List Patients (v3) only; every other list is
	 * taken to count from the same base (their samples send 0). The one place the base is set.
	 */
	firstPageIndex: 0,
	/** Largest page we ask for; Hero's maximum is not documented. */
	pageSize: 100,

	/** Webhook signature digest encodings we accept (the docs name HMAC-SHA256, not the encoding). */
	signatureEncodings: ['hex', 'base64'] as const,
	/**
	 * X-Herohealth-Timestamp's format is not documented. Every unambiguous form is read: epoch seconds
	 * (whole or fractional), epoch milliseconds, ISO 8601 with a zone (trigger/signature.ts). ISO 8601
	 * without a zone is refused: its instant would be a guess (decided there, with the reason).
	 */
	signatureTimestampForms: [
		'epoch-seconds',
		'epoch-seconds-fractional',
		'epoch-milliseconds',
		'iso-8601-with-zone',
	] as const,
	/** How far a delivery's X-Herohealth-Timestamp may be from now (no window is documented). */
	signatureToleranceSeconds: 300,
};
