#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL cluster on loopback for the test suite.
# Installs the server from Debian's packages when it is missing.
#   scripts/postgres.sh start   -> prints the DATABASE_URL
#   scripts/postgres.sh stop
set -euo pipefail

PG_PORT="${PG_PORT:-54329}"
PG_DIR="${PG_DIR:-/tmp/intranet-test-pg-$PG_PORT}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

find_bindir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

ensure_installed() {
    if [ -z "$(find_bindir)" ] || [ ! -x "$(find_bindir)/pg_ctl" ]; then
        echo "PostgreSQL not found; installing it from Debian's packages" >&2
        as_root apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >&2
    fi
}

# PostgreSQL refuses to run as root, so a root caller runs it as the postgres user.
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
    ensure_installed
    local bin; bin="$(find_bindir)"
    if [ ! -f "$PG_DIR/PG_VERSION" ]; then
        mkdir -p "$PG_DIR"
        [ "$(id -u)" = 0 ] && chown postgres: "$PG_DIR"
        as_pg "$bin/initdb" -D "$PG_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
    fi
    if ! as_pg "$bin/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
        as_pg "$bin/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w \
            -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
    fi
    echo "postgres://postgres@127.0.0.1:$PG_PORT/intranet"
}

stop() {
    local bin; bin="$(find_bindir)"
    [ -n "$bin" ] && [ -f "$PG_DIR/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$PG_DIR" -m fast stop >&2 || true
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
