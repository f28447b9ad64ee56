/**
 * The one description of the Hero Health app in n8n's node creator.
 *
 * n8n's editor merges a trigger into the action node whose name it shares without "Trigger"
 * (heroHealthTrigger → heroHealth) and shows the trigger's description for the merged entry
 * ("Node details" above both the triggers and the actions). Both nodes therefore carry this text.
 */
export const HERO_APP_DESCRIPTION =
	'Message patients, book appointments, share booking and form links and register patients with Hero Health (NHS GP practices)';
