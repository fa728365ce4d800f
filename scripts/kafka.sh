#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft, broker + controller in one JVM) without Docker.
#
#   bash scripts/kafka.sh fetch    download the pinned broker jars (infra/kafka/pom.xml) into .cache/kafka/libs
#   bash scripts/kafka.sh start    fetch if needed, format storage once, start in the background, wait until it answers
#   bash scripts/kafka.sh stop     SIGTERM, wait, SIGKILL after KAFKA_STOP_TIMEOUT seconds
#   bash scripts/kafka.sh status   exit 0 if running and answering
#   bash scripts/kafka.sh logs     tail the broker log (`logs -f` to follow, KAFKA_LOG_LINES=n for more)
#
# Environment:
#   KAFKA_PORT             client (PLAINTEXT) port on 127.0.0.1            default 9092
#   KAFKA_CONTROLLER_PORT  KRaft controller port on 127.0.0.1             default KAFKA_PORT + 1
#   KAFKA_HOME_DIR         instance dir (data/, logs/, config/, kafka.pid)  default .cache/kafka/instance-$KAFKA_PORT
#   KAFKA_START_TIMEOUT    seconds to wait for the broker to answer        default 90
#   KAFKA_STOP_TIMEOUT     seconds to wait after SIGTERM before SIGKILL    default 60
#   KAFKA_HEAP_OPTS        default "-Xms256m -Xmx512m"
#   KAFKA_JVM_OPTS         extra JVM flags (appended)
#
# Several instances can run side by side as long as ports and KAFKA_HOME_DIR differ
# (tests that stop/restart their own broker use packages/kit/src/testing/kafka-broker.ts).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
POM="$ROOT/infra/kafka/pom.xml"
TEMPLATE="$ROOT/infra/kafka/server.properties"
CACHE_DIR="$ROOT/.cache/kafka"
LIBS_DIR="$CACHE_DIR/libs"
MARKER="$LIBS_DIR/.fetched"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_HOME_DIR="$(realpath -m "${KAFKA_HOME_DIR:-$CACHE_DIR/instance-$KAFKA_PORT}")"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-60}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_JVM_OPTS="${KAFKA_JVM_OPTS:-}"

DATA_DIR="$KAFKA_HOME_DIR/data"
LOG_DIR="$KAFKA_HOME_DIR/logs"
CONF_DIR="$KAFKA_HOME_DIR/config"
PID_FILE="$KAFKA_HOME_DIR/kafka.pid"
SERVER_LOG="$LOG_DIR/server.log"
STDOUT_LOG="$LOG_DIR/kafka.out"
BROKER="127.0.0.1:$KAFKA_PORT"
TAG="[kafka:$KAFKA_PORT]"

