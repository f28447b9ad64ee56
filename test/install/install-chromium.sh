#!/usr/bin/env bash
# Installs Chromium for the editor tests from Debian's own package (never a downloaded browser build),
# then checks that it starts. Does nothing more when /usr/bin/chromium is there and starts. Needs root
# (apt-get), or sudo.
set -euo pipefail
works() { /usr/bin/chromium --headless --no-sandbox --disable-gpu --version >/dev/null 2>&1; }
if [ -x /usr/bin/chromium ] && works; then
	exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-chromium: /usr/bin/chromium is missing and apt-get is not available; install Chromium from your distribution" >&2
	exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation
works || { echo "install-chromium: chromium installed but does not start: $(/usr/bin/chromium --version 2>&1 | tail -n 1)" >&2; exit 1; }
/usr/bin/chromium --version >&2
