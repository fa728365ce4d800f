#!/bin/sh
# A service container's command: apply the service's migrations (if it has a database), then become
# the service, so it gets SIGTERM directly and drains (see packages/kit/src/http/serve.ts).
set -e
if [ -f dist/migrate.cjs ]; then node dist/migrate.cjs; fi
exec node --enable-source-maps dist/main.cjs
