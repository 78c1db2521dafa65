#!/usr/bin/env bash
# The test suite. The browser tests (tests/browser.rs) render HTML reports in headless chromium,
# so this installs Debian's chromium first when no chromium is on PATH, then runs `cargo test`
# with the arguments given (CI passes --locked).
set -euo pipefail
cd "$(dirname "$0")/.."

browser_on_path() {
  local name
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    command -v "$name" >/dev/null 2>&1 && return 0
  done
  return 1
}

if ! browser_on_path; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "scripts/test.sh: no chromium on PATH and no apt-get to install it;" \
      "install chromium (or Google Chrome) and run this again" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "scripts/test.sh: no chromium on PATH; installing Debian's chromium for the browser tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium >/dev/null
  browser_on_path || { echo "scripts/test.sh: chromium is still not on PATH" >&2; exit 1; }
fi

exec cargo test "$@"
