#!/usr/bin/env bash
# The README's test command: installs the real components the integration tests run against (Debian's
# prometheus with promtool, and prometheus-alertmanager) when they are missing, then runs every test.
# Without root or apt-get it only warns: those tests then skip, except under CI=true, where they fail.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v promtool >/dev/null 2>&1 || need+=(prometheus)
command -v prometheus-alertmanager >/dev/null 2>&1 || need+=(prometheus-alertmanager)
if ((${#need[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${need[*]} for the integration tests" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "note: ${need[*]} not installed and cannot install here: the tests that need them are skipped" >&2
  fi
fi

exec mvn -B -ntp test "$@"
