#!/usr/bin/env bash
# Install wrk (the HTTP load generator `make bench` uses) from Debian's packages when missing.
set -euo pipefail
if command -v wrk >/dev/null; then exit 0; fi
echo "Installing wrk for the benchmarks..."
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends wrk >/dev/null
command -v wrk >/dev/null
