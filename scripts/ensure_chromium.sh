#!/bin/sh
# Installs Debian's chromium for the browser tests and scripts/screenshots.py when it is
# missing; does nothing when it is there.
set -eu
if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "chromium is missing and installing it needs root (or sudo)" >&2
    exit 1
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium
