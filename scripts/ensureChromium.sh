#!/bin/sh
# The tab's browser tests drive Debian's Chromium through playwright-core, which brings no
# browser of its own. Installs it when /usr/bin/chromium is missing; does nothing otherwise.
set -eu

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "Chromium is already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing and installing it needs root: run this script as root (or with sudo)." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y chromium
"$CHROMIUM" --version
