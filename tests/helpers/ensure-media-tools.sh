#!/usr/bin/env bash
# Live video's tests record broadcasts and remux them to HLS with Debian's ffmpeg, and relay through Debian's coturn
# (turnserver); install both when they are missing. The tests start their own turnserver; the package's service is
# not needed (nor started here).
set -euo pipefail
need=()
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
command -v turnserver >/dev/null 2>&1 || need+=(coturn)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Live video's tests need: ${need[*]}. Install them (sudo apt-get install -y ${need[*]}) and run again." >&2
  exit 1
fi
echo "Installing ${need[*]} for live video's tests…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
