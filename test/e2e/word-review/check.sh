#!/usr/bin/env bash
# Review copies of Word plans, read by LibreOffice: `plan-lint review` on every Word fixture, then
# LibreOffice (headless, Debian's libreoffice-writer-nogui) converts each copy to flat ODT and the
# check finds each comment there, by plan-lint, on the finding's text; one copy is printed to PDF
# with the comments in the margin and to a PNG in test-artifacts/. It FAILS (never skips) when it
# cannot run.
set -euo pipefail
cd "$(dirname "$0")/../../.."
if ! command -v soffice > /dev/null || ! command -v pdftoppm > /dev/null; then
  echo "word-review: installing Debian libreoffice-writer-nogui and poppler-utils"
  packages="libreoffice-writer-nogui poppler-utils fonts-noto-core"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages > /dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages > /dev/null; fi
fi
command -v soffice > /dev/null || { echo "word-review: LibreOffice (soffice) is not installed and could not be installed" >&2; exit 1; }
command -v pdftoppm > /dev/null || { echo "word-review: pdftoppm (poppler-utils) is not installed and could not be installed" >&2; exit 1; }
npm run build --silent  # the check runs the built bin
mkdir -p test-artifacts
node test/e2e/word-review/check-review.mjs "$@"
