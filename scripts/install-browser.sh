#!/usr/bin/env bash
# Installs what the browser tests need when it is missing: Debian's chromium and chromium-driver
# (chromedriver), which tests/serve_browser.rs drives over WebDriver. Does nothing when both are
# on PATH. .ci/run calls it before the tests.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }

if (have chromium || have chromium-browser) && have chromedriver; then
  exit 0
fi
if ! have apt-get; then
  echo "scripts/install-browser.sh: chromium and chromedriver are missing and there is no" \
    "apt-get to install them; install chromium and its driver and run the tests again" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "scripts/install-browser.sh: installing Debian's chromium and chromium-driver for the browser tests" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium chromium-driver >/dev/null
have chromedriver || { echo "scripts/install-browser.sh: chromedriver is still not on PATH" >&2; exit 1; }
