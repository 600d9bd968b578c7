#!/usr/bin/env bash
# Runs every end-to-end suite (test/e2e/*/run.sh): real outside clients (Neovim, code-server
# in Chromium, Chromium for the HTML report). Each suite installs what it needs and FAILS,
# never skips, when it cannot.
set -euo pipefail
cd "$(dirname "$0")/../.."
status=0
ran=0
for suite in test/e2e/*/run.sh; do
  [ -f "$suite" ] || continue
  ran=$((ran + 1))
  echo "=== e2e: $suite"
  if bash "$suite"; then echo "=== e2e passed: $suite"; else echo "=== e2e FAILED: $suite"; status=1; fi
done
if [ "$ran" -eq 0 ]; then echo "no e2e suites found" >&2; exit 1; fi
exit $status
