/**
 * The one description of the Hero Health app in n8n's node creator.
 *
 * n8n's editor merges a trigger into the action node whose name it shares without "Trigger"
 * (heroHealthTrigger → heroHealth) and shows the trigger's description for the merged entry
 * ("Node details" above both the triggers and the actions). Both nodes therefore carry this text.
 */
export const HERO_APP_DESCRIPTION =
	'Message patients, book appointments, share booking and form links and register patients with Hero Health (NHS GP practices)';

/**
 * The node's "Docs" link in n8n: this package's guide (its README, as npm shows it for the installed
 * package), not Hero's API reference. n8n uses a node's `documentationUrl` as it is (the codex's
 * primaryDocumentation gets tracking parameters appended), and its own default for a community node
 * is this same npm page. The codex files name the same address.
 */
export const PACKAGE_GUIDE_URL = 'https://www.npmjs.com/package/n8n-nodes-hero-health';
