#!/usr/bin/env bash
# The scorecards on both event stores, one after the other in one run: bench/scorecards/run.sh with
# the raw events in PostgreSQL (the database store) and then in ClickHouse, each organization built
# from nothing through the API. Rollups, packs and person months are PostgreSQL's in both, so the
# scorecards should read the same; what differs is where ingestion and the rollup worker read raw
# events from.
# Usage: bench/scorecards/stores.sh [PEOPLE] [WORKFLOWS] [EVENTS]   (defaults 10000 500 10000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/clickhouse.sh
for store in database clickhouse; do
  BENCH_STORE=$store BENCH_DB=pitwall_scorebench_$store BENCH_OUT=target/bench-scorecards-$store \
    bash bench/scorecards/run.sh "$@"
done
