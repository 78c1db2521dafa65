#!/usr/bin/env bash
# The test suite. The browser tests render HTML reports in headless chromium (tests/browser.rs)
# and drive live sessions through chromedriver (tests/serve_browser.rs), so this installs
# Debian's chromium and chromium-driver first when either is missing, then runs `cargo test
# --workspace` (weigh and the benchmark harness in bench/) with the arguments given (CI passes
# --locked).
set -euo pipefail
cd "$(dirname "$0")/.."

browser_on_path() {
  local name
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    command -v "$name" >/dev/null 2>&1 && return 0
  done
  return 1
}

driver_on_path() {
  command -v chromedriver >/dev/null 2>&1
}

missing=()
browser_on_path || missing+=(chromium)
driver_on_path || missing+=(chromium-driver)

if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "scripts/test.sh: ${missing[*]} missing and no apt-get to install it;" \
      "install chromium (or Google Chrome) and chromedriver, and run this again" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "scripts/test.sh: installing Debian's ${missing[*]} for the browser tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  browser_on_path || { echo "scripts/test.sh: chromium is still not on PATH" >&2; exit 1; }
  driver_on_path || { echo "scripts/test.sh: chromedriver is still not on PATH" >&2; exit 1; }
fi

exec cargo test --workspace "$@"
