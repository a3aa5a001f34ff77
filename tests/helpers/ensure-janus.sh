#!/usr/bin/env bash
# The live-video tests run the `janus` media engine too: Debian's Janus 1.1.2. Install it when it is missing.
# The tests start their own private Janus with a config they write; the package starts no service of its own.
set -euo pipefail
command -v janus >/dev/null 2>&1 && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "The live-video tests need Janus. Install it (sudo apt-get install -y janus) and run again." >&2
  exit 1
fi
echo "Installing janus for the live-video tests…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq janus >/dev/null
