#!/usr/bin/env bash
# Installs Debian's Chromium for the headless browser tests (test/report/browser.test.ts).
# Idempotent: does nothing when /usr/bin/chromium is already there. Run as root.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "chromium already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser.sh: must run as root to apt-get install chromium" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; } >"$log" 2>&1; then
  echo "install-browser.sh: apt-get failed:" >&2
  tail -n 30 "$log" >&2
  exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "install-browser.sh: chromium installed but $CHROMIUM not found" >&2
  exit 1
fi
echo "chromium installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
