#!/usr/bin/env bash
# The BSD calendar files (Debian package `calendar`, /usr/share/calendar) for the calendar import tests.
set -euo pipefail
if [ ! -d /usr/share/calendar ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq calendar >/dev/null
fi
export ALMANAC_REQUIRE_CALENDAR=1
