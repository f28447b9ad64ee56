/**
 * Node subtitles (the grey line under a node on the canvas) as a person reads them. n8n evaluates a
 * subtitle as an expression over the node's parameters, which hold values (`bookNextAvailable`), not
 * the labels shown in the panel, so the expression carries its own table of labels, the way n8n's
 * own nodes carry a small function in theirs.
 */

/**
 * An expression (without `={{ }}`) reading `labels[key]`, or `fallback` when the key is not in the
 * table (a value set by an expression, a saved value no longer offered).
 */
export function labelLookup(labels: Record<string, string>, key: string, fallback: string): string {
	// n8n ends an expression at the first "}}": a space keeps any two closing braces apart.
	const table = JSON.stringify(labels).replace(/}/g, '} ');
	return `(${table})[${key}] || ${fallback}`;
}
