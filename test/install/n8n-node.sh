#!/usr/bin/env bash
# Runs n8n's node CLI, `n8n-node <command> [args]`, on Node 24 in the current folder, installing it
# first (install-node-cli.sh). `npm run lint` runs `n8n-node lint` and `n8n-node cloud-support` here.
# - ESLint's config lookup from the linted file (ESLINT_FLAGS=unstable_config_lookup_from_file, the
#   default from ESLint 10 on): `n8n-node lint` runs `eslint .` with the root eslint.config.mjs, which
#   must stay exactly n8n's; with the lookup, test/ is linted by test/eslint.config.mjs instead (the
#   node rules forbid what tests need: process, timers, node: imports, fixture keys).
# - `cloud-support` with no action only prints a status and exits 0 either way; here it exits 1
#   unless the status is "eligible", so `npm test` stops when the package is not.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="$(bash "$here/install-node-cli.sh" | tail -n 1)"
# node-cli runs `npm exec -- eslint`, whose bin starts with `#!/usr/bin/env node`: Node 24 first.
export PATH="$dir/node24/node_modules/node/bin:$PATH"
# eslint-plugin-n8n-nodes-base changes its file-name rules when NODE_ENV is "test" (as under Jest):
# lint as n8n does, without it.
unset NODE_ENV
export ESLINT_FLAGS="unstable_config_lookup_from_file${ESLINT_FLAGS:+,$ESLINT_FLAGS}"
cli=("$dir/node24/node_modules/node/bin/node" "$dir/cli/node_modules/@n8n/node-cli/bin/n8n-node.mjs")
if [ "$*" = "cloud-support" ]; then
	out="$("${cli[@]}" cloud-support)"
	printf '%s\n' "$out"
	sed 's/\x1b\[[0-9;]*m//g' <<<"$out" | grep 'Status: eligible' >/dev/null || { echo "n8n-node.sh: the package is NOT eligible for n8n Cloud verification" >&2; exit 1; }
	exit 0
fi
exec "${cli[@]}" "$@"
