#!/usr/bin/env bash
# How soon the demo is ready after its start command, on this machine (issue 10, §6).
# Each round starts, on a fresh embedded database, in this order:
#   1. the baseline: Pitwall with no profile (an empty organization);
#   2. the README's demo command (the demo profile: Northwind Freight and 90 days of telemetry).
# Each start is the README's command on an already compiled project (`./mvnw spring-boot:run`),
# timed from the command to /actuator/health/readiness answering UP, which the demo profile holds
# back until the whole demo is stored and rolled up. The phases come from the application's log.
# Usage: bench/demo/run.sh [ROUNDS]   (default 3); results in target/bench/demo.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-3}
OUT=target/bench
DATA=$(mktemp -d)
mkdir -p "$OUT"
./mvnw -q -B compile -Dpitwall.test.prepare.skip=true

ready() { # $1 = label, $2 = extra Maven arguments; prints seconds to readiness and the phases
  rm -rf "$DATA"/*
  local log="$OUT/demo-$1.log" start now status
  start=$(date +%s.%N)
  ./mvnw -q -B spring-boot:run $2 -Dspring-boot.run.jvmArguments="-Dpitwall.data-dir=$DATA -Dserver.port=18090" \
    -Dspring-boot.run.arguments="--pitwall.admin-password=bench-admin-password" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 1800); do
    status=$(curl -s -o /dev/null -w '%{http_code}' http://localhost:18090/actuator/health/readiness || true)
    [ "$status" = 200 ] && break
    sleep 0.1
  done
  now=$(date +%s.%N)
  pkill -f "pitwall.data-dir=$DATA" || true
  wait "$pid" 2>/dev/null || true
  python3 - "$1" "$(echo "$now - $start" | bc)" "$log" <<'PY'
import datetime, re, sys
label, seconds, log = sys.argv[1], float(sys.argv[2]), open(sys.argv[3], errors="replace").read()
def at(pattern):
    m = re.search(r"^(\S+)\s+INFO.*" + pattern, log, re.M)
    return datetime.datetime.fromisoformat(m.group(1).replace("Z", "+00:00")) if m else None
process = re.search(r"process running for ([0-9.]+)", log)
started, organization, telemetry = at("Started Pitwall"), at("Demo organization Northwind"), at("Demo telemetry generated")
phases = f"JVM to Spring started {float(process.group(1)):.1f} s" if process else ""
if organization:
    phases += f", organization {(organization - started).total_seconds():.1f} s"
if telemetry:
    events = re.search(r"generated: (\d+) usage events.*?(\d+) Microsoft.*?(\d+) GitHub", log)
    total = sum(int(x) for x in events.groups()) if events else 0
    seconds_telemetry = (telemetry - organization).total_seconds()
    phases += f", telemetry {seconds_telemetry:.1f} s ({total} events, {total / seconds_telemetry:,.0f} events/s)"
print(f"{label}\t{seconds:.1f}\t{phases}")
PY
}

{
  echo "# $(date -u +%FT%TZ) on $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo -e "# start\tseconds to ready\tphases"
  for round in $(seq 1 "$ROUNDS"); do
    ready baseline ""
    ready demo "-Dspring-boot.run.profiles=demo"
  done
} | tee "$OUT/demo.txt"
python3 - "$OUT/demo.txt" <<'PY'
import statistics, sys
rows = [l.split("\t") for l in open(sys.argv[1]) if not l.startswith("#")]
median = {k: statistics.median(float(r[1]) for r in rows if r[0] == k) for k in ("baseline", "demo")}
print(f"median: baseline {median['baseline']:.1f} s, demo {median['demo']:.1f} s, "
      f"ratio {median['demo'] / median['baseline']:.2f}, demo's own time {median['demo'] - median['baseline']:.1f} s")
PY
rm -rf "$DATA"
