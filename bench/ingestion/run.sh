#!/usr/bin/env bash
# Issue 4's ingestion benchmark, on this machine:
#   1. Pitwall on PostgreSQL: EVENTS native events posted over HTTP as NDJSON batches of 1,000 by
#      4 clients; sustained rate of acknowledged (committed, deduplicated) events.
#   2. In the same run, PostgreSQL COPY of the same rows: into a table with only the (source, event
#      id) unique key (the floor of durable de-duplication), and into one with all of Pitwall's
#      indexes; one COPY of everything, and COPYs of 1,000 rows from 4 connections.
#   3. Pitwall on the embedded H2 file database: the same HTTP load.
#   4. PostgreSQL filled up to TOTAL events over HTTP, the bytes per stored event (partitions and
#      their indexes), then the latency of 28-day rollup queries.
# Usage: bench/ingestion/run.sh [EVENTS] [TOTAL]     (defaults 1000000 and 10000000)
# Needs: a JDK 17+, PostgreSQL at 127.0.0.1:5432 with trust auth for user postgres (as in CI).
set -euo pipefail
cd "$(dirname "$0")/../.."
EVENTS=${1:-1000000}
TOTAL=${2:-10000000}
PG_ADMIN=${PG_ADMIN:-"jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"}
PG_URL="jdbc:postgresql://127.0.0.1:5432/pitwall_bench"
PORT=18080
PASSWORD=bench-admin-password
OUT=target/bench
mkdir -p "$OUT"

./mvnw -q -B package -DskipTests -Dpitwall.test.prepare.skip=true
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=runtime
JAR=$(ls target/pitwall-*.jar | grep -v plain | head -1)
CP=$(cat "$OUT/classpath.txt")
bench() { java -cp "$CP" bench/ingestion/IngestionBench.java "$@"; }
# CPU-seconds the whole machine spent (user, nice, system, irq, softirq; USER_HZ = 100) while a
# command ran: Pitwall, PostgreSQL and the load generator together (the machine is otherwise idle).
cpu_jiffies() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
measured() { # $1 = events, rest = command
  local events=$1; shift
  local before; before=$(cpu_jiffies)
  "$@"
  local after; after=$(cpu_jiffies)
  awk -v j=$((after - before)) -v n="$events" 'BEGIN { printf "  cpu: %.1f s for the run = %.1f cpu-seconds per million events\n", j / 100, j / 100 / (n / 1e6) }'
}
psql_admin() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -c "$1"; }

start() { # $1 = label, rest = extra arguments
  local label=$1; shift
  java -Xmx1g -jar "$JAR" --server.port=$PORT --pitwall.admin-password=$PASSWORD --logging.level.root=WARN "$@" \
    > "$OUT/pitwall-$label.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 240); do
    curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && return 0
    sleep 0.5
  done
  echo "Pitwall ($label) did not start; see $OUT/pitwall-$label.log" >&2; exit 1
}
stop() { kill "$PID"; wait "$PID" || true; }
common=(url=http://localhost:$PORT user=admin password=$PASSWORD people=2000 tokenFile=$OUT/token total=$TOTAL)

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -1), $(psql --version)"

# 1 + 2: PostgreSQL
psql_admin "DROP DATABASE IF EXISTS pitwall_bench" && psql_admin "CREATE DATABASE pitwall_bench"
rm -f "$OUT/token"
start postgresql --spring.datasource.url=$PG_URL --spring.datasource.username=postgres --spring.datasource.password=
bench setup "${common[@]}"
bench http "${common[@]}" events=100000 clients=4 batch=1000 offset=900000000 label=warm-up
measured "$EVENTS" bench http "${common[@]}" events="$EVENTS" clients=4 batch=1000 label=postgresql
measured $((2 * EVENTS)) bench copy jdbc="$PG_URL?user=postgres" events="$EVENTS" clients=4 batch=1000 people=2000 total=$TOTAL baseline=key
measured $((2 * EVENTS)) bench copy jdbc="$PG_URL?user=postgres" events="$EVENTS" clients=4 batch=1000 people=2000 total=$TOTAL baseline=all

# 4: fill up to TOTAL and query the rollups
if [ "$TOTAL" -gt "$EVENTS" ]; then
  bench http "${common[@]}" events=$((TOTAL - EVENTS)) clients=4 batch=1000 offset="$EVENTS" label=fill
fi
sleep 5
psql -h 127.0.0.1 -U postgres -d pitwall_bench -At -c "SELECT 'stored: ' || e.n || ' events, ' || pg_size_pretty(s.b)
  || ' with indexes = ' || ROUND(s.b / GREATEST(e.n, 1)) || ' bytes per event'
  FROM (SELECT COUNT(*) AS n FROM telemetry_usage_event) e, (SELECT SUM(pg_total_relation_size(c.oid)) AS b
  FROM pg_class c WHERE c.relkind = 'r' AND c.relname LIKE 'telemetry\_usage\_event\_%') s"
bench query "${common[@]}" runs=50
stop

# 3: H2, the embedded database of a default installation
rm -rf "$OUT/h2" "$OUT/token"
start h2 --pitwall.data-dir="$PWD/$OUT/h2"
bench setup "${common[@]}"
bench http "${common[@]}" events=100000 clients=4 batch=1000 offset=900000000 label=warm-up
measured "$EVENTS" bench http "${common[@]}" events="$EVENTS" clients=4 batch=1000 label=h2
stop
