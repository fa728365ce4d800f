#!/usr/bin/env bash
# Local infrastructure for Sneakers Commerce (no Docker).
#
#   bash scripts/infra.sh up      start Kafka (scripts/kafka.sh start), check PostgreSQL and Redis answer
#   bash scripts/infra.sh down    stop Kafka (PostgreSQL and Redis are system services; left alone)
#   bash scripts/infra.sh status  report all three, exit non-zero if any is down
#
# Environment: KAFKA_PORT (9092), PGHOST (127.0.0.1), PGPORT (5432), REDIS_HOST (127.0.0.1), REDIS_PORT (6379).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
REDIS_HOST="${REDIS_HOST:-127.0.0.1}"
REDIS_PORT="${REDIS_PORT:-6379}"

say() { printf '[infra] %s\n' "$*"; }

check_postgres() {
  if command -v pg_isready >/dev/null 2>&1; then
    if pg_isready -q -h "$PGHOST" -p "$PGPORT" -t 5; then
      say "PostgreSQL answers at $PGHOST:$PGPORT"
      return 0
    fi
  elif command -v psql >/dev/null 2>&1; then
    if psql -h "$PGHOST" -p "$PGPORT" -U "${PGUSER:-postgres}" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
      say "PostgreSQL answers at $PGHOST:$PGPORT"
      return 0
    fi
  elif (exec 3<>"/dev/tcp/$PGHOST/$PGPORT") 2>/dev/null; then
    say "PostgreSQL port $PGHOST:$PGPORT is open (pg_isready/psql not installed, not checked further)"
    return 0
  fi
  say "PostgreSQL is NOT answering at $PGHOST:$PGPORT."
  say "  start it with:  sudo service postgresql start   (or: sudo systemctl start postgresql)"
  say "  then check:     pg_isready -h $PGHOST -p $PGPORT"
  return 1
}

check_redis() {
  local reply=""
  if command -v redis-cli >/dev/null 2>&1; then
    reply="$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null || true)"
  elif (exec 3<>"/dev/tcp/$REDIS_HOST/$REDIS_PORT") 2>/dev/null; then
    say "Redis port $REDIS_HOST:$REDIS_PORT is open (redis-cli not installed, not checked further)"
    return 0
  fi
  if [[ "$reply" == "PONG" ]]; then
    say "Redis answers at $REDIS_HOST:$REDIS_PORT"
    return 0
  fi
  say "Redis is NOT answering at $REDIS_HOST:$REDIS_PORT${reply:+ (reply: $reply)}."
  say "  start it with:  sudo service redis-server start   (or: redis-server --daemonize yes --bind 127.0.0.1)"
  say "  then check:     redis-cli -h $REDIS_HOST -p $REDIS_PORT ping"
  return 1
}

cmd_up() {
  local failed=0
  bash "$ROOT/scripts/kafka.sh" start || failed=1
  check_postgres || failed=1
  check_redis || failed=1
  if ((failed)); then
    say "infrastructure is NOT fully up (see messages above)"
    return 1
  fi
  say "all up: Kafka 127.0.0.1:${KAFKA_PORT:-9092}, PostgreSQL $PGHOST:$PGPORT, Redis $REDIS_HOST:$REDIS_PORT"
}

cmd_down() {
  bash "$ROOT/scripts/kafka.sh" stop
  say "Kafka stopped; PostgreSQL and Redis are system services and were left running"
}

cmd_status() {
  local failed=0
  bash "$ROOT/scripts/kafka.sh" status || failed=1
  check_postgres || failed=1
  check_redis || failed=1
  return "$failed"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *)
    sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
