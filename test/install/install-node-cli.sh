#!/usr/bin/env bash
# Installs n8n's node CLI (@n8n/node-cli, the `n8n-node` command, pinned by
# test/node-cli/package-lock.json) into a cache folder on Node 24 (install-node24.sh), as the scanner
# is: node-cli needs Node 24, and one of its dependencies (isolated-vm, through @n8n/ai-node-sdk)
# declares Node >= 24 and builds natively, so it cannot sit in this package's devDependencies while
# `npm ci` runs on Node 20. Then it links this package's node_modules/@n8n/node-cli to that copy, so
# eslint.config.mjs (`import { config } from '@n8n/node-cli/eslint'`) resolves from the project root;
# Node follows the link to its real path, so node-cli's own plugins resolve from the cache.
# Prints the cache folder on the last line; the Node 24 it runs on is <that folder>/node24.
# A finished install is reused only if its stamp matches (lockfile and scripts) and it still loads.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
lock="$here/../node-cli"
source "$here/npm-env.sh"
node24="$(bash "$here/install-node24.sh" | tail -n 1)/node_modules/node/bin/node"
dir="$cache/node-cli"
hold_lock "node-cli"
stamp="$(install_stamp "$lock/package.json" "$lock/package-lock.json" "$here/install-node-cli.sh" "$here/npm-env.sh")"

# n8n-node and the lint config it ships (loading it loads every plugin it names).
loads() {
	(cd "$dir/cli" && "$node24" -e '
		require("@n8n/node-cli/eslint");
	') >&2 && [ -f "$dir/cli/node_modules/@n8n/node-cli/bin/n8n-node.mjs" ]
}

if [ "$(cat "$dir/cli/.installed" 2>/dev/null)" != "$stamp" ] || ! loads 2>/dev/null; then
	say "installing n8n-node (@n8n/node-cli) into $dir/cli"
	rm -rf "$dir/cli" && mkdir -p "$dir/cli"
	cp "$lock/package.json" "$lock/package-lock.json" "$dir/cli/"
	# --ignore-scripts: the install scripts in node-cli's tree are eslint-plugin-n8n-nodes-base's
	# package manager guard ("only-allow pnpm", for that plugin's own developers) and native builds
	# (isolated-vm, for @n8n/ai-node-sdk's code tools) that lint, cloud-support and build never load.
	(cd "$dir/cli" && npm ci --ignore-scripts --loglevel=error >&2)
	loads || { say "n8n-node installed but its lint config does not load (see above)"; exit 1; }
	printf '%s' "$stamp" > "$dir/cli/.installed"
fi
# Where n8n-node.sh and nodeCli.test.ts find Node 24.
[ -L "$dir/node24" ] || rm -rf "$dir/node24"
ln -sfn "$(dirname "$(dirname "$(dirname "$(dirname "$node24")")")")" "$dir/node24"
# The project's link to it (npm ci and npm install remove it; it is made again here).
mkdir -p "$root/node_modules/@n8n"
if [ "$(readlink "$root/node_modules/@n8n/node-cli" 2>/dev/null)" != "$dir/cli/node_modules/@n8n/node-cli" ]; then
	rm -rf "$root/node_modules/@n8n/node-cli"
	ln -s "$dir/cli/node_modules/@n8n/node-cli" "$root/node_modules/@n8n/node-cli"
fi
echo "$dir"
