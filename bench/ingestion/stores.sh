#!/usr/bin/env bash
# The event stores side by side, on this machine: EVENTS native events over HTTP (after a warm-up),
# Pitwall on PostgreSQL with the database store and then with the ClickHouse store
# (pitwall.telemetry.store=clickhouse), and the key-only COPY of the same rows, in one run; the
# same clients and batches as bench/ingestion/run.sh. Prints events/s, CPU-seconds per million
# and the bytes each keeps.
# Usage: bench/ingestion/stores.sh [EVENTS]   (default 1000000)
# Needs: a JDK 17+, PostgreSQL at 127.0.0.1:5432 (trust auth for postgres) and ClickHouse at
# 127.0.0.1:8123 (bash scripts/clickhouse.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
EVENTS=${1:-1000000}
OUT=target/bench-stores; PORT=18080; PASSWORD=bench-admin-password
mkdir -p "$OUT"
bash scripts/clickhouse.sh
./mvnw -q -B package -DskipTests -Dpitwall.test.prepare.skip=true
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=runtime
JAR=$(ls target/pitwall-*.jar | grep -v plain | head -1)
CP=$(cat $OUT/classpath.txt)
bench() { java -cp "$CP" bench/ingestion/IngestionBench.java "$@"; }
cpu_jiffies() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
measured() { local events=$1; shift; local before; before=$(cpu_jiffies); "$@"; local after; after=$(cpu_jiffies)
  awk -v j=$((after - before)) -v n="$events" 'BEGIN { printf "  cpu: %.1f s = %.1f cpu-seconds per million events\n", j / 100, j / 100 / (n / 1e6) }'; }
psql_admin() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -c "$1"; }
start() { local label=$1; shift
  java -Xmx1g -jar "$JAR" --server.port=$PORT --pitwall.admin-password=$PASSWORD --logging.level.root=WARN "$@" > "$OUT/pitwall-$label.log" 2>&1 &
  PID=$!; for _ in $(seq 1 240); do curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && return 0; sleep 0.5; done; exit 1; }
stop() { kill "$PID"; wait "$PID" || true; }
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -1), $(psql --version)"
for store in database clickhouse; do
  DB=pitwall_chbench_$store
  psql_admin "DROP DATABASE IF EXISTS $DB" && psql_admin "CREATE DATABASE $DB"
  curl -s http://127.0.0.1:8123/ --data-binary "DROP DATABASE IF EXISTS $DB"
  rm -f $OUT/token
  common=(url=http://localhost:$PORT user=admin password=$PASSWORD people=2000 tokenFile=$OUT/token total=$EVENTS)
  start $store --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres \
    --spring.datasource.password= --pitwall.telemetry.store=$store --pitwall.telemetry.clickhouse.database=$DB
  bench setup "${common[@]}"
  bench http "${common[@]}" events=100000 clients=4 batch=1000 offset=900000000 label=warm-up
  measured "$EVENTS" bench http "${common[@]}" events="$EVENTS" clients=4 batch=1000 label=$store
  sleep 10
  echo "  postgres bytes: $(psql -h 127.0.0.1 -U postgres -d $DB -Atc "SELECT pg_database_size('$DB')")"
  echo "  clickhouse bytes (events): $(curl -s http://127.0.0.1:8123/ --data-binary "SELECT sum(bytes_on_disk), sum(rows) FROM system.parts WHERE database = '$DB' AND active AND table = 'usage_event'")"
  stop
done
measured $((2 * EVENTS)) bench copy jdbc="jdbc:postgresql://127.0.0.1:5432/pitwall_chbench_database?user=postgres" events="$EVENTS" clients=4 batch=1000 people=2000 total=$EVENTS baseline=key
