#!/usr/bin/env bash
# Installs Chromium for the editor tests from Debian's own package (never a downloaded browser build).
# Does nothing when /usr/bin/chromium is already there. Needs root (apt-get).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
	exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-chromium: /usr/bin/chromium is missing and apt-get is not available; install Chromium from your distribution" >&2
	exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-liberation
