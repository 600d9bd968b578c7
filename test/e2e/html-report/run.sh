#!/usr/bin/env bash
# The HTML report in a real browser: lints the fixture plans with --format html, opens the page
# in headless Chromium (Debian's, driven by playwright-core), checks the numbers on the page
# against the JSON report of the same run, exercises the filters, and keeps a screenshot in
# test-artifacts/. It FAILS (never skips) when it cannot run.
set -euo pipefail
cd "$(dirname "$0")/../../.."
if ! command -v chromium > /dev/null || ! fc-list 2>/dev/null | grep 'NotoSans-Regular' > /dev/null; then
  echo "html-report: installing Debian chromium"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-core > /dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-core > /dev/null; fi
fi
command -v chromium > /dev/null || { echo "html-report: chromium is not installed and could not be installed" >&2; exit 1; }
node -e "import('playwright-core')" || { echo "html-report: playwright-core is missing (npm ci at the root installs it)" >&2; exit 1; }
npm run build --silent  # the bin runs the bundle when there is one: rebuild both
mkdir -p test-artifacts
node test/e2e/html-report/check-report.mjs
