#!/usr/bin/env bash
# Runs the whole test suite. Results (TRX) go to TestResults/ for .ci/run to count.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf TestResults
dotnet test RegionSim.sln \
  --logger "trx;LogFileName=results.trx" \
  --results-directory TestResults \
  --blame-hang-timeout 5m \
  "$@"
