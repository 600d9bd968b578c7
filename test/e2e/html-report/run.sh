#!/usr/bin/env bash
# The HTML report in a real browser: lints the fixture plans with --format html, opens the page
# in headless Chromium (Debian's, driven by playwright-core), checks the numbers on the page
# against the JSON report of the same run, exercises the filters, and keeps a screenshot in
# test-artifacts/. It FAILS (never skips) when it cannot run.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source test/e2e/support/need-chromium.sh html-report
npm run build --silent  # the bin runs the bundle when there is one: rebuild both
mkdir -p test-artifacts
node test/e2e/html-report/check-report.mjs
