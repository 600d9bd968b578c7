#!/usr/bin/env bash
# Neovim (Debian's, 0.7.x: push diagnostics only) as the LSP client of plan-lint-lsp.
# Installs neovim when missing and FAILS, never skips, when it cannot run.
set -euo pipefail
cd "$(dirname "$0")/../../.."

if ! command -v nvim >/dev/null 2>&1; then
  echo "neovim: installing from Debian"
  install() { flock /tmp/apt.lock apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 neovim; }
  install || { flock /tmp/apt.lock apt-get update && install; } || { echo "neovim e2e FAILED: cannot install neovim" >&2; exit 1; }
fi
nvim --version | head -1

if [ ! -f packages/lsp/dist/server.js ]; then npm run build --silent; fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Copies: the quick fix edits the buffer only, but the seeds are never opened in place.
cp fixtures/seeds/000_4996ab619162ff16.txt "$work/seed.txt"
cp test/lsp/fixtures/workspace/ke-hoach.md test/lsp/fixtures/workspace/cap-tren.md test/lsp/fixtures/workspace/plan-lint.config.json "$work/"

export PLAN_LINT_LSP="$PWD/packages/lsp/bin/plan-lint-lsp.js"
export WORKDIR="$work" SEED="$work/seed.txt" FIXTURE="$work/ke-hoach.md" RESULT="$work/result.json"
status=0
timeout 120 nvim --headless --clean -u NONE -i NONE -n -c 'luafile test/e2e/neovim/harness.lua' || status=$?
if [ -f "$RESULT" ]; then
  mkdir -p test-artifacts/neovim
  cp "$RESULT" test-artifacts/neovim/result.json
  node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(JSON.stringify({ok:r.ok===true,steps:r.steps,error:r.error,afterFix:r.afterFix},null,1))' "$RESULT"
fi
if [ "$status" -ne 0 ] || ! node -e 'process.exit(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).ok===true?0:1)' "$RESULT" 2>/dev/null; then
  echo "neovim e2e FAILED (nvim exit $status)" >&2
  exit 1
fi
echo "neovim e2e passed"
