#!/usr/bin/env bash
# Runs the whole test suite. Results (TRX) go to TestResults/ for .ci/run to count.
# The cluster tests start their own redis-server on a free port; this installs it when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing redis-server (apt) for the cluster tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq redis-server >/dev/null
  # The package starts a system redis on 6379; the tests use their own, so leave that one alone.
fi

rm -rf TestResults
dotnet test RegionSim.sln \
  --logger "trx;LogFileName=results.trx" \
  --results-directory TestResults \
  --blame-hang-timeout 5m \
  "$@"
