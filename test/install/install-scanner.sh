#!/usr/bin/env bash
# Installs n8n's community-package scanner (@n8n/scan-community-package, pinned by
# test/scanner/package-lock.json) into a cache folder outside this package's node_modules: it brings
# its own ESLint, TypeScript and n8n lint plugins, which must not mix with the project's. It runs on
# Node 24 (install-node24.sh). Prints the scanner's cache folder on the last line; the Node 24 it
# runs on is <that folder>/../node24.
# A finished install is reused only if its stamp matches (lockfile and scripts) and it still loads.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lock="$here/../scanner"
source "$here/npm-env.sh"
node24="$(bash "$here/install-node24.sh" | tail -n 1)/node_modules/node/bin/node"
dir="$cache/scan-community-package"
hold_lock "scanner"
stamp="$(install_stamp "$lock/package.json" "$lock/package-lock.json" "$here/install-scanner.sh" "$here/npm-env.sh")"

# The scanner and the peers its lint step loads (typescript for the TypeScript parser).
loads() {
	(cd "$dir/scanner" && "$node24" -e '
		for (const name of ["@n8n/scan-community-package/package.json", "typescript", "eslint", "@typescript-eslint/parser"]) require.resolve(name);
		require("typescript");
	') >&2
}

if [ "$(cat "$dir/scanner/.installed" 2>/dev/null)" != "$stamp" ] || ! loads 2>/dev/null; then
	say "installing the scanner into $dir/scanner"
	rm -rf "$dir/scanner" && mkdir -p "$dir/scanner"
	cp "$lock/package.json" "$lock/package-lock.json" "$dir/scanner/"
	# --ignore-scripts: its only install script is a package manager guard (eslint-plugin-n8n-nodes-base's
	# "only-allow pnpm") that matters to that plugin's developers.
	(cd "$dir/scanner" && npm ci --ignore-scripts --loglevel=error >&2)
	loads || { say "the scanner installed but does not load with its peers (see above)"; exit 1; }
	printf '%s' "$stamp" > "$dir/scanner/.installed"
fi
# Where scanner.test.ts and scan.mjs find Node 24.
[ -L "$dir/node24" ] || rm -rf "$dir/node24"
ln -sfn "$(dirname "$(dirname "$(dirname "$(dirname "$node24")")")")" "$dir/node24"
echo "$dir"
