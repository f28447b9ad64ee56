#!/usr/bin/env bash
# `npm run evidence`: one full run into a new evidence folder, then docs/evidence.md written from it.
#   1. HERO_EVIDENCE_DIR=<folder> bash .ci/run   (npm ci, smoke test, npm test, editor suite, compat matrix;
#      each part writes its machine-readable results into the folder)
#   2. npm run bench, its figures into <folder>/bench.json
#   3. test/evidence/write.ts: the page, from the folder alone
# Usage: bash test/evidence/run.sh [folder]   (default: a new folder under ${TMPDIR:-/tmp})
# A failing part does not stop the others: the page shows what failed and what did not run.
# Exit status: non-zero if the run or the bench failed.
set -uo pipefail
cd "$(dirname "$0")/../.."

folder="${1:-$(mktemp -d "${TMPDIR:-/tmp}/hero-evidence-XXXXXX")}"
mkdir -p "$folder"
if [ -n "$(ls -A "$folder")" ]; then
	echo "evidence: $folder is not empty; give a new folder (figures of two runs must not mix)" >&2
	exit 2
fi
folder="$(cd "$folder" && pwd)"
export HERO_EVIDENCE_DIR="$folder"
# One new runtime cache for the whole run, as on a new machine: .ci/run installs into it and the bench
# reuses what it installed (.ci/run keeps a cache it is given), then it goes.
if [ -z "${HERO_N8N_CACHE:-}" ]; then
	HERO_N8N_CACHE="$(mktemp -d "${TMPDIR:-/tmp}/hero-evidence-cache-XXXXXX")"
	trap 'rm -rf "$HERO_N8N_CACHE"' EXIT
fi
export HERO_N8N_CACHE
echo "evidence: folder $folder"
status=0

bash .ci/run || { echo "evidence: .ci/run failed (exit $?); the page will show it" >&2; status=1; }
# .ci/run's `npm ci` rebuilt node_modules, so the bench and the writer run on what was tested.
npm run bench || { echo "evidence: the bench failed (exit $?)" >&2; status=1; }
npm run build:tools && node .tools/test/evidence/write.js "$folder" || status=1
echo "evidence: folder kept at $folder"
exit $status
