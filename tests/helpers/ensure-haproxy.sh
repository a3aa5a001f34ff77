#!/usr/bin/env bash
# The load-balancer failover test puts Debian's HAProxy in front of two app processes; install it when it is missing.
# The test starts its own haproxy with a config it writes; the package's service is not needed (nor started here).
set -euo pipefail
command -v haproxy >/dev/null 2>&1 && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "The load-balancer test needs haproxy. Install it (sudo apt-get install -y haproxy) and run again." >&2
  exit 1
fi
echo "Installing haproxy for the load-balancer test…"
apt-get update -qq
# Where the package starts its own service (no policy-rc.d), that one runs its default config; the test never uses it.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
