#!/usr/bin/env bash
# Makes this machine ready for the whole test suite, as far as it can without asking:
#   - Chromium and ChromeDriver from Debian's packages (for the browser tests),
#   - a running PostgreSQL (for the second pass of the database tests),
#   - a running ClickHouse (for the ClickHouse event store's tests; scripts/clickhouse.sh).
# It is run by Maven before the tests (skip with -Dpitwall.test.prepare.skip=true) and by .ci/run.
# With --strict it fails when something is still missing; otherwise it explains and carries on,
# and the tests that need the missing piece are skipped.
set -u

strict=false
for arg in "$@"; do
  case "$arg" in
    --strict) strict=true ;;
    # Maven passes its test switches: when no test runs (-DskipTests, -Dmaven.test.skip), there
    # is nothing to prepare, and nothing is installed or started.
    --skip-tests=true) echo "prepare-test-env: tests are skipped; nothing to prepare"; exit 0 ;;
  esac
done
missing=()

as_root() {
  if [ "$(id -u)" = "0" ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

# Browser tests: Debian's chromium and chromium-driver (Selenium is pointed at /usr/bin/chromedriver).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "prepare-test-env: installing chromium and chromium-driver from Debian's packages"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 \
      || { as_root apt-get update -q >/dev/null 2>&1 \
           && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null 2>&1; }
  fi
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    missing+=("chromium and chromium-driver (sudo apt-get install chromium chromium-driver)")
  fi
fi

# Database tests, second pass: PostgreSQL at 127.0.0.1:5432 (or PITWALL_TEST_POSTGRES_URL).
pg_up() { command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; }
if [ -z "${PITWALL_TEST_POSTGRES_URL:-}" ] && ! pg_up; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    for version in $(ls /etc/postgresql 2>/dev/null); do
      echo "prepare-test-env: starting PostgreSQL $version"
      as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
    done
    for _ in 1 2 3 4 5 6 7 8 9 10; do pg_up && break; sleep 1; done
  fi
  pg_up || missing+=("a PostgreSQL server at 127.0.0.1:5432 (or set PITWALL_TEST_POSTGRES_URL)")
fi

# ClickHouse event store tests: a ClickHouse server at PITWALL_TEST_CLICKHOUSE_URL or 127.0.0.1:8123.
bash "$(dirname "$0")/clickhouse.sh" \
  || missing+=("a ClickHouse server at ${PITWALL_TEST_CLICKHOUSE_URL:-http://127.0.0.1:8123} (bash scripts/clickhouse.sh)")

if [ ${#missing[@]} -gt 0 ]; then
  for m in "${missing[@]}"; do echo "prepare-test-env: missing: $m"; done
  if $strict; then exit 1; fi
  echo "prepare-test-env: the tests that need these are skipped on this machine (CI runs them all)."
fi
exit 0
