#!/usr/bin/env bash
# The web page (packages/web) in a real browser: builds it, serves it on loopback, drops every
# fixture plan on it in Chromium (Debian's, driven by playwright-core) and checks the findings on
# the page against the CLI's --format json for the same files, that no request leaves the page, that
# the page stays responsive while a 1 MB plan is linted, and keeps screenshots in test-artifacts/.
# It FAILS (never skips) when it cannot run.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source test/e2e/support/need-chromium.sh web
npm run build --silent  # the CLI the page is compared with runs its bundle
node packages/web/scripts/build.mjs
mkdir -p test-artifacts
node test/e2e/web/check-web.mjs
