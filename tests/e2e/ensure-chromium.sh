#!/usr/bin/env bash
# Makes sure the browser and endpoint tests can run: Debian's Chromium, a Korean font so screenshots
# of the Korean UI show text instead of boxes, and the AWS CLI (Debian's awscli, /usr/bin/aws) for the
# CLI walkthrough against `npm run serve`. Does nothing when all are already there.
set -euo pipefail

have_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then [ -x "$CHROMIUM_PATH" ]; return; fi
  [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ]
}
have_korean_font() {
  dpkg -s fonts-nanum >/dev/null 2>&1 || dpkg -s fonts-noto-cjk >/dev/null 2>&1
}
have_aws_cli() {
  [ -x /usr/bin/aws ]
}

missing=()
have_chromium || missing+=(chromium)
if command -v dpkg >/dev/null 2>&1; then have_korean_font || missing+=(fonts-nanum); fi
[ "${SKIP_AWS_CLI:-}" = 1 ] || have_aws_cli || missing+=(awscli)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Tests need: ${missing[*]}. Install them with your package manager (or set CHROMIUM_PATH; SKIP_AWS_CLI=1 skips the AWS CLI test)." >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "Installing ${missing[*]} needs root: run 'apt-get install -y ${missing[*]}' as root." >&2
    exit 1
  fi
fi
echo "Installing ${missing[*]} from Debian's packages..."
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
