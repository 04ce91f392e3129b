#!/usr/bin/env bash
# Installs the system packages steptrace needs, if any is missing.
set -euo pipefail
# chromium: the tests drive the lesson web pages in it, headless.
needed=(libcairo2-dev libpango1.0-dev zlib1g-dev libdeflate-dev poppler-utils fonts-dejavu-core pkg-config chromium)
missing=()
for p in "${needed[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
