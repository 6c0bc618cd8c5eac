#!/usr/bin/env bash
# Runs the whole test suite. Results (TRX) go to TestResults/ for .ci/run to count.
# The cluster tests start their own redis-server on a free port, the endpoint tests run the AWS CLI, boto3
# and the AWS SDK for JavaScript; this installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing redis-server (apt) for the cluster tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq redis-server >/dev/null
  # The package starts a system redis on 6379; the tests use their own, so leave that one alone.
fi

# The endpoint tests drive the silo with the AWS SDK for JavaScript too (Tests/Endpoint/JsSdk).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Installing node and npm (apt) for the JavaScript SDK tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nodejs >/dev/null
  command -v npm >/dev/null 2>&1 || apt-get install -y -qq npm >/dev/null
fi
if [ ! -d Tests/Endpoint/JsSdk/node_modules/@aws-sdk/client-appstream ]; then
  npm ci --prefix Tests/Endpoint/JsSdk --no-audit --no-fund --loglevel=error
fi

rm -rf TestResults
dotnet test RegionSim.sln \
  --logger "trx;LogFileName=results.trx" \
  --results-directory TestResults \
  --blame-hang-timeout 5m \
  "$@"
