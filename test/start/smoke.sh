#!/usr/bin/env bash
# The README's first command on a new machine (`npm start`), checked by test/start/npmStart.test.ts.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec npx jest -c test/start/jest.config.js
