#!/usr/bin/env bash
# npm test: lint, type checks, then every workspace's tests one at a time (they share one broker and
# one database server on a small machine), then one closing line that counts them all.
set -euo pipefail
cd "$(dirname "$0")/.."

# kafkajs 2.2.4 schedules a negative timeout on Node 24 (a known, harmless bug of its request
# queue); the warning it prints in every test process would bury real output.
export NODE_OPTIONS="${NODE_OPTIONS:-} --disable-warning=TimeoutNegativeWarning"
# turbo's anonymous usage reports (and their first-run notice): the project's scripts opt out.
export TURBO_TELEMETRY_DISABLED=1

rm -f apps/*/.jest-results.json packages/*/.jest-results.json
biome check .
tsc -p tsconfig.json
npm run --silent lint:deps
status=0
turbo run typecheck test --concurrency=1 || status=$?
tsx scripts/test-summary.ts || status=1
exit "$status"
