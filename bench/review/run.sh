#!/usr/bin/env bash
# Issue 12's benchmark, on this machine: Pitwall on PostgreSQL, then review-item submission
# throughput and the runtime check's latency at RATE checks per second for SECONDS seconds, against
# GET /actuator/health at the same rate in the same run (bench/review/ReviewBench.java).
# Usage: bench/review/run.sh [RATE] [SECONDS] [ITEMS]   (defaults 1000 30 5000)
# Needs: a JDK 17+, PostgreSQL at 127.0.0.1:5432 with trust auth for user postgres (as in CI).
set -euo pipefail
cd "$(dirname "$0")/../.."
RATE=${1:-1000}
SECONDS_=${2:-30}
ITEMS=${3:-5000}
DB=pitwall_reviewbench
PORT=18083
PASSWORD=bench-admin-password
OUT=target/bench-review
mkdir -p "$OUT"
./mvnw -q -B package -DskipTests -Dpitwall.test.prepare.skip=true
JAR=$(ls target/pitwall-*.jar | grep -v plain | head -1)
psql_q() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -1), $(psql --version)"
psql_q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" && psql_q -c "CREATE DATABASE $DB"
java -Xmx1g -jar "$JAR" --server.port=$PORT --pitwall.admin-password=$PASSWORD --logging.level.root=WARN \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres \
  --spring.datasource.password= > "$OUT/pitwall.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; psql_q -c "DROP DATABASE IF EXISTS '$DB' WITH (FORCE)" || true' EXIT
for _ in $(seq 1 240); do curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && break; sleep 0.5; done
java bench/review/ReviewBench.java url=http://localhost:$PORT password=$PASSWORD items=$ITEMS clients=4 \
  rate=$RATE seconds=$SECONDS_ | tee "$OUT/results.txt"
