#!/usr/bin/env bash
# npm test: lint, type checks, then every workspace's tests one at a time (they share one broker and
# one database server on a small machine), then one closing line that counts them all.
set -euo pipefail
cd "$(dirname "$0")/.."

rm -f apps/*/.jest-results.json packages/*/.jest-results.json
biome check .
tsc -p tsconfig.json
status=0
turbo run typecheck test --concurrency=1 || status=$?
tsx scripts/test-summary.ts || status=1
exit "$status"
