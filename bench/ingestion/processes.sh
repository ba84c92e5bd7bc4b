#!/usr/bin/env bash
# Where ingestion's CPU goes, per event store: EVENTS native events over HTTP (after a warm-up, the
# same clients and batches as stores.sh), then CPU-seconds per million events of Pitwall's JVM, of
# PostgreSQL's processes, of clickhouse-server, and of the whole machine, read from /proc
# (processes that ended meanwhile, such as autovacuum workers, are not in the per-process figures).
# The rollups are brought up to date before the second reading.
# Usage: bench/ingestion/processes.sh [EVENTS]   (default 1000000)
# Needs: as stores.sh (PostgreSQL at 127.0.0.1:5432, ClickHouse at 127.0.0.1:8123).
set -euo pipefail
cd "$(dirname "$0")/../.."
EVENTS=${1:-1000000}
OUT=target/bench-processes; PORT=18080; PASSWORD=bench-admin-password
mkdir -p "$OUT"
bash scripts/clickhouse.sh
./mvnw -q -B package -DskipTests -Dpitwall.test.prepare.skip=true
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=runtime
JAR=$(ls target/pitwall-*.jar | grep -v plain | head -1)
CP=$(cat $OUT/classpath.txt)
bench() { java -cp "$CP" bench/ingestion/IngestionBench.java "$@"; }
# utime + stime (clock ticks) of every process of that name
ticks() { local total=0 t; for p in $(pgrep -x "$1" || true); do
  t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0); total=$((total + t)); done; echo $total; }
machine() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
per_million() { awk -v t="$1" -v n="$EVENTS" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz / (n / 1e6) }'; }
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -1), $(psql --version)"
for store in database clickhouse; do
  DB=pitwall_procbench_$store
  psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS $DB"
  psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $DB"
  curl -s http://127.0.0.1:8123/ --data-binary "DROP DATABASE IF EXISTS $DB"
  rm -f $OUT/token
  java -Xmx1g -jar "$JAR" --server.port=$PORT --pitwall.admin-password=$PASSWORD --logging.level.root=WARN \
    --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres \
    --spring.datasource.password= --pitwall.telemetry.store=$store --pitwall.telemetry.clickhouse.database=$DB \
    > "$OUT/pitwall-$store.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 240); do curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && break; sleep 0.5; done
  common=(url=http://localhost:$PORT user=admin password=$PASSWORD people=2000 tokenFile=$OUT/token total=$EVENTS)
  bench setup "${common[@]}"
  bench http "${common[@]}" events=100000 clients=4 batch=1000 offset=900000000 label=warm-up
  j0=$(awk '{print $14 + $15}' /proc/$PID/stat); p0=$(ticks postgres); c0=$(ticks clickhouse-serv); m0=$(machine)
  bench http "${common[@]}" events="$EVENTS" clients=4 batch=1000 label=$store
  curl -sf -X POST -H "Authorization: Bearer $(cat $OUT/token)" "http://localhost:$PORT/api/v1/usage-rollups/run" > /dev/null
  j1=$(awk '{print $14 + $15}' /proc/$PID/stat); p1=$(ticks postgres); c1=$(ticks clickhouse-serv); m1=$(machine)
  echo "  cpu-seconds per million events, rollups included: pitwall $(per_million $((j1 - j0))), postgresql" \
    "$(per_million $((p1 - p0))), clickhouse $(per_million $((c1 - c0))), whole machine $(per_million $((m1 - m0)))"
  kill $PID; wait $PID || true
done
