#!/usr/bin/env bash
# Issue 11's benchmark, on this machine: Pitwall on PostgreSQL with the organization and the
# EVENTS usage events of bench/scorecards (PEOPLE people, WORKFLOWS workflows, through the API),
# then MONITORS monitors through the API, then ROUNDS evaluation rounds timed by Pitwall itself
# (operations_round.duration_ms). Reports p50/p95 of a round and their ratio to the default round
# interval (1 min). Rounds run back to back here (round interval INTERVAL, default 20 s) to collect
# them sooner; a round's work does not depend on the interval.
# Usage: bench/monitors/run.sh [MONITORS] [EVENTS] [ROUNDS] [PEOPLE] [WORKFLOWS]
#        (defaults 10000 10000000 10 10000 500)
# Needs: a JDK 17+, PostgreSQL at 127.0.0.1:5432 with trust auth for user postgres (as in CI).
set -euo pipefail
cd "$(dirname "$0")/../.."
MONITORS=${1:-10000}
EVENTS=${2:-10000000}
ROUNDS=${3:-10}
PEOPLE=${4:-10000}
WORKFLOWS=${5:-500}
INTERVAL=${INTERVAL:-20s}
DB=pitwall_monbench
PG_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
PORT=18082
PASSWORD=bench-admin-password
OUT=target/bench-monitors
mkdir -p "$OUT"

./mvnw -q -B package -DskipTests -Dpitwall.test.prepare.skip=true
JAR=$(ls target/pitwall-*.jar | grep -v plain | head -1)
psql_q() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -1), $(psql --version)"
psql_q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" && psql_q -c "CREATE DATABASE $DB"
java -Xmx2g -jar "$JAR" --server.port=$PORT --pitwall.admin-password=$PASSWORD --logging.level.root=WARN \
  --spring.datasource.url=$PG_URL --spring.datasource.username=postgres --spring.datasource.password= \
  --pitwall.operations.round-interval=$INTERVAL > "$OUT/pitwall.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && break; sleep 0.5; done

common=(url=http://localhost:$PORT tokenFile=$OUT/token people=$PEOPLE workflows=$WORKFLOWS)
java bench/scorecards/ScorecardBench.java setup "${common[@]}" user=admin password=$PASSWORD
java bench/scorecards/ScorecardBench.java events "${common[@]}" events="$EVENTS" clients=4
# Let the rollup worker catch up, so rounds read what every reader reads.
for _ in $(seq 1 120); do
  pending=$(psql_q -d $DB -c "SELECT COUNT(*) FROM telemetry_batch WHERE NOT rolled_up" 2>/dev/null || echo 0)
  [ "$pending" = "0" ] && break; sleep 5
done
java bench/monitors/MonitorBench.java monitors url=http://localhost:$PORT tokenFile=$OUT/token workflows=$WORKFLOWS \
  monitors=$MONITORS clients=4
START=$(psql_q -d $DB -c "SELECT COALESCE(MAX(id), 0) FROM operations_round")
echo "== waiting for $ROUNDS rounds after round $START"
for _ in $(seq 1 720); do
  done_rounds=$(psql_q -d $DB -c "SELECT COUNT(*) FROM operations_round WHERE id > $START AND monitors >= $MONITORS")
  [ "$done_rounds" -ge "$ROUNDS" ] && break; sleep 5
done
psql_q -d $DB -F ' ' -c "SELECT id, monitors, firing, duration_ms FROM operations_round WHERE id > $START
  AND monitors >= $MONITORS ORDER BY id LIMIT $ROUNDS" | tee "$OUT/rounds.txt" \
  | awk '{print "round " $1 ": " $2 " monitors, " $3 " firing, " $4 " ms"}'
sort -n -k4 "$OUT/rounds.txt" | awk -v n="$ROUNDS" '{d[NR]=$4} END {
  p50=d[int((NR+1)/2)]; i=int(NR*0.95+0.999); if (i>NR) i=NR; p95=d[i];
  printf "== %d rounds: p50 %d ms, p95 %d ms; ratio to the 60 s round interval: p50 %.3f, p95 %.3f\n", NR, p50, p95, p50/60000, p95/60000 }'
