#!/usr/bin/env bash
# The web page (packages/web) in a real browser: builds it, serves it on loopback, drops every
# fixture plan on it in Chromium (Debian's, driven by playwright-core) and checks the findings on
# the page against the CLI's --format json for the same files, that no request leaves the page, that
# the page stays responsive while a 1 MB plan is linted, and keeps screenshots in test-artifacts/.
# It FAILS (never skips) when it cannot run.
set -euo pipefail
cd "$(dirname "$0")/../../.."
if ! command -v chromium > /dev/null || ! fc-list 2>/dev/null | grep 'NotoSans-Regular' > /dev/null; then
  echo "web: installing Debian chromium"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-core > /dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-core > /dev/null; fi
fi
command -v chromium > /dev/null || { echo "web: chromium is not installed and could not be installed" >&2; exit 1; }
node -e "import('playwright-core')" || { echo "web: playwright-core is missing (npm ci at the root installs it)" >&2; exit 1; }
npm run build --silent  # the CLI the page is compared with runs its bundle
node packages/web/scripts/build.mjs
mkdir -p test-artifacts
node test/e2e/web/check-web.mjs
