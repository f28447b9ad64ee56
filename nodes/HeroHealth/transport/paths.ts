/**
 * Ids in request paths. Every path passes `unsafePathPrefix` in the transport
 * before a request leaves; operations put ids in with `pathId`, whether typed or taken from Hero.
 */
/** A path segment Hero's ids may fill: letters, digits, `-_.~` and %-escapes, but no `.`/`..` and no encoded dot, slash or backslash. */
const PLAIN_SEGMENT = /^(?:[A-Za-z0-9_.~-]|%(?!2e|2f|5c|00)[0-9a-f]{2})+$/i;

/** The part of `path` before its first segment that is not plain, or undefined when every segment is. */
export function unsafePathPrefix(path: string): string | undefined {
	if (!path.startsWith('/')) return '';
	const segments = path.slice(1).split('/');
	const bad = segments.findIndex(
		(segment) => !PLAIN_SEGMENT.test(segment) || /^\.+$/.test(segment),
	);
	return bad === -1 ? undefined : `/${segments.slice(0, bad).join('/')}`;
}

/** An id (typed, or taken from Hero's answer) as one path segment: encoded, so it cannot add segments or a query. */
export function pathId(id: unknown): string {
	return encodeURIComponent(String(id ?? ''));
}
