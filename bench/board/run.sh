#!/usr/bin/env bash
# Issue 14's benchmark, on this machine: the 10,000-person benchmark organization of bench/scorecards
# on PostgreSQL (PEOPLE people, WORKFLOWS workflows, EVENTS usage events, all through the API), then
# board packs made afresh for RUNS months and their PDFs, against the organization scorecard computed
# afresh in the same run (ScorecardBench's phase "packs").
# Usage: bench/board/run.sh [PEOPLE] [WORKFLOWS] [EVENTS] [RUNS]   (defaults 10000 500 10000000 6)
# Needs: a JDK 17+, PostgreSQL at 127.0.0.1:5432 with trust auth for user postgres (as in CI).
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH_PHASE=packs BENCH_DB=pitwall_boardbench BENCH_PORT=18082 BENCH_OUT=target/bench-board BENCH_RUNS="${4:-6}" \
  exec bench/scorecards/run.sh "${1:-10000}" "${2:-500}" "${3:-10000000}"
