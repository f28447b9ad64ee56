#!/usr/bin/env bash
# Installs n8n's community-package scanner (@n8n/scan-community-package, pinned by this folder's
# package-lock.json) and the Node 24 it runs on (npm package node@24, as the compatibility matrix
# uses) into a cache folder outside this package's node_modules: the scanner brings its own ESLint,
# TypeScript and n8n lint plugins, which must not mix with the project's.
# Prints the folder on the last line. Idempotent: a finished install is reused.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${HERO_N8N_CACHE:-$HOME/.cache/n8n-nodes-hero-health}"
dir="$cache/scan-community-package"
stamp="$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -c1-16)"
export npm_config_yes=true npm_config_fund=false npm_config_audit=false
mkdir -p "$dir"

# Node 24 in its own folder, with install scripts: node@24 fetches its binary in a postinstall.
node24="$dir/node24"
if [ ! -x "$node24/node_modules/node/bin/node" ]; then
  rm -rf "$node24" && mkdir -p "$node24"
  echo '{ "name": "hero-scanner-node24", "private": true }' > "$node24/package.json"
  (cd "$node24" && npm install --loglevel=error node@24 >&2)
fi

# The scanner from the lockfile. --ignore-scripts: its only install script is a package manager
# guard (eslint-plugin-n8n-nodes-base's "only-allow pnpm") that matters to that plugin's developers.
if [ "$(cat "$dir/scanner/.installed" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$dir/scanner" && mkdir -p "$dir/scanner"
  cp "$here/package.json" "$here/package-lock.json" "$dir/scanner/"
  (cd "$dir/scanner" && npm ci --ignore-scripts --loglevel=error >&2)
  printf '%s' "$stamp" > "$dir/scanner/.installed"
fi
"$node24/node_modules/node/bin/node" --version >&2
echo "$dir"
