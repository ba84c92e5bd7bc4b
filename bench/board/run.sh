#!/usr/bin/env bash
# Issue 14's benchmark, on this machine: the 10,000-person benchmark organization of bench/scorecards
# on PostgreSQL (PEOPLE people, WORKFLOWS workflows, EVENTS usage events, all through the API), then
# board packs made afresh for RUNS months and their PDFs, against the organization scorecard computed
# afresh in the same run.
# Usage: bench/board/run.sh [PEOPLE] [WORKFLOWS] [EVENTS] [RUNS]   (defaults 10000 500 1000000 6)
# Needs: a JDK 17+, PostgreSQL at 127.0.0.1:5432 with trust auth for user postgres (as in CI).
set -euo pipefail
cd "$(dirname "$0")/../.."
PEOPLE=${1:-10000}
WORKFLOWS=${2:-500}
EVENTS=${3:-1000000}
RUNS=${4:-6}
PG_URL="jdbc:postgresql://127.0.0.1:5432/pitwall_boardbench"
PORT=18082
PASSWORD=bench-admin-password
OUT=target/bench-board
mkdir -p "$OUT"

./mvnw -q -B package -DskipTests -Dpitwall.test.prepare.skip=true
JAR=$(ls target/pitwall-*.jar | grep -v plain | head -1)
bench() { java bench/scorecards/ScorecardBench.java "$@"; }
psql_admin() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -c "$1"; }

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -1), $(psql --version)"
psql_admin "DROP DATABASE IF EXISTS pitwall_boardbench WITH (FORCE)" && psql_admin "CREATE DATABASE pitwall_boardbench"
java -Xmx2g -jar "$JAR" --server.port=$PORT --pitwall.admin-password=$PASSWORD --logging.level.root=WARN \
  --spring.datasource.url=$PG_URL --spring.datasource.username=postgres --spring.datasource.password= \
  > "$OUT/pitwall.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && break; sleep 0.5; done

common=(url=http://localhost:$PORT tokenFile=$OUT/token people=$PEOPLE workflows=$WORKFLOWS)
bench setup "${common[@]}" user=admin password=$PASSWORD
bench events "${common[@]}" events="$EVENTS" clients=4
bench packs "${common[@]}" runs="$RUNS"
