#!/usr/bin/env bash
# Install Debian's chromium for the browser tests when it is missing and we may.
# Never fails the build: without a browser the browser tests skip with a message.
set -u
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "browser: /usr/bin/chromium missing and apt-get unavailable; browser tests will skip" >&2
  exit 0
fi
echo "browser: installing Debian's chromium for the browser tests" >&2
export DEBIAN_FRONTEND=noninteractive
(apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null) \
  || echo "browser: chromium could not be installed; browser tests will skip" >&2
exit 0
