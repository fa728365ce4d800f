#!/bin/sh
# The official image's script of this name, as the compose health check calls it.
exec java -Xmx64m -XX:TieredStopAtLevel=1 -Dlog4j.configuration=file:/opt/kafka/bin/log4j.properties \
  -cp '/opt/kafka/libs/*' kafka.admin.BrokerApiVersionsCommand "$@"
