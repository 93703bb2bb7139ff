#!/usr/bin/env bash
# Debian's headless-capable Chromium for the browser tests (tests/Almanac.Web.Tests/Browser), driven over DevTools on loopback.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
# From here on a missing browser fails the browser tests instead of skipping them.
export ALMANAC_REQUIRE_BROWSER=1
