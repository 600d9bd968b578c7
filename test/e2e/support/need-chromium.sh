# Sourced by the browser suites: makes sure Debian's Chromium (with a font that has Vietnamese) and
# playwright-core are there, installing Chromium with apt-get when it is missing; exits 1 (the
# suite FAILS, never skips) when it cannot. $1: the suite's name, for the messages.
suite="$1"
if ! command -v chromium > /dev/null || ! fc-list 2>/dev/null | grep 'NotoSans-Regular' > /dev/null; then
  echo "$suite: installing Debian chromium"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-core > /dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-core > /dev/null; fi
fi
command -v chromium > /dev/null || { echo "$suite: chromium is not installed and could not be installed" >&2; exit 1; }
node -e "import('playwright-core')" || { echo "$suite: playwright-core is missing (npm ci at the root installs it)" >&2; exit 1; }
