#!/usr/bin/env node
// Refuses a release while package.json still holds the placeholders of the pre-release builds: an
// author email at a `.invalid` domain (no one reads it) and the placeholder GitHub repository
// (npm refuses a provenance publish from another repository, and users' issue links would be dead).
// Usage: node .github/check-release-metadata.mjs [path/to/package.json]. Run by publish.yml before
// the build, and by npm itself before `npm version` (so `npm run release`) and `npm publish`
// (package.json's preversion and prepublishOnly); how to fill the fields: CONTRIBUTING.md → Releasing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// The placeholder organisation on GitHub, in any of npm's spellings: https://github.com/<org>,
// git+https://github.com/<org>/<repo>.git, git@github.com:<org>/..., github:<org>/<repo>.
const PLACEHOLDER_REPOSITORY =
	/(?:^|[/@])github\.com[/:]n8n-nodes-hero-health(?:[/#?]|$)|^github:n8n-nodes-hero-health\//i;

export function placeholdersIn(pkg) {
	const found = [];
	const email = pkg.author?.email;
	if (typeof email !== 'string' || email.trim() === '') found.push('author.email is missing');
	else if (/\.invalid$/i.test(email.trim())) found.push(`author.email is the placeholder ${email}`);
	const fields = {
		'repository.url': typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url,
		homepage: pkg.homepage,
		'bugs.url': typeof pkg.bugs === 'string' ? pkg.bugs : pkg.bugs?.url,
		'author.url': pkg.author?.url,
	};
	for (const [field, value] of Object.entries(fields)) {
		if (field === 'repository.url' && (typeof value !== 'string' || value === ''))
			found.push('repository.url is missing');
		else if (typeof value === 'string' && PLACEHOLDER_REPOSITORY.test(value.trim()))
			found.push(`${field} is the placeholder repository ${value}`);
	}
	return found;
}

const path = resolve(process.argv[2] ?? 'package.json');
const found = placeholdersIn(JSON.parse(readFileSync(path, 'utf8')));
if (found.length > 0) {
	console.error(
		`Not releasable: ${path} still holds placeholders (CONTRIBUTING.md → Releasing says how to fill them):`,
	);
	for (const line of found) console.error(`- ${line}`);
	process.exit(1);
}
console.log(`${path}: author email and repository are set (no placeholders).`);
