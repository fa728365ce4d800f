#!/bin/bash
# The official image's configuration contract: KAFKA_FOO_BAR=x becomes foo.bar=x (`__` stands for
# `_`, `___` for `-`); CLUSTER_ID names the cluster when the log directory is formatted the first time.
set -euo pipefail
CONFIG=/opt/kafka/config/server.properties
JAVA=(java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m} -Dlog4j.configuration=file:/opt/kafka/bin/log4j.properties
  -cp '/opt/kafka/libs/*')

mkdir -p "$(dirname "$CONFIG")"
: >"$CONFIG"
for name in $(compgen -e); do
  case "$name" in
    KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | KAFKA_LOG4J_OPTS | KAFKA_JMX_OPTS | KAFKA_VERSION) ;;
    KAFKA_*)
      key="${name#KAFKA_}" && key="${key,,}"
      key="${key//___/-}" && key="${key//__/@}" && key="${key//_/.}" && key="${key//@/_}"
      printf '%s=%s\n' "$key" "${!name}" >>"$CONFIG"
      ;;
  esac
done

"${JAVA[@]}" kafka.tools.StorageTool format --ignore-formatted -t "${CLUSTER_ID:-5L6g3nShT-eMCtK--X86sw}" -c "$CONFIG"
exec "${JAVA[@]}" ${KAFKA_OPTS:-} kafka.Kafka "$CONFIG"
