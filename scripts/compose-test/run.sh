#!/usr/bin/env bash
# npm run test:compose: docker-compose.yml for real. Installs the Docker engine (and Debian's chromium
# for the trace's screenshot) if missing, starts dockerd if it is not running (stopping it again at
# the end), builds the stand-in images (infra/images/, skipped when built before) unless
# COMPOSE_OFFICIAL_IMAGES=1, brings the stack up with its health checks, waits for the demo seed,
# then runs check-demo.ts: `npm run demo` through the gateway's published port, the checkout as one
# trace in Zipkin, a screenshot of it.
# `down -v` at the end, on failure too. Each phase says how long it took.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

export COMPOSE_PROJECT_NAME="${COMPOSE_PROJECT_NAME:-sneakers-compose-test}"
# Published on 127.0.0.1 (docker-compose.yml), away from the ports `npm start` and the tests use.
export GATEWAY_PORT="${COMPOSE_GATEWAY_PORT:-13000}" TRACING_PORT="${COMPOSE_TRACING_PORT:-19411}"
export DATA_PLATFORM_PORT="${COMPOSE_DATA_PLATFORM_PORT:-13014}"
SEED_TIMEOUT_S="${COMPOSE_SEED_TIMEOUT_S:-600}"

say() { printf '[compose] %s\n' "$*"; }
PHASE_STARTED=0
phase() { PHASE_STARTED=$(date +%s); say "$*"; }
phase_done() { say "  took $(($(date +%s) - PHASE_STARTED)) s"; }
TOTAL_STARTED=$(date +%s)

phase "Docker engine (and the browser for the screenshot)"
has_compose() { command -v docker-compose >/dev/null || docker compose version >/dev/null 2>&1; }
missing=()
if ! command -v dockerd >/dev/null || ! has_compose; then missing+=(docker.io docker-compose); fi
[[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]] || missing+=(chromium)
if ((${#missing[@]} > 0)); then
  say "  installing ${missing[*]} (Debian packages)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
STARTED_DOCKERD=""
if ! docker info >/dev/null 2>&1; then
  mkdir -p .cache
  dockerd >.cache/dockerd.log 2>&1 &
  STARTED_DOCKERD=$!
  for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { tail -n 20 .cache/dockerd.log; exit 1; }
  say "  started dockerd (pid $STARTED_DOCKERD), stopped again at the end"
fi
if docker compose version >/dev/null 2>&1; then COMPOSE=(docker compose); else COMPOSE=(docker-compose); fi
say "  $(docker version --format 'engine {{.Server.Version}}'), $("${COMPOSE[@]}" version --short 2>/dev/null | head -n1 | sed 's/^/compose /')"
phase_done

finish() {
  local status=$?
  if [[ $status -ne 0 ]]; then
    say "failed; the last lines of each container's log:"
    "${COMPOSE[@]}" ps || true
    "${COMPOSE[@]}" logs --no-color --tail=30 || true
  fi
  phase "docker compose down -v"
  "${COMPOSE[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
  # The images each rebuild left without a tag; the tagged ones stay, as the next run's cache.
  docker image prune -f >/dev/null 2>&1 || true
  phase_done
  if [[ -n "$STARTED_DOCKERD" ]]; then kill "$STARTED_DOCKERD" && wait "$STARTED_DOCKERD" 2>/dev/null || true; fi
  say "$([[ $status -eq 0 ]] && echo passed || echo FAILED) in $(($(date +%s) - TOTAL_STARTED)) s"
  exit $status
}
trap finish EXIT

if [[ "${COMPOSE_OFFICIAL_IMAGES:-}" != 1 ]]; then
  phase "stand-in images (infra/images/)"
  eval "$(bash infra/images/build-stand-ins.sh)"
  phase_done
fi

phase "build the services' images"
"${COMPOSE[@]}" build --quiet 2>&1 | grep -v -e '^DEPRECATED' -e 'buildx' -e '^ *$' || true
docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -e "^${COMPOSE_PROJECT_NAME}_" -e '^sneakers-stand-in/' |
  sed 's/^/  /' || true
phase_done

phase "up: infrastructure, services (migrations at start), gateway, demo seed"
"${COMPOSE[@]}" up -d --no-build
seed="$("${COMPOSE[@]}" ps -q demo-seed)"
for _ in $(seq "$SEED_TIMEOUT_S"); do
  [[ "$(docker inspect -f '{{.State.Status}}' "$seed")" == exited ]] && break
  sleep 1
done
seed_exit="$(docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' "$seed")"
[[ "$seed_exit" == "exited 0" ]] || { say "demo seed: $seed_exit"; "${COMPOSE[@]}" logs --no-color demo-seed; exit 1; }
"${COMPOSE[@]}" logs --no-color demo-seed | grep -o '\[seed\].*' | sed 's/^/  /'
unhealthy="$(docker ps --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" --format '{{.Names}} {{.Status}}' | grep -v '(healthy)' || true)"
[[ -z "$unhealthy" ]] || { say "not healthy: $unhealthy"; exit 1; }
phase_done

phase "npm run demo, the checkout's trace in Zipkin, a screenshot of it"
GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT" TRACING_URL="http://127.0.0.1:$TRACING_PORT" \
  npx tsx scripts/compose-test/check-demo.ts
phase_done