say() { printf '%s %s\n' "$TAG" "$*"; }
die() { printf '%s ERROR: %s\n' "$TAG" "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }

# The pinned version lives in the pom only; the fetch marker records it.
kafka_version() {
  sed -n 's:.*<kafka.version>\([^<]*\)</kafka.version>.*:\1:p' "$POM" | head -n1
}

# Marker content: version + pom checksum, so editing the pom (e.g. a new dependency) refetches.
expected_marker() {
  printf 'kafka_2.13 %s pom-sha256 %s\n' "$(kafka_version)" "$(sha256sum "$POM" | cut -d' ' -f1)"
}

libs_ready() {
  [[ -f "$MARKER" ]] && [[ "$(cat "$MARKER")" == "$(expected_marker)" ]] &&
    compgen -G "$LIBS_DIR/kafka_2.13-$(kafka_version).jar" >/dev/null
}

require_java() {
  command -v java >/dev/null 2>&1 || die "java not found on PATH (Java 17 is needed)."
}

cmd_fetch() {
  local version
  version="$(kafka_version)"
  [[ -n "$version" ]] || die "could not read <kafka.version> from $POM"
  mkdir -p "$CACHE_DIR"
  # Serialize concurrent fetches (parallel test workers, two instances starting at once).
  exec 8>"$CACHE_DIR/.fetch.lock"
  flock 8
  if libs_ready; then
    say "jars for Kafka $version already in ${LIBS_DIR#"$ROOT"/} (skipping fetch)"
    exec 8>&-
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found on PATH (Maven is needed to fetch the broker jars)."
  say "fetching Kafka $version jars with Maven (infra/kafka/pom.xml) ..."
  local t0 tmp
  t0="$(now_ms)"
  tmp="$CACHE_DIR/libs.tmp.$$"
  rm -rf "$tmp"
  if ! mvn -B --no-transfer-progress -Dstyle.color=never -f "$POM" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" >"$CACHE_DIR/fetch.log" 2>&1; then
    rm -rf "$tmp"
    tail -n 40 "$CACHE_DIR/fetch.log" >&2
    die "mvn dependency:copy-dependencies failed (full output: $CACHE_DIR/fetch.log)."
  fi
  [[ -f "$tmp/kafka_2.13-$version.jar" ]] || { rm -rf "$tmp"; die "kafka_2.13-$version.jar missing after fetch."; }
  expected_marker >"$tmp/.fetched"
  rm -rf "$LIBS_DIR"
  mv "$tmp" "$LIBS_DIR"
  say "fetched $(find "$LIBS_DIR" -name '*.jar' | wc -l) jars in $(( ($(now_ms) - t0) )) ms"
  exec 8>&-
}

read_pid() { [[ -f "$PID_FILE" ]] && tr -dc '0-9' <"$PID_FILE" || true; }

# Running = pid file points at a live kafka.Kafka JVM (guards against stale pids reused by other processes).
is_running() {
  local pid
  pid="$(read_pid)"
  [[ -n "$pid" ]] || return 1
  pid_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'kafka\.Kafka' || return 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A real Kafka round trip with kafkajs: metadata (describeCluster) and a FindCoordinator for a
# probe group. `probe warm` (used by start) also initialises a transactional producer id. Both make
# the broker create its internal topics (__consumer_offsets, __transaction_state) now, so the first
# consumer group / transactional producer in a test does not see "coordinator not available" or
# "coordinator is loading". Falls back to "TCP port open" only if kafkajs is not installed.
probe() {
  local warm="${1:-}"
  local node_bin
  node_bin="$(command -v node || true)"
  if [[ -z "$node_bin" ]] || [[ ! -d "$ROOT/node_modules/kafkajs" ]]; then
    port_open "$KAFKA_PORT"
    return
  fi
  (cd "$ROOT" && KAFKA_PROBE_BROKER="$BROKER" KAFKA_PROBE_WARM="$warm" timeout 30 "$node_bin" -e '
    process.removeAllListeners("warning"); // kafkajs 2.2.4 triggers TimeoutNegativeWarning on Node >= 23
    const { Kafka, logLevel } = require("kafkajs");
    const kafka = new Kafka({
      clientId: "kafka-sh-probe",
      brokers: [process.env.KAFKA_PROBE_BROKER],
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2000,
      requestTimeout: 5000,
      retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 1000 },
    });
    const admin = kafka.admin();
    (async () => {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (!cluster.brokers.length) throw new Error("no brokers in metadata");
      await admin.describeGroups(["kafka-sh-probe"]);
      await admin.disconnect();
      if (process.env.KAFKA_PROBE_WARM) {
        const producer = kafka.producer({ transactionalId: "kafka-sh-probe", idempotent: true, maxInFlightRequests: 1 });
        await producer.connect();
        // transaction() is what sends FindCoordinator(TRANSACTION); connect() alone does not.
        const tx = await producer.transaction();
        await tx.abort();
        await producer.disconnect();
      }
    })().then(() => process.exit(0), (e) => { console.error(String(e && e.message || e)); process.exit(1); });
  ' >/dev/null 2>"${PROBE_ERR:-/dev/null}")
}

render_config() {
  mkdir -p "$DATA_DIR" "$LOG_DIR" "$CONF_DIR"
  local tmpl out
  tmpl="$(cat "$TEMPLATE")"
  out="${tmpl//'${KAFKA_PORT}'/"$KAFKA_PORT"}"
  out="${out//'${KAFKA_CONTROLLER_PORT}'/"$KAFKA_CONTROLLER_PORT"}"
  out="${out//'${KAFKA_DATA_DIR}'/"$DATA_DIR"}"
  printf '# GENERATED by scripts/kafka.sh from infra/kafka/server.properties - edit the template.\n%s\n' "$out" \
    >"$CONF_DIR/server.properties"

  # reload4j (log4j 1.x) config: everything to logs/server.log, size-capped.
  cat >"$CONF_DIR/log4j.properties" <<'EOF'
# GENERATED by scripts/kafka.sh
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=${kafka.logs.dir}/server.log
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.kafka.network.RequestChannel$=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.log.LogCleaner=WARN
log4j.logger.org.apache.kafka.storage.internals.log.LogCleaner=WARN
log4j.logger.kafka.authorizer.logger=WARN
EOF
}

java_cmd() {
  # shellcheck disable=SC2206
  local heap=($KAFKA_HEAP_OPTS) extra=($KAFKA_JVM_OPTS)
  JAVA_CMD=(java "${heap[@]}"
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent
    -Xss512k
    -Djava.awt.headless=true
    -Dkafka.logs.dir="$LOG_DIR"
    -Dlog4j.configuration="file:$CONF_DIR/log4j.properties"
    "${extra[@]}"
    -cp "$LIBS_DIR/*")
}

format_storage() {
  if [[ -f "$DATA_DIR/meta.properties" ]]; then
    say "storage already formatted ($(sed -n 's/^cluster.id=//p' "$DATA_DIR/meta.properties"))"
    return
  fi
  local cluster_id
  cluster_id="$(new_cluster_id)"
  say "formatting storage in ${DATA_DIR#"$ROOT"/} (cluster id $cluster_id) ..."
  java_cmd
  "${JAVA_CMD[@]}" kafka.tools.StorageTool format --ignore-formatted \
    -t "$cluster_id" -c "$CONF_DIR/server.properties" >>"$LOG_DIR/format.log" 2>&1 ||
    { tail -n 30 "$LOG_DIR/format.log" >&2; die "kafka-storage format failed."; }
}

# Kafka cluster ids are base64url UUIDs without padding (22 chars); Kafka avoids a leading '-'.
new_cluster_id() {
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [[ "$id" != -* ]] && { echo "$id"; return; }
  done
}

lock_instance() {
  mkdir -p "$KAFKA_HOME_DIR"
  exec 9>"$KAFKA_HOME_DIR/.lock"
  flock 9
}

cmd_start() {
  require_java
  lock_instance
  if is_running; then
    if probe; then
      say "already running (pid $(read_pid)) at $BROKER"
      return 0
    fi
    say "process $(read_pid) is running but not answering yet; waiting ..."
    wait_ready "$(read_pid)" "$(now_ms)"
    return 0
  fi
  rm -f "$PID_FILE"
  if port_open "$KAFKA_PORT"; then
    die "port $KAFKA_PORT is already in use by a process this script did not start (pid file: $PID_FILE)."
  fi
  if port_open "$KAFKA_CONTROLLER_PORT"; then
    die "controller port $KAFKA_CONTROLLER_PORT is already in use; set KAFKA_CONTROLLER_PORT."
  fi
  libs_ready || cmd_fetch

  local t0
  t0="$(now_ms)"
  render_config
  format_storage

  say "starting broker (client 127.0.0.1:$KAFKA_PORT, controller 127.0.0.1:$KAFKA_CONTROLLER_PORT, dir ${KAFKA_HOME_DIR#"$ROOT"/})"
  java_cmd
  # setsid: own session, so Ctrl-C in the calling terminal or a test runner's process group does not kill it.
  # setsid and nohup both exec (no fork: a background job of a non-interactive shell is not a
  # process-group leader), so $! is the JVM's own pid.
  # Fresh log per run (the readiness check greps it); keep the previous run's log next to it.
  [[ -f "$SERVER_LOG" ]] && mv -f "$SERVER_LOG" "$SERVER_LOG.prev"
  : >"$STDOUT_LOG"
  # Close the lock fds (8, 9) in the child, or the broker would hold the instance lock for its whole life.
  setsid nohup "${JAVA_CMD[@]}" kafka.Kafka "$CONF_DIR/server.properties" >>"$STDOUT_LOG" 2>&1 </dev/null 8>&- 9>&- &
  local pid=$!
  echo "$pid" >"$PID_FILE"
  say "pid $pid; waiting up to ${KAFKA_START_TIMEOUT}s for the broker to answer ..."
  wait_ready "$pid" "$t0"
}

wait_ready() {
  local pid="$1" t0="$2" deadline started_logged=0
  deadline=$(($(date +%s) + KAFKA_START_TIMEOUT))
  PROBE_ERR="$LOG_DIR/probe.err"
  : >"$PROBE_ERR"
  while :; do
    if ! pid_alive "$pid"; then
      rm -f "$PID_FILE"
      show_tail >&2
      die "broker process $pid exited during start-up (logs above; full log: $SERVER_LOG)."
    fi
    if [[ $started_logged -eq 0 ]] && grep -q 'Kafka Server started' "$SERVER_LOG" 2>/dev/null; then
      started_logged=1
      say "log says 'Kafka Server started' after $(( $(now_ms) - t0 )) ms; probing with kafkajs ..."
    fi
    if [[ $started_logged -eq 1 ]] && probe warm; then
      say "ready at $BROKER in $(( $(now_ms) - t0 )) ms (pid $pid)"
      return 0
    fi
    if (($(date +%s) >= deadline)); then
      show_tail >&2
      [[ -s "$PROBE_ERR" ]] && say "last kafkajs probe error: $(tail -n 3 "$PROBE_ERR")" >&2
      say "broker did not answer within ${KAFKA_START_TIMEOUT}s; stopping pid $pid" >&2
      stop_pid "$pid" 10 >&2
      rm -f "$PID_FILE"
      die "start timed out (log kept in $LOG_DIR)."
    fi
    sleep 0.3
  done
}

show_tail() {
  local n="${1:-40}"
  if [[ -s "$STDOUT_LOG" ]]; then
    echo "----- $STDOUT_LOG (last $n lines) -----"
    tail -n "$n" "$STDOUT_LOG"
  fi
  if [[ -f "$SERVER_LOG" ]]; then
    echo "----- $SERVER_LOG (last $n lines) -----"
    tail -n "$n" "$SERVER_LOG"
  else
    echo "(no $SERVER_LOG yet)"
  fi
}

cmd_stop() {
  lock_instance
  if ! is_running; then
    rm -f "$PID_FILE"
    say "not running"
    return 0
  fi
  local pid t0
  pid="$(read_pid)"
  t0="$(now_ms)"
  say "stopping pid $pid (SIGTERM, up to ${KAFKA_STOP_TIMEOUT}s) ..."
  stop_pid "$pid" "$KAFKA_STOP_TIMEOUT"
  rm -f "$PID_FILE"
  say "stopped in $(( $(now_ms) - t0 )) ms"
}

# Alive = exists and is not a zombie (the JVM is our own child when a start times out).
pid_alive() {
  kill -0 "$1" 2>/dev/null || return 1
  [[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != "Z" ]]
}

# SIGTERM (Kafka shuts down cleanly), then SIGKILL once $2 seconds have passed.
stop_pid() {
  local pid="$1" timeout="$2" deadline
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$(($(date +%s) + timeout))
  while pid_alive "$pid"; do
    if (($(date +%s) >= deadline)); then
      say "pid $pid still alive after ${timeout}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      while pid_alive "$pid"; do sleep 0.1; done
      return 0
    fi
    sleep 0.2
  done
}

cmd_status() {
  if ! is_running; then
    say "not running"
    return 1
  fi
  if probe; then
    say "running (pid $(read_pid)) and answering at $BROKER"
    return 0
  fi
  say "process $(read_pid) is running but NOT answering at $BROKER (see: bash scripts/kafka.sh logs)"
  return 1
}

cmd_logs() {
  if [[ "${1:-}" == "-f" ]]; then
    [[ -f "$SERVER_LOG" ]] || die "no log yet at $SERVER_LOG"
    exec tail -n "${KAFKA_LOG_LINES:-50}" -F "$SERVER_LOG"
  fi
  show_tail "${KAFKA_LOG_LINES:-100}"
}

usage() {
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
  fetch) cmd_fetch ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  logs) shift; cmd_logs "$@" ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
