#!/usr/bin/env bash
# Starts a throw-away PostgreSQL on loopback for the data-layer tests (Debian's package,
# installed when missing), prints its URL; `stop DIR` stops it.
set -euo pipefail
PORT=${PG_PORT:-54329}
cd /  # the postgres user cannot enter the caller's directory
if [ "${1:-start}" = stop ]; then
  dir=$2; bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"; exit 0
fi
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d /tmp/pg-test.XXXXXX); chown postgres "$dir"
runuser -u postgres -- "$bin/initdb" -A trust -U postgres -D "$dir/data" >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -o "-h 127.0.0.1 -p $PORT -k $dir" -l "$dir/log" -w start >/dev/null
runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U postgres dealer_test
echo "$dir postgresql://postgres@127.0.0.1:$PORT/dealer_test"
