#!/usr/bin/env bash
# The Kafka write path (pitwall.telemetry.write-path=kafka) beside the direct path, in one run:
#   1. Pitwall on PostgreSQL, direct: EVENTS native events over HTTP (4 clients, NDJSON batches of
#      1,000); events/s acknowledged = stored.
#   2. Pitwall on PostgreSQL with the write path, one store writer on the same node, a one-node
#      Kafka broker (its own JVM) on the same machine: events/s acknowledged, then the time until
#      every acknowledged event is stored (events/s stored, from the first request to the last row).
#   3. PostgreSQL COPY of the same rows into a table with only the (source, event id) key.
# Usage: bench/ingestion/kafka.sh [EVENTS] [WRITERS]    (defaults 1000000 and 2 store writers)
#   SKIP_DIRECT=1 leaves out the direct path; KAFKA_OPTS adds arguments to the Kafka node, e.g.
#   KAFKA_OPTS=--spring.kafka.producer.compression-type=none
# Needs: a JDK 17+, PostgreSQL at 127.0.0.1:5432 with trust auth for user postgres (as in CI).
set -euo pipefail
cd "$(dirname "$0")/../.."
EVENTS=${1:-1000000}
WRITERS=${2:-2}
WARM=100000
PG_ADMIN_DB=postgres
PG_URL="jdbc:postgresql://127.0.0.1:5432/pitwall_bench"
PORT=18080
PASSWORD=bench-admin-password
OUT=target/bench
mkdir -p "$OUT"

./mvnw -q -B package -DskipTests -Dpitwall.test.prepare.skip=true
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=runtime
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/test-classpath.txt" -Dmdep.includeScope=test
JAR=$(ls target/pitwall-*.jar | grep -v plain | head -1)
CP=$(cat "$OUT/classpath.txt")
bench() { java -cp "$CP" bench/ingestion/IngestionBench.java "$@"; }
cpu_jiffies() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
psql_admin() { psql -h 127.0.0.1 -U postgres -d $PG_ADMIN_DB -v ON_ERROR_STOP=1 -q -c "$1"; }
stored() { psql -h 127.0.0.1 -U postgres -d pitwall_bench -At -c "SELECT COUNT(*) FROM telemetry_usage_event"; }
fresh_db() { psql_admin "DROP DATABASE IF EXISTS pitwall_bench" && psql_admin "CREATE DATABASE pitwall_bench"; rm -f "$OUT/token"; }
start() { # $1 = label, rest = extra arguments
  local label=$1; shift
  java -Xmx1g -jar "$JAR" --server.port=$PORT --pitwall.admin-password=$PASSWORD --logging.level.root=WARN \
    --spring.datasource.url=$PG_URL --spring.datasource.username=postgres --spring.datasource.password= "$@" \
    > "$OUT/pitwall-$label.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 240); do
    curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && return 0
    sleep 0.5
  done
  echo "Pitwall ($label) did not start; see $OUT/pitwall-$label.log" >&2; exit 1
}
stop() { kill "$PID"; wait "$PID" || true; }
common=(url=http://localhost:$PORT user=admin password=$PASSWORD people=2000 tokenFile=$OUT/token total=$EVENTS)

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -1), $(psql --version)"

# 1: direct
if [ "${SKIP_DIRECT:-}" != 1 ]; then
fresh_db
start direct
bench setup "${common[@]}"
bench http "${common[@]}" events=$WARM clients=4 batch=1000 offset=900000000 label=warm-up
before=$(cpu_jiffies)
bench http "${common[@]}" events="$EVENTS" clients=4 batch=1000 label=direct
after=$(cpu_jiffies)
awk -v j=$((after - before)) -v n="$EVENTS" 'BEGIN { printf "  cpu: %.1f cpu-seconds per million events\n", j / 100 / (n / 1e6) }'
stop
fi

# 2: the Kafka write path
java -Xmx1g -cp "$(cat "$OUT/test-classpath.txt")" bench/ingestion/KafkaBroker.java 12 \
  pitwall.accepted-usage-events pitwall.accepted-usage-events.dlt > "$OUT/kafka.log" 2>&1 &
BROKER=$!
trap 'kill $BROKER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q '^brokers:' "$OUT/kafka.log" && break; sleep 0.5; done
BROKERS=$(grep -m1 '^brokers:' "$OUT/kafka.log" | cut -d' ' -f2) || true
[ -n "$BROKERS" ] || { echo "the broker did not start; see $OUT/kafka.log" >&2; exit 1; }
echo "broker: $BROKERS"
fresh_db
start kafka --pitwall.telemetry.write-path=kafka --spring.kafka.bootstrap-servers=$BROKERS \
  --pitwall.telemetry.kafka.writer.concurrency=$WRITERS ${KAFKA_OPTS:-}
bench setup "${common[@]}"
bench http "${common[@]}" events=$WARM clients=4 batch=1000 offset=900000000 label=warm-up
until [ "$(stored)" -ge $WARM ]; do sleep 0.2; done
before=$(cpu_jiffies)
t0=$(date +%s.%N)
bench http "${common[@]}" events="$EVENTS" clients=4 batch=1000 label=kafka-acknowledged
until [ "$(stored)" -ge $((WARM + EVENTS)) ]; do sleep 0.1; done
t1=$(date +%s.%N)
after=$(cpu_jiffies)
awk -v t0="$t0" -v t1="$t1" -v n="$EVENTS" -v j=$((after - before)) 'BEGIN { t = t1 - t0
  printf "kafka-stored: %d events stored %.1f s after the first request = %.0f events/s\n", n, t, n / t
  printf "  cpu: %.1f cpu-seconds per million events (Pitwall, broker, PostgreSQL, load generator)\n", j / 100 / (n / 1e6) }'
echo "stored: $(stored) events (expected $((WARM + EVENTS)))"
stop

# 3: COPY into a table with only the key, same rows
bench copy jdbc="$PG_URL?user=postgres" events="$EVENTS" clients=4 batch=1000 people=2000 total=$EVENTS baseline=key
