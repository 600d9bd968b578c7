#!/usr/bin/env bash
# The language server under load (issue 7): 10,000 rapid edits and random requests over stdio,
# bounded in count and time; fails when a request goes unanswered, the server stops responding,
# diagnostics leave the document, or memory grows. Needs only the built packages.
set -euo pipefail
cd "$(dirname "$0")/../../.."
npx tsc -b packages/core packages/lsp
node test/e2e/lsp-load/load.mjs "$@"
