#!/usr/bin/env bash
# The compatibility matrix (`npm run test:compat`, after `npm run build`):
#   1. the end-to-end suites (test/e2e: the same packed package, the same workflows, action node and
#      trigger) against each n8n line: 1 = n8n 1.x on this machine's Node, 2 = n8n 2.x on
#      node@24 (test/install/install-n8n.sh installs either into ~/.cache/n8n-nodes-hero-health);
#   2. the queue-mode suite (test/compat/queue.test.ts: Redis, PostgreSQL, main + 2 workers) on each line.
# Lines: HERO_COMPAT_LINES (default "1 2"), or HERO_COMPAT_E2E_LINES / HERO_COMPAT_QUEUE_LINES apart (empty: skip).
# Figures are printed at the end; reports and n8n logs stay in $HERO_COMPAT_REPORT_DIR.
# Exit status: non-zero if any part failed.
set -uo pipefail
cd "$(dirname "$0")/../.."

lines="${HERO_COMPAT_LINES:-1 2}"
e2e_lines="${HERO_COMPAT_E2E_LINES-$lines}"
queue_lines="${HERO_COMPAT_QUEUE_LINES-$lines}"
# With HERO_EVIDENCE_DIR (`npm run evidence`), the reports go where docs/evidence.md is written from.
if [ -z "${HERO_COMPAT_REPORT_DIR:-}" ] && [ -n "${HERO_EVIDENCE_DIR:-}" ]; then
	HERO_COMPAT_REPORT_DIR="$HERO_EVIDENCE_DIR/compat"
fi
export HERO_COMPAT_REPORT_DIR="${HERO_COMPAT_REPORT_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/hero-compat-XXXXXX")}"
export HERO_COMPAT_LOG_DIR="${HERO_COMPAT_LOG_DIR:-$HERO_COMPAT_REPORT_DIR/logs}"
out="$HERO_COMPAT_REPORT_DIR"
mkdir -p "$out" "$HERO_COMPAT_LOG_DIR"
status=0

part() { # part <name> <line> <command...>: runs one part, records its exit code and wall time
	local name=$1 line=$2
	shift 2
	echo
	echo "=== compat: $name on n8n line $line ==="
	local started=$SECONDS
	"$@"
	local rc=$?
	echo "$rc $((SECONDS - started))" > "$out/$name-line$line.rc"
	[ "$rc" = 0 ] || status=1
}

for line in $(echo "$e2e_lines $queue_lines" | tr ' ' '\n' | sort -u); do
	started=$SECONDS
	if ! dir=$(bash test/install/install-n8n.sh "$line" | tail -n 1); then
		echo "compat: installing n8n line $line failed" >&2
		echo "1 $((SECONDS - started))" > "$out/install-line$line.rc"
		status=1
		continue
	fi
	echo "0 $((SECONDS - started))" > "$out/install-line$line.rc"
	echo "$dir" > "$out/install-line$line.dir"
done

for line in $e2e_lines; do
	[ -f "$out/install-line$line.dir" ] || continue
	part e2e "$line" env HERO_N8N_LINE="$line" npx jest --selectProjects e2e --json --outputFile="$out/e2e-line$line.json"
done
for line in $queue_lines; do
	[ -f "$out/install-line$line.dir" ] || continue
	part queue "$line" env HERO_N8N_LINE="$line" npx jest -c test/compat/jest.config.js --json --outputFile="$out/queue-line$line.jest.json"
done

node test/compat/summary.js "$out" || status=1
exit $status
