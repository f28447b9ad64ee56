export const FORM_TYPES = ['questionnaire', 'response', 'appointment', 'care_navigation'] as const;

export const formTypeOptions = [
	{ name: 'Appointment', value: 'appointment' },
	{ name: 'Care Navigation', value: 'care_navigation' },
	{ name: 'Questionnaire', value: 'questionnaire' },
	{ name: 'Response', value: 'response' },
];
