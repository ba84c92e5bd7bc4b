#!/usr/bin/env bash
# Makes a ClickHouse server answer for the ClickHouse event store's tests and benches
# (docs/scaling.md, "The ClickHouse event store"): installs Debian's clickhouse-server when it is
# missing and starts it as its own user, then waits for its HTTP interface.
# The URL is PITWALL_TEST_CLICKHOUSE_URL, by default http://127.0.0.1:8123 (Debian's configuration).
# Exit status 0 once it answers, 1 when it cannot be installed or started here.
set -u
url=${PITWALL_TEST_CLICKHOUSE_URL:-http://127.0.0.1:8123}
up() { curl -sf -m 2 "$url/ping" >/dev/null 2>&1; }
as_root() {
  if [ "$(id -u)" = "0" ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

if up; then echo "clickhouse: answering at $url"; exit 0; fi

if ! command -v clickhouse-server >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  echo "clickhouse: installing clickhouse-server from Debian's packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q clickhouse-server clickhouse-client >/dev/null 2>&1 \
    || { as_root apt-get update -q >/dev/null 2>&1 \
         && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q clickhouse-server clickhouse-client >/dev/null 2>&1; }
fi
if ! command -v clickhouse-server >/dev/null 2>&1; then
  echo "clickhouse: clickhouse-server is not installed and could not be (sudo apt-get install clickhouse-server)"
  exit 1
fi

# Debian's package has no running service without systemd: start the server as its user, detached.
echo "clickhouse: starting clickhouse-server"
as_root su -s /bin/sh clickhouse -c \
  "clickhouse-server --config-file=/etc/clickhouse-server/config.xml --daemon --pid-file=/tmp/clickhouse-server.pid" \
  >/dev/null 2>&1 || true
for _ in $(seq 1 60); do up && { echo "clickhouse: answering at $url"; exit 0; }; sleep 1; done
echo "clickhouse: the server did not answer at $url within 60 s (see /var/log/clickhouse-server/)"
exit 1
