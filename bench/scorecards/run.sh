#!/usr/bin/env bash
# Issue 5's benchmark, on this machine: Pitwall on PostgreSQL with PEOPLE people, WORKFLOWS
# workflows and EVENTS usage events (all through the API), then the latency of the organization
# and workflow scorecards computed afresh and served from the scorecard cache.
# Usage: bench/scorecards/run.sh [PEOPLE] [WORKFLOWS] [EVENTS]   (defaults 10000 500 10000000)
# BENCH_STORE=clickhouse keeps the raw events in ClickHouse (pitwall.telemetry.store; database of
# the same name as the PostgreSQL one) instead of PostgreSQL's events table (BENCH_STORE=database,
# the default); bench/scorecards/stores.sh runs both.
# Needs: a JDK 17+, PostgreSQL at 127.0.0.1:5432 with trust auth for user postgres (as in CI), and
# for BENCH_STORE=clickhouse ClickHouse at 127.0.0.1:8123 (bash scripts/clickhouse.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
PEOPLE=${1:-10000}
WORKFLOWS=${2:-500}
EVENTS=${3:-10000000}
# bench/board/run.sh runs the same organization with its own phase, database and output directory.
PHASE=${BENCH_PHASE:-query}
DB=${BENCH_DB:-pitwall_scorebench}
PG_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
PORT=${BENCH_PORT:-18081}
PASSWORD=bench-admin-password
OUT=${BENCH_OUT:-target/bench-scorecards}
STORE=${BENCH_STORE:-database}
mkdir -p "$OUT"

./mvnw -q -B package -DskipTests -Dpitwall.test.prepare.skip=true
JAR=$(ls target/pitwall-*.jar | grep -v plain | head -1)
bench() { java bench/scorecards/ScorecardBench.java "$@"; }
psql_admin() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -c "$1"; }

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -1), $(psql --version)"
echo "== store: $STORE"
psql_admin "DROP DATABASE IF EXISTS $DB WITH (FORCE)" && psql_admin "CREATE DATABASE $DB"
if [ "$STORE" = clickhouse ]; then curl -sf http://127.0.0.1:8123/ --data-binary "DROP DATABASE IF EXISTS $DB"; fi
java -Xmx2g -jar "$JAR" --server.port=$PORT --pitwall.admin-password=$PASSWORD --logging.level.root=WARN \
  --spring.datasource.url=$PG_URL --spring.datasource.username=postgres --spring.datasource.password= \
  --pitwall.telemetry.store=$STORE --pitwall.telemetry.clickhouse.database=$DB \
  > "$OUT/pitwall.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && break; sleep 0.5; done

common=(url=http://localhost:$PORT tokenFile=$OUT/token people=$PEOPLE workflows=$WORKFLOWS)
bench setup "${common[@]}" user=admin password=$PASSWORD
bench events "${common[@]}" events="$EVENTS" clients=4
bench "$PHASE" "${common[@]}" runs="${BENCH_RUNS:-20}"
echo "postgres bytes: $(psql -h 127.0.0.1 -U postgres -d $DB -Atc "SELECT pg_database_size('$DB')")"
if [ "$STORE" = clickhouse ]; then
  echo "clickhouse bytes, rows (events): $(curl -s http://127.0.0.1:8123/ --data-binary "SELECT sum(bytes_on_disk), sum(rows) FROM system.parts WHERE database = '$DB' AND active AND table = 'usage_event'")"
fi
